// Rows as both stores keep them: the same columns and the same conversions, so SQLite and
// PostgreSQL differ only in SQL dialect and locking.
import type { Address, OutboxPost, Platform, PostState, Schedule, SectionRef, Signal } from './types.js';

export interface ScheduleRow {
  id: string;
  platform: string;
  channel: string;
  team: string | null;
  target: string;
  label: string;
  cron: string;
  timezone: string;
  description: string;
  created_by: string | null;
  created_at: number | string;
  next_due: number | string;
  last_rotated: string | null;
}

export interface PostRow {
  key: string;
  schedule_id: string | null;
  platform: string;
  channel: string;
  target: string;
  due_at: number | string;
  state: string;
  attempts: number;
  next_attempt_at: number | string;
  parts_sent: number;
  lease_owner: string | null;
  lease_until: number | string | null;
  sent_at: number | string | null;
  last_error: string | null;
}

export interface AddressRow {
  platform: string;
  channel: string;
  address: string;
  updated_at: number | string;
}

// PostgreSQL returns BIGINT as a string.
const num = (v: number | string): number => Number(v);
const numOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

export const encodeTarget = (t: SectionRef | 'rotate'): string => (t === 'rotate' ? 'rotate' : JSON.stringify(t));
const decodeTarget = (s: string): SectionRef | 'rotate' => (s === 'rotate' ? 'rotate' : (JSON.parse(s) as SectionRef));

export function toSchedule(r: ScheduleRow): Schedule {
  return {
    id: r.id,
    platform: r.platform as Platform,
    channel: r.channel,
    team: r.team ?? null,
    target: decodeTarget(r.target),
    label: r.label,
    cron: r.cron,
    timezone: r.timezone,
    description: r.description,
    createdBy: r.created_by,
    createdAt: num(r.created_at),
    nextDue: num(r.next_due),
    lastRotated: r.last_rotated ? (JSON.parse(r.last_rotated) as SectionRef) : null,
  };
}

export function toPost(r: PostRow): OutboxPost {
  return {
    key: r.key,
    scheduleId: r.schedule_id,
    platform: r.platform as Platform,
    channel: r.channel,
    target: JSON.parse(r.target) as SectionRef,
    dueAt: num(r.due_at),
    state: r.state as PostState,
    attempts: Number(r.attempts),
    nextAttemptAt: num(r.next_attempt_at),
    partsSent: Number(r.parts_sent),
    leaseOwner: r.lease_owner,
    leaseUntil: numOrNull(r.lease_until),
    sentAt: numOrNull(r.sent_at),
    lastError: r.last_error,
  };
}

export interface SignalRow {
  at: number | string;
  kind: string;
  platform: string;
  question: string;
  entry_id: string | null;
  candidates: string;
  user_id: string | null;
}

export const toSignal = (r: SignalRow): Signal => ({
  kind: r.kind as Signal['kind'],
  at: num(r.at),
  platform: r.platform as Platform,
  question: r.question,
  entryId: r.entry_id,
  candidates: JSON.parse(r.candidates) as string[],
  user: r.user_id,
});

/** Column values in INSERT order: at, kind, platform, question, entry_id, candidates, user_id. */
export const signalValues = (s: Signal) => [s.at, s.kind, s.platform, s.question.slice(0, 500), s.entryId, JSON.stringify(s.candidates.slice(0, 5)), s.user];

export const toAddress = (r: AddressRow): Address => ({
  platform: r.platform,
  channel: r.channel,
  address: JSON.parse(r.address) as unknown,
  updatedAt: Number(r.updated_at),
});

/**
 * Copies an older store's Teams conversation references into addresses (once: a copied row is
 * not copied again), then drops the old table. Both stores run it when they open. (`WHERE true`:
 * SQLite otherwise reads ON CONFLICT as part of the SELECT's join.)
 */
export const MIGRATE_CONVERSATIONS = [
  `INSERT INTO addresses (platform, channel, address, updated_at) SELECT 'teams', conversation_id, ref, updated_at FROM conversations WHERE true ON CONFLICT (platform, channel) DO NOTHING`,
  `DROP TABLE conversations`,
];

/** The schema in SQL both dialects read (BIGINT is an integer in SQLite). */
export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS schedules (
    id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    label TEXT NOT NULL,
    cron TEXT NOT NULL,
    timezone TEXT NOT NULL,
    description TEXT NOT NULL,
    created_by TEXT,
    created_at BIGINT NOT NULL,
    next_due BIGINT NOT NULL,
    last_rotated TEXT,
    team TEXT
  )`,
  `CREATE INDEX IF NOT EXISTS schedules_due ON schedules (next_due)`,
  `CREATE TABLE IF NOT EXISTS outbox (
    key TEXT PRIMARY KEY,
    schedule_id TEXT,
    platform TEXT NOT NULL,
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    parts_sent INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until BIGINT,
    sent_at BIGINT,
    last_error TEXT
  )`,
  `CREATE INDEX IF NOT EXISTS outbox_ready ON outbox (state, next_attempt_at)`,
  `CREATE TABLE IF NOT EXISTS signals (
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    platform TEXT NOT NULL,
    question TEXT NOT NULL,
    entry_id TEXT,
    candidates TEXT NOT NULL,
    user_id TEXT
  )`,
  `CREATE INDEX IF NOT EXISTS signals_at ON signals (at)`,
  // One row, written by each readiness check: proof that the store takes a write.
  `CREATE TABLE IF NOT EXISTS store_health (
    id INTEGER PRIMARY KEY,
    checked_at BIGINT NOT NULL
  )`,
  // How each platform reaches a channel later (a Teams conversation reference): JSON only its adapter reads.
  `CREATE TABLE IF NOT EXISTS addresses (
    platform TEXT NOT NULL,
    channel TEXT NOT NULL,
    address TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (platform, channel)
  )`,
  // Slack event ids and request signatures already handled, so that a retry or a replay is
  // answered once by whichever replica gets it; rows go when they expire.
  `CREATE TABLE IF NOT EXISTS seen (
    key TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS seen_expires ON seen (expires_at)`,
];

/** Expired `seen` rows are deleted at most this often by one store handle. */
export const SEEN_PRUNE_MS = 60_000;

/** Columns added after a table was first shipped: each store adds the missing ones on open. */
export const ADDED_COLUMNS: Array<{ table: string; column: string; type: string }> = [{ table: 'schedules', column: 'team', type: 'TEXT' }];
