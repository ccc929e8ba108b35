// answer(question) → Answer: the chat-agnostic heart of respbot.
import Fuse from 'fuse.js';
import type { Entry, Party, ResponsibilityDocument, Section } from '../model.js';
import type { Indexed, KnowledgeIndex, ServiceGroup } from './index.js';
import { featuresOf, probability, type ConfidenceModel, type Features } from './confidence.js';
import { fuzzySearch } from './fuzzy.js';
import { asksDefinition, asksEverything, asksFact, asksForSection, asksPartyShare, asksWho, looksLikeHelp, looksLikeList } from './intent.js';
import { readQuestion, weighedIn, type Query } from './query.js';
import { rank, type Ranking } from './ranking.js';
import { sideOf, type Scored } from './score.js';
import { bestSection as bestTitle, focusTerms, titleFit, type SectionHit } from './sections.js';
import type { Answer, Match, SectionRef } from './types.js';

/** An unscoped question is ambiguous when a second service scores this close to the first. */
export const SERVICE_TIE = 0.9;
/** Two rows this close in score are both shown: the question does not tell them apart. */
export const ROW_TIE = 0.05;
const SUGGESTION_FLOOR = 0.2;

export interface AnswerContext {
  /** Answer from this service (name, alias or document id) unless the question names another. */
  service?: string;
}

function sectionRef(doc: ResponsibilityDocument, s: Section): SectionRef {
  return { id: s.id, title: s.title, doc: doc.id, service: doc.service, lastUpdated: doc.lastUpdated, url: sectionUrl(doc, s), text: s.text };
}

function sectionUrl(doc: ResponsibilityDocument, s: Section): string | null {
  return doc.url ? `${doc.url}#${s.id}` : null;
}

/** One row of an answer: an entry (or a prose section, entry null) with where it stands. */
export function matchOf(doc: ResponsibilityDocument, section: Section, entry: Entry | null, score: number): Match {
  return {
    doc: doc.id,
    service: doc.service,
    sectionId: section.id,
    section: section.title,
    task: entry ? entry.task : null,
    provider: entry ? entry.provider : section.text,
    customer: entry ? entry.customer : null,
    party: entry ? entry.party : null,
    score: round(score),
    entryId: entry?.id ?? null,
    url: sectionUrl(doc, section),
  };
}

const toMatch = (e: Indexed, score: number): Match => matchOf(e.doc, e.section, e.entry, score);

const round = (x: number) => Math.round(x * 1000) / 1000;

/** An answer that answers nothing yet: the starting point of every answer, and the reply to an error. */
export function emptyAnswer(q: Query | null, question: string): Answer {
  return {
    question,
    answered: false,
    intent: 'unknown',
    party: null,
    confidence: 0,
    section: null,
    matches: [],
    suggestions: [],
    side: null,
    services: [],
    sections: [],
    examples: [],
    runnerUp: null,
    note: q?.truncated ? `Only the first ${q.text.length} characters of the question were read.` : null,
  };
}

/** Notes add up: "only the first 500 characters were read" stays whatever else is said. */
function joinNotes(...notes: Array<string | null>): string | null {
  const n = notes.filter((x): x is string => !!x);
  return n.length ? n.join(' ') : null;
}

function addNote(a: Answer, note: string): void {
  a.note = joinNotes(a.note, note);
}

function suggestionFor(e: Indexed, multi: boolean): string {
  const topic = e.task ?? e.section.title;
  return `Who is responsible for "${topic}"${multi ? ` in ${e.doc.service}` : ''}?`;
}

/** A question routed: answered by a rule (help, list, a section, …), or a "who" question for the model to judge. */
type Routed = { done: Answer } | { a: Answer; q: Query; ranked: Ranking; unscopedMulti: boolean; multi: boolean };

export function answer(index: KnowledgeIndex, model: ConfidenceModel, question: unknown, context: AnswerContext = {}): Answer {
  const r = route(index, question, context);
  if ('done' in r) return r.done;
  const { a, q, ranked, multi } = r;
  const features = ranked.at(0) ? featuresOf(q, ranked, index.rowTerms) : null;
  const confidence = features ? probability(model.right, features) : 0;
  if (!features || probability(model.scope, features) < model.threshold) {
    a.confidence = round(confidence);
    addNote(a, 'No entry matches the question well enough.');
    a.suggestions = suggestionsFrom(ranked, multi);
    if (a.suggestions.length === 0) a.suggestions = fuzzySuggestions(q, index, multi);
    return a;
  }
  return whoAnswer(a, q, ranked, index, confidence, r.unscopedMulti);
}

/**
 * The answer the best entry would give, whatever the model thinks of it, and the features the
 * model reads (null when a rule answered): what `npm run fit` learns from.
 */
