// The engine against the engine as it was before issue 15 (test/reference/before15, which scores
// every entry for every question): the same answers, whole, and the same features for the
// confidence model, on the dev set, the paraphrase fixtures, every generated question in its own
// scenario, and on knowledge bases of many services (the corpus, and 100 documents of renamed
// copies, where many entries tie).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { engineFor, loadEngine, type Engine } from '../src/engine/engine.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import type { KnowledgeBase } from '../src/model.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { readQuestions } from '../bench/evalset.js';
import { generatedSet } from '../bench/generated/folds.js';
import { largeKb, questionMix } from '../bench/kb.js';
import * as before from './reference/before15/engine.js';
import { CORPUS, SHARED } from './helpers/fs.js';

type Ref = ReturnType<typeof before.engineFor>;

const FIXTURES = join(import.meta.dirname, 'fixtures');
const dev = readQuestions(join(SHARED, 'eval/questions.dev.jsonl')).map((q) => q.q);
const paraphrases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readQuestions(join(FIXTURES, f)).map((q) => q.q));

/** Questions whose answers differ, with the first difference of each (at most a few). */
function differences(now: Engine, ref: Ref, questions: string[], context?: { service: string }): string[] {
  const out: string[] = [];
  for (const q of questions) {
    const a = JSON.stringify(now.answer(q, context));
    const b = JSON.stringify(ref.answer(q, context));
    if (a !== b) out.push(`${q}\n  now:    ${a.slice(0, 600)}\n  before: ${b.slice(0, 600)}`);
    const e = now.explain(q, context);
    const f = ref.explain(q, context);
    if (JSON.stringify(e.features) !== JSON.stringify(f.features)) out.push(`${q} (features)\n  now:    ${JSON.stringify(e.features)}\n  before: ${JSON.stringify(f.features)}`);
    if (out.length >= 5) break;
  }
  return out;
}

function pair(kb: KnowledgeBase): [Engine, Ref] {
  const model = before.engineFor(kb).model;
  return [engineFor(kb, { model }), before.engineFor(kb, { model })];
}

describe('answers are those of the full scan', () => {
  test('the dev set and the paraphrase fixtures, on the shipped document', () => {
    const now = loadEngine([SHIPPED_DATA_DIR]);
    const ref = before.loadEngine([SHIPPED_DATA_DIR]);
    expect(differences(now, ref, [...dev, ...paraphrases])).toEqual([]);
    for (const name of ['disaster recovery', 'DR', 'mirroring', 'security_compliance', 'nothing like it', 'summarize backups']) {
      expect(JSON.stringify(now.findSection(name))).toBe(JSON.stringify(ref.findSection(name)));
    }
  });

  test('every generated question, in its scenario', () => {
    const set = generatedSet();
    for (const s of set.scenarios) {
      const [now, ref] = pair({ documents: s.docs, warnings: [] });
      expect({ scenario: s.name, diff: differences(now, ref, s.questions.map((q) => q.q)) }).toEqual({ scenario: s.name, diff: [] });
    }
  }, 300_000);

  test('the corpus loaded whole (17 documents, one superseded copy each of two services)', () => {
    const [now, ref] = pair(loadKnowledgeBase([CORPUS]));
    const qs = [...dev, ...paraphrases, ...questionMix()];
    expect(differences(now, ref, qs)).toEqual([]);
    // Asked in a channel about one service, named by its name, its document's id, an alias, or nothing known.
    for (const service of ['Key Protect', 'keyprotect', 'cos', 'event streams', 'no such service']) {
      expect(differences(now, ref, qs.slice(0, 40), { service })).toEqual([]);
    }
  }, 120_000);

  test('100 documents of renamed copies, where the best entries tie', () => {
    const [now, ref] = pair(largeKb(loadKnowledgeBase([CORPUS]), 100));
    expect(differences(now, ref, [...dev, ...questionMix(120)])).toEqual([]);
  }, 120_000);
});

describe('the tables the index derives are those of the full scan', () => {
  test.each([
    ['the corpus', () => loadKnowledgeBase([CORPUS])],
    ['40 documents of renamed copies', () => largeKb(loadKnowledgeBase([CORPUS]), 40)],
  ])('%s: rarities, known words, typo deletions, names of services and of what is not covered', (_name, kb) => {
    const k = kb();
    const now = engineFor(k).index;
    const ref = before.engineFor(k).index;
    expect(now.entries.length).toBe(ref.entries.length);
    expect([...now.rowTerms].sort()).toEqual([...ref.rowTerms].sort());
    expect(new Map([...now.idf].sort())).toEqual(new Map([...ref.idf].sort()));
    expect(now.unknownIdf).toBe(ref.unknownIdf);
    for (const g of now.services) {
      const r = ref.docRarity.get(g.doc.id);
      const n = now.rarityOf(g.doc.id);
      expect(n && new Map([...n.idf].sort())).toEqual(r && new Map([...r.idf].sort()));
      expect(n?.unknownIdf).toBe(r?.unknownIdf);
    }
    expect([...now.knownWords]).toEqual([...ref.knownWords]);
    expect([...now.knownStems]).toEqual([...ref.knownStems]);
    expect([...now.deletions]).toEqual([...ref.deletions]);
    const names = <T>(byFirst: Map<string, Array<{ item: T; words: string[] }>>) => [...byFirst.values()].flat().map((n) => ({ item: n.item, words: n.words.join(' ') }));
    // The same items under each spelling (a spelling met again never matched, so the index keeps only the first).
    const firsts = <T>(list: Array<{ item: T; words: string }>) => list.filter((n, i) => list.findIndex((m) => m.words === n.words) === i);
    expect(names(now.foreignNames.byFirst)).toEqual(firsts(names(ref.foreignNames)));
    expect(names(now.serviceNames.byFirst).map((n) => [n.item.service, n.words])).toEqual(firsts(names(ref.serviceNames)).map((n) => [n.item.service, n.words]));
  });
});
