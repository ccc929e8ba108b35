// The digest scheduler and its outbox. Each tick: due schedules become outbox rows (keyed by
// schedule and due time, so a tick is written once whichever replica gets there), then ready
// rows are claimed one at a time under a lease and sent. The lease is renewed while the post
// is sent (a heartbeat, and with each part delivered), and every write names the claim, so a
// replica that lost its lease stops before its next part. A failure is retried with backoff
// (the platform's Retry-After when it gives one); a process that dies mid-send leaves a lease
// that runs out, and the next claimer sends the parts not yet delivered.
import { hostname } from 'node:os';
import type { Engine } from '../engine/engine.js';
import { log as defaultLog, type Log } from '../log.js';
import type { Platform, Schedule, SectionRef, Store, TickPlan, OutboxPost } from '../store/types.js';
import { leaseOf, tickKey } from '../store/types.js';
import { SendError, type Poster } from './poster.js';
import { nextRun, nextInRotation } from './when.js';

export interface SchedulerOptions {
  store: Store;
  posters: Poster[];
  engine: () => Engine;
  log?: Log;
  /** The clock; tests pass a fake one. */
  now?: () => number;
  /** Ticks later than this when the bot comes back are skipped (logged), not posted. Default 1 h. */
  maxLateMs?: number;
  /** How long a claimed post is ours before another process may take it over. Default 2 min. */
  leaseMs?: number;
  /** How often the lease of the post being sent is renewed. Default a third of leaseMs. */
  renewEveryMs?: number;
  /** Attempts before a post is marked failed. Default 8 (about 20 minutes of backoff). */
  maxAttempts?: number;
  /** Loop period of start(). Default 15 s. */
  intervalMs?: number;
  /** Unique per process: who holds a lease. */
  owner?: string;
  /** Called after posts are claimed and before they are sent (tests kill the process here). */
  afterClaim?: (posts: OutboxPost[]) => void | Promise<void>;
}

export interface TickReport {
  planned: number;
  skipped: number;
  sent: number;
  retrying: number;
  failed: number;
  /** Posts this process stopped sending because another took them over (its lease ran out). */
  lost: number;
  /** The soonest retry this tick scheduled, so the loop wakes for it (Retry-After of 1 s). */
  retryAt: number | null;
}

const toRef = (doc: string, section: string): SectionRef => ({ doc, section });
const sameRef = (a: SectionRef | null, b: SectionRef) => !!a && a.doc === b.doc && a.section === b.section;

/** Every section with responsibilities, in document order: what `rotate` walks through. */
export function rotationOrder(engine: Engine): SectionRef[] {
  return engine.kb.documents.flatMap((d) => d.sections.filter((s) => s.entries.length > 0 || s.grid.length > 0).map((s) => toRef(d.id, s.id)));
}

/**
 * The posts for one due schedule: each tick from its next due time up to `now`, except those
 * more than `maxLateMs` late (skipped). Pure, so the fake-clock tests exercise it directly.
 */
export function planTicks(s: Schedule, now: number, maxLateMs: number, rotation: SectionRef[]): TickPlan & { skipped: number[] } {
  const posts: TickPlan['posts'] = [];
  const skipped: number[] = [];
  let last = s.lastRotated;
  let due = s.nextDue;
  // A bot down for a long time: jump to the window instead of walking every missed tick.
  if (now - due > maxLateMs) {
    skipped.push(due);
    due = nextRun(s, new Date(now - maxLateMs - 1)).getTime();
  }
  while (due <= now) {
    if (now - due > maxLateMs) skipped.push(due);
    else {
      let target: SectionRef | null = s.target === 'rotate' ? null : s.target;
      if (s.target === 'rotate') {
        // The section after the last one posted; a removed section starts the rotation again.
        const i = last ? rotation.findIndex((r) => sameRef(last, r)) : -1;
        target = nextInRotation(rotation, i >= 0 ? rotation[i]! : null);
        if (target) last = target;
      }
      if (target) posts.push({ key: tickKey(s.id, due), scheduleId: s.id, platform: s.platform, channel: s.channel, target, dueAt: due });
    }
    due = nextRun(s, new Date(due)).getTime();
  }
  return { posts, nextDue: due, lastRotated: last, skipped };
}

