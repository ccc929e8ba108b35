// A question, read: the clause that asks it (segments.ts), which services it names (loaded
// or not), which party it speaks of, and its topic as "units" (one per content word: its
// stem, the vocabulary concepts it takes part in, and the document words WordNet relates it
// to), with typos corrected against the words the documents use.
import type { Party } from '../model.js';
import { cleanQuestion } from './clean.js';
import { americanSpelling, correct, frameWordFor } from './spelling.js';
import type { KnowledgeIndex, Rarity, ServiceGroup } from './search-index.js';
import { asksPartyShare } from './intent.js';
import { findNames } from './names.js';
import { ANAPHORS, ASIDE, segmentsOf, type Segment } from './segments.js';
import { FILLER, isStopword, ONLY_PARTS, SHARE_THINGS, STOP_PHRASES, stem, words } from './words.js';
import { wordNet } from './wordnet.js';

export interface Unit {
  word: string;
  /** The word's stem (first, unless a phrase) and the vocabulary concepts it takes part in. */
  terms: string[];
  /** Document terms WordNet relates the word to, with how closely (1 is the word itself). */
  related: Map<string, number>;
  /** Some term of the unit, or a related one, occurs in a row of the searched documents. */
  covered: boolean;
  /** Weight of the unit: the most common of its known terms, or the unknown idf. */
  weight: number;
  /** The word's own stem; null for a phrase unit, which is matched by its concept only. */
  stem: string | null;
  /** In the clause that asks the question (not in context around it). */
  focus: boolean;
  /** In the clause a pronoun of the question points back at ("message payload data … who backs it up?"). */
  referred: boolean;
  /**
   * The clause pointed back at tells of something happening ("our database kept running out of
   * memory. who should have scaled it?"): the pronoun points at a thing in it, not at all of it.
   */
  inEvent: boolean;
  /**
   * After "beyond", "instead of", "rather than" …: what the question sets its topic against
   * ("extra policies beyond the defaults"), which says nothing about whose side the topic is on.
   */
  contrast: boolean;
  /** In a phrase of place after the question's topic ("… the messages in our topics"): it says where, not what. */
  place: boolean;
  /** The word as typed is not a word of the documents; this is its correction. */
  corrected: boolean;
  /** Not covered, but an English word (WordNet knows it): something the documents do not speak of, not a typo. */
  foreignWord: boolean;
  /** Not covered, and a noun only ("laptop"): a thing the documents do not speak of. */
  foreignThing: boolean;
  /** Not covered, and an adjective or adverb only ("purely"): it says how, and names nothing. */
  foreignModifier: boolean;
}

export interface Query {
  text: string;
  /** The question as asked (markup off, the asker's own words): what the answer echoes. */
  asked: string;
  truncated: boolean;
  /** Words as typed → their one correction ("acount" → "account"), for readers of the text itself. */
  corrections: ReadonlyMap<string, string>;
  lower: string;
  /** The clauses that ask the question, lower case: what intent rules read. */
  focus: string;
  /**
   * Each clause asked as a question, lower case, when none of them names a topic the documents
   * know ("are you a search bot? what can you tell me"); else empty. Intent rules may read them.
   */
  topiclessAsks: string[];
  /** Every clause asked as a question, lower-cased: "what are the timeframes, how many days till …?" asks two. */
  askedClauses: string[];
  services: ServiceGroup[];
  /** Clouds or services the question asks about that no loaded document covers. */
  foreign: string[];
  /** One of them is another cloud or its product ("AWS", "Confluent"), not only IBM Cloud services. */
  otherCloud: boolean;
  /** Another service or cloud is a clause of its own, what the question is about: "Hyper Protect Virtual Servers: who …". */
  foreignSubject: boolean;
  /** Both sides offered as alternatives in one sentence ("us via the CLI, or a ticket with IBM?"). */
  offersEither: boolean;
  party: Party | null;
  /**
   * The one side named by the clauses that ask, when they hold no topic word at all and the
   * question's topic is read from the context around them ("… the auditor asked me. what is
   * IBM responsible for?"): the side asked of, whoever the context speaks of.
   */
  askingParty: Party | null;
  /**
   * The one side the question asks about as such ("what's our part in …", "do we have to …",
   * "does IBM …"), null when it asks about both or names a side only in passing ("when we use …").
   */
  askedSide: 'provider' | 'customer' | null;
  /** Asks how a task is divided ("who does what for failback?", "how is X split between us and IBM?"): both sides. */
  asksBothSides: boolean;
  /**
   * The side whose part of a task is asked for as such ("what's our part in setting up mirroring?"):
   * that side's part is the answer, whatever the task's words point at. "Do we have to …?" is not:
   * it asks whether a side does it, and the row's words may say the other does.
   */
  partAsked: 'provider' | 'customer' | null;
  /** IBM's part said before a "but who …" ("IBM ships the patches, but who applies them?"): the question asks the customer's part. */
  pastIbmsPart: boolean;
  units: Unit[];
  /** Neighbouring focus words as stem pairs ("cluster configur"), to find the phrase in an entry. */
  pairs: string[];
}

const CUSTOMER_WORDS =
  /\b(i|i'm|im|i've|me|my|mine|myself|we|we're|we've|us|our|ours|ourselves|customer|customers|the client|tenants?|consumer of the service)\b/;
