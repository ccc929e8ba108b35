// Scheduled digests to Slack through the real Web API client, against a loopback stand-in:
// rate limits, errors worth retrying and not, and a bot killed between claiming and sending.
// The scheduler and the stand-in share a fake clock: a Retry-After is waited out by moving it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifySlackError, postingClient as outboxClient, slackAdapter } from '../../adapters/slack/adapter.js';
import { posterFor } from '../../src/conversation/posting.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { PACKAGE_ROOT, SHIPPED_DATA_DIR } from '../../src/paths.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { NewSchedule, Store } from '../../src/store/types.js';
import { BOT } from '../helpers/entry.js';
import { slackStandIn, type StandIn } from '../helpers/slack.js';
import { storeKinds } from '../helpers/stores.js';

const kinds = await storeKinds();

const CLAIM_AND_DIE = join(PACKAGE_ROOT, 'test', 'helpers', 'claim-and-die.js');
const engine = loadEngine([SHIPPED_DATA_DIR]);
const clock = { t: Date.now() };
let api: StandIn;
let dir: string;

beforeAll(async () => {
  api = await slackStandIn({ now: () => clock.t });
  dir = mkdtempSync(join(tmpdir(), 'respbot-outbox-'));
});
afterAll(async () => {
  await api.close();
  await kinds.cleanup();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  clock.t = Date.now();
  api.calls.length = 0;
  api.served.length = 0;
});

/** A daily digest whose tick fell due a minute ago. */
const dueDigest = (channel: string): NewSchedule => ({
  platform: 'slack',
  channel,
  target: { doc: 'event-streams', section: 'disaster-recovery' },
  label: 'Disaster recovery',
  cron: '0 9 * * *',
  timezone: 'UTC',
  description: 'every day at 09:00 (UTC)',
  createdBy: null,
  nextDue: Date.now() - 60_000,
});
const posts = () => api.calls.filter((c) => c.path === 'chat.postMessage');

function run(store: Store) {
  return new Scheduler({
    store,
    posters: [posterFor(slackAdapter(outboxClient('xoxb-test', api.url + 'api/')))],
    engine: () => engine,
    log: createLog('error', () => {}),
    now: () => clock.t,
  });
}

test('a 503 is retried; not_in_channel fails the post with how to fix it', async () => {
  const store = openSqliteStore(join(dir, 'errors.db'));
  await store.addSchedule(dueDigest('C0FLAKY01'));
  api.failNext('chat.postMessage', 503);
  const s = run(store);
  await s.tick();
  expect((await store.listPosts())[0]).toMatchObject({ state: 'pending', lastError: 'Slack answered HTTP 503' });
  await store.close();

  const client = outboxClient('xoxb-test', api.url + 'api/');
  api.failNext('chat.postMessage', 200, {}, 1, 'not_in_channel');
  const err = await client.chat.postMessage({ channel: 'C0NOTIN01', text: 'x' }).catch((e: unknown) => classifySlackError(e, 'C0NOTIN01'));
  expect(err).toMatchObject({ kind: 'permanent', message: expect.stringContaining('Invite me there with `/invite @respbot`') });
  api.failNext('chat.postMessage', 200, {}, 1, 'ratelimited');
  expect(await client.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => classifySlackError(e, 'C1'))).toMatchObject({ kind: 'retry' });
  const down = outboxClient('xoxb-test', 'http://127.0.0.1:9/api/');
  expect(await down.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => classifySlackError(e, 'C1'))).toMatchObject({ kind: 'retry' });
});

describe.each(kinds.kinds)('on the $name store', (kind) => {
  test('429 with Retry-After, then 200: one post, after the wait', async () => {
    const { store } = await kind.fresh();
    await store.addSchedule(dueDigest('C0RATE001'));
    api.failNext('chat.postMessage', 429, { 'retry-after': '1' });
    const started = clock.t;
    const s = run(store);
    // The scheduler's loop sleeps until retryAt; here the clock is moved there instead.
    expect(await s.tick()).toMatchObject({ sent: 0, retrying: 1, retryAt: started + 1000 });
    clock.t = started + 999;
    await s.tick();
    expect(posts()).toHaveLength(0);
    clock.t = started + 1000;
    await s.tick();
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.at - started).toBeGreaterThanOrEqual(1000);
    // The channel sees where the digest comes from and how to stop it.
    expect(JSON.stringify(posts()[0]!.body.blocks)).toMatch(/Scheduled digest `s-\w+` · `\/responsibility unschedule s-\w+` stops it/);
    expect((await store.listPosts())[0]).toMatchObject({ state: 'sent', attempts: 2, lastError: 'rate limited by Slack' });
  });

  test('a 429 pauses every send to the workspace until Retry-After has passed: no call is spent on a wait Slack asked for', async () => {
    const { store } = await kind.fresh();
    const channels = ['C0PAUSE01', 'C0PAUSE02', 'C0PAUSE03', 'C0PAUSE04'];
    for (const c of channels) await store.addSchedule(dueDigest(c));
    api.rateLimit('chat.postMessage', 1);
    const s = run(store);
    const paused = await s.tick();
    expect(paused.retryAt).toBe(clock.t + 1000);
    clock.t = paused.retryAt!;
    await s.tick();
    const calls = api.served.filter((c) => c.path === 'chat.postMessage');
    // One call learnt the limit; every other call waited for it to pass, then went through.
    expect(calls.map((c) => c.status)).toEqual([429, 200, 200, 200, 200]);
    expect(Math.min(...calls.slice(1).map((c) => c.at)) - calls[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(
      posts()
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual(channels);
    // The posts that never reached Slack spent no attempt on the pause.
    expect((await store.listPosts()).map((p) => p.attempts).sort()).toEqual([1, 1, 1, 2]);
  });

  test('killed between "claimed" and "sent", then restarted: exactly one post arrives', async () => {
    const { store: check, env } = await kind.fresh();
    await check.addSchedule(dueDigest('C0CRASH01'));

    const died = spawnSync(process.execPath, [CLAIM_AND_DIE, api.url + 'api/', '1500'], {
      encoding: 'utf8',
      cwd: PACKAGE_ROOT,
      env: { ...process.env, ...env },
    });
    expect(died.signal).toBe('SIGKILL');
    expect(died.stdout).toMatch(/^claimed s-\w+@/);
    expect((await check.listPosts())[0]).toMatchObject({ state: 'sending', attempts: 1 });
    expect(posts()).toHaveLength(0);

    // The real bot on the same store: it takes the post over once the dead process's lease ends.
    const bot = spawn(process.execPath, [BOT], {
      cwd: PACKAGE_ROOT,
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: api.url + 'api/',
        ...env,
        PORT: '0',
        SCHEDULER_INTERVAL_SECONDS: '0.2',
        LOG_LEVEL: 'error',
        DATA_DIR: '',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    bot.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => bot.once('exit', (code) => r(code)));
    try {
      await api.waitFor(() => posts().length > 0, 20_000);
    } finally {
      // An orderly stop finishes and records the send under way and starts no other: whatever
      // the bot would post, it has posted once it has exited.
      bot.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.body).toMatchObject({ channel: 'C0CRASH01', text: expect.stringMatching(/^Disaster recovery/) });
    expect((await check.listPosts())[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(stderr).not.toMatch(/error/i);
  });
});
