// Settings from the environment (and .env). Validated once, with messages a new user can act on.
import 'dotenv/config';
import { SHIPPED_DATA_DIR } from './paths.js';

export interface CoreConfig {
  /** Folder (or file) of responsibility documents. */
  dataDir: string;
}

export function coreConfig(env: NodeJS.ProcessEnv = process.env): CoreConfig {
  const dataDir = env.DATA_DIR?.trim() || SHIPPED_DATA_DIR;
  return { dataDir };
}

export class SettingError extends Error {}

export interface SchedulerConfig {
  /** Ticks missed while the bot was down are posted on start if less late than this. */
  maxLateMs: number;
  /** How long one process holds a claimed post before another may take it over. */
  leaseMs: number;
  intervalMs: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new SettingError(`${name} must be a positive number (got "${raw}")`);
  return n;
}

export function schedulerConfig(env: NodeJS.ProcessEnv = process.env): SchedulerConfig {
  return {
    maxLateMs: positive(env, 'SCHEDULE_MAX_LATE_MINUTES', 60) * 60_000,
    leaseMs: positive(env, 'OUTBOX_LEASE_SECONDS', 120) * 1000,
    intervalMs: positive(env, 'SCHEDULER_INTERVAL_SECONDS', 15) * 1000,
  };
}
