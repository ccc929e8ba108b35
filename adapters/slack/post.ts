// Posting a section summary to a Slack channel: for `/responsibility post` and `respbot post`.
import type { WebClient } from '@slack/web-api';
import type { Engine } from '../../src/engine/engine.js';
import { renderAnswer } from './blocks.js';
import { escapeSlack } from './escape.js';

export interface PostResult {
  ok: boolean;
  /** What to tell whoever asked (Slack mrkdwn). */
  message: string;
  /** Timestamps of the posted messages (one per part). */
  ts: string[];
}

/** "<#C123|sre>", "<#C123>" or a bare channel id at the end of a command's text. */
export function splitChannel(text: string): { rest: string; channel: string | null } {
  const m = /\s*(?:<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>|\b([CGD][A-Z0-9]{8,}))\s*$/.exec(text);
  if (!m) return { rest: text.trim(), channel: null };
  return { rest: text.slice(0, m.index).trim(), channel: m[1] ?? m[2]! };
}

/** Why Slack refused a post, and what to do about it. */
export function explainSlackError(code: string | undefined, channel: string): string {
  switch (code) {
    case 'not_in_channel':
      return `I am not in <#${channel}>. Invite me there with \`/invite @respbot\`, then try again.`;
    case 'channel_not_found':
      return `I cannot see <#${channel}>: for a private channel, invite me first with \`/invite @respbot\`.`;
    case 'is_archived':
      return `<#${channel}> is archived.`;
    case 'missing_scope':
    case 'not_allowed_token_type':
      return 'The app lacks the chat:write scope; reinstall it from adapters/slack/manifest.yaml.';
    case 'invalid_auth':
    case 'not_authed':
      return 'Slack rejected the bot token (SLACK_BOT_TOKEN).';
    default:
      return `Slack refused the post (${code ?? 'error'}).`;
  }
}

export async function postSection(client: WebClient, engine: Engine, channel: string, section: string): Promise<PostResult> {
  const found = engine.findSection(section);
  if (!('answer' in found)) {
    const names = found.suggestions.map((s) => `*${escapeSlack(s)}*`).join(', ');
    return { ok: false, message: `There is no section "${escapeSlack(section)}". Closest: ${names}.`, ts: [] };
  }
  const pages = renderAnswer(found.answer);
  const ts: string[] = [];
  try {
    for (const page of pages) {
      const res = await client.chat.postMessage({ channel, ...page });
      if (res.ts) ts.push(res.ts);
    }
  } catch (e) {
    const code = (e as { data?: { error?: string } }).data?.error;
    return { ok: false, message: explainSlackError(code, channel), ts };
  }
  const title = found.answer.section!.title;
  return { ok: true, message: `Posted the *${escapeSlack(title)}* summary to <#${channel}>${pages.length > 1 ? ` in ${pages.length} parts` : ''}.`, ts };
}
