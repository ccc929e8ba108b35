// How well an entry answers a question. Each topic unit of the question is looked up in the
// entry's fields (task, the party texts, section title) with a strength (the word itself, a
// vocabulary concept, a WordNet relation) and weighted by rarity; the shares of the question
// found in each field are the features the ranking and the confidence model read.
// The question is compiled to term ids once (compile), and each entry the ranking reads is
// scored over them (fitOf); the judgements made on the best entry alone are here too.
import type { Indexed, KnowledgeIndex } from './search-index.js';
import { fieldSlice, CUSTOMER, PROVIDER, TASK, type EntryTerms } from './postings.js';
import type { Query, Unit } from './query.js';
import { sliceHas } from './terms.js';
import { termsOf } from './text-terms.js';

/** How much a unit found in each field counts towards the ranking score. */
export const FIELD_WEIGHT = { task: 1, body: 0.6, section: 0.45 } as const;
/** A vocabulary concept (synonym group) shared, but not the word itself. */
export const CONCEPT_ONLY = 0.85;
/** Words around the question (context clauses) count this much of words in it. */
export const CONTEXT_WEIGHT = 0.3;
/** Words of a phrase of place after the topic ("… in our topics") count this much towards the row. */
export const PLACE_WEIGHT = 0.6;
/** Words of a clause pointed back at that tells of an event count this much: the pronoun means a thing in it. */
export const EVENT_WEIGHT = 0.5;
/**
 * The score: MATCH_SHARE from the question's weight found in the entry, COVERAGE_SHARE from how
 * much of the task the question names, PAIR_SHARE from its neighbouring words found side by side
 * (0.08: on the generated folds 0.04-0.12 all gain a point, 0.12 loses a paraphrase).
 */
export const PAIR_SHARE = 0.08;
export const MATCH_SHARE = 0.88 - PAIR_SHARE;
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

export const NO_FIT: EntryFit = {
  score: 0,
  task: 0,
  body: 0,
  section: 0,
  taskCoverage: 0,
  related: 0,
  corrected: 0,
  context: 0,
  matched: 0,
  explained: 0,
  pairs: 0,
};

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

/**
 * IBM's text splits into what IBM does and what it gives the customer the means to do: "Provide
 * the ability to set up private ALBs", "provide tools to adjust …", "an interface to initiate
 * change management activities". The terms of each part, once per entry.
 */
const ENABLING = /\b(?:ability|abilities|capability|capabilities|tools?|interfaces?|means) (?:to|for)\b([^.;\n]*)/gi;
const ASKS_FOR_MEANS = /\b(?:provid(?!ers?\b)\w*|abilit(?:y|ies)|capabilit(?:y|ies)|tools?|interfaces?|means)\b/;
/**
 * The customer's text splits the same way: what the customer asks IBM to do ("Coordinating with IBM
 * to reconfigure mirroring") is IBM's doing; the customer's part is the asking, which stays theirs.
 */
const ASKING_IBM = /\b(?:coordinat\w*|work\w*|liais\w*|engag\w*) with (?:ibm|the provider)(?: support)? to\b([^.;\n]*)/gi;
/** A question about getting IBM to do something ("who asks IBM to reconfigure it?") asks about the asking. */
const ASKS_OF_IBM =
  /\b(?:coordinat\w*|work\w*|liais\w*|engag\w*|sync\w*|check\w*|schedul\w*|arrang\w*|rais\w*|open\w*|fil(?:e|es|ed|ing)|follow\w* up|call\w*|team\w* up) (?:[\w-]+ ){0,3}?with (?:ibm|the provider)\b|\b(?:ask|asks|asking|asked|tell|tells|telling|contact\w*|get|gets|getting|remind\w*|ping\w*|request\w*|(?:go|goes|going|reach\w*|reach\w* out|talk\w*|speak\w*|escalat\w*) to) (?:ibm|the provider)\b/;

/**
 * Whether a question says in so many words whose act it asks about: the means to do a task ("who
 * provides the ability to …?", the provider's), or going to IBM about it ("who asks IBM to …?",
 * the asker's). sideOf reads these; nothing learned from other questions overrules them.
 */
