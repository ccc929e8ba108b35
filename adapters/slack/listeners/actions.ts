// Button clicks: acknowledged at once, then answered where the click came from (privately,
// through response_url, or in a DM when Slack gives none).
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { clickFrom } from '../../../src/present/actions.js';
import { kindOfActionId, OUR_ACTION_IDS, slackMessage } from '../render.js';
import { requestIdOf, type Listening } from './shared.js';

/** A click's payload: our JSON value, with the kind from the action id (older buttons carried no kind). */
function payload(actionId: string, value: string | undefined): unknown {
  const kind = kindOfActionId(actionId);
  if (!kind) return null;
  let v: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(value ?? '{}') as unknown;
    if (parsed && typeof parsed === 'object') v = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  return { ...v, respbot: kind.kind, ...(kind.vote ? { vote: kind.vote } : {}) };
}

export function listenToActions(app: App, l: Listening): void {
  // One listener for every button: Bolt runs each listener's matchers on every request, so
  // fewer listeners is less work per slash command too.
  app.action<BlockAction<ButtonAction>>(OUR_ACTION_IDS, async ({ ack, body, action, respond, client }) => {
    await ack();
    const click = clickFrom(payload(action.action_id, action.value));
    if (!click) return;
    const channel = body.channel?.id ?? body.container?.channel_id ?? '';
    const out = await l.router({
      click,
      where: { platform: 'slack', channel, team: body.team?.id ?? null, user: body.user.id },
      private: !!body.response_url,
      requestId: requestIdOf(body),
    });
    const cards = [...out.cards, ...(out.later ? await out.later() : [])];
    for (const m of cards.map(slackMessage)) {
      if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, ...m });
      else await client.chat.postMessage({ channel: body.user.id, ...m });
    }
    if (out.dismiss && body.response_url) await respond({ delete_original: true });
  });
}
