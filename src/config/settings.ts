// The core's settings from the environment (and .env): documents, store, scheduler and logs.
// Platform settings are read by each adapter's config.ts with the same helpers; app/settings.ts
// reads them all together, so one start reports every wrong value.
import 'dotenv/config';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT, SHIPPED_DATA_DIR } from '../paths.js';
import { flag, oneOf, optionalText, positiveNumber, readEnv } from './env.js';
import { redactUrl } from '../store/redact.js';

export type StoreSettings = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface SchedulerSettings {
  /** Ticks missed while the bot was down are posted on start if less late than this. */
  maxLateMs: number;
  /** How long one process holds a claimed post before another may take it over. */
  leaseMs: number;
  intervalMs: number;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export interface CoreSettings {
  /** Folder (or file) of responsibility documents. */
  dataDir: string;
  store: StoreSettings;
  scheduler: SchedulerSettings;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Logs carry user ids only when asked (they are personal data). */
  logUserIds: boolean;
}

const CORE = z.object({
  DATA_DIR: optionalText(),
  DATABASE_URL: optionalText().superRefine((url, ctx) => {
    // The value may hold a password: it is echoed without one.
    if (url !== undefined && !/^postgres(ql)?:\/\//.test(url))
      ctx.addIssue({ code: 'custom', message: `must be a postgres:// URL (got "${redactUrl(url, '…@')}"); leave it unset for the SQLite file at STORE_PATH` });
  }),
  STORE_PATH: optionalText(),
  SCHEDULE_MAX_LATE_MINUTES: positiveNumber(60),
  OUTBOX_LEASE_SECONDS: positiveNumber(120),
  SCHEDULER_INTERVAL_SECONDS: positiveNumber(15),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
  LOG_USER_IDS: flag(),
});

const WHERE: Record<string, string> = {
  DATABASE_URL: 'postgres://user:password@host:5432/database',
  DATA_DIR: 'a folder of responsibility documents; unset for the shipped data/',
};

function storeFrom(url: string | undefined, path: string | undefined): StoreSettings {
  if (url) return { kind: 'postgres', url };
  if (!path) return { kind: 'sqlite', path: join(PACKAGE_ROOT, 'var', 'respbot.db') };
  return { kind: 'sqlite', path: path === ':memory:' || isAbsolute(path) ? path : resolve(path) };
}

export function coreSettings(env: NodeJS.ProcessEnv = process.env): CoreSettings {
  const v = readEnv(CORE, env, WHERE);
  return {
    dataDir: v.DATA_DIR ?? SHIPPED_DATA_DIR,
    store: storeFrom(v.DATABASE_URL, v.STORE_PATH),
    scheduler: {
      maxLateMs: v.SCHEDULE_MAX_LATE_MINUTES * 60_000,
      leaseMs: v.OUTBOX_LEASE_SECONDS * 1000,
      intervalMs: v.SCHEDULER_INTERVAL_SECONDS * 1000,
    },
    logLevel: v.LOG_LEVEL,
    logUserIds: v.LOG_USER_IDS,
  };
}

/** Where the store is, for logs (the password left out). */
export const describeStore = (s: StoreSettings): string => (s.kind === 'sqlite' ? `SQLite ${s.path}` : `PostgreSQL ${redactUrl(s.url)}`);
