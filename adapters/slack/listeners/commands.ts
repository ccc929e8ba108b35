// The slash command: the first cards are its acknowledgement (Slack's 3 seconds, no API
// call), what follows (a post, a schedule command) replies through response_url.
import type { App } from '@slack/bolt';
import { unescapeSlack } from '../escape.js';
import { slackMessage } from '../render.js';
import type { Listening } from './shared.js';

export function listenToCommands(app: App, l: Listening): void {
  app.command(/^\/.+/, async ({ command, ack, respond }) => {
    const out = await l.router({
      text: unescapeSlack(command.text).trim() || 'help',
      where: { platform: 'slack', channel: command.channel_id, team: command.team_id ?? null, user: command.user_id },
      private: true,
      requestId: command.trigger_id,
    });
    const [first, ...rest] = out.cards.map(slackMessage);
    await ack(first ? { response_type: 'ephemeral', ...first } : undefined);
    for (const m of rest) await respond({ response_type: 'ephemeral', ...m });
    if (!out.later) return;
    // A post's result replaces its "Posting …" note; anything else is a new reply.
    const after = (await out.later()).map(slackMessage);
    for (const m of after) await respond({ response_type: 'ephemeral', replace_original: !!first, ...m });
  });
}
