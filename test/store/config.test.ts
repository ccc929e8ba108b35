// Store and scheduler settings: defaults, and clear errors for values that cannot work.
import { join } from 'node:path';
import { ConfigError } from '../../src/config/error.js';
import { coreSettings, describeStore } from '../../src/config/settings.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { openStore } from '../../src/store/open.js';

const storeConfig = (env: NodeJS.ProcessEnv) => coreSettings(env).store;
const schedulerConfig = (env: NodeJS.ProcessEnv) => coreSettings(env).scheduler;

test('SQLite under var/ by default; STORE_PATH relative to the working folder; DATABASE_URL wins', () => {
  expect(storeConfig({})).toEqual({ kind: 'sqlite', path: join(PACKAGE_ROOT, 'var', 'respbot.db') });
  expect(storeConfig({ STORE_PATH: 'x/y.db' })).toEqual({ kind: 'sqlite', path: join(process.cwd(), 'x/y.db') });
  expect(storeConfig({ STORE_PATH: 'x.db', DATABASE_URL: 'postgresql://u:p@h/db' })).toEqual({ kind: 'postgres', url: 'postgresql://u:p@h/db' });
  expect(describeStore({ kind: 'postgres', url: 'postgres://u:secret@h:5432/db' })).toBe('PostgreSQL postgres://h:5432/db');
});

test('a DATABASE_URL that is not PostgreSQL is refused without echoing the password', () => {
  expect(() => storeConfig({ DATABASE_URL: 'mysql://root:hunter2@h/db' })).toThrow(ConfigError);
  expect(() => storeConfig({ DATABASE_URL: 'mysql://root:hunter2@h/db' })).toThrow(/^DATABASE_URL must be a postgres:\/\/ URL \(got "mysql:\/\/…@h\/db"\)/);
});

test('passwords stay out of the store description, whatever they contain and wherever they are given', () => {
  const shown = (url: string) => describeStore({ kind: 'postgres', url });
  // A password with "@" (and one with "/"): everything up to the last "@" is the user info.
  expect(shown('postgres://respbot:p@ss@db.internal:5432/respbot')).toBe('PostgreSQL postgres://db.internal:5432/respbot');
  expect(shown('postgresql://respbot:a/b@c@db.internal/respbot?sslmode=require')).toBe('PostgreSQL postgresql://db.internal/respbot?sslmode=require');
  // As a query parameter (libpq's form), alone or among others, in any case.
  expect(shown('postgres://db.internal/respbot?password=hunter2')).toBe('PostgreSQL postgres://db.internal/respbot?password=***');
  expect(shown('postgres://respbot@db.internal/respbot?sslmode=require&PassWord=hunter2&sslpassword=k3y')).toBe(
    'PostgreSQL postgres://db.internal/respbot?sslmode=require&PassWord=***&sslpassword=***',
  );
  for (const url of [
    'postgres://u:hunter2@h/db',
    'postgres://u:hun@ter2@h/db',
    'postgres://h/db?password=hunter2',
    'postgres://h/db?x=1&password=hun%40ter2#frag',
    'postgres://u:hunter2@[::1]:5432/db',
  ]) {
    expect(shown(url)).not.toMatch(/hunter2|hun%40ter2|ter2/);
  }
  // The refusal of a non-PostgreSQL URL hides them the same way.
  expect(() => storeConfig({ DATABASE_URL: 'mysql://root:p@ss@h/db?password=hunter2' })).toThrow(/\(got "mysql:\/\/…@h\/db\?password=\*\*\*"\)/);
});

test('an unreachable PostgreSQL fails the start with where it looked', async () => {
  await expect(openStore({ kind: 'postgres', url: 'postgres://u:secret@127.0.0.1:9/db' })).rejects.toThrow(
    /^DATABASE_URL names a store that cannot be opened \(PostgreSQL postgres:\/\/127\.0\.0\.1:9\/db\): /,
  );
  const failed = await openStore({ kind: 'postgres', url: 'postgres://u:se@cret@127.0.0.1:9/db?password=hunter2' }).catch((e: Error) => e.message);
  expect(failed).toMatch(/^DATABASE_URL names a store that cannot be opened \(PostgreSQL postgres:\/\/127\.0\.0\.1:9\/db\?password=\*\*\*\): /);
  expect(failed).not.toMatch(/cret|hunter2/);
});

test('scheduler settings: defaults, and a clear error for nonsense', () => {
  expect(schedulerConfig({})).toEqual({ maxLateMs: 3_600_000, leaseMs: 120_000, intervalMs: 15_000 });
  expect(schedulerConfig({ SCHEDULE_MAX_LATE_MINUTES: '5', OUTBOX_LEASE_SECONDS: '30', SCHEDULER_INTERVAL_SECONDS: '0.5' })).toEqual({
    maxLateMs: 300_000,
    leaseMs: 30_000,
    intervalMs: 500,
  });
  expect(() => schedulerConfig({ SCHEDULE_MAX_LATE_MINUTES: 'an hour' })).toThrow(ConfigError);
  expect(() => schedulerConfig({ OUTBOX_LEASE_SECONDS: '-1' })).toThrow(/OUTBOX_LEASE_SECONDS must be a positive number \(got "-1"\)/);
});
