// How the scheduler hands a post to a chat platform. Adapters implement Poster; the core
// only knows whether a failure is worth retrying and how long the platform asked us to wait.
import type { Answer } from '../engine/types.js';
import type { OutboxPost, Platform } from '../store/types.js';

export interface Poster {
  readonly platform: Platform;
  /**
   * Sends the section summary to `post.channel`, starting at part `post.partsSent` (parts
   * before it were delivered by an earlier attempt). `delivered(n)` after each part lets the
   * outbox remember progress, so a retry never repeats a part.
   */
  send(post: OutboxPost, answer: Answer, delivered: (partsSent: number) => Promise<void>): Promise<void>;
}

/** A failed send: `retry` for rate limits, network and server errors; `permanent` otherwise. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly kind: 'retry' | 'permanent',
    /** What the platform asked for (Retry-After), in milliseconds. */
    readonly retryAfterMs: number | null = null,
    /** Whom the wait is for: this post, or every send to the workspace (Slack rate-limits a method per workspace). */
    readonly waitScope: 'post' | 'workspace' = 'post',
    /** The platform's own error, for explaining it to a person. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** Retry-After is seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | number | null | undefined, now = Date.now()): number | null {
  if (header === null || header === undefined || header === '') return null;
  const s = Number(header);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const at = Date.parse(String(header));
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** A post that is not in the outbox (`respbot post`): sent now, retried in this process. */
export function directPost(platform: Platform, channel: string, target: OutboxPost['target']): OutboxPost {
  const now = Date.now();
  return {
    key: `direct:${now}`,
    scheduleId: null,
    platform,
    channel,
    target,
    dueAt: now,
    state: 'sending',
    attempts: 1,
    nextAttemptAt: now,
    partsSent: 0,
    leaseOwner: null,
    leaseUntil: null,
    sentAt: null,
    lastError: null,
  };
}

/**
 * Sends now, trying again (at most `attempts` tries, each wait capped at a minute) after an error
 * `worthWaiting` accepts: by default any retryable one.
 */
export async function sendWithRetries(
  poster: Poster,
  post: OutboxPost,
  answer: Answer,
  attempts = 5,
  sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
  worthWaiting: (e: SendError) => boolean = () => true,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await poster.send(post, answer, async (n) => {
        post.partsSent = n;
      });
      return;
    } catch (e) {
      const err = e instanceof SendError ? e : new SendError(String((e as Error).message ?? e), 'retry');
      if (err.kind === 'permanent' || attempt >= attempts || !worthWaiting(err)) throw err;
      await sleep(Math.min(err.retryAfterMs ?? 1000 * 2 ** attempt, 60_000));
    }
  }
}
