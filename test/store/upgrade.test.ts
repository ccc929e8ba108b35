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
  const added = await store.addSchedule({
    platform: 'slack',
    channel: 'C1',
    team: 'T1',
    target: 'rotate',
    label: 'r',
    cron: '0 9 * * 2',
    timezone: 'UTC',
    description: 'd',
    createdBy: null,
    nextDue: 3,
  });
  expect((await store.listSchedules('slack', 'C1', 'T1')).map((s) => s.id)).toEqual(['s-old222', added.id]);
  // Opening it once more finds nothing left to add.
  const second = await again();
  expect((await second.listSchedules('slack', 'C1', 'T2')).map((s) => s.id)).toEqual(['s-old222']);
  await second.close();
  expect((await store.removeSchedule('slack', 's-old222', { channel: 'C1', team: 'T1' }))?.id).toBe('s-old222');
}

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

/** Each older store: the SQL respbot once made, and what must hold once this respbot opens it. */
const OLDER: Array<{ what: string; sql: string[]; check: (store: Store, again: () => Promise<Store>) => Promise<void> }> = [
  { what: 'schedules from before they kept their team', sql: [OLD_SCHEDULES, OLD_ROW], check: checkUpgraded },
  { what: 'Teams conversation references from before addresses', sql: [OLD_CONVERSATIONS, OLD_CONVERSATION_ROW], check: checkAddresses },
];

/** Opens a store (and can open it again) over the older SQL, on SQLite or PostgreSQL; null when there is no PostgreSQL. */
async function olderStore(kind: 'sqlite' | 'postgres', name: string, sql: string[]): Promise<(() => Promise<Store>) | null> {
  if (kind === 'sqlite') {
    const path = join(dir, `${name}.db`);
    const old = new Database(path);
    for (const q of sql) old.exec(q);
    old.close();
    return async () => openSqliteStore(path);
  }
  const server = kinds.postgres;
  if (!server) return null;
  const schema = server.schema(name);
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.query(`SET search_path = ${schema}`);
  for (const q of sql) await c.query(q);
  await c.end();
  return () => openPostgresStore(server.url, { schema });
}

for (const kind of ['sqlite', 'postgres'] as const) {
  OLDER.forEach(({ what, sql, check }, i) => {
    test(`${kind}: ${what}`, async () => {
      const open = await olderStore(kind, `upgrade_${i}`, sql);
      if (!open) return void process.stderr.write(`note: no PostgreSQL here; the PostgreSQL upgrade (${what}) is not checked.\n`);
      const store = await open();
      try {
        await check(store, open);
      } finally {
        await store.close();
      }
    });
  });
}

test('sqlite: the old conversations table is gone once copied', async () => {
  const open = (await olderStore('sqlite', 'dropped', [OLD_CONVERSATIONS, OLD_CONVERSATION_ROW]))!;
  await (await open()).close();
  const tables = new Database(join(dir, 'dropped.db'), { readonly: true });
  expect(tables.prepare(`SELECT name FROM sqlite_master WHERE name = 'conversations'`).get()).toBeUndefined();
  tables.close();
});
