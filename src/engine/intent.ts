// What kind of question it is, from its wording: help, list of sections, a section
// summary, everything one party does, or (the default) who does a thing.
import { ONLY_PARTS, SHARE_THINGS } from './words.js';

const BOT = '(you|u|this bot|the bot|this thing|respbot|this|it)';
/** The bot itself, not a pronoun that may mean the service ("how do we talk to it from java?"). */
const TO_BOT = '(?:you|u|this bot|the bot|respbot)';
/** What may follow a one-word request and leave it one: "help pls", "list them please". */
const POLITE = "(?:[\\s,]+(?:please|me|us|them|thanks|thank you|again|now|bot|respbot|there|all|team|folks|everyone|y'all))*";
const HELP = new RegExp(
  `^(help|halp|hlp|\\?+|h|hi|hello|hey|hiya|yo|hallo|good (?:morning|afternoon|evening)|start|usage|commands?|menu|examples?)${POLITE}[!.?\\s]*$|\\b(what can (${BOT}|i|we) (do|ask|answer|help( me)? with|tell me)(?!\\s+(?:(?:you|u|the bot|respbot)\\s+)?(?:about|on|regarding|re)\\s+\\S)|what do(es)? ${BOT} (do|know|cover|answer)|how (do|can|should) (i|we) (use|ask)|how does ${BOT} work|how (?:do|can|should) (?:i|we) (?:talk|speak|chat) (?:to|with) ${TO_BOT}|(?:^|\\b(?:any|some|a few) )(?:example|sample) questions?(?: (?:i|we) (?:can|could|should|might) (?:ask|try|use))?(?=(?: for (?:me|us))?(?:,? (?:pls|please|plz))?\\s*[?!.]*$)|what (?:do|can|should|would) (?:i|we) use ${TO_BOT} for\\b|what (?:i|we) (?:can|could|should) ask ${TO_BOT}\\b(?!\\s+(?:about|on|regarding|re|before|after|during|when|for)\\s+\\S)|how to (?:phrase|word|ask) (?:my |our |a |the )?questions?\\b(?!\\s+(?:to|for|of|about|on|regarding)\\s+(?!(?:you|u|the bot|respbot)\\b))|what(?:'s|’s|s| is) (?:your|the bot'?s|respbot'?s) (?:scope|remit|purpose)(?=(?:,? (?:bot|respbot|here|again))*\\s*[?!.]*$)|who are you|what are you|what is respbot|what(?:'s|’s|s| is| are) (?:this bot|the bot|this thing|this app|respbot|you) for(?=\\s*[?!.]*$)|what(?:'s|’s|s| is) this (?:bot|thing|app)(?=\\s*[?!.]*$)|what questions|what (?:(?:kinds?|sorts?|types?) of|kinda|sorta) (questions|things)(?!\\s+(?:does|do|is|are|should|must|will|would|need|needs|has|have)\\s+(?!(?:you|u|the bot|respbot)\\b)\\S)|what (?:(?:kinds?|sorts?|types?) of|kinda|sorta) stuff (?:(?:can|should|do) (?:i|we) (?:ask|type|say)|(?:can|do) (?:you|u))\\b|\\bdo (?:i|we) just (?:type|ask|write)\\b|what (?:should|can|do) i (?:ask|type|say|write)(?=\\s*(?:here|you|to you|the bot)?\\s*[?!.]*$)|what are (?:my|our|the) options(?=\\s*[?!.]*$)|(?:your|the bot'?s|respbot'?s) (?:capabilities|abilities|features|skills)|(?:how|what) (?:am i|are we|should i|should we|do i|do we) (?:supposed to )?(?:phrase|word|ask) (?:my |our )?(?:questions?|things)?)\\b`,
);
const LIST = new RegExp(
  // Which services or documents are loaded, asked of the bot: their sections answer it.
  String.raw`\b(?:what|which) (?:services|documents|docs|products|offerings) (?:(?:do|can) (?:you|u)|does (?:the bot|respbot|this bot|this thing)|are (?:loaded|covered|in here|in there))\b(?: (?:cover|know|have|support|answer|handle|know about))?|^(?:list|show)(?: (?:me|us))?(?: (?:the|all|your))? (?:services|documents|docs)\b[!.?\s]*$|` +
    `^(list|ls|index|contents|toc|sections|areas|table of contents|(?:just |only )?(?:the )?(?:section )?headings(?: only)?)${POLITE}[!.?\\s]*$|\\b(sections|areas|categories|chapters|table of contents)\\b|\\b(?:section|chapter)s? (?:headings|titles|names|list|index)\\b|^(?:what|which|show|list|give|see|name|enumerate)\\b.*\\bheadings?\\b|\\b(?:doc|docs|document)'?s? headings\\b(?! (?:look|looks|are|is|seem|seems|break|broke|don'?t|do not|aren'?t|need|needs))|\\bheadings (?:of|in|from) (?:the |this |that |your )?(?:doc|docs|document|documentation|matrix|page)\\b|\\b(what|which) (topics|subjects) (are|do|can)\\b|\\b(?:what|which) (?:topics|subjects) (?:does|do|is|are) (?:the|this|your) (?:[\\w-]+ ){0,2}?(?:doc|docs|document|documentation|matrix)(?: (?:cover|covers|have|has|include|includes|contain|contains|discuss|discusses|list|lists|break down into|go over|goes over|about))?[?.!\\s]*$|\\b(?:outline|toc|table of contents|index|contents) (?:of|for|in) (?:the|this|that|your) (?:[\\w-]+ ){0,3}?(?:doc|docs|document|documentation|matrix|guide|page)\\b|^(?:an? |the )?index of (?:the )?(?:topics|subjects|contents|areas)\\b|\\bhow (?:is|are|'s) (?:the|this|your) (?:[\\w-]+ ){0,2}?(?:doc|docs|document|documentation|matrix|bot|content|page|table)(?: \\w+)? (?:organi[sz]ed|structured|laid out|arranged)\\b|\\bwhat (do you|does it) cover\\b`,
);
const SECTION_VERB =
  /\b(summari[sz](?:e|ed|ing)|summary|sum up|condense|boil down|spell out|lay out|brief me|fill me in|overview|outline|recap|rundown|run-down|breakdown|break down|gist|high[- ]level|cheat ?sheet|show|display|open|view|read|tell me about|walk me through|run me through|explain|describe|details? (of|on|for|about)|section|table|everything (about|in|for|on|regarding)|what'?s in|list)\b/;
/** "what am I responsible for in X", "what does IBM do for X", "what's on us in X": a party's share of a topic. */
const PARTY_SHARE = new RegExp(
  `\\bwhat (?:(?:kinds?|sorts?|types?) of|kinda|sorta) (?:things|stuff|tasks|work|duties) (?:does|do|is|are|should|must) (?:ibm|we|i|the customer|the provider)\\b|\\b(?:everything|all|anything|whatever|what|${SHARE_THINGS}|(?:every|each|all(?: the)?)(?: single)? (?:duty|duties|task|tasks|item|items|obligations?|responsibilit(?:y|ies)|chores?|thing|things)) (?:that )?(?:ibm|we|i|the (?:customer|client|provider|vendor)|(?:our|my) (?:[\\w-]+ )?(?:team|side)) (?:does|do|handles?|takes? care|owns?|covers?|manages?|operates?|runs?|maintains?|provides?|delivers?|carr(?:y|ies)|holds?|bears?|shoulders?|looks? after|is|are|am|must|should|has to|have to|needs? to)\\b|^(?:what|which)(?:'s|’s|s| is| are)? (?:ibm|we|i)(?: are| am)? (?:on the hook|responsible|accountable|in charge|liable)\\b|\\b(?:what|which)\\b.*\\b(?:will|would|do|does|are|is|am) (?:we|i|ibm|our team|my team) (?:be )?(?:on the hook|responsible|accountable|in charge|liable)\\b|\\b(what|which|list)\\b.*\\b(am i|are we|do i|do we|does ibm|is ibm|does the (customer|client|provider)|is the (customer|client|provider)|must i|must we|should i|should we|are my|are our|are ibm'?s?|is my|is our|on us|on me|on ibm|our part|my part|ibm'?s part|our side|ibm'?s side|our half|ibm'?s half|our column|ibm'?s column|ours|mine|we own|ibm owns|on our plate|on my plate)\\b`,
);
const PARTY_ALL =
  /\b(all|every|everything|full list|complete list|list|enumerate|itemi[sz]e|end to end)\b|\banything (?:[\w-]+ ){0,3}?(?:that'?s|that is|that are|which is|which are)\b|^(what|which)\b/;

export function looksLikeHelp(lower: string): boolean {
  return HELP.test(lower);
}
export function looksLikeList(lower: string): boolean {
  return LIST.test(lower);
}
export function asksForSection(lower: string): boolean {
  return SECTION_VERB.test(lower) || PARTY_SHARE.test(lower);
}
const ONLY_A_SIDES_PARTS = new RegExp(`${ONLY_PARTS} (?:on us|on me|ours|mine|on ibm|ibm'?s)\\b`);
export function asksPartyShare(lower: string): boolean {
  return (
    PARTY_SHARE.test(lower) ||
    // "just the parts that are on us", "only the bits that are IBM's": a side's part, filtered to.
    ONLY_A_SIDES_PARTS.test(lower) ||
    // "every customer-side item", "IBM-owned tasks": a side's items, named as such.
    /\b(?:customer|provider|client|vendor|ibm)[- ](?:side|owned) (?:items?|tasks|duties|responsibilities|obligations|rows|chores)\b/.test(lower) ||
    /\b(my|our|ibm'?s?|(?:the )?customer'?s?|(?:the )?provider'?s?)(?:[- ]side| team'?s)? (responsibilities|duties|obligations|tasks|job|portion)\b|\b(?:my|our|ibm'?s?|(?:the )?customer'?s|(?:the )?provider'?s) (?:[\w-]+ ){1,4}(?:responsibilities|duties|obligations)\b|\b(responsibilit(?:y|ies)|dut(?:y|ies)|obligations?|tasks?|jobs?|items?) (?:that )?(?:fall|falls|belong|belongs|go|goes|sit|sits|rest|rests|lie|lies|land|lands) (?:to|on|with) (?:ibm|us|me|the (?:customer|provider|client|tenant)|(?:our|my|ibm'?s?) side)\b/.test(
      lower,
    )
  );
}
/** A side's share named as the thing asked for: "IBM's duties", "customer obligations", "every customer-side item". */
const SHARE_NOUN = String.raw`(?:my|our|ibm'?s?|(?:the )?customer'?s?|(?:the )?provider'?s?|(?:the )?client'?s?)(?:[- ]side)? (?:responsibilities|duties|obligations|tasks|items?|jobs)\b`;
const NAMES_SHARE = new RegExp(`\\b${SHARE_NOUN}`);
const escaped = (word: string) => word.replace(/[^\w\s]/g, '\\$&');
/**
 * Whether a word the documents lack says how a side's share, named as such, is wanted rather than
 * what about: it comes before the share ("dump all of IBM's duties"), and a name of a thing only as
 * the form ("a checklist of customer obligations"). After it, a word names a topic ("IBM's duties
 * for refunds", "my tasks for this sprint").
 */
export function saysHowShareIsWanted(word: string, thing: boolean, lower: string): boolean {
  const share = NAMES_SHARE.exec(lower);
  const at = share ? new RegExp(`\\b${escaped(word)}\\b`).exec(lower) : null;
  if (!share || !at || at.index >= share.index) return false;
  return !thing || new RegExp(`\\b${escaped(word)} of (?:all |every )?(?:the |our |my )?${SHARE_NOUN}`).test(lower);
}
export function asksEverything(lower: string): boolean {
  return PARTY_ALL.test(lower);
}
/** Verbs that ask for something to be set out: a request when someone is asked to do it. */
const REQUEST_VERB = String.raw`(?:give|send|share|show|post|paste|drop|pull up|dig up|summari[sz]e|sum up|recap|outline|describe|explain|list|spell out|lay out|break down|walk (?:me|us) through|run (?:me|us) through|tell (?:me|us) (?:about|what)|point (?:me|us) (?:at|to))\b`;
/** "can someone give me …": a request made of whoever reads the channel. */
const ASKED_OF_ANYONE = new RegExp(`^(?:can|could|would|will) (?:someone|somebody|anyone|anybody)(?: (?:please|pls|quickly|just))? ${REQUEST_VERB}`);
/** "who …", "does IBM …", "am I …", "is X configured for me": a question about one task. */
export function asksWho(lower: string): boolean {
  // "can you summarize …" is a request to the bot, not a question about who does something.
  // So is "can someone give me the tl;dr of DR": a request made of whoever reads the channel.
  return (
    /^(who|whose|whom|does|do|did|is|are|am|will|would|should|must|can|has|have)\b/.test(lower) &&
    !/^(can|could|would|will) (you|u)\b/.test(lower) &&
    // "can I get an overview of …": the asker asking the bot for something, not who may have it.
    !/^(?:can|could|may) (?:i|we) (?:get|have|see|grab)\b(?! (?:access|permissions?|rights)\b)/.test(lower) &&
    !ASKED_OF_ANYONE.test(lower)
  );
}

/**
 * Who among the asker's own people: "who on our SRE team owns the DR runbook?", "who in our org is
 * the control owner?". The documents say which side does a task, never which person or team of the
 * customer's; the row is suggested. Not who is let in ("who in our org can read the topics" is access).
 */
const OWN_PEOPLE =
  /\bwho (?:on|in|at|from|within) (?:our|my) (?:[\w-]+ ){0,2}?(?:team|teams|org|organi[sz]ation|squad|company|department|dept|group|crew|staff|shop|business)\b(?![^?.!]*\b(?:access|accounts?|permissions?|allowed|able to|log ?in|sign ?in|credentials|roles?|can|could|may)\b)/;
export function asksOwnPeople(lower: string): boolean {
  return OWN_PEOPLE.test(lower);
}

/**
 * "how many partitions …?", "which version is it running?", "when is the next upgrade?": asks for a
 * fact about the service, not who does something, unless it says so ("how much of DR is on us?").
 */
export function asksFact(lower: string, whole: string = lower): boolean {
  // Which size or plan to buy ("which queue manager size should we buy?"): advice, asked as "should
  // we", which the documents do not give; "who decides which plan we buy?" asks who.
  if (BUYING.test(lower) && !WHOSE_CHOICE.test(whole)) return true;
  // A word of who does it anywhere ("using the CLI to deploy: is that on us?") makes it a question about a row.
  if (ASKS_WHO_DOES.test(whole)) return false;
  return (
    /^(how (many|much|long(?!-)|often|big|fast|soon)|when (is|are|does|do|will|did|was)|(which|what) (version|release|plan|size|price|region is)|what time)\b/.test(
      lower,
    ) ||
    // "max number of secrets an instance can hold?", "default retention for topics?": a measure, asked by its name.
    /^(?:the )?(?:max|maximum|min|minimum|default|total) (?:[\w-]+ ){0,2}?(?:number|size|count|length|amount|retention|limit|duration)\b/.test(lower) ||
    // A date asked for: "end of support date is when exactly?", "on what date is IBM retiring …".
    /\b(?:on |by |from |until )?(?:what|which) date\b|\bwhen exactly\s*[?!.]*\s*$|\bwhen\b[^?.!]*\b(?:eol|end of (?:life|support|sale)|goes eol|go eol)\b|\b(?:date|deadline|eol|end of (?:life|support|sale|marketing))\b[^?.!]*\b(?:is|are) when\b/.test(
      lower,
    ) ||
    // "…, max number of fleet workers per project?": a limit named anywhere in the clause.
    /\b(?:max|maximum|min|minimum) (?:number|size|count|length|amount) of\b/.test(lower) ||
    // "what's the max retention?", "which kafka version …?": a question after a measure or a setting's value.
    (/^(what|what's|whats|which)\b/.test(lower) && FACT_WORD.test(lower)) ||
    // "which event streams plan includes X?", "which kafka version does it run?": the offering's terms.
    /^(?:which|what) (?:[\w-]+ ){0,3}?(?:plans?|tiers?|editions?) (?:includes?|has|have|comes? with|offers?|supports?)\b|^(?:which|what) (?:[\w-]+ ){0,3}?versions? (?:of|does|do|is|are|runs?)\b/.test(
      lower,
    ) ||
    // "what RTO does IBM commit to?": a commitment's terms, which the documents do not give.
    /^(?:what|which) (?:[\w-]+ ){0,2}?(?:rto|rpo|uptime|sla|slo|availability|percentage|response time|recovery time|latency|throughput)\b.*\b(?:commit|commits|committed|guarantee|guarantees|guaranteed|promise|promises|promised)\b/.test(
      lower,
    ) ||
    // "syntax for … with the cli", "how do I reset offsets?": a procedure, which the documents do not give.
    asksProcedure(lower, whole) ||
    // A figure asked for: "99.9 or 99.99%?", "99.99?" (an availability, its % left off), "RPO in minutes",
    // "queue manager limit per instance".
    /\d\s*%|\b9\d\.\d{1,3}\b|\bin (?:minutes|hours|seconds|days|milliseconds|ms|mb|gb|tb)\b|\b(?:limits?|quotas?|count|maximum|max) (?:per|for each) (?:instance|account|project|cluster|region|plan|namespace|topic)\b/.test(
      whole,
    ) ||
    // "is there a cap on retention.ms?", "topic limit on the lite plan?": a limit asked for by its name,
    // when no side is named ("limits in IAM, we set those?", "connection limit - ibm or customer?").
    (/^is there (?:a|any) (?:hard |upper |size )?(?:cap|limit|maximum|max|ceiling|quota)\b|^(?:[\w.-]+ ){0,2}(?:cap|limit|ceiling|quota)s? (?:on|for|in|per)\b/.test(
      lower,
    ) &&
      // A side, not "IBM Cloud …", "IBM Event Streams", "us-south", "tell me" or "my topics"; and not in
      // the measure's own clause ("… on how many partitions we can create?").
      !/\b(?:provider|customer|we|ours)\b|\bus\b(?!-)|(?<![\w-])ibm(?:'?s)?\b(?! (?:cloud|event streams|mq|key protect|secrets manager|hyper protect|cloudant|db2|power|code engine)\b)/.test(
        whole.replace(/\bhow (?:many|much|long|big)\b[^,;.?!]*/g, ''),
      )) ||
    // "anyone have the number for facilities?", "where's the release notes url?": contact details or a
    // link, which the documents do not give.
    /^(?:does )?(?:any(?:one|body)|some(?:one|body)|you) (?:have|has|got|know)\b.*\b(?:number|phone|extension|e-?mail(?: address)?|contact(?: details)?|url|link|address)\b|^(?:what|where)(?:'s|’s|s| is| are) (?:the|their|his|her) (?:[\w-]+ ){0,4}?(?:phone number|phone|extension|e-?mail address|url|link)\b/.test(
      lower,
    ) ||
    // "which certifications does the service hold?", "is HPCS FIPS 140-2 level 4 certified?": the
    // service's standing, which the documents do not list (they say who keeps the controls).
    /^(?:which|what) (?:[\w-]+ ){0,2}?(?:certifications|accreditations|attestations|compliance (?:standards|certifications|programs|frameworks|regimes))(?: exactly| precisely)? (?:does|do|is|are|has|have|did|can) (?:[\w.-]+ ){0,4}?(?:hold|have|has|meet|carry|possess|comply|certified|attested|accredited|got)\b|^(?:is|are) (?!(?:ibm|we|i)\b)(?:(?!(?:responsible|accountable|keeping|making|ensuring|on|up)\b)[\w.-]+ ){1,8}?(?:certified|accredited|attested|compliant)\b/.test(
      lower,
    ) ||
    // "which regions is Event Streams available in?": where a service is offered.
    /^(?:which|what) (?:ibm cloud )?(?:regions?|locations?|zones?|geos?|data ?cent(?:er|re)s?)\b/.test(lower) ||
    // "is it available in the sao paulo region yet?", "is mirroring offered in the eu-de region?": where
    // the service is offered, asked as such; not whether it stays up in one ("available in the DR region").
    /\b(?:(?:available|offered|launched|generally available|ga) in (?:the )?(?:[\w-]+ ){1,2}(?:region|regions|mzr|location|geo)\b.*\byet\b|(?:offered|launched|generally available|rolled out) in (?:the )?(?:[\w-]+ ){1,2}(?:region|regions|mzr|location|geo)\b)/.test(
      lower,
    )
  );
}

/** Of the facts, a procedure: "how do I reset offsets?", "syntax for creating a topic with the CLI" (the note says so). */
export function asksProcedure(lower: string, whole: string = lower): boolean {
  if (ASKS_WHO_DOES.test(whole)) return false;
  return (
    TOOL_WORD.test(lower) ||
    /^how (do|can|should|would) (i|we|you)\b.*\b(api call|console|script)\b/.test(lower) ||
    // "how do I reset a consumer group's offsets?", unless a side is asked about too.
    (HOW_TO.test(lower) && !/\b(?:ibm|provider)\b/.test(whole))
  );
}

/**
 * Money: prices, fees, billing, and charges as money ("egress charges", "charged per GB", not
 * "takes charge of" or "in charge"); "who pays for the hardware" is about the hardware. One of
 * the 17 corpus documents uses such a word in a row (Satellite's "tools to manage billing"), so a
 * question about money asks what the documents do not say, unless the loaded ones say it: the
 * caller checks (`known`).
 */
const MONEY_WORD =
  /\b(billing|billed|bill|bills|invoice|invoices|invoiced|fee|fees|cost|costs|price|prices|pricing|priced|pay|pays|paying|paid|rate card|chargeback|charges?(?= for| per| on (?:the|our|my) (?:bill|invoice))|charged(?= for| per| by the)|(?<=(?:egress|data|transfer|usage|extra|hidden|overage|network|storage) )charges?)\b/g;
export function asksMoney(lower: string, known: (word: string) => boolean): boolean {
  for (const m of lower.matchAll(MONEY_WORD)) if (!known(m[1]!) && !PAID_FOR_THING.test(lower.slice(0, m.index + m[1]!.length))) return true;
  return false;
}
/** "the cluster resources we pay for": paying, said of a thing in passing, not asked about. */
const PAID_FOR_THING =
  /\b(?!(?:do|did|does|will|would|should|must|can|could|what|who|why|how|if|and|or|so|then|much|many)\b)[a-z]+ (?:that |which )?(?:we|i|you) (?:pay|paid)$/;

/**
 * "how do I …", "how can you …", "how to …": how to do something, not who does it. "How do we …"
 * asks what falls to the team ("how do we set up mirroring?"), and is read as a who-question.
 */
const HOW_TO = /^how (?:(?:do|can|should|would) (?:i|you)|to)\b(?! know\b| tell\b| find out\b| figure out\b| use (?:this|you|u|the bot|respbot)\b)/;

/** A command line or a tool's syntax: asked about, it is a procedure whoever runs it. */
const TOOL_WORD = /\b(cli|ibmcloud|command|commands|syntax|flags?|sdk|terraform|kubectl|curl)\b/;

/**
 * A word of who does it: with one, a question about a fact or a tool is still about a row ("do we
 * have to run the CLI command?", "need X changed. do I open a case with IBM or change it myself?").
 */
const ASKS_WHO_DOES =
  /\b(who|whose|whom|responsib\w*|on us|on ibm|on me|our job|(?:our|my|ibm'?s) (?:call|decision)|my job|ibm'?s job|our side|ibm'?s side|our part|ibm'?s part|us or ibm|ibm or us|ours|on our end|on my end|on their end|up to us|up to me|up to ibm|(?:that'?s|that is|is (?:that|it)) (?:us|ibm|me)|we have to|we need to|i have to|i need to|we must|we should|(?:we're|we are|i'm|i am) (?:expected|supposed|required|meant) to|(?:we|i) do (?:that|this|it)(?: ourselves| myself)?|ourselves|do (?:\w+ )?myself|(?:our|my|ibm'?s|their) problem)\b|^(do|does|did|are|is|am|must|should|will|would|can) (we|i|ibm|you)\b|(?:[.?!;:,—–]\s*|\s-\s+|\b(?:or|and|so)\s+)(?:do|does|did|are|is|am|must|should|will|would) (?:we|i|ibm)\b/;

/** Which size or plan to buy or pick. */
const BUYING =
  /\b(?:which|what) (?:[\w-]+ ){0,3}?(?:size|sizes|tier|tiers|plan|plans|flavou?rs?|sku|skus|instance type)\b[^?.!]*\b(?:buy|purchase|order|pick|choose)\b/;

/** Whose the choice is, which makes a question of buying a row's ("which plan we pick is up to us, right?"); "on IBM Cloud" is no side. */
const WHOSE_CHOICE =
  /\b(?:who|whom|whose)\b|\bon (?:us|me|ibm)\b(?! cloud)|\bup to (?:us|me|ibm)\b|\b(?:our|my|ibm'?s) (?:call|decision|job)\b|\bis (?:that|it) (?:us|ibm)\b|\b(?:right|correct)\s*\?/;

/** Words of a measure, a limit or a setting's value: what a fact question asks for. */
const FACT_WORD =
  /\b(versions?|releases?|percentages?|percent|uptime|limits?|max|maximum|min|minimum|longest|shortest|largest|biggest|smallest|highest|lowest|quotas?|price|pricing|costs?|defaults?|ports?|period|duration|interval|date|dates|eol|deadline)\b|%(?! of\b)/;

/** "what is kafka?", "what's an RPO?", "explain X like I'm 5": asks what a thing is, which the documents do not define. */
export function asksDefinition(lower: string, whole: string = lower): boolean {
  // "what is the max retention, is it me?" asks who sets it, not what it is.
  if (ASKS_WHO_DOES.test(whole)) return false;
  if (/\b(eli5|like i'?m (5|five)|like i am (5|five)|what does .+ (mean|stand for)|define|definition of|difference between)\b/.test(lower)) return true;
  const m = /^(?:what|what's|whats)\s+(?:is|are|'s)\s+(.+)$/.exec(lower);
  if (!m) return false;
  return !/\b(responsib\w*|handles?|do|does|own|owns|job|duty|duties|obligations?|tasks?|manages?|take care|sections?|in|for|my|our|mine|ours|ibm|ibm's|i|we|you|me|us)\b/.test(
    m[1]!,
  );
}

/** A side named with a negation on its verb: "what is IBM NOT responsible for", "what don't we have to do". */
function negatedSide(side: string): RegExp {
  const not = String.raw`(?:not|never|isn'?t|aren'?t|doesn'?t|don'?t|won'?t|shouldn'?t|needn'?t)`;
  // Not a doubt of the asker's own ("I don't know what we own"), which negates nothing asked.
  const doubt = String.raw`(?! (?:know|think|get|understand|see|remember|care|mind|sure)\b)`;
  return new RegExp(
    String.raw`\b(?:${side})(?: \w+)?? (?:(?:is|are|am|does|do|has|have|will|would|should|must) )?${not}\b${doubt}|` +
      String.raw`\b${not} (?:${side})\b${doubt}`,
  );
}
const NEGATED_PROVIDER = negatedSide(String.raw`ibm|the provider|the vendor`);
const NEGATED_CUSTOMER = new RegExp(
  `${negatedSide(String.raw`we|i|the customer|the client|our team|my team`).source}|\\bnot (?:on|for|with) (?:us|me)\\b|\\bnot (?:ours|mine|our (?:job|problem|part|side|responsibility))\\b`,
);
/**
 * The side whose share a request wants, read in the clause that asks: the other one when the side
 * named is negated ("what is IBM NOT responsible for" asks what the customer does), with the note
 * that says so.
 */
export function sideWanted<P extends 'provider' | 'customer' | 'shared'>(focus: string, named: P): { side: P | 'provider' | 'customer'; note: string | null } {
  const negated = named === 'provider' ? NEGATED_PROVIDER.test(focus) : named === 'customer' && NEGATED_CUSTOMER.test(focus);
  if (!negated) return { side: named, note: null };
  const side = named === 'provider' ? 'customer' : 'provider';
  const who = side === 'customer' ? 'the customer' : 'IBM';
  return {
    side,
    note: `Read as what ${who} does: the rows ${named === 'provider' ? 'IBM is' : 'you are'} not responsible for, and ${who}'s part of shared rows.`,
  };
}
