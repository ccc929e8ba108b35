// One suite, both stores: schedules, the outbox's claim/lease/finish cycle, conversation
// references and seen keys behave the same on SQLite and on PostgreSQL.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { afterAll, describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { leaseOf, type NewPost, type NewSchedule, type Store } from '../../src/store/types.js';
import { storeKinds } from '../helpers/stores.js';

const kinds = await storeKinds();
afterAll(() => kinds.cleanup());

const T0 = Date.parse('2026-03-02T08:00:00Z');
const schedule = (over: Partial<NewSchedule> = {}): NewSchedule => ({
  platform: 'slack',
  channel: 'C1',
  target: { doc: 'event-streams', section: 'disaster-recovery' },
  label: 'Disaster recovery',
  cron: '0 9 * * 1',
  timezone: 'Europe/Berlin',
  description: 'every Monday at 09:00 (Europe/Berlin)',
  createdBy: 'U1',
  nextDue: T0,
  ...over,
});
const post = (key: string, over: Partial<NewPost> = {}): NewPost => ({
  key,
  scheduleId: null,
  platform: 'slack',
  channel: 'C1',
  target: { doc: 'event-streams', section: 'disaster-recovery' },
  dueAt: T0,
  ...over,
});
const claimAll = (s: Store, owner: string, now: number, leaseMs = 60_000) => s.claim(owner, now, leaseMs, 100, ['slack', 'teams']);

