// Which store the settings ask for: PostgreSQL when DATABASE_URL is set (several replicas),
// else the SQLite file at STORE_PATH (default var/respbot.db beside the product, git-ignored).
import { isAbsolute, join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { openPostgresStore } from './postgres.js';
import { redactUrl } from './redact.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export type StoreConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export class StoreConfigError extends Error {}

export function storeConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new StoreConfigError(`DATABASE_URL must be a postgres:// URL (got "${redactUrl(url, '…@')}"); leave it unset for the SQLite file at STORE_PATH.`);
    return { kind: 'postgres', url };
  }
  const path = env.STORE_PATH?.trim();
  if (!path) return { kind: 'sqlite', path: join(PACKAGE_ROOT, 'var', 'respbot.db') };
  return { kind: 'sqlite', path: path === ':memory:' || isAbsolute(path) ? path : resolve(path) };
}

/** Where the store is, for logs (the password left out). */
export const describeStore = (c: StoreConfig): string => (c.kind === 'sqlite' ? `SQLite ${c.path}` : `PostgreSQL ${redactUrl(c.url)}`);

export async function openStore(c: StoreConfig): Promise<Store> {
  try {
    return c.kind === 'sqlite' ? openSqliteStore(c.path) : await openPostgresStore(c.url);
  } catch (e) {
    throw new StoreConfigError(`cannot open the store (${describeStore(c)}): ${(e as Error).message}`);
  }
}
