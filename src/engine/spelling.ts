// Typo correction against the words the documents use: a run-together compound is split,
// a misspelt word is replaced by the known word one edit away (two from eight letters).
// The work is bounded: candidates come from a deletion index, so a word costs O(length²)
// lookups at most, and words longer than MAX_CORRECTED are never corrected.
import type { KnowledgeIndex } from './search-index.js';
import { stem, STOP_PHRASES, STOPWORDS } from './words.js';

/** No document word is longer; a longer token is noise, not a typo. */
export const MAX_CORRECTED = 20;
/** Known words weighed as the correction of one word, at most (a handful is usual; long words find more). */
export const MAX_TYPO_CANDIDATES = 64;

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
    const longer = longerForm(index.known, us);
    if (longer) return longer;
  }
  return null;
}

/** The word and every string one deletion away from it. */
export function deletionsOf(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Known words sorted, each with its place in the order they were met, for finding the longer forms of a word. */
export interface KnownWords {
  sorted: string[];
  met: Int32Array;
}

export function knownWordsIndex(known: Set<string>): KnownWords {
  const order = [...known];
  const at = order.map((_, i) => i).sort((a, b) => (order[a]! < order[b]! ? -1 : order[a]! > order[b]! ? 1 : 0));
  return { sorted: at.map((i) => order[i]!), met: Int32Array.from(at) };
}

/** The first known word met that starts with `prefix` and is at most four letters longer. */
function longerForm(k: KnownWords, prefix: string): string | null {
  let lo = 0;
  let hi = k.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (k.sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  for (let i = lo; i < k.sorted.length && k.sorted[i]!.startsWith(prefix); i++) {
    if (k.sorted[i]!.length <= prefix.length + 4 && (best < 0 || k.met[i]! < k.met[best]!)) best = i;
  }
  return best < 0 ? null : k.sorted[best]!;
}

/**
 * Known words that may be what a misspelt word meant: those one edit away share a one-deletion
 * form with the word or its stem (letter swaps included); where two edits are allowed, the
 * word's two-deletion forms are looked up too. At most MAX_TYPO_CANDIDATES, the first found.
 */
export function typoCandidates(word: string, edits: number, index: Pick<KnowledgeIndex, 'deletions'>): Set<string> {
  const candidates = new Set<string>();
  const forms = new Set([...deletionsOf(word), ...deletionsOf(stem(word))]);
  if (edits > 1) for (const d of deletionsOf(word)) for (const dd of deletionsOf(d)) forms.add(dd);
  for (const f of forms) {
    for (const w of index.deletions.get(f) ?? []) {
      candidates.add(w);
      if (candidates.size >= MAX_TYPO_CANDIDATES) return candidates;
    }
  }
  return candidates;
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
  const candidates = typoCandidates(word, allowed, index);
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

/**
 * The words of the ways of asking that are not stop words themselves ("supposed" in "who is
 * supposed to", "headache" in "whose headache is it"): a typo of one ("who is suppoed to") is a
 * function word, not an unknown word counting against the question. Taken from the stop
 * phrases, so the two cannot drift apart.
 */
const FRAME_WORDS = [...new Set(STOP_PHRASES.flatMap((re) => [...re.source.matchAll(/[a-z]{5,}(?![a-z\\(])/g)].map((m) => m[0])))].filter(
  (w) => !STOPWORDS.has(w),
);
const FRAME_DELETIONS = new Map<string, string>();
for (const w of FRAME_WORDS) for (const d of deletionsOf(w)) if (!FRAME_DELETIONS.has(d)) FRAME_DELETIONS.set(d, w);

const frameMemo = new Map<string, string | null>();

/** The frame word one edit away from `word`, or null. `word` should be one nobody knows (not English, not the documents'). */
export function frameWordFor(word: string): string | null {
  if (word.length < 5 || word.length > MAX_CORRECTED) return null;
  let found = frameMemo.get(word);
  if (found === undefined) {
    found = null;
    for (const d of deletionsOf(word)) {
      const f = FRAME_DELETIONS.get(d);
      if (f && f !== word && editDistance(word, f) <= 1 + (sameLetters(word, f) ? 1 : 0)) {
        found = f;
        break;
      }
    }
    if (frameMemo.size < 50_000) frameMemo.set(word, found);
  }
  return found;
}
