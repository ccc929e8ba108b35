// Documents replaced under a running bot: questions keep being answered throughout, answers
// switch to the new content, and a broken document never replaces a good one.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEngine } from '../src/engine/engine.js';
import { createLog } from '../src/log.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { LiveEngine } from '../src/reload.js';

const DOC = 'event-streams-responsibilities.md';
let dir: string;
let live: LiveEngine;
const logs: Array<Record<string, unknown>> = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'respbot-reload-'));
  cpSync(SHIPPED_DATA_DIR, dir, { recursive: true });
  logs.length = 0;
  live = new LiveEngine({ build: () => loadEngine([dir]), log: createLog('info', (l) => logs.push(JSON.parse(l))) });
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
  original().replace(/(\|Security and vulnerability patch updates to cluster\|[^\n]*\n)/, '$1|Quantum key rotation| IBM rotates the quantum-safe keys of the cluster every week. | |\n');
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
    const end = Date.now() + 5000;
    while (!single.current().answer(QUANTUM).answered && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(single.current().answer(QUANTUM).answered).toBe(true);
  } finally {
    single.close();
  }
});
