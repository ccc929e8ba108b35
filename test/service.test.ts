// The bot as a service, as an orchestrator runs it: /healthz and /readyz, SIGTERM that lets a
// slow outbox send finish before exiting 0, and SIGHUP reloading the documents.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PACKAGE_ROOT, SHIPPED_DATA_DIR } from '../src/paths.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { startPostgres } from './helpers/postgres.js';
import { signature, slackStandIn, triggerId, type StandIn } from './helpers/slack.js';

let api: StandIn;
let dir: string;
beforeAll(async () => {
  api = await slackStandIn();
});
afterAll(() => api.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'respbot-service-'));
  api.calls.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Bot {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
  stderr: () => string;
}

/** The real `npm start` entry with Slack settings aimed at the stand-in. */
async function startBot(env: Record<string, string>): Promise<Bot> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/main.ts'], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: api.url + 'api/', PORT: '0', DATA_DIR: '', STORE_PATH: join(dir, 'store.db'), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const t = setInterval(() => {
      const m = /listening on http:\/\/(?:localhost|127\.0\.0\.1):(\d+)/.exec(err);
      if (m) resolve(Number(m[1]));
      if (child.exitCode !== null) reject(new Error(err));
    }, 20);
    exited.then(() => clearInterval(t));
    setTimeout(() => (clearInterval(t), reject(new Error(`no start:\n${err}`))), 20_000).unref();
  });
  return { child, base: `http://127.0.0.1:${port}`, exited, stderr: () => err };
}

test('/healthz and /readyz report the process and what it needs to serve', async () => {
  const bot = await startBot({});
  try {
    expect(await (await fetch(`${bot.base}/healthz`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${bot.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, draining: false, documents: ['event-streams'], store: 'ok', platforms: ['slack'], slack: 'ok' });
  } finally {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }
});

/** The bot started with `env` until it exits by itself: exit code and standard error. */
async function runToExit(env: Record<string, string>): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/main.ts'], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: api.url + 'api/', PORT: '0', DATA_DIR: '', STORE_PATH: join(dir, 'store.db'), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  // A bot that wrongly keeps running is stopped, so the test fails on its exit code, not a timeout.
  const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  clearTimeout(guard);
  return { code, err };
}

test('a bot token Slack refuses stops the start, naming SLACK_BOT_TOKEN, without a stack trace', async () => {
  api.failNext('auth.test', 200, {}, 1, 'token_revoked');
  const r = await runToExit({});
  expect(r.code).toBe(2);
  expect(r.err).toContain('respbot: SLACK_BOT_TOKEN was refused by Slack (token_revoked): copy the Bot User OAuth Token (xoxb-…) again');
  expect(r.err).not.toMatch(/\n\s+at /);
});

test('Socket Mode with an app token Slack refuses stops the start, naming SLACK_APP_TOKEN, without a stack trace', async () => {
  api.failNext('apps.connections.open', 200, {}, 1, 'invalid_auth');
  const r = await runToExit({ SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: 'xapp-1-revoked' });
  expect(r.code).toBe(2);
  expect(r.err).toContain('respbot: SLACK_APP_TOKEN was refused by Slack (invalid_auth): create an app-level token with the connections:write scope');
  expect(r.err).not.toMatch(/\n\s+at /);
});

test('Slack out of reach at start: the bot starts, answers slash commands, and /readyz says why it is not ready', async () => {
  const { createServer: netServer } = await import('node:net');
  const holder = netServer();
  await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
  const closed = (holder.address() as AddressInfo).port;
  await new Promise((r) => holder.close(r));
  const bot = await startBot({ SLACK_API_URL: `http://127.0.0.1:${closed}/api/` });
  try {
    const ready = await fetch(`${bot.base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, store: 'ok', slack: 'Slack could not be reached (ECONNREFUSED) when checking SLACK_BOT_TOKEN; trying again' });
    expect(await asker(bot)('who patches the cluster?')).toBe('IBM: Security and vulnerability patch updates to cluster');
  } finally {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }
});

/** An address of this machine that is not loopback (null when it has none). */
const outsideAddress = (): string | null =>
  Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address ?? null;

test('unauthenticated Teams mode listens on loopback only', async () => {
  const bot = await startBot({ DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true', CLIENT_ID: '', CLIENT_SECRET: '', TENANT_ID: '', NODE_ENV: '' });
  try {
    expect(bot.stderr()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+, this machine only/);
    expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
    const outside = outsideAddress();
    if (outside) {
      const port = new URL(bot.base).port;
      const err = await fetch(`http://${outside}:${port}/healthz`).then(() => null, (e: Error & { cause?: { code?: string } }) => e.cause?.code);
      expect(err).toBe('ECONNREFUSED');
    } else process.stderr.write('note: this machine has no non-loopback address; only the loopback side was checked.\n');
  } finally {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }
});

/** `/responsibility <text>` as Slack sends it; resolves with what the bot replied to response_url. */
async function slash(bot: Bot, text: string): Promise<string> {
  const id = `r${Math.random().toString(36).slice(2)}`;
  const body = new URLSearchParams({ command: '/responsibility', text, user_id: 'U1', channel_id: 'C0READY01', team_id: 'T1', response_url: `${api.url}respond/${id}` }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${bot.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature('secret', ts, body) }, body });
  expect(res.status).toBe(200);
  const [reply] = (await api.waitFor((c) => c.some((x) => x.path === `respond/${id}`), 10_000)).filter((x) => x.path === `respond/${id}`);
  return String(reply!.body.text);
}

