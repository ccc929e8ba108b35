// `npm run eval -- --generated`: the generated questions, fold by fold. For each fold the
// confidence model is fitted on the other folds only and scored on this one, beside plain
// Fuse.js and MiniSearch on the same documents; then a calibration table of the held-out
// answers (confidence band → share right).
import { probability } from '../../src/engine/confidence.js';
import { fuseBaseline, miniSearchBaseline } from '../baselines.js';
import { isCorrect, pct } from '../evalset.js';
import { DEFAULT_ABSTAIN, fitModel, outcome, samplesOf, type Sample } from './fit.js';
import { generatedSet, type Scenario } from './folds.js';

export interface FoldFigures {
  fold: number;
  documents: string[];
  questions: number;
  threshold: number;
  ours: { accuracy: number; oos: number };
  fuse: { accuracy: number; oos: number };
  minisearch: { accuracy: number; oos: number };
}

export interface GeneratedReport {
  folds: FoldFigures[];
  all: Omit<FoldFigures, 'fold' | 'documents' | 'threshold'>;
  calibration: Array<{ lo: number; hi: number; n: number; right: number }>;
  families: Array<{ family: string; n: number; right: number }>;
  /** The held-out questions got wrong, and how: declined though in scope, the wrong entry, or answered though out of scope. */
  misses: Array<{ q: string; family: string; how: 'declined' | 'wrong' | 'answered'; wanted: string; got: string }>;
}

function baselineScores(scenarios: Scenario[], which: 'fuse' | 'minisearch'): { inScope: number; inScopeN: number; oos: number; oosN: number } {
  const o = { inScope: 0, inScopeN: 0, oos: 0, oosN: 0 };
  for (const s of scenarios) {
    const kb = { documents: s.docs, warnings: [] };
    const b = which === 'fuse' ? fuseBaseline(kb) : miniSearchBaseline(kb);
    for (const q of s.questions) {
      const ok = isCorrect(q, b.ask(q.q));
      if (q.kind === 'oos') {
        o.oosN++;
        o.oos += +ok;
      } else {
        o.inScopeN++;
        o.inScope += +ok;
      }
    }
  }
  return o;
}

const rate = (n: number, d: number) => Math.round(pct(n, d) * 10) / 1000;