export function namesWhoActs(lower: string): boolean {
  return ASKS_FOR_MEANS.test(lower) || ASKS_OF_IBM.test(lower);
}

/** A cell's terms in two parts: what its own side does, and what a clause of it (`re`'s group 1) hands to the other side. */
interface CellParts {
  own: Set<string>;
  other: Set<string>;
}
function cellParts(text: string, re: RegExp, keepLead: boolean, index: KnowledgeIndex): CellParts {
  const other = [...text.matchAll(re)].map((m) => m[1]!).join(' . ');
  // The lead of the clause ("Coordinating with IBM") stays its side's when `keepLead`; "the ability to" names nobody's doing.
  const own = text.replace(re, (m, what: string) => (keepLead ? m.slice(0, m.length - what.length) : ' '));
  return { own: termsOf(own, index.vocabulary), other: termsOf(other, index.vocabulary) };
}
/**
 * Whether the unit is only in the part handed to the other side. The word itself decides where it
 * stands ("create and delete locations" after "an interface to", whatever "fully managed" shares with
 * it by concept); a word found only by its concepts, they do.
 */
function onlyInOther(u: Unit, parts: CellParts): boolean {
  if (u.stem && (parts.other.has(u.stem) || parts.own.has(u.stem))) return !parts.own.has(u.stem);
  const terms = [...u.terms, ...u.related.keys()];
  return terms.some((t) => parts.other.has(t)) && !terms.some((t) => parts.own.has(t));
}
const providerParts = new WeakMap<Indexed, CellParts>();
const customerParts = new WeakMap<Indexed, CellParts>();
/** An entry's cell parts, split once per entry. */
function partsOnce(memo: WeakMap<Indexed, CellParts>, e: Indexed, split: () => CellParts): CellParts {
  let parts = memo.get(e);
  if (!parts) {
    parts = split();
    memo.set(e, parts);
  }
  return parts;
}
function onlyEnabled(u: Unit, e: Indexed, index: KnowledgeIndex): boolean {
  return onlyInOther(
    u,
    partsOnce(providerParts, e, () => cellParts(e.provider ?? '', ENABLING, false, index)),
  );
}
function onlyAskedOfIbm(u: Unit, e: Indexed, index: KnowledgeIndex): boolean {
  return onlyInOther(
    u,
    partsOnce(customerParts, e, () => cellParts(e.customer ?? '', ASKING_IBM, true, index)),
  );
}

/**
 * How strongly IBM's text and the customer's hold the unit. What IBM's text gives the customer the
 * means to do ("provides you with the ability to set key policies") is the customer's doing, unless
 * the question asks about the means themselves (`means`); what the customer's text asks IBM to do is IBM's.
 */
function sidesOf(u: Unit, index: KnowledgeIndex, e: Indexed, means: boolean, asksOfIbm: boolean): [number, number] {
  const inP = strength(u, index, e, PROVIDER);
  const inC = strength(u, index, e, CUSTOMER);
  if (inP > 0 && !means && onlyEnabled(u, e, index)) return [0, Math.max(inC, inP)];
  if (inC > 0 && !asksOfIbm && onlyAskedOfIbm(u, e, index)) return [Math.max(inC, inP), 0];
  return [inP, inC];
}

