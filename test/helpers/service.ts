// The bot as a service for a test file: the compiled `npm start` entry as a child process, its Slack
// settings aimed at a loopback stand-in, its store in a fresh folder for every test.
// `useService()` sets that up; `api` and `dir` are live bindings (ES modules), set by its hooks.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { BOT } from './entry.js';
import { postSigned, slackStandIn, slashBody, type StandIn } from './slack.js';

export let api: StandIn;
export let dir: string;

export function useService(): void {
  beforeAll(async () => {
    api = await slackStandIn();
  });
  afterAll(() => api.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'respbot-service-'));
    api.calls.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
}

export interface Bot {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
  stderr: () => string;
  /** Resolves when the bot's standard error (its log) matches `pattern`, at once if it already does. */
  logged: (pattern: RegExp) => Promise<void>;
}

/** The environment of a bot on Slack over HTTP, aimed at the stand-in, with `env` on top. */
function slackEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_API_URL: api.url + 'api/',
    PORT: '0',
    DATA_DIR: '',
    STORE_PATH: join(dir, 'store.db'),
    ...env,
  };
}

/** The real `npm start` entry with Slack settings aimed at the stand-in; resolves once it listens. */
export async function startBot(env: Record<string, string>): Promise<Bot> {
  const child = spawn(process.execPath, [BOT], {
    cwd: PACKAGE_ROOT,
    env: slackEnv(env),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const waiting = new Set<{ pattern: RegExp; resolve: () => void }>();
  child.stderr!.on('data', (d) => {
    err += d;
    for (const w of waiting) {
      if (w.pattern.test(err)) {
        waiting.delete(w);
        w.resolve();
      }
    }
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const logged = (pattern: RegExp) =>
    pattern.test(err)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          waiting.add({ pattern, resolve });
          exited.then(() => reject(new Error(`the bot exited before logging ${pattern}:\n${err}`)));
        });
  await logged(/listening on http:\/\/(?:localhost|127\.0\.0\.1):\d+/);
  const port = Number(/listening on http:\/\/(?:localhost|127\.0\.0\.1):(\d+)/.exec(err)![1]);
  return { child, base: `http://127.0.0.1:${port}`, exited, stderr: () => err, logged };
}

/** The bot started with `env` until it exits by itself: exit code and standard error. */
export async function runToExit(env: Record<string, string>): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [BOT], {
    cwd: PACKAGE_ROOT,
    env: slackEnv(env),
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

/** `/responsibility <text>` as Slack sends it; resolves with what the bot replied to response_url. */
export async function slash(bot: Bot, text: string): Promise<string> {
  const id = `r${Math.random().toString(36).slice(2)}`;
  const res = await postSigned(`${bot.base}/slack/events`, 'secret', slashBody(text, { channel_id: 'C0READY01', response_url: `${api.url}respond/${id}` }));
  expect(res.status).toBe(200);
  const [reply] = (await api.waitFor((c) => c.some((x) => x.path === `respond/${id}`), 10_000)).filter((x) => x.path === `respond/${id}`);
  return String(reply!.body.text);
}

/** `/responsibility post mirroring`: acknowledged at once, the post itself goes on after. */
export async function slashPost(bot: Bot) {
  const res = await postSigned(`${bot.base}/slack/events`, 'secret', slashBody('post mirroring', { response_url: api.url + 'respond/x' }));
  expect(res.status).toBe(200);
  await api.waitFor((c) => c.some((x) => x.path === 'chat.postMessage'), 10_000);
}

/** Asks through a signed slash command; the answer's one-line text. */
export function asker(bot: Bot) {
  return async (q: string) => {
    const res = await postSigned(`${bot.base}/slack/events`, 'secret', slashBody(q, { response_url: api.url + 'respond/x' }));
    return ((await res.json()) as { text: string }).text;
  };
}
