// Schedules on a fake clock: readable forms and cron, time zones, daylight-saving changes, rotation.
import { nextInRotation, nextRun, parseWhen, type When } from '../../src/schedule/when.js';

const ok = (text: string, tz?: string): When => {
  const w = parseWhen(text, tz);
  if ('error' in w) throw new Error(w.error);
  return w;
};
const runs = (w: When, from: string, n: number) => {
  const out: string[] = [];
  let t = new Date(from);
  for (let i = 0; i < n; i++) {
    t = nextRun(w, t);
    out.push(t.toISOString());
  }
  return out;
};

test.each([
  ['every monday 09:00', '0 9 * * 1', 'every Monday at 09:00 (UTC)'],
  ['daily 08:30', '30 8 * * *', 'every day at 08:30 (UTC)'],
  ['every day at 8:30', '30 8 * * *', 'every day at 08:30 (UTC)'],
  ['weekdays 9am', '0 9 * * 1-5', 'every weekday at 09:00 (UTC)'],
  ['every fri 4:15pm', '15 16 * * 5', 'every Friday at 16:15 (UTC)'],
  ['weekly on friday 16:00', '0 16 * * 5', 'every Friday at 16:00 (UTC)'],
  ['0 9 * * 1', '0 9 * * 1', 'cron "0 9 * * 1" (UTC)'],
])('%s → %s', (text, cron, description) => {
  expect(ok(text)).toEqual({ cron, timezone: 'UTC', description });
});

test('a trailing time zone wins over the default', () => {
  expect(ok('every monday 09:00 Europe/Berlin', 'America/New_York')).toMatchObject({ timezone: 'Europe/Berlin' });
  expect(ok('daily 08:30', 'Asia/Tokyo')).toMatchObject({ timezone: 'Asia/Tokyo', description: 'every day at 08:30 (Asia/Tokyo)' });
});

test.each(['every funday 09:00', 'daily 25:00', 'sometimes', '99 9 * * 1', 'daily 08:30 Mars/Olympus'])('"%s" is refused with a reason', (text) => {
  const w = parseWhen(text, 'UTC');
  expect('error' in w).toBe(true);
});

test('runs follow the zone across the autumn daylight-saving change (New York, 2026-11-01)', () => {
  const w = ok('every monday 09:00 America/New_York');
  // 09:00 EDT is 13:00Z; after the clocks go back, 09:00 EST is 14:00Z.
  expect(runs(w, '2026-10-20T00:00:00Z', 3)).toEqual(['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z', '2026-11-09T14:00:00.000Z']);
});

test('a time the spring change skips runs once, at the next valid minute (Berlin, 2026-03-29)', () => {
  const w = ok('daily 02:30 Europe/Berlin');
  const r = runs(w, '2026-03-27T12:00:00Z', 3);
  expect(r[0]).toBe('2026-03-28T01:30:00.000Z'); // 02:30 CET
  expect(new Set(r).size).toBe(3);
  expect(r[1]!.startsWith('2026-03-29T')).toBe(true); // the skipped day still gets exactly one run
  expect(r[2]).toBe('2026-03-30T00:30:00.000Z'); // 02:30 CEST
});

test('rotation walks the sections in order and wraps round', () => {
  const ids = ['a', 'b', 'c'];
  expect(nextInRotation(ids, null)).toBe('a');
  expect(nextInRotation(ids, 'a')).toBe('b');
  expect(nextInRotation(ids, 'c')).toBe('a');
  expect(nextInRotation(ids, 'gone')).toBe('a');
  expect(nextInRotation([], null)).toBeNull();
});