export function generatedReport(opts: { abstain?: number; seed?: number } = {}): GeneratedReport {
  const set = generatedSet({ seed: opts.seed });
  const samples = samplesOf(set.scenarios);
  const abstain = opts.abstain ?? DEFAULT_ABSTAIN;
  const folds: FoldFigures[] = [];
  const heldOut: Array<{ s: Sample; p: number | null; scope: number | null; t: number }> = [];
  const totals = { ours: [0, 0, 0, 0], fuse: [0, 0, 0, 0], minisearch: [0, 0, 0, 0] };
  for (let k = 0; k < set.folds; k++) {
    const model = fitModel(
      samples.filter((s) => s.fold !== k),
      abstain,
    );
    const test = samples.filter((s) => s.fold === k);
    const o = outcome(test, model);
    for (const s of test)
      heldOut.push({
        s,
        p: s.features ? probability(model.right, s.features) : null,
        scope: s.features ? probability(model.scope, s.features) : null,
        t: model.threshold,
      });
    const scen = set.scenarios.filter((s) => s.fold === k);
    const f = baselineScores(scen, 'fuse');
    const m = baselineScores(scen, 'minisearch');
    for (const [key, v] of [
      ['ours', o],
      ['fuse', f],
      ['minisearch', m],
    ] as const) {
      totals[key] = [totals[key][0]! + v.inScope, totals[key][1]! + v.inScopeN, totals[key][2]! + v.oos, totals[key][3]! + v.oosN];
    }
    folds.push({
      fold: k,
      documents: set.docs.filter((d) => set.fold.get(d.id) === k).map((d) => d.id),
      questions: test.length,
      threshold: model.threshold,
      ours: { accuracy: rate(o.inScope, o.inScopeN), oos: rate(o.oos, o.oosN) },
      fuse: { accuracy: rate(f.inScope, f.inScopeN), oos: rate(f.oos, f.oosN) },
      minisearch: { accuracy: rate(m.inScope, m.inScopeN), oos: rate(m.oos, m.oosN) },
    });
  }
  const fig = (t: number[]) => ({ accuracy: rate(t[0]!, t[1]!), oos: rate(t[2]!, t[3]!) });
  // Calibration of the held-out answers: each scored by the model that did not see its fold.
  const bands = Array.from({ length: 10 }, (_, i) => ({ lo: i / 10, hi: (i + 1) / 10, n: 0, right: 0 }));
  for (const { s, p, scope, t } of heldOut) {
    if (p === null || scope === null || scope < t) continue;
    const b = bands[Math.min(9, Math.floor(p * 10))]!;
    b.n++;
    b.right += +s.right;
  }
  const fam = new Map<string, { n: number; right: number }>();
  const misses: GeneratedReport['misses'] = [];
  for (const { s, scope, t } of heldOut) {
    const answered = scope !== null ? scope >= t : s.ruleAnswered;
    const ok = s.q.kind === 'oos' ? !answered : answered && s.right;
    if (!ok)
      misses.push({
        q: s.q.q,
        family: s.q.family,
        how: s.q.kind === 'oos' ? 'answered' : answered ? 'wrong' : 'declined',
        wanted: s.q.kind === 'oos' ? 'decline' : `${s.q.task?.join(' | ') ?? '-'} → ${s.q.party ?? 'any'}`,
        got: s.got,
      });
    const f = fam.get(s.q.family) ?? { n: 0, right: 0 };
    f.n++;
    f.right += +ok;
    fam.set(s.q.family, f);
  }
  return {
    folds,
    all: { questions: samples.length, ours: fig(totals.ours), fuse: fig(totals.fuse), minisearch: fig(totals.minisearch) },
    calibration: bands,
    families: [...fam].map(([family, v]) => ({ family, ...v })).sort((a, b) => a.family.localeCompare(b.family)),
    misses,
  };
}

export function formatReport(r: GeneratedReport, withMisses = false): string {
  const p = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  const row = (
    name: string,
    f: { ours: { accuracy: number; oos: number }; fuse: { accuracy: number; oos: number }; minisearch: { accuracy: number; oos: number } },
  ) =>
    `${name.padEnd(26)} ${p(f.ours.accuracy)} ${p(f.ours.oos)}   ${p(f.fuse.accuracy)} ${p(f.fuse.oos)}   ${p(f.minisearch.accuracy)} ${p(f.minisearch.oos)}`;
  const lines = [
    `Generated questions: ${r.all.questions}, in ${r.folds.length} folds by document; each fold scored by a model fitted on the others.`,
    `${''.padEnd(26)} respbot         fuse            minisearch`,
    `${'fold (documents)'.padEnd(26)} in-sc.  oos     in-sc.  oos     in-sc.  oos`,
    ...r.folds.map((f) => row(`${f.fold} (${f.documents.length} docs, t=${f.threshold.toFixed(2)})`, f)),
    row('all folds', r.all),
    '',
    'Calibration of the held-out answers given (confidence band → share right):',
    ...r.calibration
      .filter((b) => b.n > 0)
      .map((b) => `  ${b.lo.toFixed(1)}–${b.hi.toFixed(1)}  ${String(b.n).padStart(5)} answers  ${p(b.right / b.n)} right`),
    '',
    'By kind of question (in scope: answered right; oos: declined):',
    ...r.families.map((f) => `  ${f.family.padEnd(24)} ${String(f.n).padStart(5)}  ${p(f.right / f.n)}`),
    ...(withMisses
      ? [
          '',
          `Misses (${r.misses.length}):`,
          ...r.misses.map((m) => `  ${m.how.padEnd(8)} [${m.family}] ${m.q}\n             wanted ${m.wanted}; best ${m.got}`),
        ]
      : []),
  ];
  return lines.join('\n') + '\n';
}
