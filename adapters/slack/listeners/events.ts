// Events: a mention in a channel (answered in its thread), a direct message, the Home tab.
import type { App } from '@slack/bolt';
import { homeCard } from '../../../src/present/present.js';
import { stripMentions } from '../escape.js';
import { homeView, SLACK_HOME_BUDGET } from '../render.js';
import { requestIdOf, sendAll, type Listening } from './shared.js';

export function listenToEvents(app: App, l: Listening, botUserId: () => string | undefined): void {
  app.event('app_mention', async ({ event, say, body }) => {
    // A bot's message (another app's, or our own quoting a mention) is not a question: answering would start a loop.
    const by = event as { bot_id?: string; user?: string };
    if (by.bot_id || (botUserId() && by.user === botUserId())) {
      l.log.info('slack.bot_mention_ignored', { botId: by.bot_id ?? null });
      return;
    }
    if (!(await l.firstDelivery(body))) return;
    const thread = event.thread_ts ?? event.ts;
    const out = await l.router({
      text: stripMentions(event.text ?? '') || 'help',
      where: { platform: 'slack', channel: event.channel, team: (body as { team_id?: string }).team_id ?? null, user: by.user ?? '' },
      requestId: requestIdOf(body),
    });
    const reply = (m: object) => say({ ...m, thread_ts: thread } as Parameters<typeof say>[0]);
    await sendAll(out.cards, reply);
    if (out.later) await sendAll(await out.later(), reply);
  });

  app.message(async ({ message, say, body }) => {
    const m = message as { channel_type?: string; subtype?: string; bot_id?: string; text?: string; channel?: string; user?: string };
    if (m.channel_type !== 'im' || m.subtype || m.bot_id || !m.text) return;
    if (!(await l.firstDelivery(body))) return;
    const out = await l.router({
      text: stripMentions(m.text),
      where: { platform: 'slack', channel: m.channel ?? '', team: (body as { team_id?: string }).team_id ?? null, user: m.user ?? '' },
      requestId: requestIdOf(body),
    });
    await sendAll(out.cards, (msg) => say(msg));
    if (out.later) await sendAll(await out.later(), (msg) => say(msg));
  });

  app.event('app_home_opened', async ({ event, client, body }) => {
    if (!(await l.firstDelivery(body))) return;
    const engine = l.engine();
    const sections = engine.index.services.flatMap((g) =>
      g.doc.sections.map((s) => ({ id: s.id, title: s.title, doc: g.doc.id, service: g.service, lastUpdated: g.doc.lastUpdated, url: null, text: '' })),
    );
    await client.views.publish({
      user_id: event.user,
      view: homeView(homeCard(sections, engine.index.examples, { voice: l.adapter.voice, budget: SLACK_HOME_BUDGET })),
    });
  });
}
