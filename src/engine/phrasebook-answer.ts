// What the phrasebook says of a question the rules left to the ranking: the row to answer with,
// a decline, or nothing (the engine's own judgement stands). Its weights were chosen by leaving
// each writer's questions out in turn (`npm run eval -- --phrasebook`).
import type { Ranking } from './ranking.js';
import type { KnowledgeIndex, ServiceGroup } from './search-index.js';
import type { Query, Unit } from './query.js';
import { IN_TASK } from './postings.js';
import { NO_FIT, type Scored } from './score.js';
import { OUT_OF_SCOPE, requestOf, type Phrasebook } from './phrasebook.js';
import type { Party } from '../model.js';
import { stem } from './words.js';

/** The phrasebook answers with a row it gives at least this posterior probability. */
export const PHRASEBOOK_ANSWERS = 0.9;
/**
 * On a row both sides have a part in, the side its labelled questions say is asked of replaces
 * the engine's reading of the cells when its posterior is this high. Chosen by leaving each writer
 * out, with near-copies of the left-out questions too: at 0.95 it fixed 28 Event Streams sides
 * for 2 it broke and 47 corpus ones for 15; at 0.98, 16 for none and 41 for 7. A wrong side is a
 * confident wrong answer. Read with pairs of words as well, 0.95 to 0.99 differ by four questions.
 */
export const PHRASEBOOK_SIDES = 0.98;
/**
 * It answers a request that names no row (help, the list of sections, a side's duties) only this
 * sure: a list in place of an answer costs more than a row, and its posteriors sit near 1. Each
 * writer left out, 0.99 and 0.999 answer the same 312 of 330 Event Streams requests; 0.999 alone
 * leaves "the doc's headings look off" to the rules.
 */
export const PHRASEBOOK_REQUESTS = 0.999;
/**
 * A question that names another IBM Cloud service, one no loaded document covers, is declined by
 * rule unless the phrasebook is this sure of a loaded row ("can our Code Engine app get ES
 * credentials through a service binding?"). Each writer left out, 40 sets: 7 more Event Streams
 * questions right at 0.99 (6 at 0.999), no out-of-scope question answered, the corpus unchanged.
 * So is a question the rules read as asking a fact or money, when it asks which side does it.
 */
export const PHRASEBOOK_OVER_NAMES = 0.99;
/**
 * Where the engine alone would decline and the asking clause holds one English noun no one used,
 * the phrasebook still answers with the row the engine ranks first when it is this sure of it.
 * Each writer left out, 43 sets: 7 more Event Streams questions right ("we want the fraud team to
 * get a bigger share of our ES throughput"), 1 corpus, no out-of-scope one answered; at 0.99, 10
 * more and 3 out-of-scope questions answered.
 */
export const PHRASEBOOK_AGREES = 0.999;
/** It declines a question it judges out of scope with this probability… */
export const PHRASEBOOK_DECLINES = 0.9;
/**
 * …unless the engine's own scope model is this sure that the question is in scope. Each writer
 * left out: 0.6 declined 707 and 476 out-of-scope questions (Event Streams, corpus), 0.8 714 and
 * 481, for one corpus question in scope lost; 0.9, one more of each.
 */
export const ENGINE_KEEPS = 0.8;
/**
 * How much the engine's score (relative to its best) weighs against the phrasebook's log
 * posterior, divided by √(1 + labelled questions per row of the row's document): where few
 * questions were labelled, the engine's word matching counts for more.
 */
export const ENGINE_WEIGHT = 80;
/**
 * What an answer the phrasebook led was worth at its posterior: the share right among left-out
 * questions it led at that posterior or more (each writer left out in turn, 3,935 answers,
 * 2026-11-30). Naive Bayes posteriors sit near 1; these are what `confidence` reports, and
 * `npm run eval -- --phrasebook` prints the check.
 */
const RIGHT_AT: ReadonlyArray<readonly [posterior: number, right: number]> = [
  [0.999, 0.95],
  [0.99, 0.91],
  [0.95, 0.9],
  [0.9, 0.79],
];

/** The confidence an answer at this posterior has earned. */
export function earned(p: number): number {
  for (const [at, right] of RIGHT_AT) if (p >= at) return right;
  return p;
}

/** The engine's best rows the phrasebook may reorder (its own favourite is added when not among them). */
const HEAD = 10;
/** A row the phrasebook has no word for: far below any posterior it gives. */
const UNHEARD = Math.log(1e-6);

export type PhraseVerdict =
  /** Answer with `lead` first (null: the engine's own first row, which the phrasebook agrees with); `p` its posterior. */
  | { lead: Scored | null; p: number }
  | { decline: true }
  /** A request that names no row, asked in words the rules do not know ("gimme the chapter list"). */
  | PhraseRequest;

/** A request that names no row (for one side's duties, the side the question names), with its posterior. */
export type PhraseRequest = { request: 'help' | 'list'; p: number } | { request: 'party'; party: Party; focus: string; p: number };

/**
 * The request a question makes, when the phrasebook is PHRASEBOOK_REQUESTS sure of it and every word
 * of the clause that asks is one that such requests used: "what can we ask you about failback?"
 * asks of a row, "what are IBM's duties for kerberos?" of something else, however like requests
 * they read; "examples of stuff i can ask" is help, though a row's cell says "for example". One
 * side's duties only when the question names the side.
 */