/** Exponential from 5 s, capped at 10 min, with ±20% jitter so replicas do not retry in step. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(5000 * 2 ** Math.max(0, attempt - 1), 600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class Scheduler {
  private readonly store: Store;
  private readonly posters: Map<Platform, Poster>;
  private readonly log: Log;
  private readonly now: () => number;
  private readonly maxLateMs: number;
  private readonly leaseMs: number;
  private readonly renewEveryMs: number;
  private readonly maxAttempts: number;
  private readonly intervalMs: number;
  readonly owner: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickReport> | null = null;
  private stopped = true;
  /** Set by stop(): a tick under way starts no further post. */
  private halting = false;
  /**
   * Platforms that asked this process to wait (Slack's 429 Retry-After holds for the whole
   * workspace, and this bot has one per platform), until when: their posts are not claimed.
   */
  private readonly pausedUntil = new Map<Platform, number>();

  constructor(private readonly opts: SchedulerOptions) {
    this.store = opts.store;
    this.posters = new Map(opts.posters.map((p) => [p.platform, p]));
    this.log = opts.log ?? defaultLog;
    this.now = opts.now ?? Date.now;
    this.maxLateMs = opts.maxLateMs ?? 3_600_000;
    this.leaseMs = opts.leaseMs ?? 120_000;
    this.renewEveryMs = opts.renewEveryMs ?? this.leaseMs / 3;
    this.maxAttempts = opts.maxAttempts ?? 8;
    this.intervalMs = opts.intervalMs ?? 15_000;
    this.owner = opts.owner ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  }

  /** Plan due ticks, then send what is ready. One at a time: a call during a tick waits for it. */
  tick(): Promise<TickReport> {
    if (!this.running) {
      this.running = this.runTick().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** Ticks now (missed ticks are caught up at once) and then every intervalMs. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.halting = false;
    const loop = async () => {
      let wait = this.intervalMs;
      try {
        const r = await this.tick();
        if (r.retryAt !== null) wait = Math.min(wait, Math.max(0, r.retryAt - this.now()));
      } catch (e) {
        // A store that is briefly unreachable: log and try again next period.
        this.log.error('scheduler.tick_failed', { error: e });
      }
      if (!this.stopped) this.timer = setTimeout(loop, wait);
    };
    void loop();
  }

  /** Stops the loop and waits for a send under way to finish (its result is recorded); posts not started stay for the next process. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  private async runTick(): Promise<TickReport> {
    const report: TickReport = { planned: 0, skipped: 0, sent: 0, retrying: 0, failed: 0, lost: 0, retryAt: null };
    const now = this.now();
    const rotation = rotationOrder(this.opts.engine());
    const planned = await this.store.planDue(now, (s) => {
      let p: ReturnType<typeof planTicks>;
      try {
        p = planTicks(s, now, this.maxLateMs, rotation);
      } catch (e) {
        // One schedule that cannot be planned (its cron never runs again) must not stop the others.
        this.log.error('schedule.unplannable', { schedule: s.id, cron: s.cron, error: e });
        return { posts: [], nextDue: Number.MAX_SAFE_INTEGER, lastRotated: s.lastRotated };
      }
      for (const due of p.skipped) {
        report.skipped++;
        this.log.warn('schedule.tick_skipped', {
          schedule: s.id,
          channel: s.channel,
          due: new Date(due).toISOString(),
          reason: `more than ${Math.round(this.maxLateMs / 60000)} min late`,
        });
      }
      return p;
    });
    report.planned = planned.length;
    // One post per claim: a lease covers what this process is sending now, never a queue of
    // posts it will only reach after the lease has run out (another replica takes the rest).
    while (!this.halting) {
      const open = [...this.posters.keys()].filter((p) => (this.pausedUntil.get(p) ?? 0) <= this.now());
      if (open.length === 0) break;
      const [post] = await this.store.claim(this.owner, this.now(), this.leaseMs, 1, open);
      if (!post) break;
      await this.opts.afterClaim?.([post]);
      const r = await this.send(post);
      if (typeof r === 'number') {
        report.retrying++;
        report.retryAt = Math.min(report.retryAt ?? r, r);
      } else report[r]++;
    }
    // Wake when a pause ends, for the posts it held back.
    for (const until of this.pausedUntil.values()) if (until > this.now()) report.retryAt = Math.min(report.retryAt ?? until, until);
    return report;
  }

  /** 'sent', 'failed', 'lost' (taken over by another process), or the time of the next attempt. */
  private async send(post: OutboxPost): Promise<'sent' | 'failed' | 'lost' | number> {
    const poster = this.posters.get(post.platform)!;
    const answer = this.opts.engine().section(post.target.doc, post.target.section);
    const lease = leaseOf(post);
    const fields = { key: post.key, platform: post.platform, channel: post.channel, attempt: post.attempts };
    let partsSent = post.partsSent;
    // The heartbeat keeps the lease while a platform call is slower than it.
    let held = true;
    const heartbeat = setInterval(() => {
      this.store.renew(lease, this.now() + this.leaseMs).then(
        (ok) => (held &&= ok),
        (e: unknown) => this.log.warn('outbox.renew_failed', { ...fields, error: e }),
      );
    }, this.renewEveryMs);
    heartbeat.unref();
    const lost = () => {
      this.log.warn('outbox.lease_lost', {
        ...fields,
        partsSent,
        reason: 'another process took the post over after this one held it longer than its lease; stopped sending it',
      });
      return 'lost' as const;
    };
    try {
      if (!answer) throw new SendError(`section ${post.target.doc}/${post.target.section} is no longer in the documents`, 'permanent');
      await poster.send(post, answer, async (n) => {
        partsSent = n;
        // Recorded and renewed in one fenced write; lost, the next part is not sent.
        if (!held || !(await this.store.progress(lease, n, this.now() + this.leaseMs))) throw new LeaseLost();
      });
      if (!(await this.store.finish(lease, { state: 'sent', at: this.now() }))) return lost();
      this.log.info('outbox.sent', { ...fields, lateMs: this.now() - post.dueAt });
      return 'sent';
    } catch (e) {
      if (e instanceof LeaseLost) return lost();
      const err = e instanceof SendError ? e : new SendError((e as Error).message ?? String(e), 'retry');
      if (err.kind === 'permanent' || post.attempts >= this.maxAttempts) {
        if (!(await this.store.finish(lease, { state: 'failed', error: err.message }))) return lost();
        this.log.error('outbox.failed', { ...fields, error: err.message });
        return 'failed';
      }
      const wait = err.retryAfterMs ?? backoffMs(post.attempts);
      const at = this.now() + wait;
      if (err.waitScope === 'workspace' && err.retryAfterMs !== null && at > (this.pausedUntil.get(post.platform) ?? 0)) {
        this.pausedUntil.set(post.platform, at);
        this.log.warn('outbox.paused', { platform: post.platform, waitMs: wait, reason: err.message });
      }
      if (!(await this.store.finish(lease, { state: 'pending', nextAttemptAt: at, error: err.message }))) return lost();
      this.log.warn('outbox.retry', { ...fields, error: err.message, waitMs: wait });
      return at;
    } finally {
      clearInterval(heartbeat);
    }
  }
}

/** Thrown from the delivered-part callback when the lease is gone, so the poster sends no more parts. */
class LeaseLost extends Error {
  constructor() {
    super('the lease on this post was lost');
  }
}
