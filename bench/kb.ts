// Knowledge bases of any size from the corpus, and the questions asked of them in the benchmarks.
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../src/model.js';
import { readQuestions } from './evalset.js';
import { generatedSet } from './generated/folds.js';

export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));

/** `docs` documents: the corpus documents again and again under other service names. */
export function largeKb(base: KnowledgeBase, docs: number): KnowledgeBase {
  const documents = Array.from({ length: docs }, (_, i) => {
    const d = base.documents[i % base.documents.length]!;
    const copy = Math.floor(i / base.documents.length);
    return copy === 0 ? d : { ...d, id: `${d.id}-copy${copy}`, service: `${d.service} Copy${copy}` };
  });
  return { documents, warnings: [] };
}

/**
 * Questions as people ask them: the dev set, and every `step`-th question generated from the
 * corpus (who, yes-no and statement questions with chat noise, and the negatives: other
 * services, other clouds, everyday things, chit-chat), in a fixed order.
 */
export function questionMix(generated = 250): string[] {
  const dev = readQuestions(`${SHARED}eval/questions.dev.jsonl`).map((q) => q.q);
  const all = generatedSet().scenarios.flatMap((s) => s.questions.map((q) => q.q));
  const step = Math.max(1, Math.floor(all.length / generated));
  const gen = all.filter((_, i) => i % step === 0).slice(0, generated);
  return [...dev, ...gen];
}