test('a SQLite file deleted under the bot: /readyz says so, and a schedule command says it was not scheduled', async () => {
  const path = join(dir, 'store.db');
  const bot = await startBot({ STORE_PATH: path });
  try {
    expect((await fetch(`${bot.base}/readyz`)).status).toBe(200);
    expect(await slash(bot, 'schedule disaster recovery daily 09:00 UTC')).toMatch(/^Scheduled `s-\w+`/);
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    const ready = await fetch(`${bot.base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, store: expect.stringMatching(/store file .*store\.db was deleted/) });
    const announced = api.calls.filter((c) => c.path === 'chat.postMessage').length;
    const reply = await slash(bot, 'schedule mirroring daily 10:00 UTC');
    expect(reply).not.toMatch(/Scheduled/);
    expect(reply).toMatch(/schedule store is not working.*nothing was scheduled/i);
    expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(announced); // no announcement of a schedule that does not exist
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
});

test('a SQLite file corrupted under the bot: /readyz reports SQLite\'s finding', async () => {
  const path = join(dir, 'store.db');
  const bot = await startBot({ STORE_PATH: path });
  try {
    expect((await fetch(`${bot.base}/readyz`)).status).toBe(200);
    // Pages on disk, then garbage over them (a bad disk, a copy taken mid-write).
    const db = new Database(path);
    db.exec('CREATE TABLE filler (x TEXT)');
    for (let i = 0; i < 100; i++) db.prepare('INSERT INTO filler VALUES (?)').run('x'.repeat(500));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, 4096);
    closeSync(fd);
    const ready = await fetch(`${bot.base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, store: expect.stringMatching(/is corrupt: /) });
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
});

test('on PostgreSQL, the start log names the store without the password, in the user info (with "@") or as ?password=', async () => {
  const pg = await startPostgres();
  if (!pg) return void process.stderr.write('note: PostgreSQL is not installed here; the DATABASE_URL log test is skipped.\n');
  try {
    // The test server trusts loopback, so any password connects; what matters is where it shows.
    const at = pg.url.replace('postgres://respbot@', 'postgres://respbot:p@ss:w0rd@') + '?password=hunter2&application_name=respbot';
    const bot = await startBot({ DATABASE_URL: at, STORE_PATH: '' });
    try {
      expect((await fetch(`${bot.base}/readyz`)).status).toBe(200);
    } finally {
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    }
    const started = bot.stderr().split('\n').find((l) => l.includes('"event":"started"'))!;
    expect(JSON.parse(started).store).toBe(`PostgreSQL ${pg.url.replace('respbot@', '')}?password=***&application_name=respbot`);
    expect(bot.stderr()).not.toMatch(/p@ss|w0rd|hunter2/);
  } finally {
    await pg.stop();
  }
});

test('SIGTERM during a slow outbox send: the send completes, then the process exits 0', async () => {
  const store = openSqliteStore(join(dir, 'store.db'));
  await store.addSchedule({
    platform: 'slack',
    channel: 'C0SLOW001',
    target: { doc: 'event-streams', section: 'mirroring_responsibilities' },
    label: 'Mirroring',
    cron: '0 9 * * *',
    timezone: 'UTC',
    description: 'every day at 09:00 (UTC)',
    createdBy: null,
    nextDue: Date.now() - 60_000,
  });
  api.delay('chat.postMessage', 1500);
  const bot = await startBot({ SCHEDULER_INTERVAL_SECONDS: '0.2' });
  await api.waitFor((c) => c.some((x) => x.path === 'chat.postMessage'), 10_000);
  const signalled = Date.now();
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
  expect(Date.now() - signalled).toBeGreaterThan(1000); // it waited for Slack's answer
  expect((await store.listPosts())[0]).toMatchObject({ state: 'sent', attempts: 1 });
  expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(1);
  expect(bot.stderr()).toContain('"event":"stopped"');
  await store.close();
  api.delay('chat.postMessage', 0);
});

/** `/responsibility post mirroring`: acknowledged at once, the post itself goes on after. */
async function slashPost(bot: Bot) {
  const body = new URLSearchParams({ command: '/responsibility', text: 'post mirroring', user_id: 'U1', channel_id: 'C1', team_id: 'T1', response_url: api.url + 'respond/x', trigger_id: triggerId() }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${bot.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature('secret', ts, body) }, body });
  expect(res.status).toBe(200);
  await api.waitFor((c) => c.some((x) => x.path === 'chat.postMessage'), 10_000);
}

