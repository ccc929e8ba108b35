// Questions people asked, each labelled with the row that answers it (or as out of scope): a
// naive Bayes classifier over their words, built when the index is. It reads a question the way
// those people worded it ("racks", "the go/no-go call"), which the documents' own words never do;
// the engine's word matching stays the judge of rows nobody has asked about yet.
import type { Party, ResponsibilityDocument } from '../model.js';
import { ENGLISH_STOPWORDS, stem, words } from './words.js';

/** One labelled question: the row (document id, section and task) that answers it, or `task: null` for a question none of `docs` answers. */
export interface LabelledQuestion {
  q: string;
  doc?: string;
  /** The row's section title: a document may name rows alike in two sections. */
  section?: string;
  task?: string | null;
  /** The documents that were loaded when it was judged: out of scope of them, or (a request) asked of them. */
  docs?: string[];
  /** The side the question asks about, as its writer judged it: on a row both sides have a part in, what it asks of. */
  party?: Party;
  /** A request that names no row: for help, the list of sections, or one side's duties (`party`) across the documents. */
  intent?: AskedIntent;
}

/** What a question asks for when it asks for no row. */
export type AskedIntent = 'help' | 'list' | 'party';

/** Additive smoothing: a word never seen with a row counts as this fraction of one sighting. */
const ALPHA = 0.1;
/**
 * A word outside the clauses that ask ("see — link — who owns mirroring?") counts for this much of
 * one inside them: the words around a question say something of its row, less than the question
 * (context of three or four words typical of another row outvoted the question at 0.7).
 */
const OUTSIDE_FOCUS = 0.5;
/** Smoothing of the per-row side models: they have few questions, and a word unseen with a side is common. */
const SIDE_ALPHA = 1;
/** A side is said only where at least this many labelled questions of the row asked of it. */
const SIDE_SAYS_FROM = 10;
/**
 * A pair of words in a row counts for this much of one word: a pair repeats its words' evidence,
 * which naive Bayes would count twice. With each writer left out, Event Streams questions went
 * from 93.0% to 95.3% right with pairs at 0.3 (95.1% at 1, 95.3% at 0.4–0.5, 95.0% at 0.2), the
 * corpus's stayed at 89.7%, and out-of-scope ones declined rose from 93.4% to 94.0%.
 */
const PAIR_WEIGHT = 0.3;
/** The class of questions none of the loaded documents answers. */
export const OUT_OF_SCOPE = -1;
/** The classes of requests that name no row; a class below zero is no entry. */
export const ASKS_HELP = -2;
export const ASKS_LIST = -3;
/** One side's duties across the documents: which side, the question's own words say (as the rules read them). */
export const ASKS_SHARE = -4;

/** The class of each request that names no row. */
const REQUEST_CLASS: Record<AskedIntent, number> = { help: ASKS_HELP, list: ASKS_LIST, party: ASKS_SHARE };

const INTENT_OF = new Map((Object.entries(REQUEST_CLASS) as Array<[AskedIntent, number]>).map(([intent, cls]) => [cls, intent]));

/** The request a class below OUT_OF_SCOPE stands for. */
export function requestOf(cls: number): AskedIntent | null {
  return INTENT_OF.get(cls) ?? null;
}

export interface PhraseGuess {
  /** The entry's index in the knowledge index, or OUT_OF_SCOPE. */
  entry: number;
  /** Posterior probability among the classes in scope. */
  p: number;
  /** How many of the question's words the labelled questions have used at all. */
  known: number;
  /** Log posterior of a class in scope (OUT_OF_SCOPE included when it applies); undefined for any other. */
  logp: { get(cls: number): number | undefined };
}

export interface Phrasebook {
  /** Labelled questions that matched a loaded row (or applied as out of scope). */
  size: number;
  /** Labelled questions per row of a document (0 when none of its rows has any). */
  density(docId: string): number;
  /**
   * The likeliest class for a question among `allowed` entries (null: all), or null when the
   * phrasebook knows none of its words. Words of `focus` (the clauses that ask) weigh in full.
   */
  guess(text: string, allowed: ((entry: number) => boolean) | null, focus?: string): PhraseGuess | null;
  /** Whether a labelled question of some row ever used the term (a word's stem). */
  heard(term: string): boolean;
  /** Whether a labelled question of the class (a row, or a request such as ASKS_LIST) ever used the term. */
  heardIn(cls: number, term: string): boolean;
  /**
   * The side a question about this entry asks of, as those who asked it in like words meant it,
   * with its posterior; null when fewer than SIDE_SAYS_FROM of them asked of that side.
   */
  side(entry: number, text: string): { party: Party; p: number } | null;
}

const NO_WORDS = new Set(ENGLISH_STOPWORDS);

/**
 * The distinct terms a question is compared by: the stems of its words less function words, and
 * every two words in a row, function words included ("go to IBM", "both clusters", "on us"), which
 * weigh PAIR_WEIGHT: people's phrasing tells rows and sides apart where single words do not.
 */
