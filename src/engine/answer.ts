// answer(question) → Answer: the chat-agnostic heart of respbot.
import { featuresOf, probability, type ConfidenceModel, type Features } from './confidence.js';
import {
  asksDefinition,
  asksEverything,
  asksFact,
  asksMoney,
  asksOwnPeople,
  asksForSection,
  asksProcedure,
  asksPartyShare,
  asksWho,
  looksLikeHelp,
  looksLikeList,
  saysHowShareIsWanted,
  sideWanted,
} from './intent.js';
import { readQuestion, weighedIn, type Query } from './query.js';
import { claimsWho } from './segments.js';
import { rank, type Ranking } from './ranking.js';
import { asksAbout, namesWhoActs, sideOf, strength, type Scored } from './score.js';
import { earned, phraseRequest, phraseVerdict, PHRASEBOOK_OVER_NAMES, PHRASEBOOK_SIDES, type PhraseRequest } from './phrasebook-answer.js';
import { SECTION_TITLE, TASK } from './postings.js';
import { allSections, partyAnswer } from './lists.js';
import { addNote, emptyAnswer, joinNotes, round, sectionRef, toMatch } from './matches.js';
import type { Indexed, KnowledgeIndex, ServiceGroup } from './search-index.js';
import { sectionAnswer } from './section-answers.js';
import { socialOnly, withoutPleasantries } from './social.js';
import { bestSection as bestTitle, type SectionHit } from './sections.js';
import { fuzzySuggestions, suggestionsFrom } from './suggestions.js';
import type { Answer, Match } from './types.js';
import { stem } from './words.js';
import type { Party } from '../model.js';

/** An unscoped question is ambiguous when a second service scores this close to the first. */
export const SERVICE_TIE = 0.9;
/** Two rows this close in score are both shown: the question does not tell them apart. */
export const ROW_TIE = 0.05;
/** A row this close to a prose section at the top answers a who-question in its place (the prose names no party), the prose beside it. */
export const PROSE_YIELDS = 0.85;
/** …or this close, when a word of the question names both the row's task and the prose section ("client library" / "Supported client"). */
export const PROSE_YIELDS_SAME_TOPIC = 0.75;

export interface AnswerContext {
  /** Answer from this service (name, alias or document id) unless the question names another. */
  service?: string;
  /** The customer's own owners are known (owners.yaml): "who on our team owns DR?" is answered with them. */
  ownersKnown?: boolean;
}

/** A question routed: answered by a rule (help, list, a section, …), or a "who" question for the model to judge. */
type Routed =
  | { done: Answer }
  | {
      a: Answer;
      q: Query;
      ranked: Ranking;
      unscopedMulti: boolean;
      multi: boolean;
      scope: ServiceGroup[];
      /** The rules' decline, unless the phrasebook is PHRASEBOOK_OVER_NAMES sure of a row (another IBM Cloud service named; a fact or money asked with a side). */
      declined?: Answer;
    };

export function answer(index: KnowledgeIndex, model: ConfidenceModel, question: unknown, context: AnswerContext = {}): Answer {
  const r = route(index, question, context, true);
  if ('done' in r) return r.done;
  const { a, q, ranked, multi } = r;
  const features = ranked.at(0) ? featuresOf(q, ranked, index.rowTerms) : null;
  const confidence = features ? probability(model.right, features) : 0;
  const inScope = features ? probability(model.scope, features) : 0;
  // Questions people asked before, labelled with their rows, may pick the row or decline.
  const said = phraseVerdict(index, q, ranked, r.scope, inScope, inScope >= model.threshold);
  if (r.declined) {
    const led = said && 'lead' in said && said.p >= PHRASEBOOK_OVER_NAMES;
    return led ? whoAnswer(a, q, ranked, index, Math.max(confidence, earned(said.p)), r.unscopedMulti, said.lead, true, true) : r.declined;
  }
  if (said && 'request' in said) return requested(a, said, r.scope, index);
  // Context the documents do not answer before a clause that asks for a side's share on its own
  // ("we're doing our vendor review. what is IBM responsible for?"): the share is what was asked.
  if (inScope < model.threshold && q.askingParty && q.topiclessAsks.some(asksShareAlone)) {
    return partyAnswer(a, q.askingParty, r.scope, index, q.focus);
  }
  if (said && 'lead' in said) return whoAnswer(a, q, ranked, index, Math.max(confidence, earned(said.p)), r.unscopedMulti, said.lead, true, true);
  if (!features || inScope < model.threshold || (said && 'decline' in said)) {
    a.confidence = round(confidence);
    addNote(a, 'No entry matches the question well enough.');
    a.suggestions = suggestionsFrom(ranked, multi);
    if (a.suggestions.length === 0) a.suggestions = fuzzySuggestions(q, index, multi);
    return a;
  }
  return whoAnswer(a, q, ranked, index, confidence, r.unscopedMulti, null, true);
}