export function explain(index: KnowledgeIndex, question: unknown, context: AnswerContext = {}): { answer: Answer; features: Features | null } {
  const r = route(index, question, context);
  if ('done' in r) return { answer: r.done, features: null };
  if (!r.ranked.at(0)) return { answer: r.a, features: null };
  return { answer: whoAnswer(r.a, r.q, r.ranked, index, 0, r.unscopedMulti), features: featuresOf(r.q, r.ranked, index.rowTerms) };
}

function route(index: KnowledgeIndex, question: unknown, context: AnswerContext): Routed {
  const done = (a: Answer) => ({ done: a });
  const read = readQuestion(question, index);
  const a = emptyAnswer(read, read.text);
  if (!read.text) {
    addNote(a, 'Ask a question, for example: ' + (index.examples[0] ?? 'help'));
    a.suggestions = index.examples.slice(0, 3);
    return done(a);
  }
  const scope = scopeOf(read, index, context);
  // Asked of one service among several: words weigh as rare as they are in its document.
  const own = scope.length === 1 ? index.rarityOf(scope[0]!.doc.id) : undefined;
  const q = own ? weighedIn(read, own) : read;
  const multi = index.services.length > 1;

  if (looksLikeHelp(q.focus)) {
    return done({ ...a, answered: true, intent: 'help', confidence: 1, examples: index.examples, sections: allSections(scope, index) });
  }
  const topicless = !q.units.some((u) => u.focus);
  if (looksLikeList(q.focus) && (topicless || !bestSection(q, index, scope, 0.5))) {
    return done({ ...a, answered: true, intent: 'list', confidence: 1, sections: allSections(scope, index) });
  }
  if (topicless) {
    if (q.party && (asksPartyShare(q.lower) || asksEverything(q.lower))) return done(partyAnswer(a, q.party, scope, index));
    addNote(a, 'The question names no topic the documents cover.');
    a.suggestions = index.examples.slice(0, 3);
    return done(a);
  }
  if (q.foreign.length) {
    const covered = index.services.length <= 3 ? index.services.map((g) => g.service).join(', ') : `${index.services.length} IBM Cloud services (ask "list the sections" to see them)`;
    addNote(a, `The documents here cover ${covered}, not ${q.foreign.join(', ')}.`);
    // What the documents say about the same thing, for the service they do cover.
    a.suggestions = suggestionsFrom(rank(q, index, scope), multi);
    if (a.suggestions.length === 0) a.suggestions = index.examples.slice(0, 3);
    return done(a);
  }
  if (asksDefinition(q.focus) || asksFact(q.focus)) {
    addNote(a, asksFact(q.focus) ? 'I tell who is responsible for what, not facts such as versions, sizes or dates.' : 'I tell who is responsible for what; I do not define terms.');
    a.suggestions = suggestionsFrom(rank(q, index, scope), multi);
    return done(a);
  }

  const ranked = rank(q, index, scope);

  // A section summary: asked for as such, or the question is just a section's name.
  const sec = bestSection(q, index, scope, 0.6);
  if (sec) {
    // Who-questions are read in the clause that asks; a section or a party's share may be asked anywhere.
    const who = asksWho(q.focus);
    const bare = sec.fit.query === 1 && sec.fit.title >= 0.99 && !who;
    const partyShare = asksPartyShare(q.lower) && !who;
    const asked = asksForSection(q.lower) && !who;
    if (bare || asked || partyShare) return done(sectionAnswer(a, sec, partyShare ? q.party : null, scope, index));
  }

  return { a, q, ranked, multi, unscopedMulti: scope.length > 1 && !q.services.length && !context.service };
}

function scopeOf(q: Query, index: KnowledgeIndex, context: AnswerContext): ServiceGroup[] {
  if (q.services.length) return q.services;
  if (context.service) {
    const g = index.serviceByName.get(context.service.toLowerCase());
    if (g) return [g];
  }
  return index.services;
}

/**
 * A service's sections, and its rows for each party, made once: "list the sections" or "what is
 * IBM responsible for?" over thousands of services then copies references instead of making an
 * object per section or row per question. Frozen, as every answer that lists them shares them.
 */
const sectionRefs = new WeakMap<ServiceGroup, readonly SectionRef[]>();
const partyRows = new WeakMap<ServiceGroup, Map<Party, readonly Match[]>>();

function sectionsOf(g: ServiceGroup): readonly SectionRef[] {
  let refs = sectionRefs.get(g);
  if (!refs) {
    refs = Object.freeze(g.doc.sections.map((s) => Object.freeze(sectionRef(g.doc, s))));
    sectionRefs.set(g, refs);
  }
  return refs;
}

