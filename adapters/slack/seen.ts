// What this bot has already handled from Slack: event ids (Slack redelivers an event it thinks
// we missed, X-Slack-Retry-Num, to whichever replica the load balancer picks) and request
// signatures (a replayed request). Kept in the store, which replicas share; a small set in
// memory in front saves a query when the same process sees a key again.
import type { Log } from '../../src/log.js';
import type { Store } from '../../src/store/types.js';

export interface Seen {
  /** True the first time `key` is seen by any process on the store within `ttlMs`. */
  first(key: string, ttlMs: number): Promise<boolean>;
}

/** Insertion-ordered, bounded: the oldest keys go first. */
class RecentKeys {
  private keys = new Set<string>();
  constructor(private readonly max: number) {}
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.max) this.keys.delete(this.keys.values().next().value!);
    return true;
  }
}

export function seenKeys(store: Store | undefined, log: Log, now: () => number = Date.now, max = 5000): Seen {
  const recent = new RecentKeys(max);
  return {
    async first(key, ttlMs) {
      if (!recent.add(key)) return false;
      if (!store) return true;
      try {
        const t = now();
        return await store.firstSeen(key, t + ttlMs, t);
      } catch (e) {
        // A store that does not answer must not cost the answer: at worst a retry is answered twice.
        log.warn('slack.seen_unavailable', { error: e });
        return true;
      }
    },
  };
}
