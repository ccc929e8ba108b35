// npm run fit [-- --abstain 0.9 --out data/confidence.json]: fits the confidence model on every
// fold of the generated questions and writes it. Deterministic: the same corpus, code and seed
// give the same file, so a change to it in a commit is the effect of that commit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Logistic } from '../src/engine/confidence.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { generatedSet } from './generated/folds.js';
import { DEFAULT_ABSTAIN, fitModel, outcome, samplesOf } from './generated/fit.js';

const { values } = parseArgs({ options: { abstain: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } } });
const abstain = Number(values.abstain ?? DEFAULT_ABSTAIN);
const seed = Number(values.seed ?? 1);
const out = values.out ?? join(SHIPPED_DATA_DIR, 'confidence.json');

const set = generatedSet({ seed });
const samples = samplesOf(set.scenarios);
const model = fitModel(samples, abstain, {
  by: 'npm run fit',
  seed,
  documents: set.docs.map((d) => d.id),
  questions: samples.length,
});
const o = outcome(samples, model);
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const tidy = (m: Logistic): Logistic => ({ ...m, mean: m.mean.map(round), scale: m.scale.map(round), weights: m.weights.map(round), bias: round(m.bias) });
const file = { ...model, scope: tidy(model.scope), right: tidy(model.right) };
writeFileSync(out, JSON.stringify(file, null, 2) + '\n');
process.stdout.write(
  `${out}: ${samples.length} generated questions, threshold ${model.threshold}; on the data it was fitted on: ` +
    `in-scope ${((100 * o.inScope) / o.inScopeN).toFixed(1)}%, out-of-scope declined ${((100 * o.oos) / o.oosN).toFixed(1)}%\n`,
);