export function phraseTerms(text: string): string[] {
  const out = new Set<string>();
  let previous: string | null = null;
  for (const w of words(text)) {
    const s = stem(w);
    if (!NO_WORDS.has(w) && w.length > 1) out.add(s);
    if (previous !== null) out.add(`${previous} ${s}`);
    previous = s;
  }
  return [...out];
}

/** The terms of labelled questions, by question: the same lines are read by every index built from one file. */
const termsOfLine = new WeakMap<LabelledQuestion, string[]>();

function termsOf(l: LabelledQuestion, read: (q: string) => string[]): string[] {
  if (read !== phraseTerms) return read(l.q);
  const terms = termsOfLine.get(l) ?? phraseTerms(l.q);
  termsOfLine.set(l, terms);
  return terms;
}

export interface PhraseEntry {
  doc: ResponsibilityDocument;
  section: string;
  task: string | null;
}

/**
 * The classifier over the labelled questions whose row is loaded (matched by document id, section
 * and task, case and spacing aside), plus the out-of-scope ones judged with every loaded document present.
 */
export function buildPhrasebook(labelled: LabelledQuestion[], entries: PhraseEntry[], read: (q: string) => string[] = phraseTerms): Phrasebook {
  const byKey = rowsByKey(entries, new Set(labelled.map((l) => l.doc ?? '')));
  const loaded = [...new Set(entries.map((e) => e.doc.id))];
  // Per class: how many questions, and per term in how many of them.
  const counts = new Map<number, Tally>();
  const add = (cls: number, terms: string[]) => {
    const c = counts.get(cls) ?? newTally();
    counts.set(cls, c);
    tally(c, terms);
  };
  // Per row, per side asked of, the same (a side model per row), and the terms any side used.
  const sides = new Map<number, { vocabulary: Set<string>; of: Map<Party, Tally> }>();
  const addSide = (e: number, party: Party, terms: string[]) => {
    const row = sides.get(e) ?? { vocabulary: new Set<string>(), of: new Map() };
    sides.set(e, row);
    const c = row.of.get(party) ?? newTally();
    row.of.set(party, c);
    tally(c, terms);
    for (const t of terms) row.vocabulary.add(t);
  };
  let size = 0;
  for (const l of labelled) {
    if (l.task) {
      // A row repeated in two loaded copies of a document is learned by the first.
      const e = l.doc && l.section ? byKey.get(key(l.doc, l.section, l.task))?.[0] : undefined;
      if (e === undefined) continue;
      const terms = termsOf(l, read);
      add(e, terms);
      if (l.party) addSide(e, l.party, terms);
    } else if (l.task === null && l.docs && l.docs.length >= loaded.length && loaded.every((d) => l.docs!.includes(d))) {
      add(OUT_OF_SCOPE, termsOf(l, read));
    } else if (l.intent) {
      // Help, the list of sections and a side's duties are asked alike whatever documents are loaded.
      add(REQUEST_CLASS[l.intent], termsOf(l, read));
    } else continue;
    size++;
  }
  const rowTerms = new Set<string>();
  for (const [cls, c] of counts) if (cls >= 0) for (const t of c.terms.keys()) rowTerms.add(t);
  const vocabulary = new Set<string>();
  for (const c of counts.values()) for (const t of c.terms.keys()) vocabulary.add(t);
  const V = vocabulary.size;
  // Postings: per term, the classes that used it (by their slot in `classes`) and log((count + α) / α).
  const building = new Map<string, Array<[number, number]>>();
  const rowSizes = [...counts].filter(([cls]) => cls >= 0).map(([, c]) => c.n);
  const meanRow = rowSizes.length ? rowSizes.reduce((a, b) => a + b, 0) / rowSizes.length : 1;
  const slotOf = new Map<number, number>();
  const classes = [...counts.entries()].map(([cls, c], slot) => {
    slotOf.set(cls, slot);
    for (const [t, k] of c.terms) {
      const list = building.get(t) ?? [];
      list.push([slot, Math.log((k + ALPHA) / ALPHA)]);
      building.set(t, list);
    }
    // A multinomial over each question's distinct words: `miss` is the log probability of a word
    // this class never used. Rows are equally likely before the words are read (a row asked about often is not likelier to
    // be asked about now); the out-of-scope class and the requests that name no row by their size against an average row's.
    const prior = cls < 0 ? Math.log(c.n / meanRow) : 0;
    return { cls, prior, miss: Math.log(ALPHA / (c.all + ALPHA * V)) };
  });

  // Each term's postings as two flat arrays: a question reads them in its innermost loop.
  const postings = new Map<string, { slots: Int32Array; bonuses: Float64Array }>();
  for (const [t, list] of building) postings.set(t, { slots: Int32Array.from(list, ([slot]) => slot), bonuses: Float64Array.from(list, ([, bonus]) => bonus) });
  building.clear();

  const perDoc = new Map<string, number>();
  const rowsOf = new Map<string, number>();
  for (const e of entries) rowsOf.set(e.doc.id, (rowsOf.get(e.doc.id) ?? 0) + 1);
  for (const [cls, c] of counts) if (cls >= 0) perDoc.set(entries[cls]!.doc.id, (perDoc.get(entries[cls]!.doc.id) ?? 0) + c.n);
  // A question's terms, kept for the side asked of, which reads the same question next.
  let last = { text: '', terms: [] as string[] };
  const termsOfText = (text: string) => {
    if (last.text !== text) last = { text, terms: read(text) };
    return last.terms;
  };
  return {
    size,
    density: (doc) => (perDoc.get(doc) ?? 0) / (rowsOf.get(doc) ?? 1),
    heard: (term) => rowTerms.has(term),
    heardIn: (cls, term) => counts.get(cls)?.terms.has(term) ?? false,
    side(entry, text) {
      const row = sides.get(entry);
      if (!row) return null;
      // Sides start equally likely, as rows do: the side most asked of is not likelier to be asked
      // of now ("who sets up the public ALB?" is IBM's, however often the row's other side was
      // asked about). A multinomial over the question's distinct terms.
      const terms = termsOfText(text).filter((t) => row.vocabulary.has(t));
      const V = row.vocabulary.size;
      const scored: Array<[Party, number, number]> = [];
      for (const [party, c] of row.of) {
        let s = 0;
        for (const t of terms) s += Math.log(((c.terms.get(t) ?? 0) + SIDE_ALPHA) / (c.all + SIDE_ALPHA * V));
        scored.push([party, s, c.n]);
      }
      scored.sort((a, b) => b[1] - a[1]);
      const [party, top, n] = scored[0]!;
      if (n < SIDE_SAYS_FROM) return null;
      let z = 0;
      for (const [, s] of scored) z += Math.exp(s - top);
      return { party, p: 1 / z };
    },
    guess(text, allowed, focus) {
      const terms = termsOfText(text).filter((t) => vocabulary.has(t));
      if (terms.length === 0 || classes.length === 0) return null;
      const inFocus = focus === undefined ? null : new Set(read(focus));
      const weightOf = (t: string) => (!inFocus || inFocus.has(t) ? 1 : OUTSIDE_FOCUS) * (t.includes(' ') ? PAIR_WEIGHT : 1);
      let mass = 0;
      for (const t of terms) mass += weightOf(t);
      // Scores by class slot, -Infinity for a class out of scope: one array a question, not a boxed number a class.
      const score = new Float64Array(classes.length);
      for (let i = 0; i < classes.length; i++) {
        const c = classes[i]!;
        score[i] = c.cls >= 0 && allowed && !allowed(c.cls) ? -Infinity : c.prior + mass * c.miss;
      }
      for (const t of terms) {
        const w = weightOf(t);
        const { slots, bonuses } = postings.get(t)!;
        for (let k = 0; k < slots.length; k++) {
          const slot = slots[k]!;
          if (score[slot] !== -Infinity) score[slot]! += w * bonuses[k]!;
        }
      }
      let best = OUT_OF_SCOPE;
      let top = -Infinity;
      for (let i = 0; i < classes.length; i++) if (score[i]! > top) [best, top] = [classes[i]!.cls, score[i]!];
      if (top === -Infinity) return null;
      let z = 0;
      for (let i = 0; i < classes.length; i++) if (score[i] !== -Infinity) z += Math.exp(score[i]! - top);
      const lz = top + Math.log(z);
      const get = (cls: number) => {
        const slot = slotOf.get(cls);
        const s = slot === undefined ? -Infinity : score[slot]!;
        return s === -Infinity ? undefined : s - lz;
      };
      return { entry: best, p: 1 / z, known: terms.length, logp: { get } };
    },
  };
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const key = (doc: string, section: string, task: string) => `${doc}\u0000${norm(section)}\u0000${norm(task)}`;

/**
 * The loaded rows of the labelled documents by document, section and task, for reading labels.
 * Built apart from the classifier: a closure over it there kept it, a key per loaded row, as long
 * as the index (at 3,000 documents, 17 of the phrasebook's 30 MB).
 */
function rowsByKey(entries: PhraseEntry[], labelledDocs: Set<string>): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (!e.task || !labelledDocs.has(e.doc.id)) return;
    const k = key(e.doc.id, e.section, e.task);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  return byKey;
}

/** Questions counted for a class: how many, how many terms in all, and per term in how many of them. */
interface Tally {
  n: number;
  all: number;
  terms: Map<string, number>;
}

function newTally(): Tally {
  return { n: 0, all: 0, terms: new Map<string, number>() };
}

function tally(c: Tally, terms: string[]): void {
  c.n++;
  c.all += terms.length;
  for (const t of terms) c.terms.set(t, (c.terms.get(t) ?? 0) + 1);
}
