// npm run bench [-- --json]: speed of loading, indexing and answering, beside plain Fuse.js.
// npm run bench -- --scale 1,17,100,1000,10000 [--json]: only the scaling benchmark (bench/scale.ts).
// npm run bench -- --endpoints [--rounds 5] [--seconds 4] [--profile DIR] [--json]: only the chat
// endpoints under load (bench/endpoints.ts); --profile keeps the servers' CPU profiles in DIR.
// A benchmark, not a test: it reports, it does not fail on a slow machine.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { engineFor, loadEngine, loadKnowledgeBase, WARM_UP_MS as START_WARM_UP_MS, warmUp } from './built.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { fuseBaseline, miniSearchBaseline } from './baselines.js';
import { largeKb, SHARED } from './kb.js';
import { benchOutbox } from './outbox.js';
import { benchScale, formatScale } from './scale.js';
import { benchEndpoints, DEFAULT_ENDPOINT_OPTIONS, type EndpointOptions, formatEndpoints } from './endpoints.js';
import { benchStartup } from './startup.js';
import { benchSyncLimit } from './sync.js';
import { pct, readQuestions, score } from './evalset.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    scale: { type: 'string' },
    endpoints: { type: 'boolean' },
    latency: { type: 'boolean' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    profile: { type: 'string' },
  },
});
const endpointOptions: EndpointOptions = {
  ...DEFAULT_ENDPOINT_OPTIONS,
  ...(values.rounds ? { rounds: Number(values.rounds) } : {}),
  ...(values.seconds ? { seconds: Number(values.seconds) } : {}),
  ...(values.profile ? { profileDir: values.profile } : {}),
};
if (!(endpointOptions.rounds >= 1 && endpointOptions.seconds >= 1)) {
  process.stderr.write('--rounds and --seconds take numbers of at least 1\n');
  process.exit(2);
}
if (values.endpoints) {
  const r = await benchEndpoints(endpointOptions);
  process.stdout.write((values.json ? '' : formatEndpoints(r).join('\n') + '\n') + JSON.stringify(r) + '\n');
  process.exit(0);
}
if (values.scale !== undefined) {
  const sizes = values.scale.split(',').map((s) => Number(s.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    process.stderr.write(`--scale takes document counts separated by commas, e.g. --scale 1,17,100,1000,10000 (got "${values.scale}")\n`);
    process.exit(2);
  }
  const r = benchScale(sizes);
  process.stdout.write((values.json ? '' : formatScale(r)) + JSON.stringify(r) + '\n');
  process.exit(0);
}
const questions = readQuestions(`${SHARED}eval/questions.dev.jsonl`);
const texts = questions.map((q) => q.q);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const WARM_UP_MS = Number(process.env.WARM_UP_MS ?? 1500);
if (!(WARM_UP_MS >= 0)) {
  process.stderr.write(`WARM_UP_MS takes a number of milliseconds (got "${process.env.WARM_UP_MS}")\n`);
  process.exit(2);
}

function latencies(
  fn: (q: string) => unknown,
  rounds: number,
  qs: string[] = texts,
  /** Asked while warming up; the questions timed by default. */
  warmQs: string[] = qs,
): { p50: number; p99: number; p99Rounds: [number, number]; p99RoundMedian: number; warming: { answers: number; p99: number } } {
  // Warm up for a second or so of answers, not a few rounds: the optimizing compiler works on
  // hot functions in the background for thousands of calls, and its thread takes this 2-core
  // machine's CPU from the measured one (ticks of 4 ms) while it does.
  const warmUntil = performance.now() + WARM_UP_MS;
  // The warm-up is timed too: what the first answers after a start cost is reported beside the steady state.
  const warm: number[] = [];
  for (let r = 0; r < 5 || performance.now() < warmUntil; r++)
    for (const q of warmQs) {
      const s = performance.now();
      fn(q);
      warm.push(performance.now() - s);
    }
  const t: number[] = [];
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const rt: number[] = [];
    for (const q of qs) {
      const s = performance.now();
      fn(q);
      rt.push(performance.now() - s);
    }
    t.push(...rt);
    perRound.push(percentile(rt, 99));
  }
  return {
    p50: round(percentile(t, 50)),
    p99: round(percentile(t, 99)),
    p99Rounds: [round(Math.min(...perRound)), round(Math.max(...perRound))],
    p99RoundMedian: round(percentile(perRound, 50)),
    // As many answers as are measured, from the start: the same sample size, before the JIT has settled.
    warming: { answers: Math.min(warm.length, t.length), p99: round(percentile(warm.slice(0, t.length), 99)) },
  };
}