const PROVIDER_WORDS = /\b(ibm|ibm's|provider|the provider|vendor|the vendor|the service provider|you guys|the platform)\b/;
/** "their side", after IBM is named ("what IBM takes care of for us … what's on their side?"), is IBM's. */
const THEIR_SIDE = /\btheir (side|part|end|share|bit|half|responsibilit(?:y|ies)|duties|obligations)\b/g;
const IBM_THEN_THEIR = new RegExp(`\\b(?:ibm|the provider|the vendor)\\b.*${THEIR_SIDE.source}`);
/**
 * Words that set what follows beside the service asked about, as where the asker comes from or
 * what they compare it with ("like we did on our self-managed kafka", "coming from on-prem"):
 * a cloud named after them is no subject of a question that names a loaded service ("… with ES,
 * who patches them?"). Read in the few words before the name.
 */
const COMPARED_WITH =
  /\b(?:like|as) (?:we|i)(?: \w+)? (?:did|do|had|have|were|was)\b|\bused to\b|\b(?:coming|migrating|moving|switching|porting|migrated|moved|switched|came) (?:over |away |here )?from\b|\bcompared (?:to|with)\b|(?<!\b(?:came|come|comes|coming|get|got|gets|getting|went|go|goes|wrote|write|reported|report|replied|reply|called|call|heard|hear) )\b(?:back|previously|formerly) (?:on|in|with|when)\b|(?<!\b(?:would|d|to|i|we|you|they) )\b(?:like (?:what|how|a|an|the|in|on|with)\b|unlike\b|like$|like(?: [\w-]+){1,2} (?:does|do|did|has|had)\b)|\b(?:similar to|equivalent (?:of|to)|the same as|as (?:in|on|with))\b/;
/** What the asker did or does on another platform, said right after its name: "on MSK i set that myself". */
const DONE_THERE =
  /^(?:i|we) (?:\w+ )?(?:set|did|do|had|have|used|use|pick|picked|choose|chose|configure|configured|manage|managed|run|ran|handle|handled|patch|patched|deploy|deployed|create|created|could|would|can|get to)\b/;
/**
 * A vendor's name before the name of a client library or a tool ("confluent-kafka-python", "the
 * confluent .NET client", "confluent replicator") names software the asker runs against the loaded
 * service, not the vendor's platform; "Aiven kafka" and "the Confluent Cloud client" stay platforms.
 */
const CLIENT_LANGUAGE = '(?:python|go|golang|dotnet|net|java|js|javascript|node|nodejs|ruby|rust|cpp|c)';
const TOOL_AFTER = new RegExp(
  `^(?:(?:kafka|${CLIENT_LANGUAGE}) )?(?:client|clients|library|libraries|lib|libs|driver|drivers|replicator)\\b|^kafka ${CLIENT_LANGUAGE}\\b`,
);
/** A word right before a word for a team: "otter squad", "walrus-squad". */
const TEAM_NAME = /\b([a-z][a-z0-9]*)([\s-]+)(?:squads?|crews?|tribes?|guilds?)\b/g;
/** How many teams, not which: "three squads", "several crews". */
const COUNTING = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|several|multiple|many|few|both|various|different|separate|numerous)$/;
/** Prepositions that put a service in the slot of the one asked about ("who patches it in AWS?"). */
const SERVICE_SLOT = new Set(['in', 'on', 'for', 'at', 'inside', 'within']);
// Not the framework's name: "under the shared responsibility model" asks of both sides no more than "under the document" does.
const SHARED_WORDS =
  /\b(shared(?![- ]responsibilit(?:y|ies)[- ](?:model|framework|matrix|matrices|chart|grid|agreement|doc|docs|document|table|page)\b)|share|jointly|joint (?:responsibilit(?:y|ies)|duties|tasks)|(?:split|divided|allocated|distributed) (?:up )?between)\b/;
/** The asker saying they ask ("I need every duty …", "can we get the list"): not a party to the question, and no topic. */
const ASKER_ASKS =
  /(?<!\b(?:do|don't|did|will|would|should|must|shall|can|could|if|when|that) )\b(?:i|we)(?:(?: really| just| still)? (?:need|want)|(?:'d|’d| would) like)(?: to (?:see|know|get|have|read|find out|understand))?\b(?= (?:an? |the |all |every|each |everything|(?:full |complete )?list\b|who\b|what\b|which\b|whose\b))|\b(?:can|could|may) (?:i|we) (?:get|have|see)\b/g;
/** …or asking the bot to act for them ("show me", "give us"), which is not a party either. */
const REQUESTER = new RegExp(`\\b(show|give|tell|send|get|find|fetch|remind|let|help|walk|run|pull up) (?:me|us)\\b|${ASKER_ASKS.source}`, 'g');

/** How closely a WordNet relation counts, below the word itself and the domain vocabulary. */
export const RELATED_STRENGTH = { derived: 0.8, synonym: 0.6 } as const;
/**
 * Bounds on the work one question can cause, whatever it holds: no English word is longer than
 * MAX_WORD_LENGTH, so a longer token is never looked up; and at most MAX_LOOKUPS different words
 * of a question are corrected or looked up in WordNet, each once (the rest count as unknown). Long
 * messages are common in chat: at 12, counted twice a word, their last words went unread.
 */
const MAX_WORD_LENGTH = 24;
export const MAX_LOOKUPS = 24;
/** Document terms one word reaches through WordNet, at most (a few is usual). */
export const MAX_RELATED = 16;

/** Being answerable for something, said of a side ("we're on the hook for", "IBM is accountable for"). */
const ANSWERABLE = '(?:on the hook|responsible|accountable|in charge|liable)';
const ASKS_CUSTOMER = new RegExp(
  `\\b(?:our|my) (?:team'?s )?(?:part|portion|side|half|column|job|end|share|responsibilit\\w*|duties|obligations|tasks|rows)\\b|\\bcustomer(?:'s)?[- ](?:side|part|half|column|share)\\b|(?<!\\b(?:our|my|their|your) )\\bcustomer[- ](?:rows?|items?|bits|parts|stuff|ones)\\b|\\b(?:customer|client)[- ]only\\b|\\bfilter(?:ed|ing)? (?:to|by|for|on) (?:the )?(?:customer|client|us|our)\\b|\\b(?:just|only) (?:what|the (?:stuff|things|bits|rows|items|parts?)(?: that)?) (?:we|i|our team|my team) (?:do|handle|own|cover|manage|take care of|look after)\\b|\\bleft for (?:us|me) to do\\b|\\bon (?:our|my) plate\\b|\\b(?:lands?|falls?|sits?) (?:on|with|to) (?:us|me|the customer|our team|my team)\\b|\\bon (?:us|me)\\b|\\bup to (?:us|me)\\b|^(?:do|must|should|are|am|will|would|can) (?:we|i)\\b|\\b(?:we|i) (?:have|need|must|should) to\\b|\\bourselves\\b|${ONLY_PARTS} (?:on us|on me|ours|mine|for us)\\b`,
);
const ASKS_PROVIDER = new RegExp(
  `\\bibm'?s? (?:part|portion|side|half|column|job|end|share|responsibilit\\w*|duties|obligations|tasks)\\b|\\bprovider(?:'s)?[- ](?:side|part|half|column|share|rows?|items?|bits|parts|stuff|ones)\\b|\\b(?:ibm|provider)[- ]only\\b|\\bfilter(?:ed|ing)? (?:to|by|for|on) (?:the )?(?:ibm|provider)\\b|\\b(?:just|only) (?:what|the (?:stuff|things|bits|rows|items|parts?)(?: that)?) ibm (?:does|handles|owns|covers|manages|takes care of|looks after)\\b|^(?:what|which)(?: (?:exactly|else|stuff|things|parts?|bits))? ibm (?:does|handles|owns|covers|manages|takes care of|looks after)\\b|\\bibm[- ](?:rows|bits|items)\\b|\\b(?:lands?|falls?|sits?) (?:on|with|to) (?:ibm|the provider)\\b|\\bon ibm(?!'s|’s| cloud)\\b|\\bup to ibm\\b|^(?:does|will|would|is|can) ibm\\b|${ONLY_PARTS} (?:on ibm|ibm'?s|for ibm)\\b`,
);
/** Read in the asking clause only: "we're responsible for our apps. who does failover?" states context. */
const ANSWERABLE_CUSTOMER = new RegExp(`\\b(?:we're|we are|i'm|im|i am) ${ANSWERABLE}\\b`);
const ANSWERABLE_PROVIDER = new RegExp(`\\bibm(?:'s| is) ${ANSWERABLE}\\b`);
/**
 * Both sides offered beside each one ("IBM, us, or both?", "a both-of-us thing", "is some of the
 * setup on us too?"): asks whether both take part, as people who ask so label it (a shared row is shared).
 */
