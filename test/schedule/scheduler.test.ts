// The scheduler and outbox on a fake clock, on both stores: ticks in a time zone across a
// clock change, rotation, catch-up after downtime, retries, parts, crashes and replicas.
import { afterAll, describe, expect, test } from '@jest/globals';
import { loadEngine } from '../../src/engine/engine.js';
import type { Answer } from '../../src/engine/types.js';
import { createLog } from '../../src/log.js';
import { SendError, type Poster } from '../../src/schedule/poster.js';
import { planTicks, rotationOrder, Scheduler, backoffMs } from '../../src/schedule/scheduler.js';
import { parseWhen, nextRun } from '../../src/schedule/when.js';
import type { NewSchedule, OutboxPost, Schedule, Store } from '../../src/store/types.js';
import { SHIPPED_DATA_DIR as SHIPPED } from '../../src/paths.js';
import { storeKinds } from '../helpers/stores.js';

const kinds = await storeKinds();
afterAll(() => kinds.cleanup());
const engine = loadEngine([SHIPPED]);
const MIN = 60_000;
const HOUR = 60 * MIN;

interface Delivery {
  key: string;
  channel: string;
  section: string;
  part: number;
  at: number;
}

/** A poster that records deliveries and fails on request; `parts` messages per summary. */
function fakePoster(clock: { t: number }, parts = 1) {
  const delivered: Delivery[] = [];
  const failures: Array<SendError | ((post: OutboxPost, part: number) => SendError | null)> = [];
  const poster: Poster = {
    platform: 'slack',
    async send(post: OutboxPost, answer: Answer, progress) {
      for (let part = post.partsSent; part < parts; part++) {
        const f = failures[0];
        const err = typeof f === 'function' ? f(post, part) : (failures.shift() ?? null);
        if (err) throw err;
        delivered.push({ key: post.key, channel: post.channel, section: answer.section!.id, part, at: clock.t });
        await progress(part + 1);
      }
    },
  };
  return { poster, delivered, failures };
}

function newSchedule(when: string, over: Partial<NewSchedule> = {}, from: number): NewSchedule {
  const w = parseWhen(when);
  if ('error' in w) throw new Error(w.error);
  return {
    platform: 'slack',
    channel: 'C1',
    target: { doc: 'event-streams', section: 'disaster-recovery' },
    label: 'Disaster recovery',
    cron: w.cron,
    timezone: w.timezone,
    description: w.description,
    createdBy: null,
    nextDue: nextRun(w, new Date(from)).getTime(),
    ...over,
  };
}

const quiet = createLog('error', () => {});
function scheduler(store: Store, clock: { t: number }, poster: Poster, over: Partial<ConstructorParameters<typeof Scheduler>[0]> = {}) {
  return new Scheduler({ store, posters: [poster], engine: () => engine, now: () => clock.t, log: quiet, ...over });
}

describe('planTicks', () => {
  const base: Schedule = { ...newSchedule('0 * * * *', {}, 0), id: 's-test01', createdAt: 0, lastRotated: null } as Schedule;
  test('ticks less than the limit late are posted; older ones are skipped', () => {
    const s = { ...base, cron: '0 * * * *', timezone: 'UTC', nextDue: Date.parse('2026-03-02T05:00:00Z') };
    const p = planTicks(s, Date.parse('2026-03-02T08:30:00Z'), HOUR, rotationOrder(engine));
    expect(p.posts.map((x) => new Date(x.dueAt).toISOString())).toEqual(['2026-03-02T08:00:00.000Z']);
    expect(p.skipped.length).toBeGreaterThan(0);
    expect(new Date(p.nextDue).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });
  test('rotate posts the next section each tick and wraps round', () => {
    const order = rotationOrder(engine);
    const s = {
      ...base,
      cron: '0 * * * *',
      timezone: 'UTC',
      target: 'rotate' as const,
      nextDue: Date.parse('2026-03-02T00:00:00Z'),
      lastRotated: order[order.length - 2]!,
    };
    const p = planTicks(s, Date.parse('2026-03-02T02:00:00Z'), 24 * HOUR, order);
    expect(p.posts.map((x) => x.target.section)).toEqual([order[order.length - 1]!.section, order[0]!.section, order[1]!.section]);
    expect(p.lastRotated).toEqual(order[1]);
  });
  test('backoff grows and is capped', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 20].map((a) => backoffMs(a, mid))).toEqual([5000, 10000, 20000, 600000]);
  });
});