/** Beside a figure that has a goal: met or not. */
const mark = (ok: boolean) => (ok ? '✓' : '✗');

const round = (x: number) => Math.round(x * 1000) / 1000;
const time = <T>(fn: () => T): [T, number] => {
  const s = performance.now();
  const v = fn();
  return [v, round(performance.now() - s)];
};

/**
 * The questions that cost the most (issue 12): the longest words the typo corrector could be
 * handed, 500 characters of noise, and many unknown words in one question. The ones timed are
 * not the ones asked while warming up (another seed), so no cache has seen their words.
 */
function worstQuestions(n: number, seed = 12345): string[] {
  let x = seed;
  const rnd = () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
  const letters = (k: number) => Array.from({ length: k }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)]).join('');
  // The words the question's readers look for (sides, "or", frames), over and over: patterns
  // with open gaps between such words backtrack on them.
  const frame = ['we', 'or', 'ibm', 'our', 'call', 'and', 'who', 'what', 'charges', 'for', 'is', 'it', 'us'];
  const frames = () =>
    Array.from({ length: 120 }, () => frame[Math.floor(rnd() * frame.length)])
      .join(' ')
      .slice(0, 500);
  const kinds = [
    () => `who patches ${letters(490)}?`,
    () => letters(500),
    () =>
      Array.from({ length: 60 }, () => letters(7))
        .join(' ')
        .slice(0, 500),
    frames,
  ];
  return Array.from({ length: n }, (_, i) => kinds[i % kinds.length]!());
}

// Per-question latency on the seed first, before the corpus runs below leave garbage to collect.
// First the start-up warm-up a server runs (src/engine/warm-up.ts), on the document's own rows:
// the first answers timed below are a server's first answers.
const seed = loadEngine([SHIPPED_DATA_DIR]);
const startWarmUp = (await warmUp(seed)).answers;
const seedLat = latencies((q) => seed.answer(q), 40);
const worstLat = latencies((q) => seed.answer(q), 1, worstQuestions(300), worstQuestions(300, 54321));
const seedLine = () =>
  `seed:   p50 ${seedLat.p50} ms, p99 ${seedLat.p99} ms ${mark(seedLat.p99 <= 1)} per question (goal p99 ≤ 1 ms; p99 of each round ${seedLat.p99Rounds[0]}–${seedLat.p99Rounds[1]} ms, median ${seedLat.p99RoundMedian} ms), after ${WARM_UP_MS / 1000} s of answers; a server's first ${seedLat.warming.answers} answers, after its start-up warm-up (${START_WARM_UP_MS / 1000} s, ${startWarmUp} answers on the document's rows): p99 ${seedLat.warming.p99} ms ${mark(seedLat.warming.p99 <= 1)}`;
/** The seed's figures in --json, the same with --latency and in the whole benchmark. */
const seedJson = {
  p50_ms: seedLat.p50,
  p99_ms: seedLat.p99,
  p99_rounds_ms: seedLat.p99Rounds,
  p99_round_median_ms: seedLat.p99RoundMedian,
  warming_p99_ms: seedLat.warming.p99,
  warming_answers: seedLat.warming.answers,
  warm_up_ms: WARM_UP_MS,
  start_warm_up_ms: START_WARM_UP_MS,
};
const worstLine = () =>
  `worst:  490-letter words, 500 characters of noise, 60 unknown words, 500 characters of side and frame words: p50 ${worstLat.p50} ms, p99 ${worstLat.p99} ms, ${round(worstLat.p99 / seedLat.p50)}× the median question (goal: a few times, never seconds)`;
if (values.latency) {
  // Only the per-question figures: seconds, where the whole benchmark takes minutes.
  const r = {
    seed: seedJson,
    worst: { p50_ms: worstLat.p50, p99_ms: worstLat.p99 },
  };
  process.stdout.write((values.json ? '' : `${seedLine()}\n${worstLine()}\n`) + JSON.stringify(r) + '\n');
  process.exit(0);
}

