// A store written by an older respbot opens in this one: missing columns are added, and the
// rows already there keep working (schedules made before teams were kept have none).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, expect, test } from '@jest/globals';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { storeKinds } from '../helpers/stores.js';

const kinds = await storeKinds();
const dir = mkdtempSync(join(tmpdir(), 'respbot-upgrade-'));
afterAll(async () => {
  await kinds.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** The schedules table as respbot shipped it before schedules kept their team. */
const OLD_SCHEDULES = `CREATE TABLE schedules (
  id TEXT PRIMARY KEY, platform TEXT NOT NULL, channel TEXT NOT NULL, target TEXT NOT NULL, label TEXT NOT NULL,
  cron TEXT NOT NULL, timezone TEXT NOT NULL, description TEXT NOT NULL, created_by TEXT,
  created_at BIGINT NOT NULL, next_due BIGINT NOT NULL, last_rotated TEXT)`;
const OLD_ROW = `INSERT INTO schedules VALUES ('s-old222', 'slack', 'C1', 'rotate', 'rotation', '0 9 * * 1', 'UTC', 'every Monday at 09:00 (UTC)', NULL, 1, 2, NULL)`;

async function checkUpgraded(store: Store, again: () => Promise<Store>): Promise<void> {
  expect(await store.getSchedule('s-old222')).toMatchObject({ channel: 'C1', team: null, target: 'rotate' });
  const added = await store.addSchedule({ platform: 'slack', channel: 'C1', team: 'T1', target: 'rotate', label: 'r', cron: '0 9 * * 2', timezone: 'UTC', description: 'd', createdBy: null, nextDue: 3 });
  expect((await store.listSchedules('slack', 'C1', 'T1')).map((s) => s.id)).toEqual(['s-old222', added.id]);
  // Opening it once more finds nothing left to add.
  const second = await again();
  expect((await second.listSchedules('slack', 'C1', 'T2')).map((s) => s.id)).toEqual(['s-old222']);
  await second.close();
  expect((await store.removeSchedule('slack', 's-old222', { channel: 'C1', team: 'T1' }))?.id).toBe('s-old222');
}

test('sqlite: a file from before schedules kept their team', async () => {
  const path = join(dir, 'old.db');
  const old = new Database(path);
  old.exec(OLD_SCHEDULES);
  old.exec(OLD_ROW);
  old.close();
  const store = openSqliteStore(path);
  try {
    await checkUpgraded(store, async () => openSqliteStore(path));
  } finally {
    await store.close();
  }
});

test('postgres: a schema from before schedules kept their team', async () => {
  const server = kinds.postgres;
  if (!server) return void process.stderr.write('note: no PostgreSQL here; the PostgreSQL upgrade is not checked.\n');
  const schema = server.schema('upgrade');
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.query(`SET search_path = ${schema}`);
  await c.query(OLD_SCHEDULES);
  await c.query(OLD_ROW);
  await c.end();
  const store = await openPostgresStore(server.url, { schema });
  try {
    await checkUpgraded(store, () => openPostgresStore(server.url, { schema }));
  } finally {
    await store.close();
  }
});

/** Teams conversation references as respbot kept them before every platform's addresses shared one table. */
const OLD_CONVERSATIONS = `CREATE TABLE conversations (conversation_id TEXT PRIMARY KEY, ref TEXT NOT NULL, updated_at BIGINT NOT NULL)`;
const OLD_REF = { conversationId: '19:old@thread.tacv2', serviceUrl: 'https://smba.example/emea/', tenantId: 't1' };
const OLD_CONVERSATION_ROW = `INSERT INTO conversations VALUES ('19:old@thread.tacv2', '${JSON.stringify(OLD_REF)}', 7)`;

async function checkAddresses(store: Store, again: () => Promise<Store>): Promise<void> {
  expect(await store.getAddress('teams', '19:old@thread.tacv2')).toEqual({ platform: 'teams', channel: '19:old@thread.tacv2', address: OLD_REF, updatedAt: 7 });
  expect(await store.getAddress('slack', '19:old@thread.tacv2')).toBeNull();
  // The copy is made once: reopening neither fails on the dropped table nor copies again.
  await store.saveAddress('teams', '19:old@thread.tacv2', { ...OLD_REF, serviceUrl: 'https://smba.example/amer/' });
  const second = await again();
  expect((await second.listAddresses('teams')).map((a) => (a.address as typeof OLD_REF).serviceUrl)).toEqual(['https://smba.example/amer/']);
  await second.close();
}

test('sqlite: Teams conversation references from before addresses', async () => {
  const path = join(dir, 'old-conversations.db');
  const old = new Database(path);
  old.exec(OLD_CONVERSATIONS);
  old.exec(OLD_CONVERSATION_ROW);
  old.close();
  const store = openSqliteStore(path);
  try {
    await checkAddresses(store, async () => openSqliteStore(path));
    const tables = new Database(path, { readonly: true });
    expect(tables.prepare(`SELECT name FROM sqlite_master WHERE name = 'conversations'`).get()).toBeUndefined();
    tables.close();
  } finally {
    await store.close();
  }
});

test('postgres: Teams conversation references from before addresses', async () => {
  const server = kinds.postgres;
  if (!server) return void process.stderr.write('note: no PostgreSQL here; the PostgreSQL address upgrade is not checked.\n');
  const schema = server.schema('upgrade_addresses');
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.query(`SET search_path = ${schema}`);
  await c.query(OLD_CONVERSATIONS);
  await c.query(OLD_CONVERSATION_ROW);
  await c.end();
  const store = await openPostgresStore(server.url, { schema });
  try {
    await checkAddresses(store, () => openPostgresStore(server.url, { schema }));
  } finally {
    await store.close();
  }
});
