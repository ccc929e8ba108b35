// What respbot keeps between restarts: scheduled digests, an outbox of posts, the addresses
// proactive posts need (opaque to the core), and the Slack deliveries already handled. Two implementations pass one test suite
// (test/store/contract.test.ts): embedded SQLite for one process, PostgreSQL for replicas.
// Times are epoch milliseconds throughout, so both stores compare them the same way.

/** A chat platform's name ("slack", "teams"): the store keeps it, the core never branches on it. */
export type Platform = string;

/** A section of a loaded document: what a digest posts. */
export interface SectionRef {
  doc: string;
  section: string;
}

export interface Schedule {
  /** Short and typable: `/responsibility unschedule s-4k7q2m`. */
  id: string;
  platform: Platform;
  channel: string;
  /** The Slack workspace (team id) or Teams tenant it was made in; null for schedules made before this was kept. */
  team: string | null;
  /** One section each time, or `rotate`: the next section of the documents each time. */
  target: SectionRef | 'rotate';
  /** The section title when scheduled, to list it without loading documents. */
  label: string;
  cron: string;
  timezone: string;
  description: string;
  createdBy: string | null;
  createdAt: number;
  /** The next tick not yet turned into an outbox post. */
  nextDue: number;
  /** The section the last rotation tick posted. */
  lastRotated: SectionRef | null;
}

export type NewSchedule = Omit<Schedule, 'id' | 'createdAt' | 'lastRotated' | 'team'> & { team?: string | null };

/**
 * Where a schedule command comes from: schedules are listed and stopped only from their own
 * channel and workspace (tenant). A schedule with no team (made before teams were kept) is
 * matched by its channel alone.
 */
export interface ScheduleScope {
  channel: string;
  team: string | null;
}

export type PostState = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxPost {
  /** `<schedule id>@<due time ISO>`: one row per tick, whichever replica writes it first. */
  key: string;
  scheduleId: string | null;
  platform: Platform;
  channel: string;
  target: SectionRef;
  dueAt: number;
  state: PostState;
  /** Send attempts started (a claim counts one). */
  attempts: number;
  nextAttemptAt: number;
  /** Messages of a multi-part summary already delivered: a retry continues after them. */
  partsSent: number;
  leaseOwner: string | null;
  leaseUntil: number | null;
  sentAt: number | null;
  lastError: string | null;
}

export type NewPost = Pick<OutboxPost, 'key' | 'scheduleId' | 'platform' | 'channel' | 'target' | 'dueAt'>;

/**
 * One claim on a post: its holder and the attempt the claim counted. Every write while
 * sending names it, and lands only while that claim is current: a process whose lease ran
 * out and was taken over (even by itself, later) changes nothing.
 */
export interface Lease {
  key: string;
  owner: string;
  attempt: number;
}

/** The lease a claimed post is held under. */
export const leaseOf = (p: OutboxPost): Lease => ({ key: p.key, owner: p.leaseOwner ?? '', attempt: p.attempts });

/** What the scheduler decided for one due schedule, written in the same transaction. */
export interface TickPlan {
  posts: NewPost[];
  nextDue: number;
  lastRotated: SectionRef | null;
}

/** How a platform reaches a channel for a proactive post: JSON its adapter writes and reads. */
export interface Address {
  platform: Platform;
  channel: string;
  address: unknown;
  updatedAt: number;
}

/** A question the bot could not serve: it abstained, or the asker gave the answer a 👎. */
export interface Signal {
  kind: 'unanswered' | 'disliked';
  at: number;
  platform: Platform;
  question: string;
  /** For a 👎: the entry that was answered. */
  entryId: string | null;
  /** What the bot had closest at the time ("Section › task"). */
  candidates: string[];
  /** Only with LOG_USER_IDS=true. */
  user: string | null;
}

export type StoreHealth = { ok: true } | { ok: false; problem: string };

export type PostOutcome = { state: 'sent'; at: number } | { state: 'pending'; nextAttemptAt: number; error: string } | { state: 'failed'; error: string };

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  addSchedule(s: NewSchedule): Promise<Schedule>;
  /** The platform's schedules; with `channel`, that channel's; with `team` too, only those of that team (or of none). */
  listSchedules(platform: Platform, channel?: string, team?: string | null): Promise<Schedule[]>;
  getSchedule(id: string): Promise<Schedule | null>;
  /** Removes the platform's schedule `id` if it belongs to `scope`; its unsent posts go with it. */
  removeSchedule(platform: Platform, id: string, scope: ScheduleScope): Promise<Schedule | null>;

  /**
   * For each schedule due at `now`, locked so that one replica plans it: `plan` decides the
   * posts and the next due time; both are written in one transaction. Posts whose key exists
   * already are not written again.
   */
  planDue(now: number, plan: (s: Schedule) => TickPlan): Promise<NewPost[]>;
  enqueue(post: NewPost): Promise<boolean>;
  /** Up to `limit` posts for `platforms` ready to send, leased to `owner` until `now + leaseMs`. */
  claim(owner: string, now: number, leaseMs: number, limit: number, platforms: Platform[]): Promise<OutboxPost[]>;
  /** Extends the lease to `until`; false if it is no longer held (taken over: stop sending). */
  renew(lease: Lease, until: number): Promise<boolean>;
  /** Records delivered parts (so a retry does not repeat them) and extends the lease; false if it was lost. */
  progress(lease: Lease, partsSent: number, until: number): Promise<boolean>;
  /** Records the outcome and ends the lease; false if it was lost (the outcome is not recorded). */
  finish(lease: Lease, outcome: PostOutcome): Promise<boolean>;
  getPost(key: string): Promise<OutboxPost | null>;
  listPosts(filter?: { state?: PostState; scheduleId?: string }): Promise<OutboxPost[]>;

  recordSignal(s: Signal): Promise<void>;
  /** Signals at or after `since`, oldest first. */
  listSignals(since: number): Promise<Signal[]>;

  /** Keeps how `platform` reaches `channel` later (replacing what was kept). */
  saveAddress(platform: Platform, channel: string, address: unknown): Promise<void>;
  getAddress(platform: Platform, channel: string): Promise<Address | null>;
  /** The platform's addresses, most recently updated first. */
  listAddresses(platform: Platform): Promise<Address[]>;

  /**
   * Records `key` (a Slack event id, a request signature) as seen until `expiresAt`. True the
   * first time, or once the earlier record has expired; false while it stands. Of several
   * processes on one store asking at once, exactly one gets true.
   */
  firstSeen(key: string, expiresAt: number, now?: number): Promise<boolean>;

  /**
   * Can the store keep what it is given (for /readyz): it takes a real write, and for SQLite
   * the path still names the file it has open and SQLite's quick_check finds it sound.
   */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** `s-` and six lowercase letters or digits without look-alikes (0/o, 1/l). */
export function newScheduleId(random: () => number = Math.random): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  let id = 's-';
  for (let i = 0; i < 6; i++) id += alphabet[Math.floor(random() * alphabet.length)];
  return id;
}

export const tickKey = (scheduleId: string, dueAt: number): string => `${scheduleId}@${new Date(dueAt).toISOString()}`;
