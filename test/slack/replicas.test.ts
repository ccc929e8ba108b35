// Two replicas of the Slack surface on one store (two handles on one SQLite file, or one
// PostgreSQL schema), each behind its own loopback server, as a load balancer would spread
// Slack's deliveries: a redelivered event is answered once, whichever replica gets it. And a
// store that hangs does not hold a request up.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createSlackApp } from '../../adapters/slack/app.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { createHttpApp, listen } from '../../app/server.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { SHARED } from '../helpers/fs.js';
import { postSigned, signature, slackStandIn, slashBody, type StandIn } from '../helpers/slack.js';
import { storeKinds } from '../helpers/stores.js';

const SECRET = 'replica-secret';
const kinds = await storeKinds();
const engine = loadEngine([SHIPPED_DATA_DIR]);
let api: StandIn;
const servers: Server[] = [];
const skipped: string[] = [];

beforeAll(async () => {
  api = await slackStandIn();
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  await api.close();
  await kinds.cleanup();
});
beforeEach(() => {
  api.calls.length = 0;
  skipped.length = 0;
});

async function replica(store: Store): Promise<string> {
  const http = createHttpApp();
  const log = createLog('info', (line) => {
    const l = JSON.parse(line) as { event: string; eventId?: string };
    if (l.event === 'slack.retry_skipped') skipped.push(l.eventId!);
  });
  createSlackApp(
    { botToken: 'xoxb-test', signingSecret: SECRET, appToken: null, apiUrl: api.url + 'api/' },
    { expressApp: http, engine: () => engine, store, log },
  );
  const l = await listen(
    http,
    0,
    '127.0.0.1',
    createLog('error', () => {}),
  );
  servers.push(l.server);
  return `http://127.0.0.1:${l.port}`;
}

/** A delivery as Slack makes it: a retry comes later and is signed afresh, with the retry headers. */
function deliver(base: string, body: string, retry = 0) {
  const ts = Math.floor(Date.now() / 1000) + retry;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': signature(SECRET, ts, body),
  };
  if (retry) Object.assign(headers, { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' });
  return fetch(`${base}/slack/events`, { method: 'POST', headers, body });
}

const mention = (eventId: string) => {
  const body = JSON.parse(readFileSync(join(SHARED, 'platform-samples/slack/app_mention.json'), 'utf8'));
  body.event.text = '<@U00FAKEBOT01> who patches the cluster?';
  body.event_id = eventId;
  return JSON.stringify(body);
};
const posts = () => api.calls.filter((c) => c.path === 'chat.postMessage');
/** Until replicas have logged `n` skipped redeliveries. */
async function skips(n: number): Promise<void> {
  const end = Date.now() + 5000;
  while (skipped.length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

describe.each(kinds.kinds)('$name store', (kind) => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    const { store, another } = await kind.fresh();
    a = await replica(store);
    b = await replica(await another());
  });

  test('a retry that reaches the other replica is not answered again', async () => {
    expect((await deliver(a, mention(`Ev${kind.name}A`))).status).toBe(200);
    await api.waitFor(() => posts().length > 0);
    expect((await deliver(b, mention(`Ev${kind.name}A`), 1)).status).toBe(200);
    expect((await deliver(b, mention(`Ev${kind.name}A`), 2)).status).toBe(200);
    await skips(2);
    expect(skipped).toEqual([`Ev${kind.name}A`, `Ev${kind.name}A`]);
    expect(posts()).toHaveLength(1);
  });

  test('the same event reaching both replicas at once is answered once', async () => {
    const results = await Promise.all([deliver(a, mention(`Ev${kind.name}B`)), deliver(b, mention(`Ev${kind.name}B`), 1)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    await api.waitFor(() => posts().length > 0);
    await skips(1);
    expect(skipped).toEqual([`Ev${kind.name}B`]);
    expect(posts()).toHaveLength(1);
  });

  // SQLite serves one process: request signatures are kept in memory there, in the store only on PostgreSQL.
  (kind.name === 'postgres' ? test : test.skip)('a request replayed to the other replica is refused', async () => {
    const body = mention(`Ev${kind.name}R`);
    const ts = String(Math.floor(Date.now() / 1000));
    const headers = { 'content-type': 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature(SECRET, Number(ts), body) };
    expect((await fetch(`${a}/slack/events`, { method: 'POST', headers, body })).status).toBe(200);
    expect((await fetch(`${b}/slack/events`, { method: 'POST', headers, body })).status).toBe(401);
    await api.waitFor(() => posts().length > 0);
    expect(posts()).toHaveLength(1);
  });

  test('different events are each answered', async () => {
    await deliver(a, mention(`Ev${kind.name}C`));
    await deliver(b, mention(`Ev${kind.name}D`));
    await api.waitFor(() => posts().length === 2);
    expect(skipped).toEqual([]);
  });
});

test('a store that does not answer costs no answer: the request goes on without it, and says so in the log', async () => {
  const lines: Array<{ event: string }> = [];
  // A shared store (PostgreSQL) that stopped answering.
  const hanging: Store = { ...openSqliteStore(':memory:'), kind: 'postgres', firstSeen: () => new Promise<boolean>(() => {}) };
  const http = createHttpApp();
  createSlackApp(
    { botToken: 'xoxb-test', signingSecret: SECRET, appToken: null, apiUrl: api.url + 'api/' },
    { expressApp: http, engine: () => engine, store: hanging, log: createLog('info', (l) => lines.push(JSON.parse(l))) },
  );
  const l = await listen(
    http,
    0,
    '127.0.0.1',
    createLog('error', () => {}),
  );
  servers.push(l.server);
  const res = await postSigned(
    `http://127.0.0.1:${l.port}/slack/events`,
    SECRET,
    slashBody('who patches the cluster?', { response_url: api.url + 'respond/x' }),
  );
  expect(res.status).toBe(200);
  expect(((await res.json()) as { text: string }).text).toBe('IBM: Security and vulnerability patch updates to cluster');
  expect(lines.map((x) => x.event)).toContain('slack.seen_unavailable');
});
