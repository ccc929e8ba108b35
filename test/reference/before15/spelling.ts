// Typo correction against the words the documents use: a run-together compound is split,
// a misspelt word is replaced by the known word one edit away (two from eight letters).
// The work is bounded: candidates come from a deletion index, so a word costs O(length²)
// lookups at most, and words longer than MAX_CORRECTED are never corrected.
import { deletionsOf, type KnowledgeIndex } from './index.js';
import { stem, STOPWORDS } from '../../../src/engine/words.js';

/** No document word is longer; a longer token is noise, not a typo. */
export const MAX_CORRECTED = 20;

/** Damerau–Levenshtein (optimal string alignment) distance, for short words. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const sameLetters = (a: string, b: string) => a.length === b.length && [...a].sort().join('') === [...b].sort().join('');

/** British spellings and their American forms, which the documents use ("organisation" → "organization"). */
const SPELLINGS: Array<[RegExp, string]> = [
  [/isation(s?)$/, 'ization$1'],
  [/is(e|es|ed|ing|er|ers)$/, 'iz$1'],
  [/our(s?|ed|ing)$/, 'or$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/tre(s?)$/, 'ter$1'],
  [/ogue(s?)$/, 'og$1'],
  [/ll(ed|ing|er)$/, 'l$1'],
  [/ence$/, 'ense'],
];

/**
 * The American spelling of a British one, when the documents use it, or a longer form of it
 * ("organisation" → "organization", which the documents only use as "organizational").
 */
export function americanSpelling(word: string, index: KnowledgeIndex): string | null {
  for (const [re, to] of SPELLINGS) {
    if (!re.test(word)) continue;
    const us = word.replace(re, to);
    if (us === word) continue;
    if (index.knownWords.has(us) || index.knownStems.has(stem(us))) return us;
    for (const k of index.knownWords) if (k.startsWith(us) && k.length <= us.length + 4) return k;
  }
  return null;
}

/** A word no document uses: the known word(s) it most likely stands for, or the word itself. */
export function correct(word: string, index: KnowledgeIndex): string[] {
  if (word.length < 4 || word.length > MAX_CORRECTED || !/^[a-z]+$/.test(word)) return [word];
  const us = americanSpelling(word, index);
  if (us) return [us];
  for (let i = 2; i <= word.length - 2; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (index.knownWords.has(a) && index.knownWords.has(b) && b.length >= 3) return [a, b];
  }
  // Short words: one edit if it keeps the letters ("hihg") or from five letters on; two edits from eight letters.
  const allowed = word.length <= 7 ? 1 : 2;
  const ok = (cand: string, d: number) => d <= allowed && (word.length > 4 || sameLetters(word, cand));
  const wordStem = stem(word);
  // Candidates one edit away share a one-deletion form with the word (letter swaps included);
  // for long words, where two edits are allowed, the word's two-deletion forms are looked up too.
  const candidates = new Set<string>();
  const forms = new Set([...deletionsOf(word), ...deletionsOf(wordStem)]);
  if (allowed > 1) for (const d of deletionsOf(word)) for (const dd of deletionsOf(d)) forms.add(dd);
  for (const f of forms) for (const w of index.deletions.get(f) ?? []) candidates.add(w);
  let best: { w: string; d: number; stop: boolean } | null = null;
  let tied = false;
  for (const c of candidates) {
    // Stems too, for a swap of letters only: "pathces" → "pathc" is "patch" (the document says "patch", not "patches").
    const s = stem(c);
    const d = Math.min(editDistance(word, c), sameLetters(wordStem, s) ? editDistance(wordStem, s) : 99);
    if (!ok(c, d)) continue;
    // A misspelt question word ("waht", "handels") is just a question word: prefer it on a tie.
    const stop = STOPWORDS.has(c);
    if (!best || d < best.d || (d === best.d && stop && !best.stop)) {
      tied = false;
      best = { w: c, d, stop };
    } else if (d === best.d && !stop && !best.stop && stem(c) !== stem(best.w)) tied = true;
  }
  // Two different words equally close: the typo is ambiguous for a short word, so it is left alone.
  if (!best || (tied && word.length <= 5)) return [word];
  return [best.w];
}
