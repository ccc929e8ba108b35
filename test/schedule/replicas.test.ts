// Two replicas sending from one outbox while the platform is slower than the lease: no post
// (and no part of one) is sent twice, and a replica that loses its lease stops and says so.
// On SQLite (two handles on one file) and PostgreSQL (two pools on one schema).
import { afterAll, describe, expect, test } from '@jest/globals';
import { postingClient, slackAdapter } from '../../adapters/slack/adapter.js';
import { posterFor } from '../../src/conversation/posting.js';
import { loadEngine } from '../../src/engine/engine.js';
import type { Answer } from '../../src/engine/types.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import type { Poster } from '../../src/schedule/poster.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import type { NewSchedule, OutboxPost, Store } from '../../src/store/types.js';
import { slackStandIn } from '../helpers/slack.js';
import { storeKinds } from '../helpers/stores.js';
import { until } from '../helpers/until.js';

const kinds = await storeKinds();
afterAll(() => kinds.cleanup());
const engine = loadEngine([SHIPPED_DATA_DIR]);
const quiet = createLog('error', () => {});

const digest = (channel: string, nextDue: number): NewSchedule => ({
  platform: 'slack',
  channel,
  target: { doc: 'event-streams', section: 'disaster-recovery' },
  label: 'Disaster recovery',
  cron: '0 9 * * *',
  timezone: 'UTC',
  description: 'every day at 09:00 (UTC)',
  createdBy: null,
  nextDue,
});

/**
 * Virtual time for the replicas: a platform call "takes" its seconds only when the test
 * moves the clock, and the clock moves only when every replica is idle or waiting on such a
 * call, so the outcome does not depend on how fast this machine is.
 */
class VirtualTime {
  private sleepers: Array<{ at: number; wake: () => void }> = [];
  constructor(public t: number) {}
  sleep(ms: number, onWake: () => void): Promise<void> {
    return new Promise((resolve) =>
      this.sleepers.push({
        at: this.t + ms,
        wake: () => {
          onWake();
          resolve();
        },
      }),
    );
  }
  nextWake(): number | null {
    return this.sleepers.length ? Math.min(...this.sleepers.map((s) => s.at)) : null;
  }
  advanceTo(t: number): void {
    this.t = t;
    const due = this.sleepers.filter((s) => s.at <= t);
    this.sleepers = this.sleepers.filter((s) => s.at > t);
    for (const s of due) s.wake();
  }
}

interface Call {
  replica: string;
  key: string;
  part: number;
  at: number;
}

interface Replica {
  name: string;
  scheduler: Scheduler;
  ticking: boolean;
  waiting: boolean;
  nextTick: number;
  error: unknown;
}

/** A Slack stand-in on virtual time: each message takes `callMs`; `parts(channel)` messages a digest. */
function slowPoster(vt: VirtualTime, replica: () => Replica, calls: Call[], callMs: number, parts: (channel: string) => number): Poster {
  return {
    platform: 'slack',
    async send(post: OutboxPost, _answer: Answer, delivered) {
      for (let part = post.partsSent; part < parts(post.channel); part++) {
        const r = replica();
        calls.push({ replica: r.name, key: post.key, part, at: vt.t }); // Slack has it once the request arrives
        r.waiting = true;
        await vt.sleep(callMs, () => (r.waiting = false));
        await delivered(part + 1);
      }
    },
  };
}

