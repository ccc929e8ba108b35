// The embedded store: one SQLite file (better-sqlite3 12; 13 needs Node 22). For one bot
// process; the command line may open the same file alongside it (WAL, busy timeout).
// Write transactions are IMMEDIATE, so planning a tick and claiming posts never interleave.
// Each call first checks that the path still names the file held open: after a delete or a
// replace SQLite would go on writing to the old file and report success for what is lost.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  ADDED_COLUMNS,
  encodeTarget,
  MIGRATE_CONVERSATIONS,
  SCHEMA,
  SEEN_PRUNE_MS,
  signalValues,
  toAddress,
  toPost,
  toSchedule,
  toSignal,
  type AddressRow,
  type PostRow,
  type ScheduleRow,
  type SignalRow,
} from './rows.js';
import {
  newScheduleId,
  type Lease,
  type NewPost,
  type NewSchedule,
  type OutboxPost,
  type Platform,
  type PostOutcome,
  type PostState,
  type Schedule,
  type ScheduleScope,
  type Signal,
  type Store,
  type StoreHealth,
  type TickPlan,
} from './types.js';

/** The store's file is gone or another file took its path: what is written now would be lost. */
export class StoreFileError extends Error {}

export function openSqliteStore(path: string): Store {
  const onDisk = path !== ':memory:';
  if (onDisk) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  for (const sql of SCHEMA) db.exec(sql);
  // A file from an older respbot: add the columns it lacks (IMMEDIATE, so two processes opening it do not both try).
  db.transaction(() => {
    for (const { table, column, type } of ADDED_COLUMNS) {
      const has = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).some((c) => c.name === column);
      if (!has) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    }
    if (db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'conversations'`).get()) for (const sql of MIGRATE_CONVERSATIONS) db.exec(sql);
  }).immediate();

  // The file as opened; the path is compared with it before each call (a stat: microseconds).
  const opened = onDisk ? statSync(path) : null;
  const moved = (): string | null => {
    if (!opened) return null;
    try {
      const now = statSync(path);
      return now.ino === opened.ino && now.dev === opened.dev ? null : `the store file ${path} was replaced by another file`;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? `the store file ${path} was deleted`
        : `the store file ${path} cannot be seen: ${(e as Error).message}`;
    }
  };
  const checked =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const why = moved();
      if (why)
        throw new StoreFileError(
          `${why.replace(/ was (deleted|replaced by another file)$/, ' was deleted or replaced')} while respbot ran, so nothing written now would be kept; restart respbot to open a store at that path`,
        );
      return fn(...args);
    };

  const health = async (): Promise<StoreHealth> => {
    const why = moved();
    if (why) return { ok: false, problem: `${why} while respbot ran; restart respbot to open a store at that path` };
    if (onDisk) {
      // SQLite's own check, on a connection of its own: it reads the file as it is on disk,
      // not pages this connection has cached.
      let verdict: string;
      try {
        const fresh = new Database(path, { readonly: true, fileMustExist: true });
        try {
          verdict = String(fresh.pragma('quick_check(1)', { simple: true }));
        } finally {
          fresh.close();
        }
      } catch (e) {
        verdict = (e as Error).message;
      }
      if (verdict !== 'ok') return { ok: false, problem: `the store file ${path} is corrupt: ${verdict.split('\n').join('; ')}` };
    }
    try {
      db.prepare('INSERT INTO store_health (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at').run(Date.now());
    } catch (e) {
      return { ok: false, problem: `the store file ${path} does not take a write: ${(e as Error).message}` };
    }
    return { ok: true };
  };

  const insertPost = db.prepare(
    `INSERT INTO outbox (key, schedule_id, platform, channel, target, due_at, next_attempt_at)
     VALUES (@key, @scheduleId, @platform, @channel, @target, @dueAt, @dueAt) ON CONFLICT (key) DO NOTHING`,
  );
  const enqueueOne = (p: NewPost): boolean => insertPost.run({ ...p, target: JSON.stringify(p.target) }).changes > 0;

  const addSchedule = db.transaction((s: NewSchedule): Schedule => {
    let id = newScheduleId();
    while (db.prepare('SELECT 1 FROM schedules WHERE id = ?').get(id)) id = newScheduleId();
    const createdAt = Date.now();
    const team = s.team ?? null;
    db.prepare(
      `INSERT INTO schedules (id, platform, channel, team, target, label, cron, timezone, description, created_by, created_at, next_due)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, s.platform, s.channel, team, encodeTarget(s.target), s.label, s.cron, s.timezone, s.description, s.createdBy, createdAt, s.nextDue);
    return { ...s, team, id, createdAt, lastRotated: null };
  });

  const removeSchedule = db.transaction((platform: Platform, id: string, scope: ScheduleScope): Schedule | null => {
    const row = db
      .prepare('SELECT * FROM schedules WHERE id = ? AND platform = ? AND channel = ? AND (team IS NULL OR team = ?)')
      .get(id, platform, scope.channel, scope.team) as ScheduleRow | undefined;
    if (!row) return null;
    db.prepare('DELETE FROM schedules WHERE id = ?').run(id);
    db.prepare(`DELETE FROM outbox WHERE schedule_id = ? AND state = 'pending'`).run(id);
    return toSchedule(row);
  });

  const planDue = db.transaction((now: number, plan: (s: Schedule) => TickPlan): NewPost[] => {
    const due = (db.prepare('SELECT * FROM schedules WHERE next_due <= ? ORDER BY next_due').all(now) as ScheduleRow[]).map(toSchedule);
    const written: NewPost[] = [];
    for (const s of due) {
      const p = plan(s);
      for (const post of p.posts) if (enqueueOne(post)) written.push(post);
      db.prepare('UPDATE schedules SET next_due = ?, last_rotated = ? WHERE id = ?').run(p.nextDue, p.lastRotated ? JSON.stringify(p.lastRotated) : null, s.id);
    }
    return written;
  });

  const claim = db.transaction((owner: string, now: number, leaseMs: number, limit: number, platforms: Platform[]): OutboxPost[] => {
    const rows = db
      .prepare(
        `SELECT key FROM outbox
         WHERE ((state = 'pending' AND next_attempt_at <= @now) OR (state = 'sending' AND lease_until < @now))
           AND platform IN (SELECT value FROM json_each(@platforms))
         ORDER BY due_at LIMIT @limit`,
      )
      .all({ now, limit, platforms: JSON.stringify(platforms) }) as Array<{ key: string }>;
    const update = db.prepare(`UPDATE outbox SET state = 'sending', lease_owner = ?, lease_until = ?, attempts = attempts + 1 WHERE key = ? RETURNING *`);
    return rows.map((r) => toPost(update.get(owner, now + leaseMs, r.key) as PostRow));
  });

  // Writes under a lease land only while its claim is current (same owner, same attempt).
  const held = `WHERE key = @key AND lease_owner = @owner AND attempts = @attempt AND state = 'sending'`;
  const finish = (l: Lease, o: PostOutcome): boolean => {
    if (o.state === 'sent')
      return db.prepare(`UPDATE outbox SET state = 'sent', sent_at = @at, lease_owner = NULL, lease_until = NULL ${held}`).run({ ...l, at: o.at }).changes > 0;
    if (o.state === 'pending')
      return (
        db
          .prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = @next, last_error = @error, lease_owner = NULL, lease_until = NULL ${held}`)
          .run({ ...l, next: o.nextAttemptAt, error: o.error }).changes > 0
      );
    return (
      db.prepare(`UPDATE outbox SET state = 'failed', last_error = @error, lease_owner = NULL, lease_until = NULL ${held}`).run({ ...l, error: o.error })
        .changes > 0
    );
  };

  // A key counts as new when absent or expired; the upsert decides that in one statement.
  const markSeen = db.prepare(
    `INSERT INTO seen (key, expires_at) VALUES (@key, @expiresAt)
     ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen.expires_at <= @now`,
  );
  const pruneSeen = db.prepare('DELETE FROM seen WHERE expires_at <= ?');
  let prunedAt = 0;
  // Prepared once: every unanswered question in a chat records one.
  const insertSignal = db.prepare('INSERT INTO signals (at, kind, platform, question, entry_id, candidates, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)');

  return {
    kind: 'sqlite',
    addSchedule: checked(async (s: NewSchedule) => addSchedule.immediate(s)),
    listSchedules: checked(async (platform: Platform, channel?: string, team?: string | null) =>
      (
        db
          .prepare(
            `SELECT * FROM schedules WHERE platform = @platform AND (@channel IS NULL OR channel = @channel)
             AND (@anyTeam OR team IS NULL OR team = @team) ORDER BY created_at, id`,
          )
          .all({ platform, channel: channel ?? null, anyTeam: team === undefined ? 1 : 0, team: team ?? null }) as ScheduleRow[]
      ).map(toSchedule),
    ),
    getSchedule: checked(async (id: string) => {
      const row = db.prepare('SELECT * FROM schedules WHERE id = ?').get(id) as ScheduleRow | undefined;
      return row ? toSchedule(row) : null;
    }),
    removeSchedule: checked(async (platform: Platform, id: string, scope: ScheduleScope) => removeSchedule.immediate(platform, id, scope)),
    planDue: checked(async (now: number, plan: (s: Schedule) => TickPlan) => planDue.immediate(now, plan)),
    enqueue: checked(async (p: NewPost) => enqueueOne(p)),
    claim: checked(async (owner: string, now: number, leaseMs: number, limit: number, platforms: Platform[]) =>
      claim.immediate(owner, now, leaseMs, limit, platforms),
    ),
    renew: checked(async (lease: Lease, until: number) => db.prepare(`UPDATE outbox SET lease_until = @until ${held}`).run({ ...lease, until }).changes > 0),
    progress: checked(
      async (lease: Lease, partsSent: number, until: number) =>
        db.prepare(`UPDATE outbox SET parts_sent = @partsSent, lease_until = @until ${held}`).run({ ...lease, partsSent, until }).changes > 0,
    ),
    finish: checked(async (lease: Lease, outcome: PostOutcome) => finish(lease, outcome)),
    getPost: checked(async (key: string) => {
      const row = db.prepare('SELECT * FROM outbox WHERE key = ?').get(key) as PostRow | undefined;
      return row ? toPost(row) : null;
    }),
    listPosts: checked(async (filter: { state?: PostState; scheduleId?: string } = {}) =>
      (
        db
          .prepare('SELECT * FROM outbox WHERE (@state IS NULL OR state = @state) AND (@scheduleId IS NULL OR schedule_id = @scheduleId) ORDER BY due_at, key')
          .all({ state: filter.state ?? null, scheduleId: filter.scheduleId ?? null }) as PostRow[]
      ).map(toPost),
    ),
    recordSignal: checked(async (sig: Signal) => {
      insertSignal.run(...signalValues(sig));
    }),
    listSignals: checked(async (since: number) => (db.prepare('SELECT * FROM signals WHERE at >= ? ORDER BY at').all(since) as SignalRow[]).map(toSignal)),
    saveAddress: checked(async (platform: Platform, channel: string, address: unknown) => {
      db.prepare(
        `INSERT INTO addresses (platform, channel, address, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, channel) DO UPDATE SET address = excluded.address, updated_at = excluded.updated_at`,
      ).run(platform, channel, JSON.stringify(address), Date.now());
    }),
    getAddress: checked(async (platform: Platform, channel: string) => {
      const row = db.prepare('SELECT * FROM addresses WHERE platform = ? AND channel = ?').get(platform, channel) as AddressRow | undefined;
      return row ? toAddress(row) : null;
    }),
    listAddresses: checked(async (platform: Platform) =>
      (db.prepare('SELECT * FROM addresses WHERE platform = ? ORDER BY updated_at DESC').all(platform) as AddressRow[]).map(toAddress),
    ),
    firstSeen: checked(async (key: string, expiresAt: number, now: number = Date.now()) => {
      if (now - prunedAt >= SEEN_PRUNE_MS) {
        prunedAt = now;
        pruneSeen.run(now);
      }
      return markSeen.run({ key, expiresAt, now }).changes > 0;
    }),
    health,
    close: async () => {
      if (db.open) db.close();
    },
  };
}
