// Load only what is used: the platform SDKs, the store drivers, Express and the scheduler are
// imported when the settings ask for them, so the terminal chat and the command line start
// without them (each SDK costs a few hundred milliseconds). Checked on the compiled entry points
// with a module-loader hook that records every import.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { PACKAGE_ROOT } from '../src/paths.js';
import { importsIn, recordImports } from './helpers/imports.js';

const dir = mkdtempSync(join(tmpdir(), 'respbot-loading-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;

/** Not needed by the chat or `ask`: what they must not load. */
const PLATFORM_AND_SERVER = ['@slack/bolt', '@slack/web-api', '@microsoft/teams.apps', '@microsoft/teams.api', 'express', 'better-sqlite3', 'pg'];

function recorded(args: string[], input: string, env: Record<string, string> = {}) {
  const log = join(dir, `imports-${++runs}.txt`);
  const r = spawnSync(process.execPath, [recordImports(log), ...args], {
    cwd: PACKAGE_ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: '', ...env },
  });
  return { ...r, ...importsIn(log) };
}

test('the terminal chat answers without loading a platform SDK, a store driver, Express or the scheduler', () => {
  const r = recorded(['bin/start.js'], 'who patches the cluster?\n');
  expect(r.stdout).toMatch(/^IBM — Security and vulnerability patch updates to cluster/);
  expect(r.packages).toContain('remark-parse'); // the recorder sees packages
  for (const p of PLATFORM_AND_SERVER) expect(r.packages).not.toContain(p);
  expect(r.files).not.toContain('src/schedule/scheduler.js');
  expect(r.files).not.toContain('app/server.js');
});

test('respbot ask answers without loading a platform SDK, a store driver or Express', () => {
  const r = recorded(['bin/respbot.js', 'ask', '--json', 'who patches the cluster?'], '');
  expect(JSON.parse(r.stdout)).toMatchObject({ answered: true, intent: 'who' });
  for (const p of PLATFORM_AND_SERVER) expect(r.packages).not.toContain(p);
});

test('respbot post to Slack loads the Slack Web API and not the Teams SDK', () => {
  const r = recorded(['bin/respbot.js', 'post', '--platform', 'slack', '--channel', 'C1', '--section', 'mirroring'], '', {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
  });
  expect(r.stderr).toMatch(/^Slack could not be reached/);
  expect(r.packages).toContain('@slack/web-api');
  expect(r.packages).not.toContain('@microsoft/teams.apps');
  expect(r.packages).not.toContain('@slack/bolt');
});

test('the bot on Slack with SQLite loads Bolt and better-sqlite3, and neither the Teams SDK nor pg', async () => {
  const log = join(dir, `imports-${++runs}.txt`);
  const child = spawn(process.execPath, [recordImports(log), 'bin/start.js'], {
    cwd: PACKAGE_ROOT,
    env: {
      ...process.env,
      DATA_DIR: '',
      PORT: '0',
      STORE_PATH: join(dir, 'store.db'),
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      CLIENT_ID: '',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  let err = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d) => {
      err += d;
      if (err.includes('respbot listening on')) resolve();
    });
    exited.then(() => reject(new Error(err)));
  });
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const { packages, files } = importsIn(log);
  expect(packages).toContain('@slack/bolt');
  expect(packages).toContain('better-sqlite3');
  expect(files).toContain('src/schedule/scheduler.js');
  expect(packages).not.toContain('@microsoft/teams.apps');
  expect(packages).not.toContain('pg');
});