// Issues 4 and 15: the chat endpoints under load, ours against the bare SDKs, in processes of their own.
const endpoints = await benchEndpoints(endpointOptions);
const slack = endpoints.slack;
const outbox = await benchOutbox(seed);
const syncLimit = await benchSyncLimit();

// Issue 2's measure: load and index the whole corpus (17 documents).
loadEngine([`${SHARED}corpus/ibm-cloud`]); // warm the parser
const corpusRuns = Array.from({ length: 5 }, () => time(() => loadEngine([`${SHARED}corpus/ibm-cloud`]))[1]);
const corpusMs = Math.min(...corpusRuns);

const corpusKb = loadKnowledgeBase([`${SHARED}corpus/ibm-cloud`]);
const big = largeKb(corpusKb, 100);
const [large, buildMs] = time(() => engineFor(big));
const largeLat = latencies((q) => large.answer(q), 5);
const fuseLarge = fuseBaseline(big);
const fuseLargeLat = latencies((q) => fuseLarge.ask(q), 5);
const entries = large.index.entries.length;

const ours = score(
  questions,
  texts.map((q) => seed.answer(q)),
);
const fuse = fuseBaseline(seed.kb);
const mini = miniSearchBaseline(seed.kb);
const fuseScore = score(
  questions,
  texts.map((q) => fuse.ask(q)),
);
const miniScore = score(
  questions,
  texts.map((q) => mini.ask(q)),
);
const acc = (s: ReturnType<typeof score>) => ({ accuracy: round(pct(s.inScope, s.inScopeN) / 100), oos: round(pct(s.oos, s.oosN) / 100) });

const result = {
  corpus: { docs: corpusKb.documents.length, load_and_index_ms: corpusMs },
  seed: seedJson,
  worst: { p50_ms: worstLat.p50, p99_ms: worstLat.p99, ratio_to_median: round(worstLat.p99 / seedLat.p50) },
  large: { docs: big.documents.length, entries, build_ms: buildMs, p50_ms: largeLat.p50, p99_ms: largeLat.p99 },
  baselines: { fuse: { ...acc(fuseScore), large_p50_ms: fuseLargeLat.p50, large_p99_ms: fuseLargeLat.p99 }, minisearch: acc(miniScore) },
  ours: acc(ours),
  slack,
  slack_corpus: endpoints.slack_corpus,
  teams: endpoints.teams,
  teams_corpus: endpoints.teams_corpus,
  outbox,
  sync_limit: syncLimit,
  rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
};

if (!values.json) {
  process.stdout.write(
    [
      `corpus: ${result.corpus.docs} documents loaded and indexed in ${corpusMs} ms ${mark(corpusMs < 300)} (goal < 300 ms)`,
      seedLine(),
      worstLine(),
      `large:  ${result.large.docs} documents, ${entries} entries, index built in ${buildMs} ms ${mark(buildMs < 1000)} (goal < 1 s)`,
      `        respbot p50 ${largeLat.p50} ms, p99 ${largeLat.p99} ms ${mark(largeLat.p99 < 10 && largeLat.p99 <= fuseLargeLat.p99)}; plain Fuse.js p50 ${fuseLargeLat.p50} ms, p99 ${fuseLargeLat.p99} ms (goal < 10 ms and no slower than Fuse)`,
      `dev set: respbot ${JSON.stringify(result.ours)}, fuse ${JSON.stringify(acc(fuseScore))}, minisearch ${JSON.stringify(acc(miniScore))}`,
      ...formatEndpoints(endpoints),
      `outbox: ${outbox.map((o) => `${o.store} ${o.posts_per_s} posts/s (${o.posts} posts)`).join('; ')} through plan, claim and record (set BENCH_DATABASE_URL for PostgreSQL)`,
      `sync:   a ${syncLimit.offered_mb} MB upstream body: ${syncLimit.taken_mb} MB read, memory +${syncLimit.rss_rise_mb} MB, then "${syncLimit.verdict}" (goal: stop near the 2 MB limit)`,
      `rss: ${result.rss_mb} MB`,
      '',
    ].join('\n'),
  );
}
Object.assign(result, { startup: await benchStartup(!values.json) }); // issue 16: start-up, in processes of its own
process.stdout.write(JSON.stringify(result) + '\n');
