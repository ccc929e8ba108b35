// Two probabilities from measured features of a question and its best match, each a logistic
// model fitted by `npm run fit` on generated questions (bench/fit.ts) and kept as data
// (data/confidence.json):
// - `scope`: that the question is one the documents answer at all. The engine abstains below
//   the threshold, which the fit chose for the out-of-scope abstention it was asked for.
// - `right`: that the best entry is the right answer: the answer's `confidence`. An in-scope
//   question whose best entry is uncertain is still answered, and says so, rather than refused.
import { existsSync, readFileSync } from 'node:fs';
import type { Query } from './query.js';
import type { Ranking } from './ranking.js';

/**
 * The features, each with the direction it may move the probability: more of the question
 * explained can only raise it, more unknown words can only lower it. The fit keeps to these
 * signs, so that overlapping features cannot cancel out into a rule nobody would write.
 */
export const FEATURE_SIGNS = {
  score: 1,
  explained: 1,
  task: 1,
  taskCoverage: 1,
  pairs: 1,
  matched: 1,
  margin: 1,
  namesService: 1,
  context: 1,
  unknownFocus: -1,
  unknownEnglish: -1,
  hasUnknownEnglish: -1,
  unknownThing: -1,
  hasUnknownThing: -1,
  thingAndMatch: -1,
  unknownCount: -1,
  titleOnly: -1,
  related: -1,
  corrected: -1,
  body: 0,
  section: 0,
  unknownContext: 0,
  focusUnits: 0,
} as const;
export const FEATURES = Object.keys(FEATURE_SIGNS) as Array<keyof typeof FEATURE_SIGNS>;
export type Feature = keyof typeof FEATURE_SIGNS;
export type Features = Record<Feature, number>;

/** A logistic model: standardise each feature, weigh, add the bias, squash. */
export interface Logistic {
  features: Feature[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface ConfidenceModel {
  scope: Logistic;
  right: Logistic;
  /** Abstain when `scope` is below this probability. */
  threshold: number;
  /** How and on what the model was fitted, for people reading the file. */
  fitted?: Record<string, unknown>;
}

/** The features of the best-ranked entry for a question. */
export function featuresOf(q: Query, ranked: Ranking, rowTerms: Set<string>): Features {
  const top = ranked.at(0);
  let second: typeof top;
  if (top) {
    for (let i = 1; ; i++) {
      const r = ranked.at(i);
      if (!r) break;
      if (r.item.entry !== top.item.entry || r.item.section !== top.item.section) {
        second = r;
        break;
      }
    }
  }
  let focus = 0;
  let focusUnknown = 0;
  let focusEnglish = 0;
  let focusThing = 0;
  let ctx = 0;
  let ctxUnknown = 0;
  let focusUnits = 0;
  let unknownCount = 0;
  let titleOnly = 0;
  for (const u of q.units) {
    if (u.focus) {
      focusUnits++;
      focus += u.weight;
      if (u.covered && !u.terms.some((t) => rowTerms.has(t)) && ![...u.related.keys()].some((t) => rowTerms.has(t))) titleOnly += u.weight;
      if (!u.covered) {
        focusUnknown += u.weight;
        if (u.foreignWord) focusEnglish += u.weight;
        if (u.foreignThing) focusThing += u.weight;
        unknownCount++;
      }
    } else {
      ctx += u.weight;
      if (!u.covered) ctxUnknown += u.weight;
    }
  }
  const fit = top?.fit;
  return {
    score: top?.score ?? 0,
    explained: fit?.explained ?? 0,
    task: fit?.task ?? 0,
    body: fit?.body ?? 0,
    section: fit?.section ?? 0,
    taskCoverage: fit?.taskCoverage ?? 0,
    pairs: fit?.pairs ?? 0,
    related: fit?.related ?? 0,
    corrected: fit?.corrected ?? 0,
    context: fit?.context ?? 0,
    unknownFocus: focus ? focusUnknown / focus : 0,
    unknownEnglish: focus ? focusEnglish / focus : 0,
    // The share alone is linear; whether there is any such word at all is most of the signal.
    hasUnknownEnglish: focusEnglish > 0 ? 1 : 0,
    unknownThing: focus ? focusThing / focus : 0,
    hasUnknownThing: focusThing > 0 ? 1 : 0,
    // A thing the documents never name, asked about with a word they do use ("who patches my
    // laptop?"): the better the rest matches, the more the answer is about something else.
    thingAndMatch: focusThing > 0 ? (fit?.explained ?? 0) + (top ? (top.score - (second?.score ?? 0)) / top.score : 0) : 0,
    unknownContext: ctx ? ctxUnknown / ctx : 0,
    // Words the documents use only in headings ("incident" in "Incident, operations, and cluster
    // management"): no row says who does anything about them.
    titleOnly: focus ? titleOnly / focus : 0,
    focusUnits: Math.log1p(focusUnits),
    matched: Math.log1p(fit?.matched ?? 0),
    unknownCount: Math.log1p(unknownCount),
    margin: top ? (top.score - (second?.score ?? 0)) / top.score : 0,
    namesService: q.services.length ? 1 : 0,
  };
}

export function probability(model: Logistic, f: Features): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    z += model.weights[i]! * (((f[name] ?? 0) - model.mean[i]!) / (model.scale[i] || 1));
  });
  return 1 / (1 + Math.exp(-z));
}

export class ModelError extends Error {}

function checkLogistic(file: string, name: string, m: Logistic | undefined): void {
  const n = m?.features?.length ?? 0;
  const unknown = (m?.features ?? []).filter((f) => !(FEATURES as readonly string[]).includes(f));
  if (!m || !n || unknown.length || [m.mean, m.scale, m.weights].some((a) => !Array.isArray(a) || a.length !== n) || typeof m.bias !== 'number') {
    throw new ModelError(`${file}: "${name}" is not a logistic model${unknown.length ? ` (unknown features: ${unknown.join(', ')})` : ''}; run npm run fit`);
  }
}

/** Reads and checks a model file: every feature known, every array the same length. */
export function readModel(file: string): ConfidenceModel {
  if (!existsSync(file)) throw new ModelError(`${file}: no confidence model (run npm run fit)`);
  const m = JSON.parse(readFileSync(file, 'utf8')) as ConfidenceModel;
  checkLogistic(file, 'scope', m.scope);
  checkLogistic(file, 'right', m.right);
  if (typeof m.threshold !== 'number') throw new ModelError(`${file}: no threshold; run npm run fit`);
  return m;
}
