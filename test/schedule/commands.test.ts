// The schedule commands' parsing and limits, shared by every chat surface.
import { loadEngine } from '../../src/engine/engine.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { addSchedule, MAX_PER_CHANNEL, parseScheduleCommand, splitTargetAndWhen } from '../../src/schedule/commands.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

const engine = loadEngine([SHIPPED_DATA_DIR]);

test('commands are told apart; other text is not a schedule command', () => {
  expect(parseScheduleCommand('schedules')).toEqual({ kind: 'schedules' });
  expect(parseScheduleCommand('unschedule S-AB12CD')).toEqual({ kind: 'unschedule', id: 's-ab12cd' });
  expect(parseScheduleCommand('schedule rotate daily 9am')).toEqual({ kind: 'schedule', rest: 'rotate daily 9am' });
  expect(parseScheduleCommand('who schedules the maintenance windows?')).toBeNull();
  expect(parseScheduleCommand('post disaster recovery')).toBeNull();
});

test('the section is what comes before the time, whatever form the time takes', () => {
  const split = (s: string) => {
    const r = splitTargetAndWhen(s, 'UTC');
    return r && !('error' in r.when) ? [r.target, r.when.cron, r.when.timezone] : null;
  };
  expect(split('disaster recovery every monday 09:00')).toEqual(['disaster recovery', '0 9 * * 1', 'UTC']);
  expect(split('high availability and disaster recovery weekdays 9am Europe/Berlin')).toEqual([
    'high availability and disaster recovery',
    '0 9 * * 1-5',
    'Europe/Berlin',
  ]);
  expect(split('rotate 30 8 * * 1')).toEqual(['rotate', '30 8 * * 1', 'UTC']);
  expect(split('mirroring sometimes')).toBeNull();
});

test('overlong commands and a full channel are refused; nothing is stored', async () => {
  const store = openSqliteStore(':memory:');
  const req = { platform: 'slack' as const, channel: 'C1', timezone: 'UTC', createdBy: null };
  expect(await addSchedule(store, engine, { ...req, rest: 'mirroring '.repeat(2000) + 'daily 9am' })).toMatchObject({
    ok: false,
    error: expect.stringMatching(/^That is too long for a schedule/),
  });
  for (let i = 0; i < MAX_PER_CHANNEL; i++) expect((await addSchedule(store, engine, { ...req, rest: `rotate daily ${i % 24}:00` })).ok).toBe(true);
  expect(await addSchedule(store, engine, { ...req, rest: 'rotate daily 9am' })).toMatchObject({
    ok: false,
    error: expect.stringMatching(/already has 20 digests/),
  });
  expect((await addSchedule(store, engine, { ...req, channel: 'C2', rest: 'rotate daily 9am' })).ok).toBe(true);
  expect(await store.listSchedules('slack', 'C1')).toHaveLength(MAX_PER_CHANNEL);
  await store.close();
});

test('a cron that names no real day is refused when scheduled', async () => {
  const store = openSqliteStore(':memory:');
  const r = await addSchedule(store, engine, { platform: 'slack', channel: 'C1', timezone: 'UTC', createdBy: null, rest: 'mirroring 0 9 30 2 *' });
  expect(r).toMatchObject({ ok: false, error: expect.stringContaining('("0 9 30 2 *" never runs (no date matches it))') });
  await store.close();
});
