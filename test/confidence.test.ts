// The confidence model: fitted by a script on generated questions, kept as data, reproducible.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelError, readModel, type ConfidenceModel } from '../src/engine/confidence.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { DEFAULT_ABSTAIN, fitModel, fitSigned, samplesOf } from '../bench/generated/fit.js';
import { generatedSet } from '../bench/generated/folds.js';
import { rowsOf } from '../bench/generated/questions.js';
import { folderWith } from './helpers/fs.js';

describe('fitting', () => {
  test('a feature whose weight comes out against its sign is left out, and the rest refitted', () => {
    // y follows x0 upwards; x1 is noise that happens to lean upwards too, but its sign says it may only lower.
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 400; i++) {
      const x0 = (i % 20) / 20;
      const x1 = x0 + ((i * 7) % 11) / 50;
      xs.push([x0, x1]);
      ys.push(x0 + ((i * 13) % 17) / 40 > 0.6 ? 1 : 0);
    }
    const free = fitSigned(xs, ys, [0, 0]);
    const signed = fitSigned(xs, ys, [1, -1]);
    expect(free.weights[1]).toBeGreaterThan(0);
    expect(signed.weights[1]).toBe(0);
    expect(signed.weights[0]).toBeGreaterThan(0);
  });

  test('the shipped model is what `npm run fit` makes from the corpus now', () => {
    const shipped = JSON.parse(readFileSync(join(SHIPPED_DATA_DIR, 'confidence.json'), 'utf8')) as ConfidenceModel;
    const refit = fitModel(samplesOf(generatedSet().scenarios), DEFAULT_ABSTAIN);
    expect(refit.threshold).toBe(shipped.threshold);
    for (const k of ['scope', 'right'] as const) {
      expect(refit[k].features).toEqual(shipped[k].features);
      for (const [i, w] of refit[k].weights.entries()) expect(w).toBeCloseTo(shipped[k].weights[i]!, 4);
      expect(refit[k].bias).toBeCloseTo(shipped[k].bias, 4);
    }
  }, 60_000);
});

describe('the model file', () => {
  test('a malformed model is refused with its file and what to do', () => {
    const dir = folderWith({ 'confidence.json': JSON.stringify({ scope: { features: ['score', 'nonsense'], mean: [0], scale: [1], weights: [1], bias: 0 } }) });
    expect(() => readModel(join(dir, 'confidence.json'))).toThrow(ModelError);
    expect(() => readModel(join(dir, 'confidence.json'))).toThrow(/confidence\.json.*nonsense.*npm run fit/);
  });
});

describe('the generated questions', () => {
  const set = generatedSet();

  test('are the same on every run (seeded)', () => {
    const again = generatedSet();
    expect(again.scenarios.map((s) => s.questions.length)).toEqual(set.scenarios.map((s) => s.questions.length));
    expect(again.scenarios[3]!.questions.slice(0, 20)).toEqual(set.scenarios[3]!.questions.slice(0, 20));
  });

  test('every document is in exactly one fold, and a fold is scored on documents its model never saw', () => {
    const folds = new Set(set.docs.map((d) => set.fold.get(d.id)));
    expect(folds.size).toBe(set.folds);
    for (const s of set.scenarios) for (const d of s.docs) expect(set.fold.get(d.id)).toBe(s.fold);
  });

  test('each in-scope question names a row that exists, with its party', () => {
    for (const s of set.scenarios) {
      const rows = s.docs.flatMap(rowsOf);
      for (const q of s.questions.filter((x) => x.kind === 'entry')) {
        // Task names can repeat within a document ("Applications"); one of the rows so named is the question's.
        const named = rows.filter((r) => r.doc.id === q.doc && new RegExp(q.task![0]!, 'i').test(r.task));
        expect(named.length).toBeGreaterThan(0);
        // A shared row asked about by its task name has no party to score.
        if (q.party !== undefined) expect(named.flatMap((r) => (r.party === 'shared' ? ['provider', 'customer', 'shared'] : [r.party]))).toContain(q.party);
        else expect(named.some((r) => r.party === 'shared')).toBe(true);
      }
    }
  });

  test('negatives name a service that is not loaded, another cloud, everyday things or chit-chat', () => {
    const families = new Set(set.scenarios.flatMap((s) => s.questions.filter((q) => q.kind === 'oos').map((q) => q.family)));
    expect([...families].sort()).toEqual(['oos/chitchat', 'oos/everyday', 'oos/other-cloud', 'oos/other-service']);
  });
});