/** Whether the entry's field has a form of the unit's word: a term that begins with its stem, or that its stem begins with. */
function sameFamilyIn(u: Unit, index: KnowledgeIndex, e: Indexed, slot: number): boolean {
  const w = u.stem;
  if (!w || w.length < 2) return false;
  const t = index.terms;
  const [at, len] = fieldSlice(t, e.at, slot);
  for (let i = at; i < at + len; i++) {
    const term = t.dict.names[t.data[i]!]!;
    if (term.length >= 2 && !term.startsWith('~') && (term.startsWith(w) || w.startsWith(term))) return true;
  }
  return false;
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
  // Unless the question asks about the means themselves ("who provides an interface to assign access?").
  const means = ASKS_FOR_MEANS.test(q.lower);
  const asksOfIbm = ASKS_OF_IBM.test(q.lower);
  for (const u of q.units) {
    if (!u.focus || u.contrast) continue;
    units++;
    const lead = first;
    first = false;
    let [inP, inC] = sidesOf(u, index, e, means, asksOfIbm);
    // The word itself on one side and only a related word on the other: the word's side. Not when
    // the other side has a form of the same word ("apps" / "application", "IPs" / "IP").
    if (inP === 1 && inC > 0 && inC < 1 && !sameFamilyIn(u, index, e, CUSTOMER)) inC = 0;
    else if (inC === 1 && inP > 0 && inP < 1 && !sameFamilyIn(u, index, e, PROVIDER)) inP = 0;
    if (inP > 0 === inC > 0) continue; // in both texts or neither: no evidence
    const taskWord = strength(u, index, e, TASK) > 0;
    beyondTask ||= !taskWord;
    const w = Math.max(...u.terms.map((t) => index.idf.get(t) ?? 0), 0) * (lead ? 2 : 1) * (taskWord ? TASK_WORD_SIDE_WEIGHT : 1);
    p += w * inP;
    c += w * inC;
  }
  // The task's name alone ("who does the failback?") asks about the whole task: both sides.
  if (!beyondTask && units < 2 && (p > 0 || c > 0)) return null;
  if (p === 0 && c === 0) {
    // Nothing in the asking clause tells the sides apart ("whose job was it to scale it?"): the
    // words around it may ("our database ran out of disk and went down"), the task's excepted.
    for (const u of q.units) {
      if (u.focus || u.contrast) continue;
      const [inP, inC] = sidesOf(u, index, e, means, asksOfIbm);
      if (inP > 0 === inC > 0 || strength(u, index, e, TASK) > 0) continue;
      const w = Math.max(...u.terms.map((t) => index.idf.get(t) ?? 0), 0);
      p += w * inP;
      c += w * inC;
    }
  }
  if (c > 0 && c >= SIDE_MARGIN * p) return 'customer';
  if (p > 0 && p >= SIDE_MARGIN * c) return 'provider';
  return null;
}

/** A question's terms as ids: for each covered unit, the terms it is found by and how strongly. */
export interface CompiledQuery {
  /** Per unit of the question: term ids and strengths, or null when the unit is not covered. */
  units: Array<{ ids: number[]; strengths: number[] } | null>;
  /** Term id → [unit, strength, unit, strength, …] over the covered units. */
  byTerm: Map<number, number[]>;
  /** Every term any unit names or relates to (covered or not), for task coverage. */
  reach: Set<number>;
  /** The question's pairs as ids, -1 for a pair no entry has. */
  pairs: number[];
}

/** How strongly each term finds the unit: the word itself 1, a concept 0.85, a WordNet relation its strength. */
export function compile(q: Query, t: EntryTerms): CompiledQuery {
  const byTerm = new Map<number, number[]>();
  const reach = new Set<number>();
  const units = q.units.map((u, k) => {
    // Only what the question asks, or what its pronoun points back at, names the task: "my manager
    // asked: who owns clusters?" does not ask about "cluster management".
    if (asksAbout(u)) {
      for (const x of u.terms) {
        const id = t.dict.get(x);
        if (id >= 0) reach.add(id);
      }
      for (const x of u.related.keys()) {
        const id = t.dict.get(x);
        if (id >= 0) reach.add(id);
      }
    }
    if (!u.covered) return null;
    const best = new Map<number, number>();
    const put = (term: string, s: number) => {
      const id = t.dict.get(term);
      if (id >= 0 && s > (best.get(id) ?? 0)) best.set(id, s);
    };
    if (u.stem) put(u.stem, 1);
    for (const x of u.terms) put(x, CONCEPT_ONLY);
    for (const [x, s] of u.related) put(x, s);
    const ids = [...best.keys()];
    const strengths = ids.map((id) => best.get(id)!);
    ids.forEach((id, i) => {
      const list = byTerm.get(id);
      if (list) list.push(k, strengths[i]!);
      else byTerm.set(id, [k, strengths[i]!]);
    });
    return { ids, strengths };
  });
  return { units, byTerm, reach, pairs: q.pairs.map((p) => t.pairDict.get(p)) };
}

