// Slack credentials checked at start through the real Web API client and Socket Mode client,
// against the loopback stand-in: a token Slack refuses stops the start and names the setting;
// Slack out of reach does not, and the surface says why until Slack answers.
import { WebSocketServer } from 'ws';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from '@jest/globals';
import { createSlackApp, type SlackSurface } from '../../adapters/slack/app.js';
import { ConfigError } from '../../src/config/error.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { createHttpApp } from '../../app/server.js';
import { slackStandIn, type StandIn } from '../helpers/slack.js';

const engine = loadEngine([SHIPPED_DATA_DIR]);
let api: StandIn;
let surface: SlackSurface | null = null;
const logs: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  api = await slackStandIn();
});
afterAll(() => api.close());
beforeEach(() => {
  api.calls.length = 0;
  logs.length = 0;
});
afterEach(async () => {
  await surface?.stop(0).catch(() => {});
  surface = null;
});

function httpSurface(apiUrl = api.url + 'api/'): SlackSurface {
  surface = createSlackApp(
    { botToken: 'xoxb-test', signingSecret: 'secret', appToken: null, apiUrl },
    { expressApp: createHttpApp(), engine: () => engine, log: createLog('info', (l) => logs.push(JSON.parse(l))), recheckMs: 20 },
  );
  return surface;
}

test('a revoked bot token stops the start and names SLACK_BOT_TOKEN', async () => {
  api.failNext('auth.test', 200, {}, 1, 'token_revoked');
  const err = await httpSurface()
    .start()
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigError);
  expect((err as Error).message).toMatch(/^SLACK_BOT_TOKEN was refused by Slack \(token_revoked\): copy the Bot User OAuth Token/);
});

test('Slack out of reach: the start goes on, status says why, and it is ok once Slack answers', async () => {
  api.failNext('auth.test', 503, {}, 2);
  const s = httpSurface();
  await s.start();
  expect(s.status()).toBe('Slack answered HTTP 503 when checking SLACK_BOT_TOKEN; trying again');
  const end = Date.now() + 5000;
  while (s.status() !== 'ok' && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  expect(s.status()).toBe('ok');
  expect(logs.filter((l) => l.event === 'slack.not_ready')).toHaveLength(2);
  expect(logs).toContainEqual(expect.objectContaining({ event: 'slack.authenticated' }));
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

test('no Slack at the address at all: the reason names the network error', async () => {
  const s = httpSurface(`http://127.0.0.1:${await closedPort()}/api/`);
  await s.start();
  // The network error's own code (ECONNREFUSED) is checked in a real process (test/service/start.test.ts):
  // under jest's module sandbox the web client sees fetch's error from another realm and keeps only its text.
  expect(s.status()).toMatch(/^Slack could not be reached \(.+\) when checking SLACK_BOT_TOKEN; trying again$/);
});

test('Socket Mode with a refused app token stops the start and names SLACK_APP_TOKEN', async () => {
  api.replyWith('auth.test', { ok: true, user_id: 'UBOT', bot_id: 'BBOT' });
  api.failNext('apps.connections.open', 200, {}, 1, 'invalid_auth');
  surface = createSlackApp(
    { botToken: 'xoxb-test', signingSecret: null, appToken: 'xapp-revoked', apiUrl: api.url + 'api/' },
    { engine: () => engine, log: createLog('error', () => {}) },
  );
  const err = await surface.start().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigError);
  expect((err as Error).message).toMatch(/^SLACK_APP_TOKEN was refused by Slack \(invalid_auth\): create an app-level token with the connections:write scope/);
});

test('Socket Mode connects once the app token is accepted', async () => {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', (ws) =>
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'local' } })),
  );
  api.replyWith('apps.connections.open', { ok: true, url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/link` });
  try {
    surface = createSlackApp(
      { botToken: 'xoxb-test', signingSecret: null, appToken: 'xapp-good', apiUrl: api.url + 'api/' },
      { engine: () => engine, log: createLog('error', () => {}) },
    );
    await surface.start();
    expect(surface.status()).toBe('ok');
    expect(api.calls.map((c) => c.path)).toEqual(expect.arrayContaining(['auth.test', 'apps.connections.open']));
    await surface.stop(0);
    surface = null;
  } finally {
    await new Promise((r) => wss.close(r));
  }
});
