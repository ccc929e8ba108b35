// A question, read: which services it names, which party it speaks of, and its topic as
// "units" (one per content word: its stem plus the vocabulary concepts it takes part in),
// with typos corrected against the words the documents use.
import type { Party } from '../model.js';
import { deletionsOf, type KnowledgeIndex, type ServiceGroup } from './index.js';
import { cleanQuestion, isStopword, STOP_PHRASES, STOPWORDS, stem, words } from './text.js';

export interface Unit {
  word: string;
  terms: string[];
  /** Some term of the unit occurs in the searched documents. */
  covered: boolean;
  /** Weight of the unit: the most common of its known terms, or the unknown idf. */
  weight: number;
  /** The word's own stem; null for a phrase unit, which is matched by its concept only. */
  stem: string | null;
}

export interface Query {
  text: string;
  truncated: boolean;
  lower: string;
  services: ServiceGroup[];
  party: Party | null;
  units: Unit[];
  /** Share of the topic words no document uses. */
  uncovered: number;
}

const CUSTOMER_WORDS = /\b(i|i'm|im|i've|me|my|mine|myself|we|we're|we've|us|our|ours|ourselves|customer|customers|the client|tenant|consumer of the service)\b/;
const PROVIDER_WORDS = /\b(ibm|ibm's|provider|the provider|vendor|the vendor|the service provider|you guys|the platform)\b/;

function partyOf(lower: string, services: ServiceGroup[], serviceMentionedAsSubject: boolean): Party | null {
  const c = CUSTOMER_WORDS.exec(lower);
  const p = PROVIDER_WORDS.exec(lower);
  if (c && p) return c.index < p.index ? 'customer' : 'provider';
  if (c) return 'customer';
  if (p || (serviceMentionedAsSubject && services.length)) return 'provider';
  return null;
}

/** Damerau–Levenshtein (optimal string alignment) distance, bounded use for short words. */
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

/** A word no document uses: split a run-together compound, or correct a typo with Fuse. */
function correct(word: string, index: KnowledgeIndex): string[] {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return [word];
  for (let i = 2; i <= word.length - 2; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (index.knownWords.has(a) && index.knownWords.has(b) && b.length >= 3) return [a, b];
  }
  // Short words: only a swap of two letters ("hihg"); longer ones: one edit, two from eight letters.
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
  for (const c of candidates) {
    // Stems too, for a swap of letters only: "pathces" → "pathc" is "patch" (the document says "patch", not "patches").
    const s = stem(c);
    const d = Math.min(editDistance(word, c), sameLetters(wordStem, s) ? editDistance(wordStem, s) : 99);
    if (!ok(c, d)) continue;
    // A misspelt question word ("waht", "handels") is just a question word: prefer it on a tie.
    const stop = STOPWORDS.has(c);
    if (!best || d < best.d || (d === best.d && stop && !best.stop)) best = { w: c, d, stop };
  }
  return [best ? best.w : word];
}

function matchServices(ws: string[], index: KnowledgeIndex): { services: ServiceGroup[]; consumed: Set<number> } {
  const consumed = new Set<number>();
  const found: ServiceGroup[] = [];
  if (index.services.length === 0) return { services: found, consumed };
  // Longest aliases first, so "event streams" wins over a shorter alias inside it.
  const aliases = index.services.flatMap((g) => g.aliases.map((a) => ({ g, a }))).sort((x, y) => y.a.length - x.a.length);
  for (const { g, a } of aliases) {
    for (let i = 0; i + a.length <= ws.length; i++) {
      if (a.every((w, k) => ws[i + k] === w) && ![...Array(a.length).keys()].some((k) => consumed.has(i + k))) {
        for (let k = 0; k < a.length; k++) consumed.add(i + k);
        if (!found.includes(g)) found.push(g);
      }
    }
  }
  return { services: found, consumed };
}

export function readQuestion(raw: unknown, index: KnowledgeIndex, searchedTerms?: (t: string) => boolean): Query {
  const { text, truncated } = cleanQuestion(raw);
  const lower = text.toLowerCase();
  const ws0 = words(lower);
  const { services, consumed } = matchServices(ws0, index);
  const subjectIsService = /^(does|do|will|is|can)\b/.test(lower) && consumed.has(1);
  const party = partyOf(lower, services, subjectIsService);

  let stripped = lower;
  for (const re of STOP_PHRASES) stripped = stripped.replace(re, ' ');
  const serviceWords = new Set([...consumed].map((i) => ws0[i]!));
  const ws: string[] = [];
  for (const w of words(stripped)) {
    if (serviceWords.has(w)) continue;
    if (isStopword(w) || index.knownStems.has(stem(w)) || /\d/.test(w)) ws.push(w);
    else ws.push(...correct(w, index));
  }
  const stems = ws.map(stem);
  const conceptsAt = index.vocabulary.conceptsAt(stems);
  const inDocs = searchedTerms ?? ((t: string) => index.idf.has(t));
  const units: Unit[] = [];
  const seen = new Set<string>();
  const addUnit = (word: string, terms: string[]) => {
    const key = terms.join('|');
    if (seen.has(key) || terms.length === 0) return;
    seen.add(key);
    const known = terms.filter(inDocs);
    // A unit weighs as its broadest known term: a rare spelling of a common idea is still common.
    const weight = known.length ? Math.min(...known.map((t) => index.idf.get(t) ?? 0)) : index.unknownIdf;
    units.push({ word, terms, covered: known.length > 0, weight, stem: terms[0]!.startsWith('~') ? null : terms[0]! });
  };
  // A multi-word phrase of the vocabulary ("back up", "data center") is one unit: its concept, not its words.
  const phraseAt = new Map<number, { length: number; concepts: string[] }>();
  for (const p of index.vocabulary.phrases(stems)) {
    const cur = phraseAt.get(p.start);
    if (!cur || p.length > cur.length) phraseAt.set(p.start, { length: p.length, concepts: [p.concept] });
    else if (p.length === cur.length) cur.concepts.push(p.concept);
  }
  for (let i = 0; i < ws.length; i++) {
    const phrase = phraseAt.get(i);
    if (phrase) {
      const span = [...Array(phrase.length).keys()].map((k) => i + k);
      const extra = span.flatMap((k) => conceptsAt[k]!).filter((c) => !phrase.concepts.includes(c));
      addUnit(span.map((k) => ws[k]).join(' '), [...new Set([...phrase.concepts, ...extra])]);
      i += phrase.length - 1;
      continue;
    }
    const w = ws[i]!;
    if (isStopword(w) || w.length < 2) continue;
    addUnit(w, [stems[i]!, ...conceptsAt[i]!]);
  }
  const uncovered = units.length ? units.filter((u) => !u.covered).length / units.length : 0;
  return { text, truncated, lower, services, party, units, uncovered };
}