/**
 * Whether a question asks which side does it: both offered, one asked of ("… our call, yeah?"), or
 * one named in a question that does not open with a question word ("does IBM do that split for
 * us?"); "what RTO does IBM commit to?" asks a fact of IBM. Each writer left out, 48 sets: with
 * the rules' fact and money declines yielding to the phrasebook on these, 7 more Event Streams
 * questions right and 2 corpus ones, no out-of-scope question answered; yielding on any question
 * named with a side, 4 and 6 out-of-scope ones answered.
 */
function asksWhoseSide(q: Query): boolean {
  return q.offersEither || !!q.askedSide || (!!q.party && !/^(?:what|which|how|when|where|why|explain)\b/.test(q.focus));
}

/** A clause that asks for a side's share and points at nothing before it ("… is that ours?" asks of the context). */
function asksShareAlone(clause: string): boolean {
  return asksPartyShare(clause) && !/\b(?:it|its|that|this|those|these|them|they|there|such)\b/.test(clause);
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

/** A request that names no row, as the phrasebook heard it, answered as the rules answer it, with the confidence its posterior earned. */
function requested(a: Answer, r: PhraseRequest, scope: ServiceGroup[], index: KnowledgeIndex): Answer {
  const confidence = round(earned(r.p));
  if (r.request === 'party') return { ...partyAnswer(a, r.party, scope, index, r.focus), confidence };
  if (r.request === 'help') return { ...a, answered: true, intent: 'help', confidence, examples: index.examples, sections: allSections(scope, index) };
  return { ...a, answered: true, intent: 'list', confidence, sections: allSections(scope, index) };
}

/**
 * A word for a side's share itself ("all vendor-side chores", "the full duty roster"): no topic of a
 * row. "duties", "tasks", "items", "rows" and the like are stop words, never units.
 */
const SHARE_WORD = /^(?:chores?|row|roster|inventory|checklist)$/;

/** Words that name a document's list of sections, or the document, in a request for the list. */
const NAMES_CONTENTS =
  /\b(?:table of contents|toc|index|chapters?|headings?|(?:section|chapter) (?:titles|names|list)|doc|docs|document|page|matrix|in scope|in here|in there|(?:you|u) (?:cover|know|have))\b/;

/** `heard`: whether the phrasebook may hear a request the rules did not (not for explain()). */
function route(index: KnowledgeIndex, question: unknown, context: AnswerContext, heard = false): Routed {
  const done = (a: Answer) => ({ done: a });
  const read = readQuestion(question, index);
  const a = emptyAnswer(read, read.asked);
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
  // Several services could answer and neither the question nor the conversation picked one.
  const unscopedMulti = scope.length > 1 && !q.services.length && !context.service;

  const social = socialOnly(q.lower);
  if (social) return done({ ...a, social });
  const topicless = !q.units.some((u) => u.focus);
  // A request for help is read in the clause that asks, or in a clause asked when none names a
  // topic, if it speaks to the bot or nothing else names one ("are you a bot? what can you tell me",
  // not "the cluster is down. what can I do?").
  const helpAsked = q.topiclessAsks.some((c) => looksLikeHelp(c) && (topicless || /\b(?:you|u|bot|respbot)\b/.test(c)));
  if (looksLikeHelp(q.focus) || looksLikeHelp(withoutPleasantries(q.focus)) || helpAsked) {
    return done({ ...a, answered: true, intent: 'help', confidence: 1, examples: index.examples, sections: allSections(scope, index) });
  }
  // Adjectives and adverbs the documents do not use ("which items are purely IBM's?") leave a
  // request for a party's share or for the list of sections as it is.
  // So do English words before a share named as such ("dump all of IBM's duties", "a checklist of customer obligations").
  const nameless =
    topicless ||
    q.units.every((u) => !u.focus || u.foreignModifier || SHARE_WORD.test(u.word) || (u.foreignWord && saysHowShareIsWanted(u.word, u.foreignThing, q.lower)));
  // "which duties does IBM carry, across all sections?" asks for a party's share, not the list of sections.
  const shareAsked = asksPartyShare(q.lower);
  const partyShare = !!q.party && shareAsked;
  // A clause that asks for the list, when no clause that asks names a topic, asks for it whatever the
  // context says, if it names the list or the document ("… — give me the table of contents"), not
  // when its words may ask about the context ("a zone went down. which areas are affected?").
  const listAsked = looksLikeList(q.focus) || q.topiclessAsks.some((c) => looksLikeList(c) && (topicless || NAMES_CONTENTS.test(c)));
  // A request of a cloud or service no loaded document covers ("MQ on IBM Cloud: which duties land
  // with us?", with MQ not loaded) is declined below, saying what is covered, not answered from another.
  const elsewhere = q.foreign.length > 0;
  if (listAsked && !elsewhere && !partyShare && (nameless || !bestSection(q, index, scope, 0.5))) {
    return done({ ...a, answered: true, intent: 'list', confidence: 1, sections: allSections(scope, index) });
  }
  // A party's share, asked with no word that names a thing ("which items are purely IBM's?").
  if (nameless && q.party && !elsewhere && (shareAsked || asksEverything(q.lower))) return done(partyAnswer(a, q.party, scope, index, q.focus));
  // A request in words the rules do not know ("gimme the chapter list", "what's your deal"), as people asked it before.
  // Both sides offered as the choice ("us via the CLI, or a ticket with IBM?") ask who, whatever else they name.
  // So does a question of how a task is divided between them ("what's the division of labour for …?").
  const whose = q.offersEither || q.asksBothSides;
  // Any clause may ask the fact: "what are the X-Force timeframes, how many days till a patch lands?".
  const fact = !topicless && !whose && (asksFact(q.focus, q.lower) || q.askedClauses.some((c) => asksFact(c, q.lower)));
  const definition = !topicless && !whose && asksDefinition(q.focus, q.lower);
  const request = heard && !elsewhere && (topicless || fact || definition) ? phraseRequest(index, q) : null;
  if (request) return done(requested(a, request, scope, index));
  if (topicless && !elsewhere) {
    addNote(a, 'The question names no topic the documents cover.');
    a.suggestions = index.examples.slice(0, 3);
    return done(a);
  }
  if (q.foreign.length) {
    const covered =
      index.services.length <= 3
        ? index.services.map((g) => g.service).join(', ')
        : `${index.services.length} IBM Cloud services (ask "list the sections" to see them)`;
    const declined = { ...a, suggestions: [...a.suggestions] };
    addNote(declined, `The documents here cover ${covered}, not ${q.foreign.join(', ')}.`);
    // What the documents say about the same thing, for the service they do cover.
    const ranked = rank(q, index, scope);
    declined.suggestions = suggestionsFrom(ranked, multi);
    if (declined.suggestions.length === 0) declined.suggestions = index.examples.slice(0, 3);
    // Another IBM Cloud service named in passing ("bind ES to our Code Engine app") may still be a
    // question of a loaded row, as people asked it before; another cloud's is not, nor one named as
    // what the question is about ("Hyper Protect Virtual Servers: who patches the guest OS?").
    if (!heard || q.otherCloud || q.foreignSubject) return done(declined);
    return { a, q, ranked, multi, scope, unscopedMulti, declined };
  }
  // A word of money some row of the services asked about uses is theirs ("billing" in Satellite's rows is no row of ICD's).
  const money = asksMoney(q.focus, (w) => usedInRows(index, scope, stem(w)));
  // Who among the asker's own people ("who on our SRE team owns DR?") is declined, its rows suggested, unless
  // the row is IBM's alone: then that is the answer the asker needs ("who on our team patches the brokers?").
  const ownRanked = !whose && !context.ownersKnown && asksOwnPeople(q.focus) ? rank(q, index, scope) : null;
  const ownPeople = !!ownRanked && ownRanked.at(0)?.item.party !== 'provider';
  if (definition || fact || money || ownPeople) {
    addNote(
      a,
      ownPeople
        ? 'I tell which side is responsible, IBM or the customer, not who in your organisation does it.'
        : money
          ? 'I tell who is responsible for what, not prices, charges or billing.'
          : fact && asksProcedure(q.focus, q.lower)
            ? 'I tell who is responsible for what, not how to do it (steps, commands or settings).'
            : fact
              ? 'I tell who is responsible for what, not facts such as versions, sizes, dates or contacts.'
              : 'I tell who is responsible for what; I do not define terms.',
    );
    const ranked = ownRanked ?? rank(q, index, scope);
    a.suggestions = suggestionsFrom(ranked, multi);
    // A side asked of, in words people used of a row before ("raising max.message.bytes: self-serve
    // through the CLI, or a ticket to IBM?"), makes it that row's question, as for a service named
    // in passing: the phrasebook may answer it if it is PHRASEBOOK_OVER_NAMES sure.
    // Who among the asker's own people is never a row's question, however people worded it before.
    if (ownPeople || !heard || !asksWhoseSide(q)) return done(a);
    return { a: emptyAnswer(read, read.asked), q, ranked, multi, scope, unscopedMulti, declined: a };
  }

  const ranked = rank(q, index, scope);

  // A section summary: asked for as such, or the question is just a section's name; or named as a
  // section among other words ("summarize the Configuration section pls, I'm writing our wiki").
  const named = namedSection(q.lower, index, scope);
  // "what does the mirroring section say about failback?" asks about a row of it: the row answers.
  const top = ranked.at(0);
  const rowOfIt =
    !!named &&
    !!top &&
    top.item.section === named.section &&
    q.units.some((u) => asksAbout(u) && strength(u, index, top.item, TASK) > 0 && strength(u, index, top.item, SECTION_TITLE) === 0);
  const sec = (rowOfIt ? null : named) ?? bestSection(q, index, scope, 0.6);
  if (sec) {
    // Who-questions are read in the clause that asks; a section or a party's share may be asked anywhere.
    const who = asksWho(q.focus);
    // A section's name alone asks for the section; "mirroring is on us, right?" claims who does a task of that name.
    const bare = sec.fit.query === 1 && sec.fit.title >= 0.99 && !who && !claimsWho(q.lower);
    const partyShare = shareAsked && !who;
    const asked = ((!!named && !rowOfIt) || asksForSection(q.lower)) && !who;
    // A section asked for with a side ("the mirroring section, just our side") is that side's part of it.
    if (bare || asked || partyShare) {
      // "what is IBM NOT responsible for in mirroring?" asks for the other side's part, as of the whole document.
      const named = q.asksBothSides ? null : partyShare ? q.party : q.askedSide;
      const wanted = named ? sideWanted(q.focus, named) : null;
      const answered = sectionAnswer(a, sec, wanted?.side ?? null, scope, index);
      if (wanted?.note) addNote(answered, wanted.note);
      return done(answered);
    }
  }

  return { a, q, ranked, multi, scope, unscopedMulti };
}

function scopeOf(q: Query, index: KnowledgeIndex, context: AnswerContext): ServiceGroup[] {
  if (q.services.length) return q.services;
  if (context.service) {
    const g = index.serviceByName.get(context.service.toLowerCase());
    if (g) return [g];
  }
  return index.services;
}
/** Whether some row of the services in scope uses the term (any row, when the question names none). */
function usedInRows(index: KnowledgeIndex, scope: ServiceGroup[], term: string): boolean {
  if (scope === index.services) return index.rowTerms.has(term);
  const t = index.terms;
  const id = t.dict.get(term);
  if (id < 0) return false;
  const wanted = new Set(scope.flatMap((g) => index.servicesByDoc.get(g.doc.id) ?? []));
  for (let k = t.postStart[id]!; k < t.postStart[id + 1]!; k++) if (wanted.has(t.entryService[t.postEntry[k]!]!)) return true;
  return false;
}

function bestSection(q: Query, index: KnowledgeIndex, scope: ServiceGroup[], minQuery: number): SectionHit | null {
  return bestTitle(q, index.titles, index.terms.dict, index.services, scope, minQuery);
}

/** A section named as one: "the <title> section", "that '<title>' table", "the <title> chapter/piece/part/area". */
const NAMED_SECTION = /\b(?:the|that|this|your|its|their)\s+['"‘“]?([\w&,/' -]{2,80}?)['"’”]?\s+(?:section|table|chapter|piece|part|area|heading)\b/;

/** A section named as where the document says something: "what does the doc say under configuration?", "what's listed under 'Disaster recovery'". */
const NAMED_UNDER =
  /\b(?:says?|said|saying|listed|covered|written|what(?:'s| is| are)|anything|everything|stuff|things)\s+under\s+(?:the\s+)?['"‘“]?([\w&,/' -]{2,60}?)['"’”]?(?:\s+(?:section|heading|part|table|area|bit))?(?=\s*(?:[?.!,;:]|$))/;

/**
 * The section a question names as such, among words that would otherwise outweigh its title: the
 * named words hold the whole title, and the title most of them.
 */
function namedSection(lower: string, index: KnowledgeIndex, scope: ServiceGroup[]): SectionHit | null {
  const m = NAMED_SECTION.exec(lower) ?? NAMED_UNDER.exec(lower);
  if (!m) return null;
  const hit = bestSection(readQuestion(m[1]!, index), index, scope, 0.6);
  return hit && hit.fit.title >= 0.99 ? hit : null;
}

/** A cell that opens by saying what its side does not do ("IBM never touches your master key", "None"). */
function disclaims(text: string | null): boolean {
  return !text || /\b(?:does not|doesn't|do not|don't|never|cannot|can't|is not|isn't|are not|aren't|none|no access)\b/i.test(text.slice(0, 80));
}

/**
 * A cell that is nothing but its side saying what it does not do: one sentence that opens with
 * the side and its "never" / "does not" ("IBM never touches your master key"), or "None".
 * Not "IBM does not have access … but provides the ability to …", nor a duty that mentions a
 * negation ("ensure the CIDR blocks do not conflict").
 */
function onlyDisclaims(text: string | null): boolean {
  const t = (text ?? '').trim();
  if (/^(?:none|n\/a|not applicable)\.?$/i.test(t)) return true;
  return (
    /^(?:IBM|you|the customer|customers?|clients?|the client|[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,4}) (?:never|does not|doesn't|do not|don't|will not|won't|cannot|can't)\b[^.;:\n•]*\.?$/.test(
      t,
    ) && !/\bbut\b/i.test(t)
  );
}

/**
 * Who does the task of an entry: its party, except that a cell which only says what its side does
 * not do ("IBM never touches your master key") leaves the task to the other side. Both cells are
 * still shown.
 */
function soleDoer(e: Indexed): Party | null {
  if (e.party !== 'shared') return e.party;
  const ibmOnlyDisclaims = onlyDisclaims(e.provider);
  const youOnlyDisclaim = onlyDisclaims(e.customer);
  if (ibmOnlyDisclaims && !youOnlyDisclaim) return 'customer';
  if (youOnlyDisclaim && !ibmOnlyDisclaims) return 'provider';
  return 'shared';
}

/**
 * The side the phrasebook says a question about a shared row asks of, when it is PHRASEBOOK_SIDES
 * sure: null for both sides, or the one side of a row whose other side only says what it does
 * not do (that side is the row's whole answer, as without the phrasebook).
 */
function sideMeant(index: KnowledgeIndex, e: Indexed, text: string): { side: 'provider' | 'customer' | null } | null {
  const said = index.phrasebook?.side(e.at, text);
  if (!said || said.p < PHRASEBOOK_SIDES) return null;
  return { side: said.party === 'shared' || said.party === soleDoer(e) ? null : said.party };
}

/**
 * `lead`: the row the phrasebook puts first, if any; `heard`: whether the phrasebook may say which side is
 * asked of; `led`: whether the phrasebook chose the first row (`lead`) or agreed with the engine's.
 */
function whoAnswer(
  a: Answer,
  q: Query,
  ranked: Ranking,
  index: KnowledgeIndex,
  confidence: number,
  unscopedMulti: boolean,
  lead: Scored | null = null,
  heard = false,
  led = false,
): Answer {
  const head = ranked.take(5);
  // The row the phrasebook picks goes first.
  if (lead) head.splice(0, head.length, lead, ...head.filter((r) => r.item !== lead.item).slice(0, 4));
  // A prose section names nobody; a row of the same document about as close, whose task the
  // question names, does: it answers who, and the section is shown beside it.
  const row = head[1];
  const prose = head[0]!;
  const rowAsClose =
    !prose.item.entry &&
    !!row?.item.entry &&
    row.item.doc === prose.item.doc &&
    row.fit.taskCoverage > 0 &&
    (row.score >= PROSE_YIELDS * prose.score ||
      (row.score >= PROSE_YIELDS_SAME_TOPIC * prose.score &&
        q.units.some((u) => asksAbout(u) && strength(u, index, row.item, TASK) > 0 && strength(u, index, prose.item, SECTION_TITLE) > 0)));
  // Unless the phrasebook, too, picked the prose: then the row is shown beside it.
  const proseYields = rowAsClose && !led;
  if (proseYields) [head[0], head[1]] = [head[1]!, head[0]!];
  const top = head[0]!;
  // The side the question's words point at; else, on a row where both sides have a part, the one it asks about.
  // A question that asks how the task is divided gets both sides.
  const shared = top.item.party === 'shared';
  // A side's part asked for as such is that side's part, unless its cell only says what it does not do.
  const part = shared && q.partAsked && !disclaims(q.partAsked === 'provider' ? top.item.provider : top.item.customer) ? q.partAsked : null;
  // People who asked this row's question in like words, where enough did, know better which side they meant.
  const meant = heard && shared && !q.asksBothSides && !namesWhoActs(q.lower) ? sideMeant(index, top.item, q.lower) : null;
  // IBM's part told before "but who …" asks the customer's part of a shared row, whatever words the two share.
  const rest = shared && q.pastIbmsPart && !disclaims(top.item.customer) ? 'customer' : null;
  const side = q.asksBothSides ? null : (rest ?? (meant ? meant.side : (part ?? sideOf(q, top.item, index) ?? (shared ? q.askedSide : null))));
  let matches = head.map((r) => toMatch(r.item, r.score));
  let services: string[] = [];
  let note = a.note;
  if (unscopedMulti && !lead) {
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
    // Two rows the question does not tell apart: both are shown, the closer one first. Not when the
    // phrasebook picked one (its pick may score below the next row by words alone), except that a
    // prose section next to it is still shown beside it, as beside a row that yields it the top.
    const second = head[1];
    const proseBeside = !!lead && !!second && !second.item.entry;
    if (second && second.item.doc === top.item.doc && (rowAsClose || proseBeside || (!lead && top.score - second.score <= ROW_TIE * top.score))) {
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
    party: side ?? (q.asksBothSides ? top.item.party : soleDoer(top.item)),
    side,
    confidence: round(confidence),
    section: sectionRef(top.item.doc, top.item.section),
    matches,
    services,
    runnerUp,
    note,
  };
}
