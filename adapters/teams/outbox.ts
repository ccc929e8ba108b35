// Scheduled digests to Teams: proactive messages to the conversation reference stored when
// the bot was installed or last spoken to, through the SDK's API client with the bot's token.
// Throttling (429), precondition (412) and gateway errors (502, 504) are retried by the outbox.
import { Client } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { Answer } from '../../src/engine/types.js';
import { retryAfterMs, SendError, type Poster } from '../../src/schedule/poster.js';
import type { OutboxPost, Store } from '../../src/store/types.js';
import { asActivity, renderCards } from './cards.js';

const RETRY = new Set([408, 412, 429, 500, 502, 503, 504]);

/** An SDK (axios) error as the outbox sees it. */
export function classifyTeamsError(e: unknown): SendError {
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

export function teamsPoster(app: App, store: Store): Poster {
  return {
    platform: 'teams',
    async send(post: OutboxPost, answer: Answer, delivered) {
      const ref = await store.getConversation(post.channel);
      if (!ref) throw new SendError(`no stored conversation ${post.channel}: the bot must be installed there or spoken to once`, 'permanent');
      // The conversation's own service URL (regions differ; Teams sends it with a trailing
      // slash, which the client would double); the app's client carries the token.
      const api = new Client(ref.serviceUrl.replace(/\/+$/, ''), app.api.http);
      const cards = renderCards(answer, post.scheduleId ? { digest: post.scheduleId } : {});
      for (let i = post.partsSent; i < cards.length; i++) {
        try {
          await api.conversations.activities(ref.conversationId).create(asActivity(cards[i]!));
        } catch (e) {
          throw classifyTeamsError(e);
        }
        await delivered(i + 1);
      }
    },
  };
}
