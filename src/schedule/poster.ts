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
  ) {
    super(message);
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
