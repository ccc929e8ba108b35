// How much of the index one question touches, and what the index keeps per entry: a question
// reads the postings of its own terms and scores only the head of its ranking; typo candidates,
// and the names "did you mean" searches, are bounded; entries hold offsets, not sets of strings.
// (That the rankings are those of the full scan is test/full-scan.test.ts.)
import { engineFor } from '../src/engine/engine.js';
import { fuzzyNames, fuzzySearch, namesSearched, namesThatCanMatch } from '../src/engine/fuzzy.js';
import { termsOf } from '../src/engine/text-terms.js';
import { readQuestion } from '../src/engine/query.js';
import { rank } from '../src/engine/ranking.js';
import { MAX_TYPO_CANDIDATES, typoCandidates } from '../src/engine/spelling.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { largeKb, questionMix } from '../bench/kb.js';
import { CORPUS } from './helpers/fs.js';

const corpus = loadKnowledgeBase([CORPUS]);
const big = engineFor(largeKb(corpus, 100));
const index = big.index;

describe('a question touches the entries that share a term with it', () => {
  test.each(['who patches the cluster?', 'who rotates the encryption keys in key protect?', 'who restores the database after a region goes down?'])(
    '%s',
    (question) => {
      const q = readQuestion(question, index);
      const ranking = rank(q, index);
      // Worked out here from the texts: entries whose task, texts or section title hold a term the question finds its words by.
      const vocab = index.vocabulary;
      const wanted = new Set(q.units.filter((u) => u.covered).flatMap((u) => [...u.terms, ...u.related.keys()]));
      const sharing = index.entries.filter((e) =>
        [e.task, e.provider, e.customer, e.section.title].some((text) => [...termsOf(text, vocab)].some((t) => wanted.has(t))),
      ).length;
      expect(ranking.candidates).toBe(sharing);
      expect(ranking.candidates).toBeLessThan(index.entries.length);
      // The answer reads five entries and the runner-up: only a few distinct rows are scored in full.
      big.answer(question);
      ranking.take(6);
      expect(ranking.scored).toBeLessThanOrEqual(20);
    },
  );

  test('a question no entry shares a word with touches none', () => {
    const ranking = rank(readQuestion('who waters the ficus?', index), index);
    expect(ranking.candidates).toBe(0);
    expect(ranking.at(0)).toBeUndefined();
  });
});

describe('what the index keeps', () => {
  test('entries hold their document, section and texts, and an offset into the term arrays: no sets or lists of terms', () => {
    for (const e of index.entries) {
      for (const v of Object.values(e)) expect(v instanceof Set || v instanceof Map || Array.isArray(v)).toBe(false);
    }
    expect(index.terms.postEntry).toBeInstanceOf(Int32Array);
    expect(index.terms.data).toBeInstanceOf(Int32Array);
  });

  test('a text met again (a row repeated across services, a shared title) is read once: 100 documents keep the term slices of the 17 they copy', () => {
    const seventeen = engineFor(largeKb(corpus, 17)).index;
    expect(index.entries.length).toBeGreaterThan(5 * seventeen.entries.length);
    expect(index.terms.data.length).toBe(seventeen.terms.data.length);
    expect(index.titles.units.length).toBe(seventeen.titles.units.length);
  });

  test('"did you mean" reads each distinct task name once, however many entries bear it', () => {
    const seventeen = engineFor(largeKb(corpus, 17)).index;
    expect(index.fuzzy.names.length).toBe(seventeen.fuzzy.names.length);
    expect(index.fuzzy.names.length).toBeLessThan(index.entries.length / 5);
    expect(new Set(index.fuzzy.names).size).toBe(index.fuzzy.names.length);
  });
});

