// Both stores for one test suite: each case gets a fresh store (a new SQLite file, or a new
// PostgreSQL schema) and can open a second handle on the same data, as a second process or
// replica would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { startPostgres, type TestPostgres } from './postgres.js';

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty store, how to open another handle on it, and the settings that open it in a child process. */
  fresh(): Promise<{ store: Store; another(): Promise<Store>; env: Record<string, string> }>;
}

export interface StoreKinds {
  kinds: StoreKind[];
  /** Closes every handle and removes what the tests made. */
  cleanup(): Promise<void>;
  postgres: TestPostgres | null;
}

export async function storeKinds(): Promise<StoreKinds> {
  const opened: Store[] = [];
  const track = (s: Store) => {
    opened.push(s);
    return s;
  };
  const dir = mkdtempSync(join(tmpdir(), 'respbot-store-'));
  let n = 0;
  const sqlite: StoreKind = {
    name: 'sqlite',
    fresh: async () => {
      const path = join(dir, `store-${n++}.db`);
      return { store: track(openSqliteStore(path)), another: async () => track(openSqliteStore(path)), env: { STORE_PATH: path, DATABASE_URL: '' } };
    },
  };
  const server = await startPostgres();
  if (!server) process.stderr.write('note: PostgreSQL is not installed here (apt-get install postgresql); the PostgreSQL store tests are skipped.\n');
  const postgres: StoreKind | null = server && {
    name: 'postgres',
    fresh: async () => {
      const schema = server.schema('t');
      return {
        store: track(await openPostgresStore(server.url, { schema })),
        another: async () => track(await openPostgresStore(server.url, { schema })),
        // The schema exists now; a child process reaches it through the URL's options.
        env: { DATABASE_URL: `${server.url}?options=${encodeURIComponent(`-c search_path=${schema}`)}` },
      };
    },
  };
  return {
    kinds: postgres ? [sqlite, postgres] : [sqlite],
    postgres: server,
    cleanup: async () => {
      for (const s of opened) await s.close().catch(() => {});
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
