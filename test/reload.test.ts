// Documents replaced under a running bot: questions keep being answered throughout, answers
// switch to the new content, and a broken document never replaces a good one.
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEngine } from '../src/engine/engine.js';
import { createLog } from '../src/log.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { LiveEngine } from '../src/reload.js';
import { until } from './helpers/until.js';

const DOC = 'event-streams-responsibilities.md';
let dir: string;
let live: LiveEngine;
const logs: Array<Record<string, unknown>> = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'respbot-reload-'));
  cpSync(SHIPPED_DATA_DIR, dir, { recursive: true });
  logs.length = 0;
  live = new LiveEngine({ build: () => loadEngine([dir]), dataDir: dir, log: createLog('info', (l) => logs.push(JSON.parse(l))) } as ConstructorParameters<
    typeof LiveEngine
  >[0]);
});
afterEach(() => {
  live.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes beside the file and renames, as `respbot sync` and most editors do. */
function replace(text: string) {
  writeFileSync(join(dir, `.${DOC}.tmp`), text);
  renameSync(join(dir, `.${DOC}.tmp`), join(dir, DOC));
}

const original = () => readFileSync(join(SHIPPED_DATA_DIR, DOC), 'utf8');
const withNewRow = () =>
  original().replace(
    /(\|Security and vulnerability patch updates to cluster\|[^\n]*\n)/,
    '$1|Quantum key rotation| IBM rotates the quantum-safe keys of the cluster every week. | |\n',
  );
const QUANTUM = 'who rotates the quantum keys?';
const PATCH = 'who patches the cluster?';

test('while questions stream in, a replaced document is picked up; no question fails', async () => {
  live.watch(dir, 50);
  expect(live.current().answer(QUANTUM).answered).toBe(false);
  const results: boolean[] = [];
  let switched = false;
  const stream = (async () => {
    const end = Date.now() + 10_000;
    while (!switched && Date.now() < end) {
      results.push(live.current().answer(PATCH).answered);
      switched = live.current().answer(QUANTUM).answered;
      await new Promise((r) => setImmediate(r));
    }
  })();
  setTimeout(() => replace(withNewRow()), 100);
  await stream;
  expect(switched).toBe(true);
  expect(results.length).toBeGreaterThan(10);
  expect(results.every(Boolean)).toBe(true);
  const a = live.current().answer(QUANTUM);
  expect(a.matches[0]?.task).toBe('Quantum key rotation');
  expect(logs.find((l) => l.event === 'documents.reloaded')).toMatchObject({ generation: 2, documents: ['event-streams'] });
});

test('a truncated or garbage document is refused and the old one keeps answering', () => {
  replace(withNewRow());
  expect(live.reload('test').swapped).toBe(true);
  for (const bad of ['---\ntitle: Event Streams\n---\n\n# Responsibilities\n', '\u0000\u0001garbage\u00ff'.repeat(50)]) {
    replace(bad);
    const r = live.reload('test');
    expect(r.swapped).toBe(false);
    expect(r.message).toMatch(/^event-streams no longer loads \(.*event-streams-responsibilities\.md.*: .+\)$/);
    expect(live.current().answer(QUANTUM).matches[0]?.task).toBe('Quantum key rotation');
  }
  expect(logs.filter((l) => l.event === 'documents.reload_refused')).toHaveLength(2);
});

test('a single document as DATA_DIR is watched through its folder', async () => {
  const file = join(dir, DOC);
  const single = new LiveEngine({ build: () => loadEngine([file]), log: createLog('error', () => {}) });
  try {
    single.watch(file, 50);
    replace(withNewRow());
    await until(() => single.current().answer(QUANTUM).answered, 'the replaced document answers', 5000);
    expect(single.current().answer(QUANTUM).answered).toBe(true);
  } finally {
    single.close();
  }
});

/** The document cut at `share` of its length, as an interrupted upload leaves it. */
const cut = (share: number) => original().slice(0, Math.floor(original().length * share));
const MIRRORING = 'who checks clusters are viable mirroring pairs?';
const shape = () => {
  const d = live.current().kb.documents[0]!;
  return { sections: d.sections.length, rows: d.sections.reduce((n, s) => n + s.entries.length, 0) };
};

test('a document cut to 70% is refused: the log names the file, the lost sections and rows; the old one keeps answering', () => {
  expect(live.current().answer(MIRRORING).matches[0]?.task).toBe('Clusters');
  replace(cut(0.7));
  const r = live.reload('test');
  expect(r.swapped).toBe(false);
  expect(r.message).toMatch(/^event-streams-responsibilities\.md: it would lose 3 sections \(.*Mirroring.*\) and \d+ of 29 rows/);
  expect(live.current().answer(MIRRORING).matches[0]?.task).toBe('Clusters');
  expect(shape()).toEqual({ sections: 7, rows: 29 });
  const refused = logs.find((l) => l.event === 'documents.reload_refused')!;
  expect(refused).toMatchObject({
    losses: [
      {
        file: expect.stringMatching(/event-streams-responsibilities\.md$/),
        lostSections: expect.arrayContaining([expect.stringMatching(/Mirroring/)]),
        lostRows: expect.arrayContaining([expect.stringMatching(/^Mirroring.* › /)]),
        rowsBefore: 29,
      },
    ],
  });
  expect(refused.hint).toMatch(/\.accept-removals/);
});

test('losing one row of 29 is an edit, not a truncation: taken without being forced', () => {
  const oneRowLess = original().replace(/\|Security and vulnerability patch updates to cluster\|[^\n]*\n/, '');
  replace(oneRowLess);
  expect(live.reload('test').swapped).toBe(true);
});

test('touching DATA_DIR/.accept-removals lets a reload drop sections and rows, for ten minutes', () => {
  replace(cut(0.7));
  const marker = join(dir, '.accept-removals');
  writeFileSync(marker, '');
  const old = new Date(Date.now() - 11 * 60_000);
  utimesSync(marker, old, old);
  expect(live.reload('test').swapped).toBe(false); // a stale marker accepts nothing
  writeFileSync(marker, '');
  const r = live.reload('test');
  expect(r.swapped).toBe(true);
  expect(shape().sections).toBe(4);
  expect(logs.find((l) => l.event === 'documents.reloaded')).toMatchObject({
    removalsAcceptedBy: marker,
    losses: [expect.objectContaining({ rowsBefore: 29 })],
  });
});

test('a document written in two parts a second apart is never swapped in half-written', async () => {
  live.watch(dir);
  const full = withNewRow();
  const file = join(dir, DOC);
  // Written in place, as a slow copy or an editor without atomic save does.
  const fd = openSync(file, 'w');
  writeSync(fd, full.slice(0, Math.floor(full.length / 2)));
  await new Promise((r) => setTimeout(r, 1000));
  writeSync(fd, full.slice(Math.floor(full.length / 2)));
  closeSync(fd);
  await until(() => logs.some((l) => String(l.event).startsWith('documents.reload')), 'a reload, 2 s after the second write', 15_000);
  // One reload, of the whole file: the first write's wait was restarted by the second.
  expect(logs.filter((l) => String(l.event).startsWith('documents.reload')).map((l) => l.event)).toEqual(['documents.reloaded']);
  expect(live.current().answer(QUANTUM).matches[0]?.task).toBe('Quantum key rotation');
  expect(shape()).toEqual({ sections: 7, rows: 30 });
}, 30_000);

test('documents written to while they are being read are read again once quiet, not swapped in', async () => {
  let builds = 0;
  const racing = new LiveEngine(
    {
      dataDir: dir,
      log: createLog('info', (l) => logs.push(JSON.parse(l))),
      build: () => {
        const e = loadEngine([dir]);
        if (builds++ === 0) replace(withNewRow()); // the file changes under the first read
        return e;
      },
    },
    loadEngine([dir]),
  );
  try {
    racing.watch(dir, 50);
    expect(racing.reload('test')).toMatchObject({ swapped: false, message: expect.stringMatching(/changed while they were being read/) });
    await until(() => racing.current().answer(QUANTUM).answered, 'read again once quiet', 5000);
    expect(racing.current().answer(QUANTUM).matches[0]?.task).toBe('Quantum key rotation');
    expect(logs.filter((l) => l.event === 'documents.reloaded')).toHaveLength(1);
  } finally {
    racing.close();
  }
});
