// The generated evaluation: documents split into folds by service; for each fold, scenarios
// as the bot is used (one document loaded; all the fold's documents loaded) with questions
// generated from their rows, and negatives from documents that are not loaded.
import { join } from 'node:path';
import { loadKnowledgeBase, readServices, dataFile } from '../../src/load/folder.js';
import type { KnowledgeBase, ResponsibilityDocument } from '../../src/model.js';
import { chitchat, everyday, namedElsewhere, otherCloud, positives, rowsOf, type GeneratedQuestion } from './questions.js';
import { rng, seedOf } from './rng.js';

export const CORPUS_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'ibm-cloud');

export interface Scenario {
  name: string;
  fold: number;
  docs: ResponsibilityDocument[];
  questions: GeneratedQuestion[];
}

/** The newest document of each service: older copies of a service would answer twice. */
export function newestPerService(kb: KnowledgeBase): ResponsibilityDocument[] {
  const best = new Map<string, ResponsibilityDocument>();
  for (const d of kb.documents) {
    const cur = best.get(d.service);
    if (!cur || (d.lastUpdated ?? '') > (cur.lastUpdated ?? '')) best.set(d.service, d);
  }
  return [...best.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Ways people name a service: its name as the document gives it, and the aliases of services.yaml. */
function namesOf(doc: ResponsibilityDocument): string[] {
  const info = readServices(dataFile('services.yaml', []));
  const aliases = info[doc.subcollection ?? '']?.aliases ?? info[doc.id]?.aliases ?? [];
  return [doc.service, ...aliases.filter((a) => a.length > 3)];
}

export function foldOf(docs: ResponsibilityDocument[], folds: number): Map<string, number> {
  return new Map(docs.map((d, i) => [d.id, i % folds]));
}

export interface GeneratedSet {
  folds: number;
  docs: ResponsibilityDocument[];
  fold: Map<string, number>;
  scenarios: Scenario[];
}

export function generatedSet(opts: { folds?: number; seed?: number; corpus?: string } = {}): GeneratedSet {
  const folds = opts.folds ?? 5;
  const seed = opts.seed ?? 1;
  const docs = newestPerService(loadKnowledgeBase([opts.corpus ?? CORPUS_DIR]));
  const fold = foldOf(docs, folds);
  const rows = new Map(docs.map((d) => [d.id, rowsOf(d)]));
  const scenarios: Scenario[] = [];
  for (let k = 0; k < folds; k++) {
    const inFold = docs.filter((d) => fold.get(d.id) === k);
    for (const d of inFold) {
      const r = rng(seedOf(d.id, seed));
      const mine = rows.get(d.id)!;
      const others = inFold.filter((o) => o !== d).flatMap((o) => rows.get(o.id)!);
      const pos = positives(mine, r, { perRow: 4, name: (doc) => (r.chance(0.15) ? r.pick(namesOf(doc)) : null) });
      const n = Math.max(6, Math.round(pos.length / 6));
      const questions = [
        ...pos,
        ...namedElsewhere(others, namesOf, r, n),
        ...otherCloud(mine, r, n),
        ...everyday(mine, r, 3 * n),
        ...chitchat(r, Math.ceil(n / 2)),
      ];
      scenarios.push({ name: `${d.id} alone`, fold: k, docs: [d], questions });
    }
    // All the fold's documents at once: questions name their service; negatives name a service from another fold.
    const r = rng(seedOf(`fold-${k}`, seed));
    const mine = inFold.flatMap((d) => rows.get(d.id)!);
    const outside = docs.filter((d) => fold.get(d.id) !== k).flatMap((d) => rows.get(d.id)!);
    const pos = positives(mine, r, { perRow: 2, name: (doc) => r.pick(namesOf(doc)) });
    const n = Math.max(8, Math.round(pos.length / 6));
    const questions = [...pos, ...namedElsewhere(outside, namesOf, r, n), ...otherCloud(mine, r, n), ...everyday(mine, r, n), ...chitchat(r, Math.ceil(n / 2))];
    scenarios.push({ name: `fold ${k} together`, fold: k, docs: inFold, questions });
  }
  return { folds, docs, fold, scenarios };
}
