// What the Slack listeners share: the router, the adapter, and how a redelivered event is told.
import type { Adapter } from '../../../src/conversation/adapter.js';
import type { Router } from '../../../src/conversation/router.js';
import type { Engine } from '../../../src/engine/engine.js';
import type { Log } from '../../../src/log.js';
import type { Card } from '../../../src/present/card.js';
import { slackMessage, type SlackMessage } from '../render.js';

export interface Listening {
  router: Router;
  adapter: Adapter;
  engine: () => Engine;
  log: Log;
  /** false for an event Slack delivers again (a retry), whichever replica saw it first. */
  firstDelivery(body: unknown): Promise<boolean>;
}

/** Sends each card as a message, in order. */
export async function sendAll(cards: Card[], send: (m: SlackMessage) => Promise<unknown>): Promise<void> {
  for (const c of cards) await send(slackMessage(c));
}

/** The id of the incoming event, for the logs: event_id, trigger_id, or the clicked message's ts. */
export function requestIdOf(body: unknown): string | undefined {
  const b = body as { event_id?: string; trigger_id?: string; container?: { message_ts?: string } };
  return b.event_id ?? b.trigger_id ?? b.container?.message_ts;
}
