// Question and document text → comparable terms: words, stems, and the stop lists.
import { stemmer } from 'stemmer';

const NOT_WORD = /[^\p{L}\p{N}]+/u;
const ASCII = /^[\x00-\x7f]*$/;

export function words(text: string): string[] {
  const s = text.toLowerCase().replace(/['’]s\b/g, '');
  // Plain ASCII (most text) splits the same on a simpler pattern: its only letters are a-z, its only digits 0-9.
  return s.split(ASCII.test(s) ? /[^a-z0-9]+/ : NOT_WORD).filter(Boolean);
}

const stemCache = new Map<string, string>();
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^[a-z]+$/.test(word) && word.length > 3 ? stemmer(word) : word;
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}

/** Words that carry no topic: function words, question words, and the ways people say "responsible". */
export const STOPWORDS = new Set(
  `a an the and or but if then than so of to in on at by for with from into onto about over under as is are was were be been being am
  do does did doing done have has had having will would shall should can could may might must need needs needed
  i me my mine myself we us our ours ourselves you your yours yourself he she it its they them their this that these those there here
  who whom whose what which when where why how whats who's what's
  responsible responsibility responsibilities responsable accountable charge hook care handle handles handled handling
  take takes taking own owns owned owner ownership job duty duties obligation obligations task tasks deal deals dealing cover covers covered covering carry carries carrying look looks
  looking after really actually please pls instead rather besides beyond except unlike opposed apart aside tell know want wants like also just any all some every each other another
  give gives giving gave get gets getting got make makes making made keep keeps keeping kept go goes going
  happen happens happening thing things stuff someone somebody anyone anybody person party side guy guys team
  section sections table tables column columns half part chapter area show display summarize summarise summarized summarised summarizing summarising summary overview tell explain describe outline recap walk through everything list me enumerate itemize itemise
  rundown breakdown gist digest highlights details detail plate split portion portions segment segments chunk chunks slice slices rows filter filtered filtering
  ibm provider vendor vendors customer customers client's cloud service services shared share jointly
  item items overall whole entire total full complete doc document documents matrix raci bot`.split(/\s+/),
);

/**
 * The standard English stop list (NLTK's), less "down", which names a failure ("the region is down").
 * Function words: they never name a topic, in a question or in a document.
 */
export const ENGLISH_STOPWORDS = `i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself yourselves he him his
  himself she she's her hers herself it it's its itself they them their theirs themselves what which who whom this that that'll these
  those am is are was were be been being have has had having do does did doing a an the and but if or because as until while of at by
  for with about against between into through during before after above below to from up in out on off over under again further
  then once here there when where why how all any both each few more most other some such no nor not only own same so than too very s
  t can will just don don't should should've now d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma mightn mustn needn
  shan shouldn wasn weren won wouldn`.split(/\s+/);

/** Prepositions, indefinite pronouns, adverbs of time and the like that NLTK's list lacks: "the client libs inside our apps" names libraries and apps. */
const MORE_FUNCTION_WORDS = `inside outside within without across along around behind beside besides beyond toward towards upon via per
  among amongst despite except unlike throughout underneath alongside regarding concerning whether etc eg ie aka vs versus
  something anything nothing everything somewhere anywhere whatever whoever whichever whenever wherever one ones
  still already yet ever even currently anymore`.split(/\s+/);

/**
 * Chat filler: greetings, thanks, hedges, interjections, and vague amounts and parts ("a couple
 * of topics", "the binding bit"). They carry no topic in any responsibility document (none of
 * them occurs in the corpus but "bit", in "256-bit"), so they never count against a question.
 */
export const FILLER = new Set(
  `ok okay hey hi hello hiya yo thanks thank cheers please lol lmao rofl haha hehe btw fyi asap imo imho tbh afaik iirc sorry
  hmm hm um uh oh ah folks everyone everybody guys mate quick question q wondering curious dumb maybe honestly basically anyway
  pretty assume think guess believe confirm wonder ask asking asked clarify clarity appreciated appreciate advance rush yes yeah
  yep nope ty tia idk nvm ofc ngl rn cc fyi actual exact exactly specifically particular particularly precisely morning mornin afternoon evening gm
  literally seriously totally definitely probably obviously today tonight tomorrow tmrw tmr yesterday
  bit bits piece pieces couple bunch lot lots handful several many ton tons heaps plenty kinda sorta kind kinds sort sorts`.split(/\s+/),
);

/** "just the parts that are …", "only the bits which are …": a section or a share filtered to a side named next. */
export const ONLY_PARTS = String.raw`\b(?:just|only) (?:the )?(?:parts?|bits?|rows?|items?|stuff|things|ones|pieces?)(?: that(?:'s| is| are)| which (?:is|are))?`;

/** "the things / the stuff … IBM covers": a side's part said of its tasks, as "everything IBM covers" is. */
export const SHARE_THINGS = 'the (?:things|stuff|items|bits|tasks|duties|jobs)';

/** Phrases removed before matching ("who is in charge of" adds nothing to the topic). */
export const STOP_PHRASES: RegExp[] = [
  // The work being divided, as the asker says it: "how is the work split", "split the labour on failback".
  /\b(?:the )?(?:work|job|jobs|labou?r|effort|ownership)(?= (?:is |gets |get |being )?(?:split|divided|shared|allocated|divvied|carved)\b)|(?<=\b(?:split|splitting|divide|dividing|divvy|divvying|carve|carving) (?:up )?)(?:the )?(?:work|job|jobs|labou?r|effort|ownership)\b/g,
  // The asker introducing themselves at the start, "manager here, …", "SRE newbie here: …": who asks, not what.
  /^(?:(?:hi|hey|hello|yo|morning|gm)\b[\s,!]*)?(?:i'?m |i am )?(?:the |a |an )?(?:(?:new|sre|devops|ops|platform|security|secops|compliance|risk|product|project|program|engineering|eng|data|bcp|dr|it|network|netops|db|finance|procurement|senior|junior|lead|staff|principal|solutions?|cloud|on-?call|app|backend|frontend|infra|team) ){0,2}(?:new|newbie|noob|intern|hire|manager|mgr|architect|engineer|eng|dev|developer|sre|devops|ops|on-?call|pm|po|lead|auditor|analyst|admin|administrator|dba|consultant|contractor|student|cto|ciso|cio|vp|director|owner|person|guy|gal|folks|member|rep|officer|specialist|champion|bank|startup)s? here(?=\s*(?:[,.:;!(]|[—–-]|$))|^(?:i'?m|i am|we'?re|we are) (?:the|a|an) (?:client|customer)s? here(?=\s*(?:[,.:;!(]|[—–-]|$))/g,
  // How much a side owns, said of the side: "fully IBM's problem?", "entirely on us", not "a fully managed master".
  /\b(?:fully|entirely|completely|wholly|purely|solely|exclusively)(?= (?:ibm|ibm'?s|ours|on us|on ibm|on our|our|us|mine|my|the customer'?s?|the provider'?s?|theirs|their|(?:handled|owned|run|done) by)\b)/g,
  // How long a summary is wanted: "short summary?", "a quick overview", "brief rundown".
  /\b(?:short|shorter|quick|brief|concise|condensed|rough|simple|plain|basic|one-line|one-liner|two-line|high-level)(?= (?:summary|summaries|overview|rundown|run-down|recap|version|tl;?dr|breakdown|outline|digest|explainer|description|list)\b)/g,
  // The asker new to a role: "I'm the new EM for the networking squad.", "I'm a new hire on the data team".
  /^(?:(?:hi|hey|hello)\b[\s,!]*)?(?:i'?m|i am) (?:the |a |an )?new (?!(?:to|at|in|with|here)\b)[\w-]+(?: [\w-]+)?(?: (?:for|on|in|of|with) (?:the |our |a )?(?:[\w-]+ ){0,2}?(?:team|squad|crew|group|org|dept|department|tribe))?(?=\s*(?:[,.:;!]|[—–-]|and\b|$))/g,
  // The asker's department, said of themselves: "I'm in procurement and …", "we're from the security team".
  /^(?:(?:hi|hey|hello)\b[\s,!]*)?(?:i'?m|i am|we'?re|we are) (?:in|on|from|with) (?:the )?(?:finance|procurement|purchasing|legal|sales|marketing|hr|it|engineering|product)(?: (?:team|dept|department|org|group|side))?\b/g,
  // The asker's company as the side ("what is our company responsible for"): "we", no topic.
  /(?<=\b(?:our|my) )(?:company|firm|employer|business|organi[sz]ation|org)(?= (?:is|are|has|have|needs?|must|should|owns?|handles?|does|do|responsible|accountable|expected|supposed|required|liable)\b)/g,
  // Using the service, said of the asker: "… when we use this service", "while using it".
  /\b(?:when|while|if) (?:we|i|you) (?:use|are using|am using|consume)(?: (?:this|the|it|event streams|es))?(?: service| product| platform| offering)?\b|\b(?:when|while) using (?:this|the|it)(?: service| product| platform| offering)?\b/g,
  // "in case we have to rebuild": a condition, not a support case.
  /\bin case\b(?= (?:of|we|i|you|they|it|ibm|the|something|anything|a|an|there|that|this|our|my|things?)\b)/g,
  // A deadline or a hedge on it: "by EOD if poss", "by end of week", "asap if possible".
  /\b(?:by|before|until) (?:eod|eow|cob|eom|end of (?:the )?(?:day|week|month|sprint))\b|\bif (?:at all )?(?:poss|possible)\b/g,
  // The framework the documents set out, named as such: "under the shared responsibility model".
  /(?<=\bresponsibilit(?:y|ies)[- ])(?:model|framework|matrix|matrices|chart|grid|breakdown|agreement)\b/g,
  // "every single thing", "every single row": an intensifier, not the documents' "single zone".
  /(?<=\bevery )single\b/g,
  // A request to the bot, at the start: "break down the DR section" asks for a section, and its words name no topic.
  /^(?:(?:please|pls|can you|could you|would you)\s+)?(?:brief me(?: on| about)?|fill me in(?: on| about)?|(?:compile|gather|collect|pull together)(?= (?:me |us )?(?:all|every|everything|a list|the list|a full|the full)\b)|break down|sum up|go over|go through|run through|run me through|walk through|walk me through|bullet out|bullet-point|(?:dump|list out|spit out|rattle off)(?= (?:me |us )?(?:all|every|everything|the|our|my|ibm)\b))\b/,
  // "the client" as the party that must do something ("everything the client is expected to handle") is no topic.
  /\b((?<=\bthe )clients?(?= (?:is|are) (?:(?:expected|supposed|required|meant) to (?:handle|do|own|cover|manage|take care of|look after)|(?:responsible|accountable) for (?:everything|all))\b)|in charge of|on the hook for|(?:holds?|holding|left holding) the bag(?: for)?|take care of|takes care of|taking care of|look after|looks after|deal with|deals with|responsible for|accountable for|is it (?:my|our|ibm'?s?) job to|whose job is it to|who should|who must|who needs to|who has to|do i have to|do we have to|do i need to|do we need to|(?:am|are|is|was|were|be|who'?s|who is|who was) (?:i |we |my team |our team )?(?:supposed|expected|meant|required) to)\b/g,
  // Other ways of asking whose it is: "whose call is that", "is that our call?" (not "our call center"),
  // "who makes sure …", "can we rely on IBM to …", "which jobs sit with IBM", "our side of the fence";
  // handing a task to IBM ("do we raise it with IBM or create it ourselves?");
  // and requests to set something out ("spell out IBM's compliance duties").
  /\b(whose (?:call|problem|decision|headache|responsibility|area)(?: (?:is|was|would be) (?:it|that|this))?(?: to)?|(?:our|my|ibm'?s?|their) (?:call|problem|decision|headache|responsibility)(?=\s*(?:[?.!,;:]|$)|\s+(?:or|right|yeah|correct|isn'?t)\b)|(?:make|makes|making) sure(?: that)?|can (?:we|i) (?:rely|count) on (?:ibm|them|the provider) to|end to end|(?:pull|dig|bring) up|on (?:our|my|their|ibm'?s?) end|(?:where|with whom) does (?:the )?responsibility (?:lie|rest|sit)(?: for| with)?|(?:bears?|carry|carries) (?:the )?responsibility(?: for)?|(?:sits?|sitting|falls?|falling|rests?|resting|lies?|lying|belongs?|belonging|lands?|landing) (?:with|to|on)(?= (?:ibm|us|me|you|them|the (?:customer|client|provider)|(?:our|my|ibm'?s?|their|your) (?:side|team|end|plate)))|(?<=\bside )of the (?:fence|house|equation|ledger)|(?:spell|lay) out|(?:the )?(?:full|complete|whole|entire) (?:set|list|range) of|(?:the )?(?:number|amount|count) of|(?:what|how) (?:does )?(?:(?:the|this|your|that) )?(?!(?:[\w-]+ ){0,3}?(?:our|my|internal|runbook|wiki|confluence|team)\b)(?=(?:[\w-]+ ){0,3}?(?:doc|docs|document|matrix|page|table) says?\b)|(?<=\b(?:what|how) (?:does )?(?:(?:the|this|your|that) )?(?:[\w-]+ ){0,3}?)(?<!\b(?:our|my|internal|runbook|wiki|confluence|team) (?:[\w-]+ ){0,2})(?:doc|docs|document|matrix|page|table) says?(?: (?:about|for|on|regarding|re))?|(?:raise|file|log|open|escalate|submit|lodge|put in)(?: (?:it|that|this|one|an? (?:support )?(?:ticket|case|request)))? (?:with|to)(?= (?:ibm|ibm support|support)\b[^?]*\bor\b)|responsibilit(?:y|ies) (?:that )?(?:lies?|rests?|sits?|falls?|belongs?) (?:with|to|on))\b/g,
  // "is that a joint effort?" asks whether both sides take part: no topic.
  /\ba joint (?:thing|effort|job|task|responsibility|duty)\b|\bjoint (?:thing|effort|job)(?= or\b)|\bjoint (?:thing|effort|job|task)(?=\s*\?*\s*$)/g,
  // The verb of a side's share asked for ("everything we manage", "the things IBM covers") asks whose, and names no topic.
  new RegExp(
    `(?<=\\b(?:everything|all|anything|whatever|${SHARE_THINGS}) (?:that )?(?:ibm|we|i) )(?:does|do|handles?|takes? care of|owns?|covers?|manages?)\\b`,
    'g',
  ),
  // The document an answer is wanted for ("… for the onboarding deck", "… for our RACI sheet"), at a
  // clause's end: what the asker will do with it, not a topic ("onboarding" is otherwise access).
  /\bfor (?:the|our|my|a|an|this|that) (?:[\w-]+ ){0,2}?(?:doc|docs|document|deck|slides?|wiki|sheet|spreadsheet|checklist|raci|writeup|write-up|one-pager)(?=\s*(?:[?.!,;:)]|$))/g,
  // The asker's own certainty, which names no topic: "I'm not sure IBM handles DR", "pretty sure that's on us",
  // "correct me if I'm wrong", "if I remember right".
  /\b(?:(?:i'?m|i am|we'?re|we are|not|un)\s?(?:(?:really|entirely|totally|100%|quite|so|too) )?sure(?: (?:if|whether|that|about))?|pretty sure|correct me if (?:i'?m|i am|we'?re) wrong|if (?:i|we) (?:remember|recall)(?: (?:right|correctly))?|(?:as far as|from what) (?:i|we) (?:know|remember|recall|understand))\b/g,
  // Thanks and sign-offs ("thanks for the help", "logging off"); hedges of scope and the asker's
  // role: "what does IBM take care of, across the board?", "… as a user of the service"; and the
  // vague ends of a list: "ops monitoring, code updates, that kind of thing", "… and so on".
  /\b((?:(?:thanks|thank you|thx|ty|cheers)(?: so much| a lot| again)? (?:for|4)|appreciated?) (?:the|your|ur|all the|all your) (?:help|assistance|support)|signing off|logging off|heading (?:out|off)|got(?:ta| to) go|ttyl|brb|catch you later|see ya|that'?s all(?: for now)?|across the board|in general|generally speaking|all in all|by and large|big picture|at a high level|(?:that|this) (?:kind|sort|type) of (?:thing|stuff)|(?:and|or) (?:stuff|things) like that|and so (?:on|forth)|or something(?: like that)?|and (?:all )?that|etc|(?<!\bwell )as (?:(?:a|an|the) )?(?:users?|customers?|clients?|consumers?|tenants?)(?: of (?:the|this|that) (?:service|product|platform|offering))?(?=\s*(?:[?.!,;:]|$)))\b/g,
];

/** Words that still name a topic even though they are in STOPWORDS for questions. */
for (const w of [...ENGLISH_STOPWORDS, ...MORE_FUNCTION_WORDS]) STOPWORDS.add(w);

/** A stop word, or the plural of one ("jobs", "tasks", "folks"). */
export function isStopword(w: string): boolean {
  let stop = stopCache.get(w);
  if (stop === undefined) {
    stop = STOPWORDS.has(w) || FILLER.has(w) || (w.length > 3 && w.endsWith('s') && (STOPWORDS.has(w.slice(0, -1)) || FILLER.has(w.slice(0, -1))));
    if (stopCache.size < 50_000) stopCache.set(w, stop);
  }
  return stop;
}

/** Each word's verdict, once: a question's words are asked about several times. */
const stopCache = new Map<string, boolean>();