const OFFERS_BOTH =
  /\b(?:ibm|us|we|ours|me|them|it)\b[^?.!]{0,30}\bor (?:a (?:bit|little|mix) of )?both\b|\bboth[- ]of[- ]us\b(?![-\w])|\b(?:some|part) of (?:it|that|this|the (?:[\w-]+ )?[\w-]+) (?:is |are )?(?:on us|ours|on our side|our job|up to us)\b/;
/**
 * How a task is divided, asked as such ("both sides pls", "who provides it and who sets it up?"):
 * both sides are the answer. Not "clusters on both sides": the two ends of a mirroring pair.
 */
const ASKS_BOTH =
  /\bwho(?: does|'s doing| is doing) what\b|\bdivision of (?:labou?r|responsibilit\w*|duties|obligations)\b|(?<!\b(?:on|in|at|across|between|for|of|to) )\bboth (?:sides|parties|of us)\b(?! of\b)|\beach (?:side|party)(?:'s)? (?:does|do|part|share|role|responsib\w*)\b|\bwhat does each (?:side|party)\b|\bwho\b[^?.]*(?:\band|[,;&]) who\b|\bwho (?:\w+ ){0,2}which (?:half|halves|part|parts|bits?|pieces?|side|steps?)\b|\b(?:split|divided|shared|divvied|carved)(?: up)? how\b|\bhow(?:'s| is| are| does| do)? (?:that|it|this|(?:the )?(?:work|job|jobs|responsibility|responsibilities|duties|tasks|ownership)) (?:split|divided|shared|allocated)(?: up)?\b/;
/**
 * Dividing words and paired questions ("which parts are ours and which IBM's?", "does IBM back it
 * up, and what do we do?"), when both sides are named: "shared between the two clusters" is ordinary wording of the Mirroring rows.
 */
const DIVIDE =
  /\b(?:divide[sd]?|dividing|divvy|divvied|split|splits|splitting|carve[sd]?|(?:shared|allocated|distributed) between)\b|\b(half|partly)\b[^?]*\b\1\b|\b(?:which|what)\b.*\b(?:and|vs|versus) (?:which|what)\b|\b(?:does|do|will|is|are) ibm\b[^?]*\band (?:what|which|how|who)\b[^?]*\b(?:we|us|our|i)\b|\b(?:do|are|must|should) (?:we|i)\b[^?]*\band (?:what|which|how|who)\b[^?]*\bibm\b/;
/** The words of dividing as a way of asking: "divide up", "split between", "how do we and IBM split …", not "who divides the VPC into subnets". */
const DIVIDING =
  /\b(?:divide[sd]?|dividing|divvy|divvied|split|splits|splitting|carve[sd]?)(?: up\b| (?=between\b))|(?<=\b(?:we|us) and ibm |\bibm and (?:we|us) )(?:divide|split|divvy|carve)(?: up)?\b/g;
const US_WORDS = '\\b(?:we|us|our|ours|i|me|my)\\b';
const NAMES_US = new RegExp(US_WORDS);
const NAMES_IBM = /\bibm\b/;
/**
 * Whether a task is shared, asked of the task itself: "is failback a joint effort?", "… or a joint
 * thing w/ IBM?", "joint effort or purely IBM?", "failover: joint effort?"; not "the joint task definitions", nor work done
 * "jointly with the app team".
 */
const JOINT =
  /\b(?:(?:is|was|be|it'?s|that'?s) (?:(?:that|it|this|[\w-]+)(?: [\w-]+)? )?|\bor (?:is it )?)a joint (?:thing|effort|job|task|responsibility|duty)\b|\ba joint (?:thing|effort|job|task) (?:with|between) (?:ibm|us and ibm|ibm and us)\b|\bjoint (?:thing|effort|job) or\b|(?:^|[:,;—–-]\s*)joint (?:thing|effort|job|task)\s*\?*\s*$/;
/** A side's share named as such: "IBM's part", "our bit". */
const SIDE_PART = ' (?:part|parts|side|bit|bits|share|job|jobs|duties|tasks|stuff|responsibilit(?:y|ies))';
/** "us vs IBM" asks for both sides, except as the choice a who-question offers ("who writes it, me vs IBM?", as "me or IBM"). */
const SIDES_VS = new RegExp(
  String.raw`\bthe (?:things|stuff|tasks|bits|parts) (?:ibm|we|i) \w+ (?:vs\.?|versus) (?:the (?:things|stuff|tasks|bits|parts) )?(?:we|i|ibm)\b|\b(?:us|we|ours|me|mine|(?:our|my)${SIDE_PART})(?:'s)? (?:vs\.?|versus) (?:from |for |by )?ibm\b|\bibm(?:'s)?(?:${SIDE_PART})? (?:vs\.?|versus) (?:from |for |by )?(?:us|ours|me|mine|our|my)\b`,
);
function asksBothSides(text: string): boolean {
  return (
    ASKS_BOTH.test(text) ||
    JOINT.test(text) ||
    (NAMES_IBM.test(text) && NAMES_US.test(text) && (DIVIDE.test(text) || (SIDES_VS.test(text) && !/^(?:who|whose|who's)\b/.test(text))))
  );
}
const US = new RegExp(US_WORDS, 'g');
const IBM = /\bibm\b/g;
const OR = /\bor\b/g;
/**
 * Both sides offered as alternatives within one sentence: "do we do it or is that IBM?", "IBM or
 * us?". Found from the words' positions in one pass each (a pattern with two open gaps between
 * them backtracks for milliseconds over a hostile 500 characters of "we or we or …").
 */
function offersEitherSide(text: string): boolean {
  return text.split('?').some((part) => {
    const at = (re: RegExp) => [...part.matchAll(re)].map((m) => m.index);
    const us = at(US);
    const ibm = at(IBM);
    if (us.length === 0 || ibm.length === 0) return false;
    const between = (a: number, b: number) => at(OR).some((o) => o > a && o < b);
    return between(us[0]!, ibm[ibm.length - 1]!) || between(ibm[0]!, us[us.length - 1]!);
  });
}
/** A clause that is only a side, asked ("… who reconfigures mirroring - ibm?", "… - ours?"): the side asked about. */
const TAIL_PROVIDER = /^(?:is (?:it|that) )?(?:on )?(?:ibm|ibm's|the provider)(?: then| too)?\s*\?+$/;
const TAIL_CUSTOMER = /^(?:is (?:it|that) )?(?:on )?(?:us|ours|me|mine|our team|ours to do|our side)(?: then| too)?\s*\?+$/;
function sideInTail(segments: Segment[]): 'provider' | 'customer' | null {
  // The last clause that says something: not thanks ("thanks!") nor an aside in brackets.
  let k = segments.length - 1;
  while (k > 0 && (segments[k]!.text.startsWith('(') || words(segments[k]!.text).every((w) => FILLER.has(w)))) k--;
  const last = segments[k]?.text.trim().toLowerCase() ?? '';
  return TAIL_PROVIDER.test(last) ? 'provider' : TAIL_CUSTOMER.test(last) ? 'customer' : null;
}
const PART = '(?:part|side|half|column|share|role|duties|obligations|tasks|bit)';
/**
 * One side's part of a task, asked for as such, with `who` the side's words and `whose` its
 * possessive: "what am I responsible for in …", "what's our part in …", "what does IBM handle
 * for …", "everything we need to do to …".
 */
function partAsked(who: string, whose: string): RegExp {
  return new RegExp(
    [
      `^(?:what|which)(?:'s|’s|s| is| are| am)? (?:${who})(?: are| am| is)? ${ANSWERABLE} for\\b`,
      `^(?:what|which)\\b.*\\b${whose} ${PART}\\b`,
      `\\b${whose} ${PART} (?:in|of|for|when)\\b`,
      `^(?:what|which)(?: \\w+)? (?:do|does) (?:${who}) (?:do|handle|take care of|own|cover|manage|look after|have to do|need to do)\\b`,
      `\\b(?:everything|all|anything|${SHARE_THINGS}) (?:that )?(?:${who}) (?:does|do|handles?|takes? care of|owns?|covers?|manages?|needs? to do|has to do|have to do|must do)\\b`,
      // "when IBM ships new versions, do we have to do anything?", "is there anything our team needs to do?"
      `\\b(?:do|does|must|should|will) (?:${who}) (?:have|has|need|needs) to do anything\\b`,
      `\\banything (?:${who}|${whose} team) (?:needs?|has|have|must|should) to do\\b`,
      `\\bwhat (?:do|does|must|should) (?:${who}|${whose} team) (?:still )?(?:have|has|need|needs) to do\\b`,
    ].join('|'),
  );
}
// A side named as a party works as its pronoun does: "what does the provider handle when …".
const PART_CUSTOMER = partAsked('we|i|the customer|the client|our team|my team', "(?:our|my|the customer's|the client's)");
const PART_PROVIDER = partAsked('ibm|the provider|the vendor', "(?:ibm'?s?|the provider's|the vendor's)");
function partAskedIn(text: string): 'provider' | 'customer' | null {
  const c = PART_CUSTOMER.test(text);
  const p = PART_PROVIDER.test(text);
  return c === p ? null : c ? 'customer' : 'provider';
}

/** "ibm publishes the worker node patches but who actually applies them?": IBM's part told, the rest asked. */
const IBMS_PART_THEN_WHO =
  /\b(?:ibm|the provider|the vendor)(?: [\w-]+){0,3}? (?:ships|publishes|provides|gives|releases|offers|supplies|enables|makes available|pushes out|puts out|takes)\b[^?.!;:]{1,100}?[,\s]+(?:but|yet|though)[,\s]+(?:who|whose)\b(?![^?.!]*\b(?:provides?|gives?|publish(?:es)?|ships?|offers?|supplies|releases?|takes?)\b)/;

const IBM_CLOUD = /\bibm cloud\b/g;
/** The side `text` asks about; `asking`: the text is what asks, so being answerable ("are we responsible") counts too. */
function askedSideOf(raw: string, asking = false): 'provider' | 'customer' | null {
  // "on IBM Cloud" names the platform, not a side.
  const text = raw.replace(IBM_CLOUD, 'cloud');
  const c = ASKS_CUSTOMER.test(text) || (asking && ANSWERABLE_CUSTOMER.test(text));
  const p = ASKS_PROVIDER.test(text) || (asking && ANSWERABLE_PROVIDER.test(text));
  return c === p ? null : c ? 'customer' : 'provider';
}

function partyOf(raw: string, services: ServiceGroup[], serviceMentionedAsSubject: boolean): Party | null {
  if (SHARED_WORDS.test(raw)) return 'shared';
  // "MQ on IBM Cloud: which duties land with us?": the platform's name is no side.
  const text = raw.replace(REQUESTER, '').replace(IBM_CLOUD, 'cloud');
  const c = CUSTOMER_WORDS.exec(text);
  const p = PROVIDER_WORDS.exec(text);
  if (c && p) return c.index < p.index ? 'customer' : 'provider';
  if (c) return 'customer';
  if (p || (serviceMentionedAsSubject && services.length)) return 'provider';
  return null;
}

/** Words that ask for all of a side's share, not a part of it. */
const WHOLE_SHARE = /\b(?:all|every|everything|full list|complete list|entire|whole)\b/;

/**
 * The clauses that ask: those asked as questions that hold a word the documents know; else the
 * clause with the most such words. Words of other clauses, and a trailing tag, are context.
 * `skip(i)` marks words that are no topic wherever they stand (the service's name).
 */
function focusOf(
  segments: Segment[],
  known: (w: string) => boolean,
  skip: (i: number) => boolean,
): {
  focus: string;
  inFocus: (wordIndex: number) => boolean;
  opens: (wordIndex: number) => boolean;
  inTag: (wordIndex: number) => boolean;
  referred: (wordIndex: number) => boolean;
  inEvent: (wordIndex: number) => boolean;
  /** The focus is a clause asked as a question, not a clause next to one that names no topic. */
  focusAsked: boolean;
  /** Clauses asked with no topic word at all, when the focus is read next to them ("… what is IBM responsible for?"). */
  bareAsks: string[];
} {
  let at = 0;
  const segs = segments.map((s) => {
    const ws = words(s.text);
    const start = at;
    at += ws.length;
    const core = s.core === s.text ? ws : words(s.core);
    // Topic words the documents know, counted once.
    let knownCount = 0;
    // …and any topic words, known or not: what a pronoun may point back at ("office wifi keeps dropping, who repairs that?").
    let topicCount = 0;
    core.forEach((w, i) => {
      if (isStopword(w) || w.length <= 1 || skip(start + i) || FILLER.has(w)) return;
      topicCount++;
      if (known(w)) knownCount++;
    });
    return { asked: s.asked, aside: !!s.aside, start, words: ws, coreText: s.core, core, knownCount, topicCount };
  });
  let chosen = segs.filter((s) => s.asked && s.knownCount > 0);
  const focusAsked = chosen.length > 0;
  // A side's whole share asked for ("what are ALL of our responsibilities?") after what the asker
  // is doing ("Building a control matrix for HPCS.") asks for the share, not about the work; after
  // a topic ("For disaster recovery, what are all the things we do?") it is that topic's share.
  if (chosen.length === 0) {
    const whole = segs.find((s) => {
      const clause = s.coreText.toLowerCase();
      return s.asked && WHOLE_SHARE.test(clause) && asksPartyShare(clause);
    });
    if (whole && segs.every((s) => s === whole || s.knownCount === 0 || s.aside || ASIDE.test(s.coreText))) chosen = [whole];
  }
  if (chosen.length === 0) {
    // A question that only points at its topic asks about a clause next to it, before or after
    // ("hypervisor: is that on us?", "who owns this? backing up the schema registry"), not the
    // wordiest clause of the message: of the nearest clause with a topic on each side, the one
    // with more of the documents' words, the one after on a tie.
    const at = segs.findIndex((s) => s.asked);
    let before: (typeof segs)[number] | undefined;
    let after: (typeof segs)[number] | undefined;
    if (at >= 0) {
      for (let k = at - 1; k >= 0 && !before; k--) if (segs[k]!.knownCount > 0 && !segs[k]!.aside) before = segs[k];
      for (let k = at + 1; k < segs.length && !after; k++) if (segs[k]!.knownCount > 0 && !segs[k]!.aside) after = segs[k];
    }
    const nearest = before && after ? (before.knownCount > after.knownCount ? before : after) : (before ?? after);
    // The asker's aside ("…, building the RACI") is never the topic; with nothing else, the clause that asks is the focus.
    const best =
      nearest ??
      segs.reduce<(typeof segs)[number] | null>((b, s) => (s.aside ? b : !b || s.knownCount >= b.knownCount ? s : b), null) ??
      (at >= 0 ? segs[at]! : null);
    chosen = best ? [best] : [];
  }
  // A bracket after the question that names the documents' words narrows it ("who handles backups (schema registry)").
  for (let k = 1; k < segs.length; k++)
    if (segs[k]!.coreText.startsWith('(') && segs[k]!.knownCount > 0 && chosen.includes(segs[k - 1]!)) chosen.push(segs[k]!);
  // A question that ends on a pronoun ("… who backs it up?") points back at the nearest clause before it with a topic.
  const antecedents = new Set<(typeof segs)[number]>();
  for (const s of chosen) {
    // "after that", "because of that" point at a time or a cause, not a thing.
    const end = s.core.slice(-3).join(' ').replace(NOT_A_THING, ' ');
    // So does a closing "there", to a place named before ("… at the berlin office — who manages access there?").
    if (!ANAPHOR.test(end) && s.core.at(-1) !== 'there') continue;
    for (let j = segs.indexOf(s) - 1; j >= 0; j--)
      if (segs[j]!.topicCount > 0) {
        if (!chosen.includes(segs[j]!)) antecedents.add(segs[j]!);
        break;
      }
  }
  const flags: boolean[] = [];
  const tags: boolean[] = [];
  const refs: boolean[] = [];
  const events: boolean[] = [];
  for (const s of segs) {
    const event = antecedents.has(s) && tellsOfEvent(s.core);
    for (let i = 0; i < s.words.length; i++) {
      flags.push(chosen.includes(s) && i < s.core.length);
      tags.push(i >= s.core.length);
      refs.push(antecedents.has(s));
      events.push(event);
    }
  }
  const starts = new Set(segs.map((s) => s.start));
  return {
    focus: chosen
      .map((s) => s.coreText)
      .join(' ')
      .toLowerCase(),
    inFocus: (i) => flags[i] ?? true,
    opens: (i) => starts.has(i),
    inTag: (i) => tags[i] ?? false,
    referred: (i) => refs[i] ?? false,
    inEvent: (i) => events[i] ?? false,
    focusAsked,
    bareAsks: focusAsked ? [] : segs.filter((s) => s.asked && s.topicCount === 0).map((s) => s.coreText.toLowerCase()),
  };
}

/** A dotted name of a setting: letters, then a dot and letters, at least once; not a host name ("cloud.ibm.com"). */
const DOTTED = /\b[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)+\b(?<!\.(?:com|org|net|io|dev|cloud|gov|edu|co|uk|de|ibm))/g;

/** "that" after these points at a time or a cause ("after that", "because of that"), not a thing. */
const NOT_A_THING = /\b(?:after|before|since|than|like|because of|due to) that\b/g;

const SUBORDINATOR = new Set(['when', 'whenever', 'if', 'while', 'as', 'because', 'since', 'after', 'before', 'where', 'once', 'until']);

/**
 * A clause that tells of something happening, with a subject ("we provisioned both clusters")
 * or a verb's -ing or -ed form ("kept running out of memory"), not just names a thing.
 */
function tellsOfEvent(ws: string[]): boolean {
  // The main clause only: "our compliance controls when we use ES" names a thing.
  const cut = ws.findIndex((w) => SUBORDINATOR.has(w));
  return (cut < 0 ? ws : ws.slice(0, cut)).some(
    (w) =>
      /^(?:we|i|they|you|he|she)$/.test(w) ||
      (w.length > 4 &&
        /(?:ing|ed)$/.test(w) &&
        wordNet()
          .lemmas(w)
          .some((l) => l.pos === 'verb')),
  );
}

/** A pronoun that points back at something said before it ("who backs it up?", "who sets those?"). */
const ANAPHOR = new RegExp(`\\b(?:${ANAPHORS})\\b`);

/**
 * A pronoun object goes between a phrasal verb and its particle ("back those up", "set it up",
 * "roll them out"): the particle is put back beside its verb, so the phrase ("back up") is found.
 * Word for word, so every word keeps its position. Not before "to": "is that up to us?", "keep it
 * up to date" are other phrases.
 */
const SPLIT_PHRASAL = /\b(it|them|those|these|that|this|everything|stuff|things) (up|out|down|off|over)\b(?![\s-]+to\b)/g;
/**
 * The same for the verbs of moving between clusters, whose object is often a noun phrase: "fail
 * our apps over", "switch the producers back" read "fail over our apps", "switch back the producers".
 * One to three words in between, in one clause.
 */
const SPLIT_MOVE =
  /\b(fail|fails|failed|failing|switch|switches|switched|switching|cut|cuts|cutting|flip|flips|flipped|flipping|move|moves|moved|moving)((?: (?!(?:over|back|we|i|you|they|it|and|but|so|then|to|if|when|or)\b)[a-z0-9'’-]+){1,3}) (over|back)\b/g;

/**
 * The things a pronoun of the question points back at, when the documents never name them: the
 * words of the noun phrase the clause pointed at opens with ("our laptops keep crashing. who
 * patches them?", "our nginx boxes, who patches them?", "the office printer is jammed, who fixes
 * it?"). They are what the question asks about. Not other things of that clause ("our database
 * ran out of memory last week. who should have scaled it?" points at the database).
 */
export function strangeReferents(units: readonly Unit[]): Unit[] {
  const phrase: Unit[] = [];
  for (const u of units) {
    if (!u.referred || u.focus || /\d/.test(u.word)) continue;
    const lemmas = wordNet().lemmas(u.word);
    // A word English knows as a verb ends the noun phrase ("crashing", "kept", "floor").
    if (lemmas.some((l) => l.pos === 'verb')) {
      if (phrase.length) break;
      continue;
    }
    if (lemmas.length === 0 || lemmas.some((l) => l.pos === 'noun')) phrase.push(u);
    else if (phrase.length) break;
  }
  return phrase.filter((u) => !u.covered);
}

export function readQuestion(raw: unknown, index: KnowledgeIndex): Query {
  const { text, asked, truncated } = cleanQuestion(raw);
  const lower = text.toLowerCase().replace(SPLIT_PHRASAL, '$2 $1').replace(SPLIT_MOVE, '$1 $3$2');
  const ws0 = words(lower);

  // Stop phrases ("in charge of") go, word positions kept so that focus flags still line up;
  // typos are corrected before services are looked for ("eevnt streams").
  let stripped = lower;
  for (const re of STOP_PHRASES) stripped = stripped.replace(re, (m) => m.replace(/[^\s]+/g, 'the'));
  // The asker asking ("I want to see all of …", "can we get the …") names no topic either; "does it
  // let us …" still asks what the service allows.
  stripped = stripped.replace(ASKER_ASKS, (m) => m.replace(/[^\s]+/g, 'the'));
  // With both sides named, a word of dividing asks how the task is shared ("how do we and IBM divide up monitoring?"): no topic.
  if (NAMES_IBM.test(lower) && NAMES_US.test(lower)) stripped = stripped.replace(DIVIDING, (m) => m.replace(/[^\s]+/g, 'the'));
  // A dotted setting name ("retention.ms", "security.protocol") is one name, and names a setting:
  // the parts the documents do not know ("ms") are not unknown topics, and the first of them
  // reads as "config", so that a name of known words alone ("security") does not pass for them.
  stripped = stripped.replace(DOTTED, (m) => {
    let first = true;
    return m
      .split('.')
      .map((p) => {
        if (index.knownStems.has(stem(p))) return p;
        const w = first ? 'config' : 'the';
        first = false;
        return w;
      })
      .join('.');
  });
  // A name the documents do not know before a word for a team ("otter squad", "the walrus-squad
  // backlog") names the asker's team, not a topic. Not before "team": a team named for its work
  // ("the fraud team") may name what is asked about.
  stripped = stripped.replace(TEAM_NAME, (m, name: string, gap: string) =>
    isStopword(name) || COUNTING.test(name) || index.knownStems.has(stem(name)) ? m : `the${gap}the`,
  );
  const ws1 = words(stripped);
  // Where a stop phrase stood: each of its words became "the", one for one, so positions still match ws0.
  const inStopPhrase = new Set<number>();
  ws1.forEach((w, i) => {
    if (w === 'the' && ws0[i] !== 'the') inStopPhrase.add(i);
  });
  const all: Array<{ w: string; origin: number; typo: boolean }> = [];
  const corrections = new Map<string, string>();
  const lookedAt = new Set<string>();
  const lookable = (w: string) => {
    if (!/^[a-z]{3,}$/.test(w) || w.length > MAX_WORD_LENGTH) return false;
    if (lookedAt.has(w)) return true;
    if (lookedAt.size >= MAX_LOOKUPS) return false;
    lookedAt.add(w);
    return true;
  };
  ws1.forEach((w, i) => {
    const known = isStopword(w) || index.knownStems.has(stem(w)) || /\d/.test(w) || !lookable(w);
    // An English word the documents do not use ("stays") is not a typo of one they do ("stats"),
    // but it may be their word spelt the British way ("organisation").
    const us = known ? null : americanSpelling(w, index);
    const fixed = us ? [us] : known || wordNet().lemmas(w).length > 0 ? null : correct(w, index);
    // No English word and no document word one edit away, but a word of the ways of asking
    // ("who is suppoed to", "whose headahce is it"): a function word, not an unknown topic.
    if (fixed && fixed.length === 1 && fixed[0] === w && frameWordFor(w)) return;
    for (const f of fixed ?? [w]) all.push({ w: f, origin: i, typo: f !== w });
    if (fixed?.length === 1 && fixed[0] !== w) corrections.set(w, fixed[0]!);
  });
  // A loaded service's name inside a longer name of another ("Hyper Protect Virtual Servers" holds
  // "Hyper Protect") names that other service, not the loaded one; unless the loaded documents
  // speak of the other ("File Storage for VPC" is in the VPC document).
  const foreignHits = findNames(ws0, index.foreignNames);
  const serviceHits = findNames(
    all.map((t) => t.w),
    index.serviceNames,
  ).filter((h) => {
    const at = h.at.map((k) => all[k]!.origin);
    return !foreignHits.some((f) => !f.item.mentioned && f.at.length > at.length && at.every((o) => f.at.includes(o)));
  });
  const services = [...new Set(serviceHits.map((h) => h.item))];
  const consumed = new Set(serviceHits.flatMap((h) => h.at));
  const serviceWord = new Set([...consumed].map((k) => all[k]!.origin));
  // A misspelt document word ("hyaervisor — ours or IBM's?") is a topic word of its clause too.
  const misspeltKnown = new Set(all.filter((t) => t.typo && !isStopword(t.w) && index.knownStems.has(stem(t.w))).map((t) => ws1[t.origin]!));
  // The clauses, once: the focus is chosen among them, and the side and both-sides readings look at them.
  const segments = segmentsOf(text);
  const { focus, inFocus, opens, inTag, referred, inEvent, focusAsked, bareAsks } = focusOf(
    segments,
    (w) => index.knownStems.has(stem(w)) || misspeltKnown.has(w),
    // Words of a stop phrase ("whose call is that") name no topic, so their clause is not the question for them;
    // nor do the asker's environment's ("is that on us or on IBM in our staging env?").
    (i) => serviceWord.has(i) || inStopPhrase.has(i) || inEnvironment(ws1, i),
  );
  // Another cloud or a service not loaded: anywhere in the message, or in the question itself when a loaded service is named too.
  // One the documents mention counts only where it is what is asked about: "Schematics: who …", "… in Schematics".
  const opensClause = (at: number[]) => {
    let i = at[0]!;
    while (i > 0 && !opens(i) && /^(ibm|cloud|the|our|my)$/.test(ws0[i - 1]!)) i--; // "IBM Cloud Container Registry: …"
    return opens(i);
  };
  const asSubject = (at: number[]) => opensClause(at) || SERVICE_SLOT.has(ws0[at[0]! - 1] ?? '');
  // Or right before a loaded service's name: "AWS Secrets Manager" is AWS's, not IBM's Secrets Manager.
  const serviceStarts = new Set(serviceHits.map((h) => all[h.at[0]!]!.origin));
  // With one service loaded, "the instance", "this thing" are it, as if named: another cloud named
  // as a comparison, or as where the asker does it ("… on MSK i set that myself"), is beside it;
  // one named where the question is asked ("on MSK, who patches the brokers?", "… we're on
  // confluent cloud") is its subject.
  const implied = !services.length && index.services.length === 1;
  // The few words after a name, within its clause ("… on MSK? we run three there" reads none).
  const clauseEnd = (from: number, n: number) => {
    let to = from;
    while (to < Math.min(ws0.length, from + n) && !opens(to)) to++;
    return to;
  };
  // The few words before a name, within its clause ("… questions. for AWS" reads only "for").
  const clauseWindow = (at: number) => {
    let from = at;
    while (from > Math.max(0, at - 6) && !opens(from)) from--;
    return from;
  };
  const foreignAsked = foreignHits.filter(
    (h) =>
      // …unless the question points back at it ("we used to run confluent cloud; who patches its brokers?").
      !(
        (services.length || (implied && !/\b(?:its|their|theirs|there)\b/.test(focus))) &&
        COMPARED_WITH.test(ws0.slice(clauseWindow(h.at[0]!), h.at[0]!).join(' '))
      ) &&
      !(h.at.length === 1 && TOOL_AFTER.test(ws0.slice(h.at[0]! + 1, h.at[0]! + 4).join(' '))) &&
      (!services.length || h.at.some(inFocus) || serviceStarts.has(h.at.at(-1)! + 1)) &&
      (!implied || !DONE_THERE.test(ws0.slice(h.at.at(-1)! + 1, clauseEnd(h.at.at(-1)! + 1, 5)).join(' '))) &&
      (!h.item.short || upperInText(text, h.item.name)) &&
      (!h.item.mentioned || asSubject(h.at)),
  );
  const foreign = foreignAsked.map((h) => asTyped(text, h.item.name));
  const subjectIsService = /^(does|do|will|is|can)\b/.test(focus) && serviceHits.some((h) => h.at.includes(1));
  const offersEither = offersEitherSide(lower);
  // A clause that asks without a topic of its own ("… the auditor asked me. what is IBM responsible
  // for?") names the side it asks of; the context it reads its topic from names the asker's.
  // Both sides named where it asks ("which bits do we handle and which does the vendor?") name neither.
  const ibmsTheir = lower.includes('their ') && IBM_THEN_THEIR.test(lower);
  const theirs = (t: string) => (ibmsTheir ? t.replace(THEIR_SIDE, "ibm's $1") : t);
  const asking = theirs(
    segments
      .filter((s) => s.asked)
      .map((s) => s.core.toLowerCase().replace(REQUESTER, ''))
      .join(' '),
  );
  const bothNamed = CUSTOMER_WORDS.test(asking) && PROVIDER_WORDS.test(asking);
  const askingParty = bareAsks.length && !bothNamed ? partyOf(theirs(bareAsks.map((c) => c.replace(REQUESTER, '')).join(' ')), services, false) : null;
  const party = askingParty ?? partyOf(focus, services, subjectIsService) ?? partyOf(lower, services, false);

  // A tag ("…, right?") asks whether the claim holds; its words are no topic, known or not.
  const kept = all.filter((t, i) => !consumed.has(i) && !inTag(t.origin));
  const ws = kept.map((t) => t.w);
  const { focus: focusAt, place: placeAt } = adjunctsOut(
    ws,
    kept.map((t) => inFocus(t.origin)),
    (w) => isStopword(w) || index.knownStems.has(stem(w)),
  );
  const typoAt = kept.map((t) => t.typo);
  // Read on the words as typed: a stop phrase ("who should") has become "the the" in `ws`, and still ends a contrast.
  const contrastAt = contrasted(kept.map((t) => ws0[t.origin]!));
  const referredAt = kept.map((t) => referred(t.origin));
  const eventAt = kept.map((t) => inEvent(t.origin));
  const referredPlace = adjunctsOut(ws, referredAt, (w) => isStopword(w) || index.knownStems.has(stem(w))).place;
  const stems = ws.map(stem);
  const conceptsAt = index.vocabulary.conceptsAt(stems);
  // A word counts as covered when some row speaks of it: one only in a heading ("Incident,
  // operations, and cluster management") says nobody's responsibility.
  const inDocs = (t: string) => index.rowTerms.has(t);
  const units: Unit[] = [];
  const seen = new Map<string, Unit>();
  const addUnit = (word: string, terms: string[], at: number[]) => {
    const key = terms.join('|');
    if (terms.length === 0) return;
    const focused = at.some((k) => focusAt[k]);
    const refers = at.some((k) => referredAt[k]);
    const event = at.every((k) => eventAt[k]);
    const prior = seen.get(key);
    if (prior) {
      prior.focus ||= focused;
      prior.referred ||= refers;
      return;
    }
    const related = new Map<string, number>();
    const lookedUp = !!terms[0] && !terms[0].startsWith('~') && lookable(word);
    if (lookedUp) relatedTerms(word, terms, index, inDocs, related);
    const known = terms.filter(inDocs);
    const knownRelated = [...related.keys()];
    // A unit weighs as its broadest known term: a rare spelling of a common idea is still common.
    const weights = [...known, ...knownRelated].map((t) => index.idf.get(t) ?? 0);
    const weight = weights.length ? Math.min(...weights) : index.unknownIdf;
    const unit: Unit = {
      word,
      terms,
      related,
      covered: weights.length > 0,
      weight,
      stem: terms[0]!.startsWith('~') ? null : terms[0]!,
      focus: focused,
      referred: refers,
      inEvent: refers && event,
      contrast: at.every((k) => contrastAt[k]),
      place: at.every((k) => placeAt[k] || referredPlace[k]),
      corrected: at.some((k) => typoAt[k]),
      foreignWord: weights.length === 0 && lookedUp && wordNet().lemmas(word).length > 0,
      foreignThing: weights.length === 0 && lookedUp && wordNet().onlyNoun(word),
      foreignModifier: weights.length === 0 && lookedUp && wordNet().onlyAs(word, ['adj', 'adv']),
    };
    seen.set(key, unit);
    units.push(unit);
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
      addUnit(span.map((k) => ws[k]).join(' '), [...new Set([...phrase.concepts, ...extra])], span);
      i += phrase.length - 1;
      continue;
    }
    const w = ws[i]!;
    if (isStopword(w) || w.length < 2) continue;
    // A count the documents never use ("a topic w/ 12 partitions", "~50 topics") is a quantity, not a topic.
    if (/^\d+$/.test(w) && !index.knownStems.has(w)) continue;
    addUnit(w, [stems[i]!, ...conceptsAt[i]!], [i]);
  }
  // Concepts that together mean another ("a whole region goes down" is disaster recovery).
  for (const c of index.vocabulary.combinations) {
    const parts = c.when.map((w) => units.find((u) => u.terms.includes(w)));
    if (parts.every(Boolean) && !units.some((u) => u.terms.includes(c.means))) {
      const focused = parts.some((u) => u!.focus);
      units.push({
        word: parts.map((u) => u!.word).join(' + '),
        terms: [c.means],
        related: new Map(),
        covered: inDocs(c.means),
        weight: index.idf.get(c.means) ?? index.unknownIdf,
        stem: null,
        focus: focused,
        referred: parts.some((u) => u!.referred),
        inEvent: parts.every((u) => u!.inEvent),
        contrast: parts.every((u) => u!.contrast),
        place: parts.every((u) => u!.place),
        corrected: false,
        foreignWord: false,
        foreignThing: false,
        foreignModifier: false,
      });
    }
  }
  // What the question's pronoun points back at, when the documents never name it, is asked about.
  for (const u of strangeReferents(units)) u.focus = true;
  const focusStems = units.filter((u) => (u.focus || u.referred) && u.stem).map((u) => u.stem!);
  const pairs = focusStems.slice(1).map((s, i) => `${focusStems[i]} ${s}`);
  const askedClauses = segments.filter((s) => s.asked).map((s) => s.core.toLowerCase());
  // The clauses that ask; a request with no question in it ("list everything we're on the hook for …") asks in its focus.
  const askingText =
    segments
      .filter((s) => s.asked)
      .map((s) => s.text.toLowerCase())
      .join(' ') || focus;
  return {
    text,
    asked,
    truncated,
    corrections,
    lower,
    focus,
    topiclessAsks: focusAsked ? [] : askedClauses,
    askedClauses,
    services,
    foreign,
    otherCloud: foreignAsked.some((h) => h.item.cloud),
    foreignSubject: foreignAsked.some((h) => opensClause(h.at) && (h.at.at(-1)! + 1 >= ws0.length || opens(h.at.at(-1)! + 1))),
    party,
    askingParty,
    // Read where the question asks: its focus, and the clauses that ask, with or without a topic
    // of their own ("failback - are we responsible?", "X - who does what?").
    offersEither,
    askedSide: offersEither
      ? null
      : (sideInTail(segments) ??
        askedSideOf(askingText.replace(REQUESTER, ''), true) ??
        askedSideOf(focus.replace(REQUESTER, '')) ??
        askedSideOf(lower.replace(REQUESTER, ''))),
    // Both sides asked for in so many words count anywhere ("failback: both sides please").
    asksBothSides: asksBothSides(focus) || asksBothSides(askingText) || ASKS_BOTH.test(lower) || OFFERS_BOTH.test(lower),
    partAsked: partAskedIn(askingText),
    pastIbmsPart: IBMS_PART_THEN_WHO.test(lower),
    units,
    pairs,
  };
}

/** Words that set what follows against the topic: "beyond the defaults", "instead of IBM's mirroring". */
const CONTRAST = /^(?:beyond|besides|except|unlike|instead of|rather than|other than|apart from|aside from|opposed to)$/;
/** Where a contrasted phrase ends: the next clause or question word (or the next preposition of an adjunct). */
const CONTRAST_END = new Set(['who', 'whose', 'what', 'which', 'is', 'are', 'do', 'does', 'and', 'or', 'but', 'so', 'that', 'thats', 'we']);

/** Which words stand in a contrasted phrase ("… extra calico policies beyond the defaults"). */
function contrasted(ws: string[]): boolean[] {
  const out = ws.map(() => false);
  for (let i = 0; i < ws.length; i++) {
    const one = CONTRAST.test(ws[i]!);
    const two = !one && i + 1 < ws.length && CONTRAST.test(`${ws[i]} ${ws[i + 1]}`);
    if (!one && !two) continue;
    let j = i + (two ? 2 : 1);
    for (; j < ws.length && !CONTRAST_END.has(ws[j]!) && !(j > i + 2 && ADJUNCT.has(ws[j]!)); j++) out[j] = true;
    i = j - 1;
  }
  return out;
}

/** Prepositions that open an adjunct: where, not what ("… in prod"). */
const ADJUNCT = new Set(['for', 'in', 'on', 'at', 'across', 'within', 'during', 'inside']);
/**
 * Words that name the asker's environment, which does not change who does what ("in prod", "for
 * the new tenant"). Anything else after a preposition may be what is asked about ("who fixes bugs
 * in our React frontend?") and stays in the question.
 */
const ENVIRONMENT = new Set(
  `prod production prd staging stage stg dev development test testing qa uat sandbox preprod nonprod env envs environment environments
  tenant tenants account accounts subaccount subaccounts both all every new old main primary secondary lower higher non pre`.split(/\s+/),
);

/** A word of the asker's environment just after a preposition ("in our staging env", "for the new tenant"). */
function inEnvironment(ws: string[], i: number): boolean {
  if (!ENVIRONMENT.has(ws[i]!)) return false;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (ADJUNCT.has(ws[k]!)) return true;
  return false;
}

/** Prepositions of place: "… the messages in our topics" asks about messages, wherever they are. */
const PLACE = new Set(['in', 'on', 'at']);

/**
 * A prepositional phrase after the question's topic that names only the asker's environment
 * ("who patches the cluster in prod?") is context: its words leave the focus. One that names
 * another place ("who backs up the messages in our topics?") stays, marked as a place.
 */
function adjunctsOut(ws: string[], focus: boolean[], known: (w: string) => boolean): { focus: boolean[]; place: boolean[] } {
  const out = [...focus];
  const place = ws.map(() => false);
  let topicSeen = false;
  for (let i = 0; i < ws.length; i++) {
    if (!focus[i]) {
      topicSeen = false;
      continue;
    }
    if (topicSeen && ADJUNCT.has(ws[i]!)) {
      let j = i + 1;
      while (j < ws.length && focus[j] && !ADJUNCT.has(ws[j]!)) j++;
      const span = ws.slice(i + 1, j);
      const content = span.filter((w) => !isStopword(w));
      if (content.length && content.every((w) => ENVIRONMENT.has(w) || (!known(w) && /^(prod|stag|dev|env)/.test(w))))
        for (let k = i; k < j; k++) out[k] = false;
      else if (PLACE.has(ws[i]!)) for (let k = i + 1; k < j; k++) place[k] = true;
      i = j - 1;
      continue;
    }
    if (!isStopword(ws[i]!) && known(ws[i]!)) topicSeen = true;
  }
  return { focus: out, place };
}

/**
 * Document terms a word reaches through WordNet: derived forms always ("recover" → "recovery"),
 * synonyms from its first senses only when the documents do not use the word itself.
 */
function relatedTerms(word: string, terms: string[], index: KnowledgeIndex, inDocs: (t: string) => boolean, out: Map<string, number>): void {
  const own = terms.some(inDocs);
  for (const r of wordNet().mutual(word)) {
    if (out.size >= MAX_RELATED) return;
    if (own && r.kind === 'synonym') continue;
    const s = stem(r.word);
    if (terms.includes(s) || isStopword(r.word) || !inDocs(s)) continue;
    const strength = RELATED_STRENGTH[r.kind];
    if ((out.get(s) ?? 0) < strength) out.set(s, strength);
    // The related word's own concepts ("mend" → "repair" → ~repair) count the same.
    for (const c of index.vocabulary.conceptsAt([s])[0] ?? []) if (inDocs(c) && (out.get(c) ?? 0) < strength) out.set(c, strength);
  }
}

/** The question with its words weighed by their rarity in one document (a question scoped to one service). */
export function weighedIn(q: Query, r: Rarity): Query {
  const units = q.units.map((u) => {
    const known = [...u.terms, ...u.related.keys()].filter((t) => u.covered && r.idf.has(t));
    return { ...u, weight: known.length ? Math.min(...known.map((t) => r.idf.get(t)!)) : r.unknownIdf };
  });
  return { ...q, units };
}

/** A name as the asker typed it ("AWS", "Azure Event Hubs"), for telling them what is not covered. */
function asTyped(text: string, name: string): string {
  let re = typedNames.get(name);
  if (!re) {
    re = new RegExp(
      name
        .split(' ')
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^\\p{L}\\p{N}]+'),
      'iu',
    );
    if (typedNames.size < 10_000) typedNames.set(name, re);
  }
  return re.exec(text)?.[0] ?? name;
}

/** The pattern of each name, made once (a name is one of a few thousand, asked about again and again). */
const typedNames = new Map<string, RegExp>();

/** A short name ("COS", "VPC") names a service only when typed in capitals; in lower case it may be a word. */
function upperInText(text: string, name: string): boolean {
  return new RegExp(`(^|[^A-Za-z])${name.toUpperCase()}([^A-Za-z]|$)`).test(text);
}