function partyRowsOf(g: ServiceGroup, party: Party): readonly Match[] {
  let byParty = partyRows.get(g);
  if (!byParty) {
    // One Match per row, shared by the parties' lists (a shared row is in both).
    const rows = g.doc.sections.flatMap((s) => s.entries.map((e) => ({ e, m: Object.freeze(matchOf(g.doc, s, e, 1)) })));
    byParty = new Map((['provider', 'customer', 'shared'] as const).map((p) => [p, Object.freeze(rows.filter((r) => r.e.party === p || r.e.party === 'shared').map((r) => r.m))]));
    partyRows.set(g, byParty);
  }
  return byParty.get(party) ?? [];
}

/** The whole index's list of sections, and of each party's rows, once made. */
const wholeLists = new WeakMap<KnowledgeIndex, Map<string, readonly unknown[]>>();

/** The services' parts one after the other; for every service, a copy of the list made the first time. */
function joined<T>(index: KnowledgeIndex, scope: ServiceGroup[], key: string, part: (g: ServiceGroup) => readonly T[]): T[] {
  const whole = scope === index.services;
  let lists = wholeLists.get(index);
  const made = whole ? (lists?.get(key) as readonly T[] | undefined) : undefined;
  if (made) return made.slice();
  const out: T[] = [];
  for (const g of scope) for (const x of part(g)) out.push(x);
  if (whole) {
    if (!lists) {
      lists = new Map();
      wholeLists.set(index, lists);
    }
    lists.set(key, Object.freeze(out.slice()));
  }
  return out;
}

function allSections(scope: ServiceGroup[], index: KnowledgeIndex): SectionRef[] {
  return joined(index, scope, 'sections', sectionsOf);
}

