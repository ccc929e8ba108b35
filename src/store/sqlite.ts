// The embedded store: one SQLite file (better-sqlite3 12; 13 needs Node 22). For one bot
// process; the command line may open the same file alongside it (WAL, busy timeout).
// Write transactions are IMMEDIATE, so planning a tick and claiming posts never interleave.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ADDED_COLUMNS, encodeTarget, SCHEMA, SEEN_PRUNE_MS, signalValues, toConversation, toPost, toSchedule, toSignal, type ConversationRow, type PostRow, type ScheduleRow, type SignalRow } from './rows.js';
import { newScheduleId, type NewPost, type NewSchedule, type OutboxPost, type Platform, type PostOutcome, type Schedule, type ScheduleScope, type Store, type TickPlan } from './types.js';

export function openSqliteStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
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
  }).immediate();

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

  const finish = (key: string, owner: string, o: PostOutcome): boolean => {
    const held = `WHERE key = @key AND lease_owner = @owner AND state = 'sending'`;
    if (o.state === 'sent') return db.prepare(`UPDATE outbox SET state = 'sent', sent_at = @at, lease_owner = NULL, lease_until = NULL ${held}`).run({ key, owner, at: o.at }).changes > 0;
    if (o.state === 'pending')
      return db.prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = @next, last_error = @error, lease_owner = NULL, lease_until = NULL ${held}`).run({ key, owner, next: o.nextAttemptAt, error: o.error }).changes > 0;
    return db.prepare(`UPDATE outbox SET state = 'failed', last_error = @error, lease_owner = NULL, lease_until = NULL ${held}`).run({ key, owner, error: o.error }).changes > 0;
  };

  // A key counts as new when absent or expired; the upsert decides that in one statement.
  const markSeen = db.prepare(
    `INSERT INTO seen (key, expires_at) VALUES (@key, @expiresAt)
     ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen.expires_at <= @now`,
  );
  const pruneSeen = db.prepare('DELETE FROM seen WHERE expires_at <= ?');
  let prunedAt = 0;

  return {
    kind: 'sqlite',
    addSchedule: async (s) => addSchedule.immediate(s),
    listSchedules: async (platform, channel, team) =>
      (
        db
          .prepare(
            `SELECT * FROM schedules WHERE platform = @platform AND (@channel IS NULL OR channel = @channel)
             AND (@anyTeam OR team IS NULL OR team = @team) ORDER BY created_at, id`,
          )
          .all({ platform, channel: channel ?? null, anyTeam: team === undefined ? 1 : 0, team: team ?? null }) as ScheduleRow[]
      ).map(toSchedule),
    getSchedule: async (id) => {
      const row = db.prepare('SELECT * FROM schedules WHERE id = ?').get(id) as ScheduleRow | undefined;
      return row ? toSchedule(row) : null;
    },
    removeSchedule: async (platform, id, scope) => removeSchedule.immediate(platform, id, scope),
    planDue: async (now, plan) => planDue.immediate(now, plan),
    enqueue: async (p) => enqueueOne(p),
    claim: async (owner, now, leaseMs, limit, platforms) => claim.immediate(owner, now, leaseMs, limit, platforms),
    progress: async (key, owner, partsSent) =>
      db.prepare(`UPDATE outbox SET parts_sent = ? WHERE key = ? AND lease_owner = ? AND state = 'sending'`).run(partsSent, key, owner).changes > 0,
    finish: async (key, owner, outcome) => finish(key, owner, outcome),
    getPost: async (key) => {
      const row = db.prepare('SELECT * FROM outbox WHERE key = ?').get(key) as PostRow | undefined;
      return row ? toPost(row) : null;
    },
    listPosts: async (filter = {}) =>
      (
        db
          .prepare('SELECT * FROM outbox WHERE (@state IS NULL OR state = @state) AND (@scheduleId IS NULL OR schedule_id = @scheduleId) ORDER BY due_at, key')
          .all({ state: filter.state ?? null, scheduleId: filter.scheduleId ?? null }) as PostRow[]
      ).map(toPost),
    recordSignal: async (sig) => {
      db.prepare('INSERT INTO signals (at, kind, platform, question, entry_id, candidates, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(...signalValues(sig));
    },
    listSignals: async (since) => (db.prepare('SELECT * FROM signals WHERE at >= ? ORDER BY at').all(since) as SignalRow[]).map(toSignal),
    saveConversation: async (ref) => {
      db.prepare(
        `INSERT INTO conversations (conversation_id, ref, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET ref = excluded.ref, updated_at = excluded.updated_at`,
      ).run(ref.conversationId, JSON.stringify(ref), Date.now());
    },
    getConversation: async (id) => {
      const row = db.prepare('SELECT * FROM conversations WHERE conversation_id = ?').get(id) as ConversationRow | undefined;
      return row ? toConversation(row) : null;
    },
    listConversations: async () => (db.prepare('SELECT * FROM conversations ORDER BY updated_at DESC').all() as ConversationRow[]).map(toConversation),
    firstSeen: async (key, expiresAt, now = Date.now()) => {
      if (now - prunedAt >= SEEN_PRUNE_MS) {
        prunedAt = now;
        pruneSeen.run(now);
      }
      return markSeen.run({ key, expiresAt, now }).changes > 0;
    },
    ping: async () => db.prepare('SELECT 1 AS ok').get() !== undefined,
    close: async () => {
      if (db.open) db.close();
    },
  };
}
