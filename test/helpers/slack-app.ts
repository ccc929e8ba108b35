// The Slack surface behind Bolt's real ExpressReceiver, served on loopback for a test file:
// signed requests built from the recorded payloads, a stand-in for the Web API and response_url.
// `useSlackApp()` starts it for the file; the bindings below are live (ES modules), set by its hooks.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createSlackApp } from '../../adapters/slack/app.js';
import { createHttpApp, listen } from '../../app/server.js';
import { loadEngine, type Engine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { SHARED } from './fs.js';
import { signature, slackStandIn, triggerId, type Recorded, type StandIn } from './slack.js';

export const SECRET = 'test-signing-secret';
export const BOT_USER = 'U0RESPBOT1';
export const sample = (name: string) => JSON.parse(readFileSync(join(SHARED, 'platform-samples/slack', name), 'utf8')) as Record<string, any>;

export let api: StandIn;
export let store: Store;
/** Questions the engine answered since the last test began (or resetAnswered). */
export let answered = 0;
export const logs: Array<Record<string, unknown>> = [];
let server: Server;
let base: string;

export function resetAnswered(): void {
  answered = 0;
}

/** Starts the app before the file's tests and stops it after; each test starts with no calls, answers or logs. */
export function useSlackApp(): void {
  beforeAll(async () => {
    api = await slackStandIn();
    const real = loadEngine([SHIPPED_DATA_DIR]);
    const engine: Engine = {
      ...real,
      answer: (q, c) => {
        answered++;
        return real.answer(q, c);
      },
      answerEach: (q, c) => {
        answered++;
        return real.answerEach(q, c);
      },
    };
    const http = createHttpApp();
    store = openSqliteStore(':memory:');
    // auth.test at start tells the bot who it is.
    api.replyWith('auth.test', { ok: true, user_id: BOT_USER, bot_id: 'B0SELF', team_id: 'T00FAKETEAM' });
    await createSlackApp(
      { botToken: 'xoxb-test', signingSecret: SECRET, appToken: null, apiUrl: api.url + 'api/' },
      {
        expressApp: http,
        engine: () => engine,
        store,
        log: createLog('info', (l) => logs.push(JSON.parse(l))),
        retryConfig: { retries: 2, factor: 1, minTimeout: 50, maxTimeout: 100 },
      },
    ).start();
    const l = await listen(http, 0, '127.0.0.1');
    server = l.server;
    base = `http://127.0.0.1:${l.port}`;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await api.close();
    await store.close();
  });

  beforeEach(() => {
    api.calls.length = 0;
    answered = 0;
    logs.length = 0;
  });
}

export async function post(body: string, type: string, opts: { secret?: string; ts?: number; sig?: string; headers?: Record<string, string> } = {}) {
  const ts = opts.ts ?? Math.floor(Date.now() / 1000);
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': type,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': opts.sig ?? signature(opts.secret ?? SECRET, ts, body),
      ...opts.headers,
    },
    body,
  });
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const slash = (text: string, over: Record<string, string> = {}) =>
  form({
    ...sample('slash_command_recorded_fields.json').fields,
    command: '/responsibility',
    text,
    response_url: api.url + 'respond/slash',
    trigger_id: triggerId(),
    ...over,
  });
export const json = (o: unknown) => JSON.stringify(o);
export const blocksText = (blocks: unknown) => JSON.stringify(blocks);

/** A click on one of our buttons, as Slack posts it (block_actions). */
export function click(actionId: string, value: object) {
  const body = sample('block_actions.json');
  body.response_url = api.url + 'respond/action';
  body.trigger_id = triggerId();
  body.actions = [{ action_id: actionId, block_id: 'b', type: 'button', value: JSON.stringify(value), action_ts: '1' }];
  return post(form({ payload: JSON.stringify(body) }), 'application/x-www-form-urlencoded');
}

let barriers = 0;
/**
 * The chat.postMessage calls made for the events posted before this call. A barrier instead of
 * a sleep: Slack events are acknowledged before they are handled, so a person's mention is
 * posted after them and its answer awaited; what the earlier events were going to post has been
 * posted by then.
 */
export async function postsBefore(): Promise<Recorded[]> {
  const marker = sample('app_mention.json');
  const ts = `1700009999.${String(++barriers).padStart(6, '0')}`;
  marker.event_id = `EvBARRIER${barriers}`;
  marker.event.text = '<@U00FAKEBOT01> who patches the cluster?';
  marker.event.ts = marker.event.thread_ts = ts;
  await post(JSON.stringify(marker), 'application/json');
  const ours = (c: Recorded) => c.path === 'chat.postMessage' && c.body.thread_ts === ts;
  await api.waitFor((c) => c.some(ours));
  return api.calls.filter((c) => c.path === 'chat.postMessage' && !ours(c));
}