function heardRequest(index: KnowledgeIndex, book: Phrasebook, q: Query, cls: number, p: number): PhraseRequest | null {
  const asked = p >= PHRASEBOOK_REQUESTS ? requestOf(cls) : null;
  if (!asked) return null;
  // One word no such request used may stand ("every single thing we do"), unless it names a thing
  // the documents lack or a row's task or a section ("… for disaster recovery").
  const unheard = q.units.filter((u) => u.focus && !book.heardIn(cls, stem(u.word)));
  if (unheard.length > 1 || unheard.some((u) => u.foreignThing || (!u.covered && !u.foreignWord) || namesTopic(u, index))) return null;
  if (asked === 'party') return q.party ? { request: 'party', party: q.party, focus: q.focus, p } : null;
  return { request: asked, p };
}

/** Whether a word is in some row's task or some section's title: a topic, not only a word of a cell's text. */
function namesTopic(u: Unit, index: KnowledgeIndex): boolean {
  const t = index.terms;
  for (const term of u.terms) {
    const id = t.dict.get(term);
    if (id < 0) continue;
    if (t.sectionPostStart[id + 1]! > t.sectionPostStart[id]!) return true;
    for (let k = t.postStart[id]!; k < t.postStart[id + 1]!; k++) if (t.postMask[k]! & IN_TASK) return true;
  }
  return false;
}

/** The text with the engine's corrections of its typos: the phrasebook reads "acount" as "account", as the engine does. */
function spelled(q: Query, text: string): string {
  return q.corrections.size ? text.replace(/[a-z]+/g, (w) => q.corrections.get(w) ?? w) : text;
}

/** The request that names no row a question makes, if the phrasebook hears one (for questions the rules found no topic in). */
export function phraseRequest(index: KnowledgeIndex, q: Query): PhraseRequest | null {
  const book = index.phrasebook;
  const guess = book?.guess(spelled(q, q.lower), null, spelled(q, q.focus));
  return book && guess ? heardRequest(index, book, q, guess.entry, guess.p) : null;
}

export function phraseVerdict(
  index: KnowledgeIndex,
  q: Query,
  ranked: Ranking,
  scope: ServiceGroup[],
  inScope: number,
  engineAnswers: boolean,
): PhraseVerdict | null {
  const book = index.phrasebook;
  if (!book) return null;
  const docs = scope === index.services ? null : new Set(scope.map((g) => g.doc.id));
  const guess = book.guess(spelled(q, q.lower), docs && ((e) => docs.has(index.entries[e]!.doc.id)), spelled(q, q.focus));
  if (!guess) return null;
  // A request that names no row needs no row the engine ranked ("tally every duty that lands on us").
  if (requestOf(guess.entry)) return heardRequest(index, book, q, guess.entry, guess.p);
  const top = ranked.at(0);
  if (!top) return null;
  if (guess.entry === OUT_OF_SCOPE) {
    // A question whose asking clause names only what the documents speak of ("who handles capacity
    // planning?") is theirs, however like the out-of-scope ones it reads.
    const strange = q.units.some((u) => u.focus && !u.covered);
    return guess.p >= PHRASEBOOK_DECLINES && inScope < ENGINE_KEEPS && strange ? { decline: true } : null;
  }
  const head = ranked.take(HEAD);
  const candidates: Scored[] = head.some((r) => r.item.at === guess.entry) ? head : [...head, { item: index.entries[guess.entry]!, score: 0, fit: NO_FIT }];
  let best: Scored | null = null;
  let bestValue = -Infinity;
  for (const r of candidates) {
    const weight = ENGINE_WEIGHT / Math.sqrt(1 + book.density(r.item.doc.id));
    const value = (guess.logp.get(r.item.at) ?? UNHEARD) + weight * (r.score / top.score);
    if (value > bestValue) [best, bestValue] = [r, value];
  }
  const p = Math.exp(guess.logp.get(best!.item.at) ?? UNHEARD);
  if (p < PHRASEBOOK_ANSWERS) return null;
  // A row of the same name in another section is the engine's to tell apart (by the side the question names).
  const named = (r: Scored) => r.item.task ?? r.item.section.title;
  const same = best!.item.doc === top.item.doc && named(best!) === named(top);
  // Where the engine alone would decline: a thing named in the asking clause (a noun, or a name
  // English does not know) that neither the documents nor anyone asking about their rows ever
  // used ("who keeps the printer drivers on a supported version?") is something else; the
  // phrasebook does not overrule the decline. Unless one English noun is all there is of it and
  // the engine ranks first the row the phrasebook is PHRASEBOOK_AGREES sure of ("the fraud team",
  // "our key custodians"): an unknown name still names another product ("netsuite access").
  if (!engineAnswers) {
    const unheard = q.units.filter((u) => u.focus && !u.covered && (u.foreignThing || !u.foreignWord) && !book.heard(stem(u.word)));
    const agreed = same && p >= PHRASEBOOK_AGREES && unheard.length === 1 && unheard[0]!.foreignThing;
    if (unheard.length && !agreed) return null;
  }
  return { lead: same ? null : best, p };
}
