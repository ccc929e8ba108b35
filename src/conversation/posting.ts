// The one way respbot posts a section summary: digests from the outbox, a `post` command in
// chat and `respbot post` from a script all lay the summary out the same way and hand it to
// the adapter through a Poster, with the same errors and retries.
import type { Answer } from '../engine/types.js';
import { answerCards } from '../present/present.js';
import { directPost, sendWithRetries, type Poster } from '../schedule/poster.js';
import type { OutboxPost } from '../store/types.js';
import type { Adapter } from './adapter.js';

export function posterFor(adapter: Adapter): Poster {
  return {
    platform: adapter.platform,
    async send(post: OutboxPost, answer: Answer, delivered) {
      const cards = answerCards(answer, { voice: adapter.voice, budget: adapter.budget, ...(post.scheduleId ? { digest: post.scheduleId } : {}) });
      try {
        await adapter.send(post.channel, cards, post.partsSent, delivered);
      } catch (e) {
        throw adapter.classify(e, post.channel);
      }
    },
  };
}

export interface PostOutcome {
  ok: boolean;
  /** Cards posted (all of them when ok). */
  posted: number;
  parts: number;
  error: unknown;
}

/**
 * A section summary posted now (not through the outbox): someone is waiting, so only a wait the
 * platform asked for (Retry-After) is waited out; a network error is said at once.
 */
export async function postNow(adapter: Adapter, channel: string, answer: Answer, attempts = 4): Promise<PostOutcome> {
  const s = answer.section!;
  const post = directPost(adapter.platform, channel, { doc: s.doc, section: s.id });
  const parts = answerCards(answer, { voice: adapter.voice, budget: adapter.budget }).length;
  // Node 20's fetch can leave a reset connection's request unsettled with nothing else holding
  // the event loop open: a one-shot `respbot post` would exit 0 mid-post. This keeps it open.
  const hold = setInterval(() => {}, 60_000);
  try {
    await sendWithRetries(posterFor(adapter), post, answer, attempts, undefined, (e) => e.retryAfterMs !== null);
    return { ok: true, posted: parts, parts, error: null };
  } catch (e) {
    return { ok: false, posted: post.partsSent, parts, error: e };
  } finally {
    clearInterval(hold);
  }
}
