// Opens the store the settings ask for: PostgreSQL when DATABASE_URL is set (several replicas),
// else the SQLite file at STORE_PATH (default var/respbot.db beside the product, git-ignored).
import { ConfigError } from '../config/error.js';
import { describeStore, type StoreSettings } from '../config/settings.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export async function openStore(s: StoreSettings): Promise<Store> {
  try {
    return s.kind === 'sqlite' ? openSqliteStore(s.path) : await openPostgresStore(s.url);
  } catch (e) {
    throw new ConfigError({ setting: s.kind === 'sqlite' ? 'STORE_PATH' : 'DATABASE_URL', problem: `names a store that cannot be opened (${describeStore(s)}): ${(e as Error).message}` });
  }
}