/** Whether the unit is in what the question asks about: its asking clause, or what a pronoun of it points back at. */
export function asksAbout(u: Unit): boolean {
  return u.focus || u.referred;
}

/**
 * How much a unit counts towards the ranking score (the ranking's bounds read it too). What a
 * pronoun of the question points back at is what it asks about ("access policies for mirroring:
 * who sets those up?"), as much as the words of the clause that asks; where the thing asked
 * about is ("… in our topics") says less about which row it is; the words around, less still.
 */
export function rankWeight(u: Unit): number {
  if (!asksAbout(u)) return u.weight * CONTEXT_WEIGHT;
  return u.weight * (u.place ? PLACE_WEIGHT : 1) * (!u.focus && u.inEvent ? EVENT_WEIGHT : 1);
}

/**
 * How well the entry answers the question: the full score and the features the confidence model
 * reads. `s` is scratch space of four strengths (task, provider, customer, section title) per unit.
 */
export function fitOf(q: Query, c: CompiledQuery, t: EntryTerms, e: number, s: Float64Array): EntryFit {
  const n = q.units.length;
  s.fill(0, 0, 4 * n);
  for (let slot = 0; slot < 4; slot++) {
    const [at, len] = fieldSlice(t, e, slot);
    for (let i = at; i < at + len; i++) {
      const list = c.byTerm.get(t.data[i]!);
      if (!list) continue;
      for (let j = 0; j < list.length; j += 2) {
        const k = 4 * list[j]! + slot;
        if (list[j + 1]! > s[k]!) s[k] = list[j + 1]!;
      }
    }
  }
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
  let inTask = false;
  for (let k = 0; k < n; k++) {
    const u = q.units[k]!;
    if (u.focus) focusAll += u.weight;
    if (!u.covered) continue;
    const w = rankWeight(u);
    total += w;
    const st = s[4 * k]!;
    const sb = Math.max(s[4 * k + 1]!, s[4 * k + 2]!);
    const ss = s[4 * k + 3]!;
    const best = Math.max(FIELD_WEIGHT.task * st, FIELD_WEIGHT.body * sb, FIELD_WEIGHT.section * ss);
    got += w * best;
    const found = Math.max(st, sb, ss);
    if (found > 0 && found < CONCEPT_ONLY) related += w * best;
    if (found > 0 && u.corrected) corrected += w * best;
    if (st && asksAbout(u)) inTask = true;
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
  const taskCoverage = inTask ? coverageOf(c, t, e) : 0;
  let pairs = 0;
  if (q.pairs.length) {
    const at = t.pairAt[e]!;
    const len = t.pairLen[e]!;
    for (const p of c.pairs) if (p >= 0 && sliceHas(t.pairData, at, len, p)) pairs++;
    pairs /= q.pairs.length;
  }
  // A question that names the whole task ("who does the failback?") beats one word of a long task;
  // the question's words side by side in the entry ("cluster configuration") beat the same words apart.
  const score = (got / total) * MATCH_SHARE + COVERAGE_SHARE * taskCoverage + PAIR_SHARE * pairs;
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
    pairs,
  };
}

/** Share of the task's words the question names (directly, by a concept, or by a relation). */
function coverageOf(c: CompiledQuery, t: EntryTerms, e: number): number {
  const count = t.entryUnitCount[e]!;
  if (count === 0) return 0;
  const first = t.entryUnitAt[e]!;
  let n = 0;
  for (let k = first; k < first + count; k++) {
    for (let i = t.unitStart[k]!; i < t.unitStart[k + 1]!; i++) {
      if (c.reach.has(t.unitData[i]!)) {
        n++;
        break;
      }
    }
  }
  return n / count;
}
