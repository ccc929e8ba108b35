// The bot as a service, as an orchestrator starts it: /healthz and /readyz, settings Slack refuses,
// Slack out of reach, loopback only without authentication, the store named without its password.
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { startPostgres } from '../helpers/postgres.js';
import { useService, api, startBot, runToExit, asker } from '../helpers/service.js';

useService();

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
    expect(await ready.json()).toMatchObject({
      ready: false,
      store: 'ok',
      slack: 'Slack could not be reached (ECONNREFUSED) when checking SLACK_BOT_TOKEN; trying again',
    });
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
      const err = await fetch(`http://${outside}:${port}/healthz`).then(
        () => null,
        (e: Error & { cause?: { code?: string } }) => e.cause?.code,
      );
      expect(err).toBe('ECONNREFUSED');
    } else process.stderr.write('note: this machine has no non-loopback address; only the loopback side was checked.\n');
  } finally {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
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
    const started = bot
      .stderr()
      .split('\n')
      .find((l) => l.includes('"event":"started"'))!;
    expect(JSON.parse(started).store).toBe(`PostgreSQL ${pg.url.replace('respbot@', '')}?password=***&application_name=respbot`);
    expect(bot.stderr()).not.toMatch(/p@ss|w0rd|hunter2/);
  } finally {
    await pg.stop();
  }
});
