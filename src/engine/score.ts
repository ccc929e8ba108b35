// How well an entry answers a question. Each topic unit of the question is looked up in the
// entry's fields (task, the party texts, section title) with a strength (the word itself, a
// vocabulary concept, a WordNet relation) and weighted by rarity; the shares of the question
// found in each field are the features the ranking and the confidence model read.
// The scoring itself runs over term ids (ranking.ts); this module holds its weights and the
// judgements made on the best entry alone.
import type { Indexed, KnowledgeIndex } from './search-index.js';
import { fieldSlice, CUSTOMER, PROVIDER, TASK } from './postings.js';
import type { Query, Unit } from './query.js';
import { sliceHas } from './terms.js';

/** How much a unit found in each field counts towards the ranking score. */
export const FIELD_WEIGHT = { task: 1, body: 0.6, section: 0.45 } as const;
/** A vocabulary concept (synonym group) shared, but not the word itself. */
export const CONCEPT_ONLY = 0.85;
/** Words around the question (context clauses) count this much of words in it. */
export const CONTEXT_WEIGHT = 0.3;
/** The score: this share from the question's weight found in the entry, the rest from how much of the task the question names. */
export const MATCH_SHARE = 0.88;
export const COVERAGE_SHARE = 0.12;

export interface EntryFit {
  /** The ranking score, 0..1. */
  score: number;
  /** Shares of the question's covered focus weight found in the task, only in the texts, only in the section title. */
  task: number;
  body: number;
  section: number;
  /** Share of the task's words the question names. */
  taskCoverage: number;
  /** Share of the matched weight that rests on a WordNet relation only. */
  related: number;
  /** Share of the matched weight that rests on a corrected spelling. */
  corrected: number;
  /** Share of the context's covered weight found anywhere in the entry. */
  context: number;
  /** How many of the question's focus words the entry holds. */
  matched: number;
  /** Share of the whole focus, unknown words included, that the entry explains (field-weighted). */
  explained: number;
  /** Share of the question's neighbouring word pairs that the entry has as neighbours too. */
  pairs: number;
}

export interface Scored {
  item: Indexed;
  score: number;
  fit: EntryFit;
}

export const NO_FIT: EntryFit = { score: 0, task: 0, body: 0, section: 0, taskCoverage: 0, related: 0, corrected: 0, context: 0, matched: 0, explained: 0, pairs: 0 };

/** 1 for the word itself, less for a concept or a WordNet relation, 0 when the entry's field (TASK, PROVIDER, CUSTOMER) lacks the unit. */
export function strength(u: Unit, index: KnowledgeIndex, e: Indexed, slot: number): number {
  const t = index.terms;
  const [at, len] = fieldSlice(t, e.at, slot);
  const has = (term: string) => {
    const id = t.dict.get(term);
    return id >= 0 && sliceHas(t.data, at, len, id);
  };
  if (u.stem && has(u.stem)) return 1;
  let best = 0;
  for (const x of u.terms) if (has(x)) best = CONCEPT_ONLY;
  if (best) return best;
  for (const [x, s] of u.related) if (s > best && has(x)) best = s;
  return best;
}

/** A side wins when its words outweigh the other's by this much. */
const SIDE_MARGIN = 1.2;
/** The task's own words say less about the side than the words around them: they name the row. */
const TASK_WORD_SIDE_WEIGHT = 0.5;

/**
 * Which side of a shared entry the question is about: the side whose text alone has the question's
 * words ("who backs up the secrets?": IBM "conducts backups of … secrets", you "consider a secondary
 * instance"). The question's first topic word (usually its verb) counts double; the task's words half.
 */
export function sideOf(q: Query, e: Indexed, index: KnowledgeIndex): 'provider' | 'customer' | null {
  if (e.party !== 'shared') return null;
  let p = 0;
  let c = 0;
  let first = true;
  let units = 0;
  let beyondTask = false;
  for (const u of q.units) {
    if (!u.focus) continue;
    units++;
    const lead = first;
    first = false;
    const inP = strength(u, index, e, PROVIDER);
    const inC = strength(u, index, e, CUSTOMER);
    if ((inP > 0) === (inC > 0)) continue; // in both texts or neither: no evidence
    const taskWord = strength(u, index, e, TASK) > 0;
    beyondTask ||= !taskWord;
    const w = Math.max(...u.terms.map((t) => index.idf.get(t) ?? 0), 0) * (lead ? 2 : 1) * (taskWord ? TASK_WORD_SIDE_WEIGHT : 1);
    p += w * inP;
    c += w * inC;
  }
  // The task's name alone ("who does the failback?") asks about the whole task: both sides.
  if (!beyondTask && units < 2) return null;
  if (c > 0 && c >= SIDE_MARGIN * p) return 'customer';
  if (p > 0 && p >= SIDE_MARGIN * c) return 'provider';
  return null;
}
