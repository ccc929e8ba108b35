// Teams as the conversation core sees it: cards sent proactively to a conversation through
// the reference stored when respbot was installed there or last spoken to, failures sorted
// for the outbox (throttling, precondition and gateway errors are retried) and explained.
import { Client } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { Adapter } from '../../src/conversation/adapter.js';
import type { Voice } from '../../src/present/sentences.js';
import { retryAfterMs, SendError } from '../../src/schedule/poster.js';
import type { Store } from '../../src/store/types.js';
import { getReference } from './reference.js';
import { TEAMS_BUDGET, teamsActivity } from './render.js';

export const TEAMS_VOICE: Voice = {
  command: (text) => text,
  howToAsk: 'Ask in a chat, or mention me in a channel.',
  privateReplies: false,
  zoneSource: 'Teams',
  posts: 'here',
};

const RETRY = new Set([408, 412, 429, 500, 502, 503, 504]);

/** An SDK (axios) error as the outbox sees it. */
export function classifyTeamsError(e: unknown): SendError {
  if (e instanceof SendError) return e;
  const res = (e as { response?: { status?: number; headers?: Record<string, unknown> } }).response;
  const status = res?.status;
  if (!status) return new SendError(`cannot reach the Bot Connector: ${(e as Error).message ?? String(e)}`, 'retry');
  const header = res.headers?.['retry-after'];
  const wait = retryAfterMs(typeof header === 'string' || typeof header === 'number' ? header : null);
  if (RETRY.has(status)) return new SendError(`Bot Connector answered HTTP ${status}`, 'retry', wait);
  if (status === 403) return new SendError('HTTP 403: the bot was removed from the conversation or may not post there', 'permanent');
  if (status === 404) return new SendError('HTTP 404: the conversation no longer exists', 'permanent');
  return new SendError(`Bot Connector answered HTTP ${status}`, 'permanent');
}

export function teamsAdapter(app: App, store: Store): Adapter {
  return {
    platform: 'teams',
    voice: TEAMS_VOICE,
    budget: TEAMS_BUDGET,
    async send(conversationId, cards, from, delivered) {
      const ref = await getReference(store, conversationId);
      if (!ref) throw new SendError(`no stored conversation ${conversationId}: the bot must be installed there or spoken to once`, 'permanent');
      // The conversation's own service URL (regions differ; Teams sends it with a trailing
      // slash, which the client would double); the app's client carries the token.
      const api = new Client(ref.serviceUrl.replace(/\/+$/, ''), app.api.http);
      for (let i = from; i < cards.length; i++) {
        try {
          await api.conversations.activities(ref.conversationId).create(teamsActivity(cards[i]!));
        } catch (e) {
          throw classifyTeamsError(e);
        }
        await delivered(i + 1);
      }
    },
    classify: (e) => classifyTeamsError(e),
    explainFailure: (e, _channel, posted, parts) => {
      const sent = posted > 0 ? ` Only ${posted} of ${parts} parts were posted.` : '';
      return [`The post did not go through: ${classifyTeamsError(e).message}.${sent}`];
    },
  };
}