describe.each(kinds.kinds)('on the $name store', (kind) => {
  test('Slack answering in 6 s, a 30 s lease, 16 digests in 1 to 6 parts, two replicas: every part is posted once', async () => {
    const { store, another } = await kind.fresh();
    const t0 = Date.parse('2026-03-02T09:00:00Z');
    const vt = new VirtualTime(t0);
    const channels = Array.from({ length: 16 }, (_, i) => `C${String(i).padStart(2, '0')}`);
    const parts = (channel: string) => 1 + (Number(channel.slice(1)) % 6);
    for (const c of channels) await store.addSchedule(digest(c, t0));
    const calls: Call[] = [];
    const lines: string[] = [];
    const replicas: Replica[] = [];
    for (const [name, handle] of [
      ['A', store],
      ['B', await another()],
    ] as Array<[string, Store]>) {
      const r: Replica = { name, ticking: false, waiting: false, nextTick: t0, error: null, scheduler: null as unknown as Scheduler };
      r.scheduler = new Scheduler({
        store: handle,
        posters: [slowPoster(vt, () => r, calls, 6000, parts)],
        engine: () => engine,
        now: () => vt.t,
        leaseMs: 30_000,
        // The heartbeat runs on real time, which hardly passes here: the lease must hold by itself.
        renewEveryMs: 3_600_000,
        log: createLog('info', (l) => lines.push(l)),
        owner: name,
      } as ConstructorParameters<typeof Scheduler>[0]);
      replicas.push(r);
    }
    const interval = 15_000;
    const end = t0 + 16 * interval;
    // Guards, not timings: a replica that never goes quiet, or ticks that never end (replicas
    // taking posts from each other for ever), stop the run and the assertions below say why.
    const giveUp = Date.now() + 40_000;
    const step = async (startTicks: boolean) => {
      while (replicas.some((r) => r.ticking && !r.waiting)) {
        if (Date.now() > giveUp) throw new Error(`a replica never went quiet at +${(vt.t - t0) / 1000} s; ${calls.length} calls so far`);
        await new Promise((res) => setTimeout(res, 1));
      }
      const next = Math.min(vt.nextWake() ?? Infinity, ...replicas.filter((r) => startTicks && !r.ticking && r.nextTick <= end).map((r) => r.nextTick));
      if (Number.isFinite(next)) vt.advanceTo(next);
      return Number.isFinite(next);
    };
    while (vt.t <= end + 10 * interval) {
      for (const r of replicas) {
        if (r.ticking || vt.t < r.nextTick || vt.t > end) continue;
        r.ticking = true;
        r.nextTick = vt.t + interval;
        r.scheduler
          .tick()
          .catch((e: unknown) => (r.error = e))
          .finally(() => (r.ticking = false));
      }
      if (!(await step(true))) break;
    }
    const stopped = Promise.all(replicas.map((r) => r.scheduler.stop()));
    while (replicas.some((r) => r.ticking)) await step(false);
    await stopped;
    expect(replicas.map((r) => r.error)).toEqual([null, null]);
    const seen = new Map<string, number>();
    for (const c of calls) seen.set(`${c.key}#${c.part}`, (seen.get(`${c.key}#${c.part}`) ?? 0) + 1);
    const doubled = [...seen].filter(([, n]) => n > 1);
    expect(doubled).toEqual([]);
    const expected = channels.reduce((n, c) => n + parts(c), 0);
    expect(calls).toHaveLength(expected);
    const posts = await store.listPosts();
    expect(posts.map((p) => p.state)).toEqual(channels.map(() => 'sent'));
    // Both replicas sent some: the work is shared, not serialised behind one lease.
    expect(new Set(calls.map((c) => c.replica))).toEqual(new Set(['A', 'B']));
    expect(lines.filter((l) => l.includes('"outbox.lease_lost"'))).toEqual([]);
  }, 60_000);

  test('a replica whose lease was taken over stops before its next part and logs it', async () => {
    const { store, another } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
    await store.addSchedule(digest('C0SLOW', clock.t));
    const sent: Array<{ by: string; part: number }> = [];
    const lines: string[] = [];
    let b!: Scheduler;
    const poster = (by: string): Poster => ({
      platform: 'slack',
      async send(post, _answer, delivered) {
        for (let part = post.partsSent; part < 3; part++) {
          sent.push({ by, part });
          if (by === 'A' && part === 0) {
            // A stalls on its first part for longer than its lease (a paused VM, a hung call);
            // B comes along, finds the lease run out and sends the post.
            clock.t += 60_000;
            await b.tick();
          }
          await delivered(part + 1);
        }
      },
    });
    const opts = { engine: () => engine, now: () => clock.t, leaseMs: 30_000, renewEveryMs: 3_600_000 };
    const a = new Scheduler({ ...opts, store, posters: [poster('A')], owner: 'A', log: createLog('info', (l) => lines.push(l)) } as ConstructorParameters<
      typeof Scheduler
    >[0]);
    b = new Scheduler({ ...opts, store: await another(), posters: [poster('B')], owner: 'B', log: quiet } as ConstructorParameters<typeof Scheduler>[0]);
    await a.tick();
    // A's first part was already in flight when it lost the lease; nothing after it is sent by A.
    expect(sent).toEqual([
      { by: 'A', part: 0 },
      { by: 'B', part: 0 },
      { by: 'B', part: 1 },
      { by: 'B', part: 2 },
    ]);
    expect((await store.listPosts())[0]).toMatchObject({ state: 'sent', partsSent: 3, leaseOwner: null });
    const lost = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'outbox.lease_lost');
    expect(lost).toMatchObject({ level: 'warn', key: expect.stringMatching(/@/), channel: 'C0SLOW', partsSent: 1 });
  });

  test('the real Slack client, Slack slower than the lease, two replicas: each digest is posted once', async () => {
    const api = await slackStandIn();
    try {
      const { store, another } = await kind.fresh();
      const channels = ['C0REPL01', 'C0REPL02', 'C0REPL03', 'C0REPL04'];
      for (const c of channels) await store.addSchedule(digest(c, Date.now() - 60_000));
      // Each call takes longer than the lease: only renewing the lease while the call is
      // under way keeps the other replica off the post.
      api.delay('chat.postMessage', 2000);
      const leaseMs = 1500;
      const replicas = [store, await another()].map(
        (handle, i) =>
          new Scheduler({
            store: handle,
            posters: [posterFor(slackAdapter(postingClient('xoxb-test', api.url + 'api/')))],
            engine: () => engine,
            log: quiet,
            intervalMs: 100,
            leaseMs,
            owner: `R${i}`,
          }),
      );
      for (const r of replicas) r.start();
      const posted = () => api.calls.filter((c) => c.path === 'chat.postMessage');
      await api.waitFor(() => new Set(posted().map((c) => c.body.channel)).size === channels.length, 30_000);
      await until(async () => (await store.listPosts()).every((p) => p.state === 'sent'), 'every post recorded as sent', 30_000);
      // A post is taken over only while it is not yet sent, and a replica calls Slack as soon as it
      // has taken one: a wrong takeover has called by now. Stopping waits for any call under way.
      await Promise.all(replicas.map((r) => r.stop()));
      expect(
        posted()
          .map((c) => c.body.channel)
          .sort(),
      ).toEqual(channels);
      expect((await store.listPosts()).map((p) => [p.state, p.attempts])).toEqual(channels.map(() => ['sent', 1]));
    } finally {
      await api.close();
    }
  }, 60_000);
});
