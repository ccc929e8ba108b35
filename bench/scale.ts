// npm run bench -- --scale 1,17,100,1000,10000: for each size, a knowledge base of that many
// documents (the corpus again and again under other names), our index built and weighed, and
// per-question latency for respbot, MiniSearch and plain Fuse.js over the same entries and the
// same questions, in alternated rounds; then how p99 grows with the number of entries.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/engine/engine.js';
import { engineFor, loadKnowledgeBase } from './built.js';
import { fuseBaseline, miniSearchBaseline, type Baseline } from './baselines.js';
import { largeKb, questionMix, SHARED } from './kb.js';
import { latencies, round3, type Latency } from './latency.js';

export interface ScaleRow {
  docs: number;
  entries: number;
  build_ms: number;
  /** What our index adds to the heap (the loaded documents excluded). */
  heap_mb: number;
  /** The same after all the questions were asked: with what the engine made as they came (lists it keeps, caches). */
  heap_after_mb: number;
  rss_mb: number;
  ours: Latency;
  minisearch: Latency;
  fuse: Latency;
}

export interface ScaleResult {
  questions: number;
  scale: ScaleRow[];
  /** Slope of log p99 against log entries: 1 is linear growth, 0 none. */
  growth: { ours: number; minisearch: number; fuse: number };
}

// A full collection before each heap reading, so that it shows what is held, not what is garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const mb = (x: number) => Math.round(x * 10) / 10;

/** Least-squares slope of log y against log x. */
export function growth(xs: number[], ys: number[]): number {
  const pts = xs.map((x, i) => [Math.log(x), Math.log(ys[i]!)] as const).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (pts.length < 2) return NaN;
  const mx = pts.reduce((s, [x]) => s + x, 0) / pts.length;
  const my = pts.reduce((s, [, y]) => s + y, 0) / pts.length;
  const sxy = pts.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = pts.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx ? Math.round((sxy / sxx) * 100) / 100 : NaN;
}

export function benchScale(sizes: number[], opts: { budgetMs?: number; rounds?: number } = {}): ScaleResult {
  const corpus = loadKnowledgeBase([`${SHARED}corpus/ibm-cloud`]);
  const questions = questionMix();
  // WordNet and the stem cache are the process's, not an index's: load them before weighing any index.
  engineFor(largeKb(corpus, 1)).answer('who recovers the database after a failure?');
  const rows: ScaleRow[] = [];
  const budget = opts.budgetMs ?? 20_000;
  for (const docs of sizes) {
    const kb = largeKb(corpus, docs);
    const before = heapMb();
    const start = performance.now();
    let engine: Engine | null = engineFor(kb);
    const buildMs = round3(performance.now() - start);
    const heap = mb(heapMb() - before);
    let mini: Baseline | null = miniSearchBaseline(kb);
    let fuse: Baseline | null = fuseBaseline(kb);
    const lat = latencies(
      [
        { name: 'ours', ask: (q) => engine!.answer(q) },
        { name: 'minisearch', ask: (q) => mini!.ask(q), budgetMs: 2 * budget },
        // Plain Fuse.js reads every entry for every question: at thousands of documents a few questions take minutes.
        { name: 'fuse', ask: (q) => fuse!.ask(q), minSamples: 3 },
      ],
      questions,
      { rounds: opts.rounds ?? 10, budgetMs: budget, minSamples: 20 },
    );
    const entries = engine.index.entries.length;
    // Weighed with the baselines dropped, so that only our engine is left beyond the documents.
    mini = fuse = null;
    const after = mb(heapMb() - before);
    engine = null;
    rows.push({
      docs,
      entries,
      build_ms: buildMs,
      heap_mb: heap,
      heap_after_mb: after,
      rss_mb: mb(process.memoryUsage().rss / 1024 / 1024),
      ours: lat.ours!,
      minisearch: lat.minisearch!,
      fuse: lat.fuse!,
    });
  }
  const entries = rows.map((r) => r.entries);
  return {
    questions: questions.length,
    scale: rows,
    growth: {
      ours: growth(
        entries,
        rows.map((r) => r.ours.p99_ms),
      ),
      minisearch: growth(
        entries,
        rows.map((r) => r.minisearch.p99_ms),
      ),
      fuse: growth(
        entries,
        rows.map((r) => r.fuse.p99_ms),
      ),
    },
  };
}

/** Goals of issue 15, checked beside the figures they are about. */
const mark = (ok: boolean) => (ok ? '✓' : '✗');

export function formatScale(r: ScaleResult): string {
  const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : x >= 10 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
  const lat = (l: Latency) =>
    `${ms(l.p50_ms)} / ${ms(l.p99_ms)} (${l.rounds > 1 ? `rounds ${ms(l.p99_rounds_ms[0])}–${ms(l.p99_rounds_ms[1])}, all ${ms(l.p99_pooled_ms)}; ` : ''}${l.questions}×${l.rounds})`;
  const lines = [
    `${r.questions} questions (the dev set and generated ones), asked in rounds. Per question: p50 over every answer / p99, the median of the rounds' p99s; in brackets the lowest and highest round's p99, the p99 of all rounds pooled, and questions × rounds asked.`,
    `Goals (✓/✗): respbot's p99 below MiniSearch's at every size, under 5 ms at 1,000 documents and 50 ms at 10,000; at 10,000 the index built in a few seconds (< 5 s) and under 250 MB of heap.`,
    '',
    '| documents (entries) | build | heap: index (after the questions) | RSS | respbot p50 / p99 | MiniSearch p50 / p99 | Fuse.js p50 / p99 |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of r.scale) {
    const goals = [row.ours.p99_ms < row.minisearch.p99_ms];
    if (row.docs === 1000) goals.push(row.ours.p99_ms < 5);
    if (row.docs === 10000) goals.push(row.ours.p99_ms < 50);
    const big = row.docs === 10000;
    lines.push(
      `| ${row.docs.toLocaleString('en')} (${row.entries.toLocaleString('en')}) | ${ms(row.build_ms)}${big ? ` ${mark(row.build_ms < 5000)}` : ''} | ${row.heap_mb} MB${big ? ` ${mark(row.heap_mb < 250)}` : ''} (${row.heap_after_mb} MB) | ${row.rss_mb} MB | ${lat(row.ours)} ${mark(goals.every(Boolean))} | ${lat(row.minisearch)} | ${lat(row.fuse)} |`,
    );
  }
  lines.push('', `p99 grows as entries^k: respbot k = ${r.growth.ours}, MiniSearch k = ${r.growth.minisearch}, Fuse.js k = ${r.growth.fuse}`, '');
  return lines.join('\n');
}