describe('"did you mean" hands Fuse.js only the names that can match', () => {
  // Fuse's own verdict over every name, against the names the letter-pair count lets through.
  const f = engineFor(corpus).index.fuzzy;
  const missed = (pattern: string) => {
    const can = namesThatCanMatch(f, pattern);
    if (!can) return [];
    const allowed = new Set(can);
    return f.fuse
      .search(pattern)
      .filter((r) => !allowed.has(r.refIndex))
      .map((r) => `${pattern} → ${r.item.task}`);
  };

  test('for the questions of the dev set and the generated ones', () => {
    const patterns = questionMix(300).flatMap((q) => {
      const ws = q
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w && w.length <= 20);
      return [1, 2, 3, 5, 8].map((n) => ws.slice(0, n).join(' ').slice(0, 32).trim());
    });
    expect(patterns.flatMap(missed)).toEqual([]);
    // And the filter does rule names out: most do not resemble a question.
    const ruledOut = patterns.map((p) => namesThatCanMatch(f, p)).filter((c) => c && c.length < f.names.length / 2).length;
    expect(ruledOut).toBeGreaterThan(patterns.length / 2);
  });

  test('for pieces of the names themselves with typos, which Fuse does find', () => {
    let x = 7;
    const rnd = (n: number): number => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return x % n;
    };
    const patterns: string[] = [];
    for (const name of f.names) {
      const lower = name.toLowerCase();
      for (const m of [4, 7, 12, 20, 32]) {
        if (lower.length < m) continue;
        let p = lower.slice(rnd(lower.length - m + 1)).slice(0, m);
        for (let e = rnd(Math.floor(0.35 * m) + 1); e > 0; e--) {
          const at = rnd(p.length);
          const c = 'abcdefghijklmnopqrstuvwxyz '[rnd(27)]!;
          p = [p.slice(0, at) + c + p.slice(at + 1), p.slice(0, at) + p.slice(at + 1), p.slice(0, at) + c + p.slice(at)][rnd(3)]!;
        }
        patterns.push(p.slice(0, 32));
      }
    }
    const found = patterns.filter((p) => f.fuse.search(p, { limit: 1 }).length > 0).length;
    expect(found).toBeGreaterThan(patterns.length / 2);
    expect(patterns.flatMap(missed)).toEqual([]);
  });
});

describe('bounded work per question', () => {
  test('past its cap, "did you mean" reads only the names most like the question, and still finds the close one', () => {
    const names = [
      'Backups of the message payloads',
      'Patch updates to the cluster',
      'Network isolation',
      'Key rotation',
      'Disaster recovery',
      'Schema registry',
      'Mirroring topics',
      'Identity and access',
    ];
    const f = fuzzyNames((e) => names[e % names.length]!, 40, 3);
    expect(namesSearched(f, 'patch updates cluster').length).toBeLessThanOrEqual(3);
    const found = fuzzySearch(f, 'patch updates cluster', 3);
    expect(found.map((e) => names[e % names.length])).toEqual(['Patch updates to the cluster', 'Patch updates to the cluster', 'Patch updates to the cluster']);
    // Entries bearing the same name come in index order.
    expect(found).toEqual([1, 9, 17]);
  });

  test('a misspelt word is weighed against at most MAX_TYPO_CANDIDATES known words', () => {
    // A vocabulary where a thousand known words share a deletion form with the typo.
    const word = 'abcdefghijklmnop';
    const deletions = new Map([[word.slice(1), Array.from({ length: 1000 }, (_, i) => `${word.slice(1)}${i}`)]]);
    const candidates = typoCandidates(word, 2, { deletions });
    expect(candidates.size).toBe(MAX_TYPO_CANDIDATES);
    expect([...candidates][0]).toBe(`${word.slice(1)}0`);
  });
});

test('two rankings read in turn give the entries each would alone (the second does not write over the first)', () => {
  const first = rank(readQuestion('who patches the cluster?', index), index);
  first.at(0);
  const second = rank(readQuestion('who restores the database after a region goes down?', index), index);
  const alone = (question: string) =>
    rank(readQuestion(question, index), index)
      .take(40)
      .map((r) => [r.item.at, r.score]);
  const a = first.take(40).map((r) => [r.item.at, r.score]);
  const b = second.take(40).map((r) => [r.item.at, r.score]);
  expect(a).toEqual(alone('who patches the cluster?'));
  expect(b).toEqual(alone('who restores the database after a region goes down?'));
});
