// How well an entry answers a question. Each topic unit of the question is looked up in the
// entry's fields (task, the party texts, section title) with a strength (the word itself, a
// vocabulary concept, a WordNet relation) and weighted by rarity; the shares of the question
// found in each field are the features the ranking and the confidence model read.
import type { Indexed, KnowledgeIndex } from './index.js';
import type { Query, Unit } from './query.js';

/** How much a unit found in each field counts towards the ranking score. */
export const FIELD_WEIGHT = { task: 1, body: 0.6, section: 0.45 } as const;
/** A vocabulary concept (synonym group) shared, but not the word itself. */
const CONCEPT_ONLY = 0.85;
/** Words around the question (context clauses) count this much of words in it. */
export const CONTEXT_WEIGHT = 0.3;

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

/** 1 for the word itself, less for a concept or a WordNet relation, 0 when absent. */
export function strength(u: Unit, set: Set<string>): number {
  if (u.stem && set.has(u.stem)) return 1;
  let best = 0;
  for (const t of u.terms) if (set.has(t)) best = CONCEPT_ONLY;
  if (best) return best;
  for (const [t, s] of u.related) if (s > best && set.has(t)) best = s;
  return best;
}

const NO_FIT: EntryFit = { score: 0, task: 0, body: 0, section: 0, taskCoverage: 0, related: 0, corrected: 0, context: 0, matched: 0, explained: 0, pairs: 0 };

export function fitEntry(q: Query, e: Indexed): EntryFit {
  let total = 0;
  let got = 0;
  let focusTotal = 0;
  let task = 0;
  let body = 0;
  let section = 0;
  let related = 0;
  let corrected = 0;
  let matched = 0;
  let ctxTotal = 0;
  let ctx = 0;
  let focusAll = 0;
  let focusGot = 0;
  for (const u of q.units) {
    if (u.focus) focusAll += u.weight;
    if (!u.covered) continue;
    const w = u.weight * (u.focus ? 1 : CONTEXT_WEIGHT);
    total += w;
    const st = strength(u, e.task_terms);
    const sb = Math.max(strength(u, e.provider_terms), strength(u, e.customer_terms));
    const ss = strength(u, e.section_terms);
    const best = Math.max(FIELD_WEIGHT.task * st, FIELD_WEIGHT.body * sb, FIELD_WEIGHT.section * ss);
    got += w * best;
    const found = Math.max(st, sb, ss);
    if (found > 0 && found < CONCEPT_ONLY) related += w * best;
    if (found > 0 && u.corrected) corrected += w * best;
    if (u.focus) {
      focusGot += u.weight * best;
      if (found > 0) matched++;
      focusTotal += u.weight;
      if (st) task += u.weight * st;
      else if (sb) body += u.weight * sb;
      else if (ss) section += u.weight * ss;
    } else {
      ctxTotal += u.weight;
      ctx += u.weight * found;
    }
  }
  if (total === 0) return NO_FIT;
  const taskCoverage = task > 0 ? coverageOf(q, e) : 0;
  // A question that names the whole task ("who does the failback?") beats one word of a long task.
  const score = (got / total) * 0.88 + 0.12 * taskCoverage;
  return {
    score,
    task: focusTotal ? task / focusTotal : 0,
    body: focusTotal ? body / focusTotal : 0,
    section: focusTotal ? section / focusTotal : 0,
    taskCoverage,
    related: got ? related / got : 0,
    corrected: got ? corrected / got : 0,
    context: ctxTotal ? ctx / ctxTotal : 0,
    matched,
    explained: focusAll ? focusGot / focusAll : 0,
    pairs: q.pairs.length ? q.pairs.filter((p) => e.pairs.has(p)).length / q.pairs.length : 0,
  };
}

/** Share of the task's words the question names (directly, by a concept, or by a relation). */
export function coverageOf(q: Query, e: Indexed): number {
  if (e.task_units.length === 0) return 0;
  let n = 0;
  for (const t of e.task_units) {
    if (q.units.some((u) => u.terms.some((x) => t.includes(x)) || t.some((x) => u.related.has(x)))) n++;
  }
  return n / e.task_units.length;
}

export function rank(q: Query, index: KnowledgeIndex, docs?: Set<string>): Scored[] {
  const out: Scored[] = [];
  for (const item of index.entries) {
    if (docs && !docs.has(item.doc.id)) continue;
    const fit = fitEntry(q, item);
    if (fit.score > 0) out.push({ item, score: fit.score, fit });
  }
  return out.sort((a, b) => b.score - a.score);
}

function unitIn(u: Unit, set: Set<string>): boolean {
  return strength(u, set) > 0;
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
    const inP = strength(u, e.provider_terms);
    const inC = strength(u, e.customer_terms);
    if ((inP > 0) === (inC > 0)) continue; // in both texts or neither: no evidence
    const taskWord = unitIn(u, e.task_terms);
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

/** How well the question names a section: share of the question's topic found in the title, and of the title asked. */
export function sectionFit(q: Query, title: string[][]): { query: number; title: number } {
  const units = q.units.filter((u) => u.focus);
  if (units.length === 0 || title.length === 0) return { query: 0, title: 0 };
  const shares = (a: string[], b: string[]) => a.some((t) => b.includes(t));
  const hit = units.filter((u) => title.some((t) => shares(u.terms, t))).length;
  const titleHit = title.filter((t) => units.some((u) => shares(u.terms, t))).length;
  return { query: hit / units.length, title: titleHit / title.length };
}