describe.each(kinds.kinds)('$name store', (kind) => {
  test('schedules: add, list by channel, get, remove only on their platform', async () => {
    const { store } = await kind.fresh();
    const a = await store.addSchedule(schedule());
    const b = await store.addSchedule(schedule({ channel: 'C2', target: 'rotate', label: 'rotate' }));
    expect(a.id).toMatch(/^s-[a-z2-9]{6}$/);
    expect(a.id).not.toBe(b.id);
    expect((await store.listSchedules('slack')).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect((await store.listSchedules('slack', 'C2')).map((s) => s.id)).toEqual([b.id]);
    expect(await store.listSchedules('teams')).toEqual([]);
    expect(await store.getSchedule(b.id)).toMatchObject({ target: 'rotate', channel: 'C2', nextDue: T0, lastRotated: null });
    expect(await store.removeSchedule('teams', a.id, { channel: 'C1', team: null })).toBeNull();
    expect((await store.removeSchedule('slack', a.id, { channel: 'C1', team: null }))?.id).toBe(a.id);
    expect(await store.getSchedule(a.id)).toBeNull();
  });

  test('schedules: listed and removed only from their own channel and team', async () => {
    const { store } = await kind.fresh();
    const s = await store.addSchedule(schedule({ channel: 'C1', team: 'T1' }));
    expect(s.team).toBe('T1');
    expect(await store.getSchedule(s.id)).toMatchObject({ channel: 'C1', team: 'T1' });
    expect((await store.listSchedules('slack', 'C1', 'T1')).map((x) => x.id)).toEqual([s.id]);
    expect(await store.listSchedules('slack', 'C1', 'T2')).toEqual([]);
    expect(await store.listSchedules('slack', 'C2', 'T1')).toEqual([]);
    expect(await store.listSchedules('slack', 'C1', null)).toEqual([]);
    expect(await store.removeSchedule('slack', s.id, { channel: 'C2', team: 'T1' })).toBeNull();
    expect(await store.removeSchedule('slack', s.id, { channel: 'C1', team: 'T2' })).toBeNull();
    expect(await store.removeSchedule('slack', s.id, { channel: 'C1', team: null })).toBeNull();
    expect(await store.getSchedule(s.id)).not.toBeNull();
    expect((await store.removeSchedule('slack', s.id, { channel: 'C1', team: 'T1' }))?.id).toBe(s.id);
    // One made before teams were kept answers to its channel alone.
    const old = await store.addSchedule(schedule({ channel: 'C1' }));
    expect(old.team).toBeNull();
    expect((await store.listSchedules('slack', 'C1', 'T9')).map((x) => x.id)).toEqual([old.id]);
    expect(await store.removeSchedule('slack', old.id, { channel: 'C2', team: 'T9' })).toBeNull();
    expect((await store.removeSchedule('slack', old.id, { channel: 'C1', team: 'T9' }))?.id).toBe(old.id);
  });

  test('planDue: the plan is written with the schedule moved on, and a tick key is written once', async () => {
    const { store } = await kind.fresh();
    const s = await store.addSchedule(schedule());
    const plan = () => ({ posts: [post(`${s.id}@t0`, { scheduleId: s.id })], nextDue: T0 + 7 * 86_400_000, lastRotated: null });
    expect(await store.planDue(T0 - 1, plan)).toEqual([]); // not due yet
    expect((await store.planDue(T0, plan)).map((p) => p.key)).toEqual([`${s.id}@t0`]);
    expect((await store.getSchedule(s.id))?.nextDue).toBe(T0 + 7 * 86_400_000);
    expect(await store.planDue(T0, plan)).toEqual([]); // no longer due
    expect(await store.enqueue(post(`${s.id}@t0`))).toBe(false); // the key exists
    expect(await store.listPosts()).toHaveLength(1);
  });

  test('claim leases a post to one owner; it comes back only when the lease runs out', async () => {
    const { store } = await kind.fresh();
    await store.enqueue(post('k1'));
    await store.enqueue(post('k2', { dueAt: T0 + 1000, platform: 'teams' }));
    expect(await store.claim('A', T0 - 1, 60_000, 10, ['slack', 'teams'])).toEqual([]); // not due
    const a = await store.claim('A', T0 + 1000, 60_000, 10, ['slack']);
    expect(a.map((p) => [p.key, p.state, p.attempts, p.leaseOwner])).toEqual([['k1', 'sending', 1, 'A']]);
    expect(await store.claim('B', T0 + 2000, 60_000, 10, ['slack'])).toEqual([]); // leased to A
    const b = await store.claim('B', T0 + 1000 + 60_001, 60_000, 10, ['slack']);
    expect(b.map((p) => [p.key, p.attempts, p.leaseOwner])).toEqual([['k1', 2, 'B']]);
    // A wakes up late: its lease is gone, so it can neither renew it nor overwrite B's result.
    expect(await store.renew(leaseOf(a[0]!), T0 + 200_000)).toBe(false);
    expect(await store.progress(leaseOf(a[0]!), 1, T0 + 200_000)).toBe(false);
    expect(await store.finish(leaseOf(a[0]!), { state: 'sent', at: T0 })).toBe(false);
    expect(await store.finish(leaseOf(b[0]!), { state: 'sent', at: T0 + 70_000 })).toBe(true);
    expect(await store.getPost('k1')).toMatchObject({ state: 'sent', sentAt: T0 + 70_000, leaseOwner: null });
    expect(await claimAll(store, 'C', T0 + 10_000_000)).toHaveLength(1); // only the Teams post is left
  });

  test('a lease is renewed while held, and fenced by its claim: an older claim of the same owner writes nothing', async () => {
    const { store } = await kind.fresh();
    await store.enqueue(post('k'));
    const [first] = await claimAll(store, 'A', T0, 60_000);
    // Renewed before it runs out: nobody else may claim it at the old expiry.
    expect(await store.renew(leaseOf(first!), T0 + 120_000)).toBe(true);
    expect(await claimAll(store, 'B', T0 + 60_001)).toEqual([]);
    expect(await store.progress(leaseOf(first!), 1, T0 + 180_000)).toBe(true);
    expect(await claimAll(store, 'B', T0 + 120_001)).toEqual([]);
    expect(await store.getPost('k')).toMatchObject({ leaseUntil: T0 + 180_000, partsSent: 1 });
    // A stalls past its lease and claims the post again itself: the old claim is dead.
    const [second] = await claimAll(store, 'A', T0 + 180_001);
    expect(second).toMatchObject({ leaseOwner: 'A', attempts: 2 });
    expect(await store.renew(leaseOf(first!), T0 + 999_999)).toBe(false);
    expect(await store.progress(leaseOf(first!), 3, T0 + 999_999)).toBe(false);
    expect(await store.finish(leaseOf(first!), { state: 'failed', error: 'stale' })).toBe(false);
    expect(await store.getPost('k')).toMatchObject({ state: 'sending', partsSent: 1, leaseUntil: T0 + 180_001 + 60_000 });
    expect(await store.finish(leaseOf(second!), { state: 'sent', at: T0 + 200_000 })).toBe(true);
  });

  test('a post put back with a retry time waits for it; progress is kept across attempts', async () => {
    const { store } = await kind.fresh();
    await store.enqueue(post('k'));
    const [first] = await claimAll(store, 'A', T0);
    expect(await store.progress(leaseOf(first!), 2, T0 + 60_000)).toBe(true);
    expect(await store.finish(leaseOf(first!), { state: 'pending', nextAttemptAt: T0 + 30_000, error: 'ratelimited' })).toBe(true);
    expect(await claimAll(store, 'A', T0 + 29_999)).toEqual([]);
    const [again] = await claimAll(store, 'A', T0 + 30_000);
    expect(again).toMatchObject({ key: 'k', attempts: 2, partsSent: 2, lastError: 'ratelimited' });
    expect(await store.finish(leaseOf(again!), { state: 'failed', error: 'channel_not_found' })).toBe(true);
    expect(await claimAll(store, 'A', T0 + 10_000_000)).toEqual([]);
    expect((await store.listPosts({ state: 'failed' })).map((p) => p.lastError)).toEqual(['channel_not_found']);
  });

  test('removing a schedule drops its unsent posts and keeps the record of sent ones', async () => {
    const { store } = await kind.fresh();
    const s = await store.addSchedule(schedule());
    await store.enqueue(post('sent', { scheduleId: s.id }));
    const [claimed] = await claimAll(store, 'A', T0);
    await store.finish(leaseOf(claimed!), { state: 'sent', at: T0 });
    await store.enqueue(post('later', { scheduleId: s.id, dueAt: T0 + 1 }));
    await store.removeSchedule('slack', s.id, { channel: 'C1', team: null });
    expect((await store.listPosts()).map((p) => p.key)).toEqual(['sent']);
  });

  test('two handles claiming at once share the posts without overlap', async () => {
    const { store, another } = await kind.fresh();
    const other = await another();
    for (let i = 0; i < 60; i++) await store.enqueue(post(`k${String(i).padStart(2, '0')}`, { dueAt: T0 + i }));
    const got: string[][] = [[], []];
    await Promise.all(
      [store, other].map(async (s, i) => {
        for (;;) {
          const c = await s.claim(`owner${i}`, T0 + 1000, 60_000, 3, ['slack']);
          if (c.length === 0) return;
          got[i]!.push(...c.map((p) => p.key));
        }
      }),
    );
    const all = [...got[0]!, ...got[1]!];
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
  });

  test('signals: unanswered and disliked questions are kept and listed from a time on', async () => {
    const { store } = await kind.fresh();
    await store.recordSignal({
      kind: 'unanswered',
      at: T0,
      platform: 'slack',
      question: 'who patches my laptop?',
      entryId: null,
      candidates: ['Security › Patching'],
      user: null,
    });
    await store.recordSignal({
      kind: 'disliked',
      at: T0 + 1000,
      platform: 'teams',
      question: 'who does backups?',
      entryId: 'dr/backup',
      candidates: [],
      user: 'U1',
    });
    expect(await store.listSignals(T0 + 1)).toEqual([
      { kind: 'disliked', at: T0 + 1000, platform: 'teams', question: 'who does backups?', entryId: 'dr/backup', candidates: [], user: 'U1' },
    ]);
    expect((await store.listSignals(0)).map((s) => s.question)).toEqual(['who patches my laptop?', 'who does backups?']);
  });

  test('seen keys: true the first time, false while unexpired, on every handle; true again once expired', async () => {
    const { store, another } = await kind.fresh();
    const other = await another();
    expect(await store.firstSeen('slack:event:Ev1', T0 + 60_000, T0)).toBe(true);
    expect(await store.firstSeen('slack:event:Ev1', T0 + 60_000, T0 + 1)).toBe(false);
    expect(await other.firstSeen('slack:event:Ev1', T0 + 120_000, T0 + 59_999)).toBe(false);
    expect(await other.firstSeen('slack:event:Ev2', T0 + 60_000, T0 + 1)).toBe(true);
    // Expired: a new delivery of the same key counts again, and holds for its own time.
    expect(await other.firstSeen('slack:event:Ev1', T0 + 180_000, T0 + 60_000)).toBe(true);
    expect(await store.firstSeen('slack:event:Ev1', T0 + 180_000, T0 + 61_000)).toBe(false);
    // Pruning old rows (a minute or more after the last) leaves unexpired ones alone.
    expect(await store.firstSeen('slack:event:Ev3', T0 + 10_000_000, T0 + 5_000_000)).toBe(true);
    expect(await store.firstSeen('slack:event:Ev3', T0 + 10_000_000, T0 + 5_000_001)).toBe(false);
  });

  test('seen keys: two handles racing on the same keys get exactly one true per key', async () => {
    const { store, another } = await kind.fresh();
    const other = await another();
    const keys = Array.from({ length: 40 }, (_, i) => `slack:event:Race${i}`);
    const results = await Promise.all(keys.flatMap((k) => [store.firstSeen(k, T0 + 60_000, T0), other.firstSeen(k, T0 + 60_000, T0)]));
    for (let i = 0; i < keys.length; i++) expect([results[2 * i], results[2 * i + 1]].filter(Boolean)).toHaveLength(1);
  });

  test('addresses (a Teams conversation reference): saved, updated in place, listed per platform', async () => {
    const { store } = await kind.fresh();
    const ref = {
      conversationId: '19:abc@thread.tacv2',
      serviceUrl: 'https://smba.example/teams/',
      tenantId: 't1',
      conversationType: 'channel',
      botId: '28:bot',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    await store.saveAddress('teams', ref.conversationId, ref);
    await store.saveAddress('teams', ref.conversationId, { ...ref, serviceUrl: 'https://smba.example/emea/' });
    expect((await store.getAddress('teams', ref.conversationId))?.address).toEqual({ ...ref, serviceUrl: 'https://smba.example/emea/' });
    expect(await store.listAddresses('teams')).toHaveLength(1);
    expect(await store.listAddresses('slack')).toHaveLength(0);
    expect(await store.getAddress('teams', 'nope')).toBeNull();
    expect(await store.getAddress('slack', ref.conversationId)).toBeNull();
  });

  test('health: a store that answers and takes a write is healthy', async () => {
    const { store } = await kind.fresh();
    expect(await store.health()).toEqual({ ok: true });
  });
});

describe('a SQLite file that breaks under the running store', () => {
  const file = async () => {
    const { env } = await kinds.kinds[0]!.fresh();
    const store = openSqliteStore(env.STORE_PATH!);
    await store.addSchedule(schedule());
    return { path: env.STORE_PATH!, store };
  };

  test('deleted: not healthy, and a write says it cannot be kept instead of going to the deleted file', async () => {
    const { path, store } = await file();
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    expect(await store.health()).toEqual({ ok: false, problem: expect.stringMatching(/was deleted/) });
    await expect(store.addSchedule(schedule({ channel: 'C9' }))).rejects.toThrow(/store file .* was deleted or replaced/);
    await expect(store.claim('A', T0, 60_000, 1, ['slack'])).rejects.toThrow(/was deleted or replaced/);
    await store.close();
  });

  test('replaced by another file: not healthy', async () => {
    const { path, store } = await file();
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    new Database(path).close();
    expect(await store.health()).toEqual({ ok: false, problem: expect.stringMatching(/was replaced/) });
    await store.close();
  });

  test("corrupted on disk: not healthy, with SQLite's own finding", async () => {
    const { path, store } = await file();
    for (let i = 0; i < 200; i++)
      await store.recordSignal({ kind: 'unanswered', at: T0 + i, platform: 'slack', question: 'q'.repeat(300), entryId: null, candidates: [], user: null });
    // Move everything into the main file, then overwrite its pages after the header.
    const other = new Database(path);
    other.pragma('wal_checkpoint(TRUNCATE)');
    other.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, 4096);
    closeSync(fd);
    expect(await store.health()).toEqual({ ok: false, problem: expect.stringMatching(/^the store file .* is corrupt: /) });
    await store.close();
  });
});