function suggestionsFrom(ranked: Ranking, multi: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; ; i++) {
    const r = ranked.at(i);
    if (!r) break;
    if (r.score < SUGGESTION_FLOOR || out.length >= 3) break;
    const s = suggestionFor(r.item, multi);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** Nothing shares a word with the question: Fuse over the task names may still see a resemblance. */
/** Fuse's work grows with the pattern's length: a few words of a task name's length are enough to resemble one. */
const FUZZY_PATTERN_CHARS = 32;

function fuzzySuggestions(q: Query, index: KnowledgeIndex, multi: boolean): string[] {
  const out: string[] = [];
  const words = q.units.filter((u) => u.focus && u.word.length <= 20).map((u) => u.word);
  const pattern = words.join(' ').slice(0, FUZZY_PATTERN_CHARS).trim();
  if (!pattern) return out;
  for (const at of fuzzySearch(index.fuzzy, pattern, 3)) {
    const e = index.entries[at]!;
    out.push(`Who is responsible for "${e.task ?? e.section.title}"${multi ? ` in ${e.doc.service}` : ''}?`);
  }
  return out;
}

function bestSection(q: Query, index: KnowledgeIndex, scope: ServiceGroup[], minQuery: number): SectionHit | null {
  return bestTitle(q, index.titles, index.terms.dict, index.services, scope, minQuery);
}


function sectionAnswer(a: Answer, hit: SectionHit, party: Party | null, scope: ServiceGroup[], index: KnowledgeIndex | null): Answer {
  const { group, section } = hit;
  const entries = section.entries.filter((e) => !party || e.party === party || e.party === 'shared');
  const title = section.title.toLowerCase();
  const others =
    index && scope === index.services
      ? (index.titles.servicesByTitle.get(title) ?? []).filter((g) => g !== group)
      : scope.filter((g) => g !== group && g.doc.sections.some((s) => s.title.toLowerCase() === title));
  return {
    ...a,
    answered: true,
    intent: 'section',
    party,
    confidence: round(Math.min(1, 0.5 + 0.5 * hit.fit.query * Math.max(0.5, hit.fit.title))),
    section: sectionRef(group.doc, section),
    matches: entries.map((e) => matchOf(group.doc, section, e, 1)),
    services: others.length ? [group.service, ...others.map((g) => g.service)] : [],
    note: joinNotes(a.note, others.length ? `Several services have a "${section.title}" section; this is ${group.service}'s. Name the service to pick another.` : null),
  };
}

function partyAnswer(a: Answer, party: Party, scope: ServiceGroup[], index: KnowledgeIndex): Answer {
  const matches: Match[] = joined(index, scope, party, (g) => partyRowsOf(g, party));
  return { ...a, answered: true, intent: 'party', party, confidence: 1, matches, services: scope.length > 1 ? scope.map((g) => g.service) : [] };
}

function whoAnswer(a: Answer, q: Query, ranked: Ranking, index: KnowledgeIndex, confidence: number, unscopedMulti: boolean): Answer {
  const top = ranked.at(0)!;
  const side = sideOf(q, top.item, index);
  let matches = ranked.take(5).map((r) => toMatch(r.item, r.score));
  let services: string[] = [];
  let note = a.note;
  if (unscopedMulti) {
    // Best entry per service: if another service answers about as well, say so instead of picking one silently.
    // Ranked best first, so the services close to the top come first, and five are all that is shown.
    const seen = new Set<string>();
    const close: Scored[] = [];
    for (let i = 0; ; i++) {
      const r = ranked.at(i);
      if (!r) break;
      if (r.score < SERVICE_TIE * top.score || close.length === 5) break;
      if (seen.has(r.item.doc.id)) continue;
      seen.add(r.item.doc.id);
      close.push(r);
    }
    if (close.length > 1) {
      matches = close.slice(0, 5).map((r) => toMatch(r.item, r.score));
      services = close.slice(0, 5).map((r) => r.item.doc.service);
      note = joinNotes(note, `This depends on the service: ${services.join(', ')}. Name one ("… in ${services[0]}") for a single answer.`);
    }
  }
  let runnerUp: Match | null = null;
  if (services.length === 0) {
    // Two rows the question does not tell apart: both are shown, the closer one first.
    const second = ranked.at(1);
    if (second && second.item.doc === top.item.doc && top.score - second.score <= ROW_TIE * top.score) {
      const same = top.item.task === second.item.task;
      const label = (r: Scored) => `"${r.item.task ?? r.item.section.title}"${same ? ` (${r.item.section.title})` : ''}`;
      note = joinNotes(note, `Two entries fit this question about equally: ${label(top)} and ${label(second)}; both are shown.`);
      runnerUp = toMatch(second.item, second.score);
    }
  }
  return {
    ...a,
    answered: true,
    intent: 'who',
    party: side ?? top.item.party,
    side,
    confidence: round(confidence),
    section: sectionRef(top.item.doc, top.item.section),
    matches,
    services,
    runnerUp,
    note,
  };
}

/** The summary of one section by id, as a `section` answer (for "Show the whole section" buttons). */
export function answerSection(index: KnowledgeIndex, docId: string, sectionId: string, party: Party | null = null): Answer | null {
  const first = index.servicesByDoc.get(docId)?.[0];
  const group = first === undefined ? null : index.services[first]!;
  const doc = group?.doc ?? index.kb.documents.find((d) => d.id === docId);
  const section = doc?.sections.find((s) => s.id === sectionId);
  if (!doc || !section) return null;
  const g: ServiceGroup = group ?? { service: doc.service, doc, aliases: [] };
  return sectionAnswer(emptyAnswer(null, section.title), { group: g, section, fit: { query: 1, title: 1 } }, party, [g], null);
}

/** A section named by a user ("disaster recovery", "DR", an id): its summary, or the closest section names. */
export function findSection(index: KnowledgeIndex, model: ConfidenceModel, name: string, context: AnswerContext = {}): { answer: Answer } | { suggestions: string[] } {
  const wanted = name.trim().toLowerCase();
  for (const g of index.services) {
    for (const s of g.doc.sections) {
      if (s.id.toLowerCase() === wanted || s.title.toLowerCase() === wanted) return { answer: answerSection(index, g.doc.id, s.id)! };
    }
  }
  const a = answer(index, model, /^(summar|show|overview)/i.test(wanted) ? name : `summarize ${name}`, context);
  if (a.intent === 'section' && a.section) return { answer: answerSection(index, a.section.doc, a.section.id)! };
  // Closest: sections sharing words with the name, else Fuse's fuzzy match on the titles.
  const label = (g: ServiceGroup, s: Section) => (index.services.length > 1 ? `${s.title} (${g.service})` : s.title);
  const f = focusTerms(readQuestion(name, index), index.terms.dict);
  const byWords = index.services
    .flatMap((g) => g.doc.sections.map((s) => ({ title: label(g, s), fit: titleFit(f, index.titles.units[index.titles.classOf.get(s.title)!]!) })))
    .filter((x) => x.fit.query > 0)
    .sort((x, y) => y.fit.query + y.fit.title - (x.fit.query + x.fit.title))
    .map((x) => x.title);
  const titles = index.services.flatMap((g) => g.doc.sections.map((s) => label(g, s)));
  const fuzzy = new Fuse(titles, { threshold: 0.6, ignoreLocation: true }).search(name, { limit: 3 }).map((r) => r.item);
  const close = [...new Set([...byWords, ...fuzzy])].slice(0, 3);
  return { suggestions: close.length ? close : titles.slice(0, 3) };
}
