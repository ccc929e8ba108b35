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

/** How long a request waits for the store's word before going on without it (Slack wants an ack within 3 s). */
const STORE_WAIT_MS = 1000;

export function seenKeys(store: Store | undefined, log: Log, now: () => number = Date.now, max = 5000): Seen {
  const recent = new RecentKeys(max);
  return {
    async first(key, ttlMs) {
      if (!recent.add(key)) return false;
      if (!store) return true;
      const t = now();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the store in ${STORE_WAIT_MS} ms`)), STORE_WAIT_MS);
      });
      try {
        return await Promise.race([store.firstSeen(key, t + ttlMs, t), late]);
      } catch (e) {
        // A store that does not answer must not cost the answer: at worst a retry is answered twice.
        log.warn('slack.seen_unavailable', { error: e });
        return true;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
