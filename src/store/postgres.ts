// The shared store for several replicas (DATABASE_URL=postgres://…). Each due schedule and
// each post is taken with FOR UPDATE SKIP LOCKED, so one replica plans a tick and one sends it
// while the others pass over it; a crashed sender's lease runs out and another takes over.
import pg from 'pg';
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
import { newScheduleId, type Lease, type NewPost, type OutboxPost, type PostOutcome, type Schedule, type Store, type TickPlan } from './types.js';

export interface PostgresOptions {
  /** Tables live in this schema (created if missing); tests use one each. */
  schema?: string;
  max?: number;
}

// Any constant: replicas starting together create the tables one at a time.
const SCHEMA_LOCK = 7_206_114;

export async function openPostgresStore(url: string, opts: PostgresOptions = {}): Promise<Store> {
  if (opts.schema && !/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`invalid schema name "${opts.schema}"`);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 5,
    connectionTimeoutMillis: 5000,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process.
  pool.on('error', () => {});

  const tx = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  };

  await tx(async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    if (opts.schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    for (const sql of SCHEMA) await c.query(sql);
    // Tables from an older respbot get the columns they lack.
    for (const { table, column, type } of ADDED_COLUMNS) await c.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}`);
    if ((await c.query(`SELECT to_regclass('conversations') AS t`)).rows[0]?.t) for (const sql of MIGRATE_CONVERSATIONS) await c.query(sql);
  });

  const insertPost = async (c: pg.PoolClient | pg.Pool, p: NewPost): Promise<boolean> => {
    const r = await c.query(
      `INSERT INTO outbox (key, schedule_id, platform, channel, target, due_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (key) DO NOTHING`,
      [p.key, p.scheduleId, p.platform, p.channel, JSON.stringify(p.target), p.dueAt],
    );
    return (r.rowCount ?? 0) > 0;
  };

  // Writes under a lease land only while its claim is current (same owner, same attempt); the
  // row lock orders them against a claim that takes the post over.
  const held = `WHERE key = $1 AND lease_owner = $2 AND attempts = $3 AND state = 'sending'`;
  const underLease = async (l: Lease, set: string, values: unknown[]): Promise<boolean> =>
    ((await pool.query(`UPDATE outbox SET ${set} ${held}`, [l.key, l.owner, l.attempt, ...values])).rowCount ?? 0) > 0;
  const finish = (l: Lease, o: PostOutcome): Promise<boolean> =>
    o.state === 'sent'
      ? underLease(l, `state = 'sent', sent_at = $4, lease_owner = NULL, lease_until = NULL`, [o.at])
      : o.state === 'pending'
        ? underLease(l, `state = 'pending', next_attempt_at = $4, last_error = $5, lease_owner = NULL, lease_until = NULL`, [o.nextAttemptAt, o.error])
        : underLease(l, `state = 'failed', last_error = $4, lease_owner = NULL, lease_until = NULL`, [o.error]);

  let prunedAt = 0;

  return {
    kind: 'postgres',
    addSchedule: async (s) => {
      for (;;) {
        const id = newScheduleId();
        const createdAt = Date.now();
        const team = s.team ?? null;
        const r = await pool.query(
          `INSERT INTO schedules (id, platform, channel, team, target, label, cron, timezone, description, created_by, created_at, next_due)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`,
          [id, s.platform, s.channel, team, encodeTarget(s.target), s.label, s.cron, s.timezone, s.description, s.createdBy, createdAt, s.nextDue],
        );
        if (r.rowCount) return { ...s, team, id, createdAt, lastRotated: null } satisfies Schedule;
      }
    },
    listSchedules: async (platform, channel, team) =>
      (
        await pool.query<ScheduleRow>(
          `SELECT * FROM schedules WHERE platform = $1 AND ($2::text IS NULL OR channel = $2)
           AND ($3 OR team IS NULL OR team = $4::text) ORDER BY created_at, id`,
          [platform, channel ?? null, team === undefined, team ?? null],
        )
      ).rows.map(toSchedule),
    getSchedule: async (id) => {
      const r = await pool.query<ScheduleRow>('SELECT * FROM schedules WHERE id = $1', [id]);
      return r.rows[0] ? toSchedule(r.rows[0]) : null;
    },
    removeSchedule: async (platform, id, scope) =>
      tx(async (c) => {
        const r = await c.query<ScheduleRow>(
          'DELETE FROM schedules WHERE id = $1 AND platform = $2 AND channel = $3 AND (team IS NULL OR team = $4::text) RETURNING *',
          [id, platform, scope.channel, scope.team],
        );
        if (!r.rows[0]) return null;
        await c.query(`DELETE FROM outbox WHERE schedule_id = $1 AND state = 'pending'`, [id]);
        return toSchedule(r.rows[0]);
      }),
    planDue: async (now, plan: (s: Schedule) => TickPlan) =>
      tx(async (c) => {
        const due = (await c.query<ScheduleRow>('SELECT * FROM schedules WHERE next_due <= $1 ORDER BY next_due FOR UPDATE SKIP LOCKED', [now])).rows.map(
          toSchedule,
        );
        const written: NewPost[] = [];
        for (const s of due) {
          const p = plan(s);
          for (const post of p.posts) if (await insertPost(c, post)) written.push(post);
          await c.query('UPDATE schedules SET next_due = $1, last_rotated = $2 WHERE id = $3', [
            p.nextDue,
            p.lastRotated ? JSON.stringify(p.lastRotated) : null,
            s.id,
          ]);
        }
        return written;
      }),
    enqueue: async (p) => insertPost(pool, p),
    claim: async (owner, now, leaseMs, limit, platforms): Promise<OutboxPost[]> => {
      const r = await pool.query<PostRow>(
        `UPDATE outbox SET state = 'sending', lease_owner = $1, lease_until = $2, attempts = attempts + 1
         WHERE key IN (
           SELECT key FROM outbox
           WHERE ((state = 'pending' AND next_attempt_at <= $3) OR (state = 'sending' AND lease_until < $3))
             AND platform = ANY($5::text[])
           ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [owner, now + leaseMs, now, limit, platforms],
      );
      return r.rows.map(toPost).sort((a, b) => a.dueAt - b.dueAt);
    },
    renew: (lease, until) => underLease(lease, 'lease_until = $4', [until]),
    progress: (lease, partsSent, until) => underLease(lease, 'parts_sent = $4, lease_until = $5', [partsSent, until]),
    finish,
    getPost: async (key) => {
      const r = await pool.query<PostRow>('SELECT * FROM outbox WHERE key = $1', [key]);
      return r.rows[0] ? toPost(r.rows[0]) : null;
    },
    listPosts: async (filter = {}) =>
      (
        await pool.query<PostRow>(
          'SELECT * FROM outbox WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR schedule_id = $2) ORDER BY due_at, key',
          [filter.state ?? null, filter.scheduleId ?? null],
        )
      ).rows.map(toPost),
    recordSignal: async (sig) => {
      await pool.query(
        'INSERT INTO signals (at, kind, platform, question, entry_id, candidates, user_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        signalValues(sig),
      );
    },
    listSignals: async (since) => (await pool.query<SignalRow>('SELECT * FROM signals WHERE at >= $1 ORDER BY at', [since])).rows.map(toSignal),
    saveAddress: async (platform, channel, address) => {
      await pool.query(
        `INSERT INTO addresses (platform, channel, address, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, channel) DO UPDATE SET address = excluded.address, updated_at = excluded.updated_at`,
        [platform, channel, JSON.stringify(address), Date.now()],
      );
    },
    getAddress: async (platform, channel) => {
      const r = await pool.query<AddressRow>('SELECT * FROM addresses WHERE platform = $1 AND channel = $2', [platform, channel]);
      return r.rows[0] ? toAddress(r.rows[0]) : null;
    },
    listAddresses: async (platform) =>
      (await pool.query<AddressRow>('SELECT * FROM addresses WHERE platform = $1 ORDER BY updated_at DESC', [platform])).rows.map(toAddress),
    firstSeen: async (key, expiresAt, now = Date.now()) => {
      if (now - prunedAt >= SEEN_PRUNE_MS) {
        prunedAt = now;
        await pool.query('DELETE FROM seen WHERE expires_at <= $1', [now]);
      }
      // A key counts as new when absent or expired. Of two replicas inserting at once, the
      // second waits for the first's row and then finds it unexpired: one true, one false.
      const r = await pool.query(
        `INSERT INTO seen (key, expires_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen.expires_at <= $3`,
        [key, expiresAt, now],
      );
      return (r.rowCount ?? 0) > 0;
    },
    health: async () => {
      try {
        await pool.query('INSERT INTO store_health (id, checked_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at', [
          Date.now(),
        ]);
        return { ok: true };
      } catch (e) {
        return { ok: false, problem: `PostgreSQL does not take a write: ${(e as Error).message}` };
      }
    },
    close: async () => {
      await pool.end();
    },
  };
}