describe.each(kinds.kinds)('scheduler on the $name store', (kind) => {
  test('a weekly digest in Berlin posts at 09:00 local, before and after the spring clock change', async () => {
    const { store } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-16T00:00:00Z') };
    const { poster, delivered } = fakePoster(clock);
    await store.addSchedule(newSchedule('every monday 09:00 Europe/Berlin', {}, clock.t));
    const s = scheduler(store, clock, poster);
    for (; clock.t < Date.parse('2026-04-07T00:00:00Z'); clock.t += 30 * MIN) await s.tick();
    // 09:00 CET is 08:00Z; after 29 March, 09:00 CEST is 07:00Z. Each posted within one step.
    expect(delivered.map((d) => new Date(d.at).toISOString().slice(0, 13))).toEqual(['2026-03-16T08', '2026-03-23T08', '2026-03-30T07', '2026-04-06T07']);
    expect(new Set(delivered.map((d) => d.key)).size).toBe(4);
  });

  test('rotate walks through the sections, one per tick', async () => {
    const { store } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-02T08:35:00Z') };
    const { poster, delivered } = fakePoster(clock);
    await store.addSchedule(newSchedule('daily 08:30 UTC', { target: 'rotate', label: 'rotation' }, clock.t - 10 * MIN));
    const s = scheduler(store, clock, poster);
    const order = rotationOrder(engine).map((r) => r.section);
    for (let day = 0; day < order.length + 2; day++, clock.t += 24 * HOUR) await s.tick();
    expect(delivered.map((d) => d.section)).toEqual([...order, order[0], order[1]]);
  });

  test('after downtime, ticks less than an hour late are posted once on start; older ones are skipped and logged', async () => {
    const { store } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-02T00:00:00Z') };
    const { poster, delivered } = fakePoster(clock);
    await store.addSchedule(newSchedule('0,20,40 * * * *', {}, clock.t));
    const lines: string[] = [];
    clock.t = Date.parse('2026-03-02T03:50:00Z'); // down since midnight
    const s = scheduler(store, clock, poster, { log: createLog('info', (l) => lines.push(l)) });
    await s.tick();
    await s.tick();
    expect(delivered.map((d) => d.key.split('@')[1])).toEqual(['2026-03-02T03:00:00.000Z', '2026-03-02T03:20:00.000Z', '2026-03-02T03:40:00.000Z']);
    expect(lines.some((l) => l.includes('"schedule.tick_skipped"'))).toBe(true);
  });

  test('a rate-limited post waits for Retry-After and is delivered once', async () => {
    const { store } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-02T08:59:00Z') };
    const { poster, delivered, failures } = fakePoster(clock);
    await store.addSchedule(newSchedule('daily 09:00 UTC', {}, clock.t));
    failures.push(new SendError('ratelimited', 'retry', 30_000));
    const s = scheduler(store, clock, poster);
    clock.t = Date.parse('2026-03-02T09:00:00Z');
    expect(await s.tick()).toMatchObject({ planned: 1, retrying: 1, sent: 0, retryAt: clock.t + 30_000 });
    clock.t += 29_000;
    expect(await s.tick()).toMatchObject({ sent: 0 });
    clock.t += 1_000;
    expect(await s.tick()).toMatchObject({ sent: 1 });
    expect(delivered).toHaveLength(1);
  });

  test('a wait for the whole workspace holds back every post until it passes; a wait for one post holds back only that one', async () => {
    const { store } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
    const { poster, delivered, failures } = fakePoster(clock);
    for (const channel of ['C1', 'C2', 'C3']) await store.addSchedule(newSchedule('daily 09:00 UTC', { channel }, clock.t - 1));
    failures.push(new SendError('rate limited by Slack', 'retry', 30_000, 'workspace'));
    const s = scheduler(store, clock, poster);
    expect(await s.tick()).toMatchObject({ sent: 0, retrying: 1, retryAt: clock.t + 30_000 });
    expect((await store.listPosts()).map((p) => p.attempts).sort()).toEqual([0, 0, 1]);
    clock.t += 29_000;
    expect(await s.tick()).toMatchObject({ sent: 0 });
    clock.t += 1_000;
    expect(await s.tick()).toMatchObject({ sent: 3 });
    expect(delivered).toHaveLength(3);

    clock.t = Date.parse('2026-03-03T09:00:00Z');
    failures.push(new SendError('Bot Connector answered HTTP 429', 'retry', 30_000, 'post'));
    expect(await s.tick()).toMatchObject({ sent: 2, retrying: 1 });
  });

  test('a summary in parts that fails half-way resumes after the parts already delivered', async () => {
    const { store } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
    const { poster, delivered, failures } = fakePoster(clock, 3);
    await store.addSchedule(newSchedule('daily 09:00 UTC', {}, clock.t - 1));
    let once = true;
    failures.push((_p, part) => {
      if (part !== 1 || !once) return null;
      once = false;
      return new SendError('HTTP 502', 'retry');
    });
    const s = scheduler(store, clock, poster);
    await s.tick();
    clock.t += 10 * MIN;
    await s.tick();
    expect(delivered.map((d) => d.part)).toEqual([0, 1, 2]);
  });

  test('permanent errors fail at once; retryable ones fail after the attempt limit', async () => {
    const { store } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
    const { poster, failures } = fakePoster(clock);
    await store.addSchedule(newSchedule('daily 09:00 UTC', { channel: 'GONE' }, clock.t - 1));
    await store.addSchedule(newSchedule('daily 09:00 UTC', { channel: 'FLAKY' }, clock.t - 1));
    failures.push((p) => (p.channel === 'GONE' ? new SendError('channel_not_found', 'permanent') : new SendError('HTTP 503', 'retry')));
    const s = scheduler(store, clock, poster, { maxAttempts: 3 });
    for (let i = 0; i < 20; i++, clock.t += 15 * MIN) await s.tick();
    const posts = await store.listPosts();
    expect(posts.map((p) => [p.channel, p.state, p.attempts, p.lastError]).sort()).toEqual(
      [
        ['FLAKY', 'failed', 3, 'HTTP 503'],
        ['GONE', 'failed', 1, 'channel_not_found'],
      ].sort(),
    );
  });

  test('a process that dies after claiming leaves the post to the next one, which sends it once', async () => {
    const { store, another } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
    const { poster, delivered } = fakePoster(clock);
    await store.addSchedule(newSchedule('daily 09:00 UTC', {}, clock.t - 1));
    const dying = scheduler(store, clock, poster, {
      leaseMs: 2 * MIN,
      afterClaim: () => {
        throw new Error('killed');
      },
    });
    await expect(dying.tick()).rejects.toThrow('killed');
    expect((await store.listPosts())[0]).toMatchObject({ state: 'sending', attempts: 1 });
    const next = scheduler(await another(), clock, poster);
    await next.tick();
    expect(delivered).toHaveLength(0); // the lease still holds
    clock.t += 2 * MIN + 1;
    await next.tick();
    await next.tick();
    expect(delivered).toHaveLength(1);
    expect((await store.listPosts())[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });

  test('stop() lets the send under way finish and leaves the posts not started to the next process', async () => {
    const { store } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
    for (const channel of ['C1', 'C2', 'C3']) await store.addSchedule(newSchedule('daily 09:00 UTC', { channel }, clock.t - 1));
    let release!: () => void;
    let started!: () => void;
    const sending = new Promise<void>((r) => (started = r));
    const sent: string[] = [];
    const slow: Poster = {
      platform: 'slack',
      send: async (post) => {
        started();
        await new Promise<void>((r) => (release = r));
        sent.push(post.channel);
      },
    };
    const s = scheduler(store, clock, slow);
    const tick = s.tick();
    await sending;
    const stopped = s.stop();
    release();
    await Promise.all([tick, stopped]);
    expect(sent).toHaveLength(1);
    const posts = await store.listPosts();
    expect(posts.filter((p) => p.state === 'sent')).toHaveLength(1);
    // Claimed one at a time, the others were never taken: pending, no attempt spent, no lease to wait out.
    expect(posts.filter((p) => p.state === 'pending').map((p) => [p.attempts, p.leaseOwner])).toEqual([
      [0, null],
      [0, null],
    ]);
  });

  test('a schedule that cannot be planned is parked and logged; the others still post', async () => {
    const { store } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
    const { poster, delivered } = fakePoster(clock);
    const bad = await store.addSchedule({ ...newSchedule('daily 09:00 UTC', { channel: 'CBAD' }, clock.t - 1), cron: '0 9 30 2 *' });
    await store.addSchedule(newSchedule('daily 09:00 UTC', { channel: 'CGOOD' }, clock.t - 1));
    const lines: string[] = [];
    await scheduler(store, clock, poster, { log: createLog('info', (l) => lines.push(l)) }).tick();
    expect(delivered.map((d) => d.channel)).toEqual(['CGOOD']);
    expect((await store.getSchedule(bad.id))?.nextDue).toBe(Number.MAX_SAFE_INTEGER);
    expect(lines.some((l) => l.includes('"schedule.unplannable"'))).toBe(true);
  });

  test('a section removed from the documents fails its post with the reason', async () => {
    const { store } = await kind.fresh();
    const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
    const { poster, delivered } = fakePoster(clock);
    await store.addSchedule(newSchedule('daily 09:00 UTC', { target: { doc: 'event-streams', section: 'gone' } }, clock.t - 1));
    await scheduler(store, clock, poster).tick();
    expect(delivered).toEqual([]);
    expect((await store.listPosts())[0]?.lastError).toMatch(/no longer in the documents/);
  });
});

const pgKind = kinds.kinds.find((k) => k.name === 'postgres');
(pgKind ? describe : describe.skip)('two replicas on one PostgreSQL', () => {
  test('over many ticks, each tick is posted exactly once', async () => {
    const { store, another } = await pgKind!.fresh();
    const other = await another();
    const clock = { t: Date.parse('2026-03-02T00:00:00Z') };
    const a = fakePoster(clock);
    const b = fakePoster(clock);
    const channels = ['C1', 'C2', 'C3', 'C4', 'C5'];
    for (const channel of channels) await store.addSchedule(newSchedule('* * * * *', { channel }, clock.t));
    const ra = scheduler(store, clock, a.poster);
    const rb = scheduler(other, clock, b.poster);
    const steps = 120;
    for (let i = 0; i < steps; i++) {
      clock.t += MIN;
      await Promise.all([ra.tick(), rb.tick()]);
    }
    const keys = [...a.delivered, ...b.delivered].map((d) => d.key);
    expect(keys).toHaveLength(channels.length * steps);
    expect(new Set(keys).size).toBe(keys.length);
    // Both replicas did some of the work.
    expect(a.delivered.length).toBeGreaterThan(0);
    expect(b.delivered.length).toBeGreaterThan(0);
  });
});
