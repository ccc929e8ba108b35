// Slack mrkdwn escaping. Only &, < and > are control characters for Slack: escaped, no
// text can form a link, a user mention or a <!channel> broadcast. We never set link_names,
// so a plain "@channel" stays text.
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A link whose URL we made (document links), with escaped label. */
export function slackLink(url: string, label: string): string {
  return `<${url.replace(/[<>|\s]/g, encodeURIComponent)}|${escapeSlack(label).replace(/\|/g, '¦')}>`;
}

/** A user's message with the bot's (and anyone's) mention tokens removed: "<@U123> who…" → "who…". */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Slack escapes &, < and > in what it sends us (slash command text with escaping on). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