test('SIGTERM while a slash-command post is still going: it is finished and confirmed first', async () => {
  api.delay('chat.postMessage', 1500);
  const bot = await startBot({});
  await slashPost(bot);
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
  expect(api.calls.find((c) => c.path === 'respond/x')?.body.text).toBe('Posted the *Mirroring* summary to <#C1>.');
  api.delay('chat.postMessage', 0);
});

test('a second signal exits at once, without waiting', async () => {
  api.delay('chat.postMessage', 10_000);
  const bot = await startBot({});
  await slashPost(bot);
  bot.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  const second = Date.now();
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(143);
  expect(Date.now() - second).toBeLessThan(2000);
  api.delay('chat.postMessage', 0);
});

/** Asks through a signed slash command; the answer's one-line text. */
function asker(bot: Bot) {
  return async (q: string) => {
    const body = new URLSearchParams({ command: '/responsibility', text: q, user_id: 'U1', channel_id: 'C1', team_id: 'T1', response_url: api.url + 'respond/x', trigger_id: triggerId() }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`${bot.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature('secret', ts, body) }, body });
    return ((await res.json()) as { text: string }).text;
  };
}

const withQuantumRow = (text: string) => text.replace(/(\|Security and vulnerability patch updates to cluster\|[^\n]*\n)/, '$1|Quantum key rotation| IBM rotates the quantum-safe keys every week. | |\n');

async function eventually(ask: (q: string) => Promise<string>, q: string, pattern: RegExp): Promise<string> {
  const end = Date.now() + 10_000; // a reload waits for 2 s of quiet first
  let text = '';
  while (!pattern.test(text) && Date.now() < end) {
    text = await ask(q);
    await new Promise((r) => setTimeout(r, 50));
  }
  return text;
}

test('SIGHUP reloads the documents in DATA_DIR', async () => {
  const data = join(dir, 'data');
  cpSync(SHIPPED_DATA_DIR, data, { recursive: true });
  const bot = await startBot({ DATA_DIR: data });
  const ask = asker(bot);
  try {
    expect(await ask('who rotates the quantum keys?')).not.toMatch(/Quantum/);
    const doc = join(data, 'event-streams-responsibilities.md');
    // The watcher would see this too; SIGHUP is for setups where file events do not arrive (network mounts).
    writeFileSync(doc, withQuantumRow(readFileSync(doc, 'utf8')));
    bot.child.kill('SIGHUP');
    expect(await eventually(ask, 'who rotates the quantum keys?', /Quantum/)).toBe('IBM: Quantum key rotation');
    expect(bot.stderr()).toContain('"event":"documents.reloaded"');
  } finally {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }
});

test('respbot sync brings a changed upstream document to the running bot, with no restart', async () => {
  const data = join(dir, 'data');
  cpSync(SHIPPED_DATA_DIR, data, { recursive: true });
  const upstream = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(withQuantumRow(readFileSync(join(SHIPPED_DATA_DIR, 'event-streams-responsibilities.md'), 'utf8'))));
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  writeFileSync(join(data, 'sources.yaml'), `documents:\n  - file: event-streams-responsibilities.md\n    url: http://127.0.0.1:${(upstream.address() as AddressInfo).port}/responsibilities.md\n`);
  const bot = await startBot({ DATA_DIR: data });
  const ask = asker(bot);
  try {
    expect(await ask('who rotates the quantum keys?')).not.toMatch(/Quantum/);
    const sync = spawn(process.execPath, ['--import', 'tsx', 'app/cli/main.ts', 'sync'], { cwd: PACKAGE_ROOT, env: { ...process.env, DATA_DIR: data } });
    let out = '';
    sync.stdout.on('data', (d) => (out += d));
    expect(await new Promise((r) => sync.on('exit', r))).toBe(0);
    expect(out).toMatch(/^event-streams-responsibilities\.md: updated \(\+1 rows/);
    expect(await eventually(ask, 'who rotates the quantum keys?', /Quantum/)).toBe('IBM: Quantum key rotation');
  } finally {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    await new Promise((r) => upstream.close(r));
  }
});

test('a truncated upstream copy: sync refuses it and the bot keeps its sections; with --accept-removals both take it', async () => {
  const data = join(dir, 'data');
  cpSync(SHIPPED_DATA_DIR, data, { recursive: true });
  const full = readFileSync(join(SHIPPED_DATA_DIR, 'event-streams-responsibilities.md'), 'utf8');
  const upstream = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(full.slice(0, Math.floor(full.length * 0.7))));
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  writeFileSync(join(data, 'sources.yaml'), `documents:\n  - file: event-streams-responsibilities.md\n    url: http://127.0.0.1:${(upstream.address() as AddressInfo).port}/responsibilities.md\n`);
  const bot = await startBot({ DATA_DIR: data });
  const ask = asker(bot);
  const sync = async (...args: string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'app/cli/main.ts', 'sync', ...args], { cwd: PACKAGE_ROOT, env: { ...process.env, DATA_DIR: data } });
    return new Promise((r) => child.on('exit', r));
  };
  const MIRRORING = 'who checks clusters are viable mirroring pairs?';
  try {
    expect(await ask(MIRRORING)).toMatch(/Clusters/);
    expect(await sync()).toBe(1);
    expect(await sync('--accept-removals')).toBe(0);
    for (const end = Date.now() + 10_000; !bot.stderr().includes('"event":"documents.reloaded"') && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
    expect(await ask(MIRRORING)).not.toMatch(/Clusters/);
    const reloaded = bot.stderr().split('\n').find((l) => l.includes('"event":"documents.reloaded"'))!;
    expect(JSON.parse(reloaded)).toMatchObject({ removalsAcceptedBy: join(data, '.accept-removals'), losses: [expect.objectContaining({ lostSections: ['App orchestration', 'Mirroring', 'Support of client-side libraries'] })] });
  } finally {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    await new Promise((r) => upstream.close(r));
  }
});
