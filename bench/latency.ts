// Per-question latency of several systems over the same questions, in alternated rounds, with the
// spread of p99 over the rounds. A system too slow to run every question within its budget runs
// on an evenly spaced sample of them (and says how many).
import { performance } from 'node:perf_hooks';

export const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export interface Latency {
  /** Over every answer timed. */
  p50_ms: number;
  /**
   * The median of the rounds' p99s (each round asks every question once): a burst of another
   * process's work on this shared machine moves one round, not the figure.
   */
  p99_ms: number;
  /** p99 of each round on its own: the lowest and the highest. */
  p99_rounds_ms: [number, number];
  /** p99 over every answer timed, all rounds pooled. */
  p99_pooled_ms: number;
  /** Questions asked per round, and rounds. */
  questions: number;
  rounds: number;
}

export interface System {
  name: string;
  ask(q: string): unknown;
  /** This system's own budget and least number of timed answers, when not the options'. */
  budgetMs?: number;
  minSamples?: number;
}

export interface LatencyOptions {
  rounds: number;
  /** Time each system may take for its measured rounds, roughly. */
  budgetMs: number;
  /** At least this many timed answers per system, however slow it is. */
  minSamples: number;
  /** Run before each system's turn (a full collection, so that one system's garbage is not collected in another's time). */
  between?: () => void;
}

/** Every k-th question, so that a sample keeps the mix's proportions. */
function evenly<T>(xs: T[], n: number): T[] {
  if (n >= xs.length) return xs;
  const step = xs.length / n;
  return Array.from({ length: n }, (_, i) => xs[Math.floor(i * step)]!);
}

/**
 * Warms each system up on the questions (for 1.5 to 2 seconds, an evenly spaced sample first),
 * sizes each one's share from the cost seen: every question for as many rounds as the budget
 * allows (up to `rounds`), or when even one round is too long, an evenly spaced sample of the
 * questions asked once. Then the systems run in turn, round after
 * round, so that the machine's ups and downs fall on all of them alike.
 */
export function latencies(systems: System[], questions: string[], opts: LatencyOptions): Record<string, Latency> {
  const plans = systems.map((s) => {
    // Warm up (the JIT settles): the questions over and over for 1.5 s at least (V8's optimizing
    // compiler works for thousands of calls, and while it does its thread takes this 2-core
    // machine's CPU from the measured one: see bench.ts), at most three times once past that, and
    // never past two seconds; a spread of the questions first, so that a slow system's cost is not
    // judged on the first few alone. The cost seen sizes the share.
    const start = performance.now();
    let asked = 0;
    warm: for (let pass = 0; pass < 3 || performance.now() - start < 1500; pass++) {
      for (const q of pass === 0 ? [...evenly(questions, 20), ...questions] : questions) {
        s.ask(q);
        asked++;
        if (performance.now() - start > 2000) break warm;
      }
    }
    const cost = (performance.now() - start) / asked;
    const affordable = Math.max(s.minSamples ?? opts.minSamples, Math.floor((s.budgetMs ?? opts.budgetMs) / cost));
    const rounds = Math.max(1, Math.min(opts.rounds, Math.floor(affordable / questions.length)));
    const n = rounds > 1 ? questions.length : Math.min(questions.length, affordable);
    return { s, rounds, qs: evenly(questions, n), times: [] as number[][] };
  });
  const most = Math.max(...plans.map((p) => p.rounds));
  for (let r = 0; r < most; r++) {
    // Each round starts with the next system, so that none always follows the same one.
    for (let k = 0; k < plans.length; k++) {
      const p = plans[(r + k) % plans.length]!;
      if (r >= p.rounds) continue;
      opts.between?.();
      const t: number[] = [];
      for (const q of p.qs) {
        const s = performance.now();
        p.s.ask(q);
        t.push(performance.now() - s);
      }
      p.times.push(t);
    }
  }
  const out: Record<string, Latency> = {};
  for (const p of plans) {
    const all = p.times.flat();
    const perRound = p.times.map((t) => percentile(t, 99));
    const sorted = [...perRound].sort((a, b) => a - b);
    out[p.s.name] = {
      p50_ms: round3(percentile(all, 50)),
      p99_ms: round3((sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2),
      p99_rounds_ms: [round3(sorted[0]!), round3(sorted[sorted.length - 1]!)],
      p99_pooled_ms: round3(percentile(all, 99)),
      questions: p.qs.length,
      rounds: p.rounds,
    };
  }
  return out;
}
