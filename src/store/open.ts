// Opens the store the settings ask for: PostgreSQL when DATABASE_URL is set (several replicas),
// else the SQLite file at STORE_PATH (default var/respbot.db beside the product, git-ignored).
import { ConfigError } from '../config/error.js';
import { describeStore, type StoreSettings } from '../config/settings.js';
import type { Store } from './types.js';

export async function openStore(s: StoreSettings): Promise<Store> {
  try {
    // Only the driver in use is loaded (better-sqlite3 is native, pg is not small).
    if (s.kind === 'sqlite') return (await import('./sqlite.js')).openSqliteStore(s.path);
    return await (await import('./postgres.js')).openPostgresStore(s.url);
  } catch (e) {
    throw new ConfigError({
      setting: s.kind === 'sqlite' ? 'STORE_PATH' : 'DATABASE_URL',
      problem: `names a store that cannot be opened (${describeStore(s)}): ${(e as Error).message}`,
    });
  }
}
