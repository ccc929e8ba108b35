// `respbot report`: unanswered questions ranked by how often they were asked (one question
// however it is capitalised), disliked answers with the entry given, and the closest entries.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEngine } from '../src/engine/engine.js';
import { PACKAGE_ROOT, SHIPPED_DATA_DIR } from '../src/paths.js';
import { buildReport, formatReport, parseSince } from '../src/report/report.js';
import { dislikedSignal, unansweredSignal } from '../src/report/signals.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Signal } from '../src/store/types.js';
import { CLI } from './helpers/entry.js';

const engine = loadEngine([SHIPPED_DATA_DIR]);
const ask = (q: string, platform: 'slack' | 'teams' = 'slack'): Signal => unansweredSignal(engine.answer(q), platform, null);

function signals(): Signal[] {
  return [
    ask('who patches my laptop?'),
    ask('Who patches my laptop'),
    ask('who patches my laptop?', 'teams'),
    ask('how much does it cost?'),
    dislikedSignal('who handles backups?', engine.answer('who handles backups?').matches[0]!.entryId, 'teams', null),
    dislikedSignal('who handles backups?', engine.answer('who handles backups?').matches[0]!.entryId, 'slack', null),
  ];
}

test("unanswered questions are ranked by frequency, with the closest entries of today's documents", () => {
  const r = buildReport(signals(), engine, 0);
  expect(r.totals).toEqual({ unanswered: 4, disliked: 2 });
  expect(r.unanswered.map((u) => [u.question, u.count, u.platforms])).toEqual([
    ['who patches my laptop?', 3, ['slack', 'teams']],
    ['how much does it cost?', 1, ['slack']],
  ]);
  expect(r.unanswered[0]!.closest.join(' ')).toMatch(/patch/i);
  expect(r.disliked).toHaveLength(1);
  expect(r.disliked[0]).toMatchObject({ question: 'who handles backups?', count: 2 });
  expect(r.disliked[0]!.answered).toMatch(/ › /);
  expect(r.disliked[0]!.closest).not.toContain(r.disliked[0]!.answered);
  const text = formatReport(r);
  expect(text).toMatch(/^Since 1970-01-01 00:00 UTC: 4 unanswered, 2 disliked\./);
  expect(text).toMatch(/ {3}3× {2}who patches my laptop\? {3}\[slack, teams; last \d{4}-\d\d-\d\d\]\n {9}closest: /);
});

test('--since reads minutes, hours, days and weeks', () => {
  expect(['30m', '24h', '7d', '2w', 'soon'].map(parseSince)).toEqual([1_800_000, 86_400_000, 604_800_000, 1_209_600_000, null]);
});

test("respbot report --json reads the bot's store; --since leaves older signals out", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'respbot-report-'));
  const STORE_PATH = join(dir, 'store.db');
  const store = openSqliteStore(STORE_PATH);
  for (const s of signals()) await store.recordSignal(s);
  await store.recordSignal({ ...ask('an old question nobody asks now'), at: Date.now() - 30 * 86_400_000 });
  await store.close();
  try {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [CLI, 'report', ...args], { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { ...process.env, STORE_PATH, DATA_DIR: '' } });
    const r = run(['--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as ReturnType<typeof buildReport>;
    expect(report.unanswered.map((u) => u.question)).toEqual(['who patches my laptop?', 'how much does it cost?']);
    expect(JSON.parse(run(['--json', '--since', '60d']).stdout).totals.unanswered).toBe(5);
    expect(run(['--since', 'forever']).stderr).toMatch(/^usage: respbot report/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
