// A message that only thanks, acknowledges or signs off ("thx, that helps", "ok cool 👍",
// "logging off, cheers") asks nothing: it gets a short reply, not a row. Read before any rule that
// looks for a topic, so "helps" is not taken for support and "ok cool" is not a question the
// documents fail to cover.

export type Social = 'thanks' | 'ack' | 'bye' | 'complaint';

/** Words that make a message social, by what they say; the first kind found in this order wins. */
const MARKERS: Array<[Social, RegExp]> = [
  ['bye', /\b(?:bye|byee+|goodbye|cya|ttyl|brb|later|goodnight|logging off|signing off|heading (?:out|off)|have to go|gotta go|that'?s all)\b/],
  ['thanks', /\b(?:thanks|thank|thankyou|tysm|tyvm|cheers|appreciated?|kudos|ta)\b|🙏/u],
  [
    'ack',
    /\b(?:ok|okay|okey|kk?|ack|cool|great|perfect|awesome|nice|sweet|sure|np|gotcha|got it|noted|understood|roger|makes sense|sounds good|all good|fair enough|will do|lgtm|sgtm|no worries|no problem|good bot)\b|[👍👌✅🙌🎉🙂😀😊]/u,
  ],
];

/**
 * Every other word a social message may hold: who is thanked, how much, what for, and the
 * pleasantries around it. A word outside this list (a topic, a question word) makes it a question.
 */
const AROUND = new Set(
  `a all also and answer answers bot clear exactly for good guys folks have helped helpful helps i it its
  just lot man mate mates much needed now oh really respbot same see so super team that thats that's the then this too very
  was works worked looking to you your yours you're youre everyone everybody y'all day weekend evening night one
  again hi hey yeah yep yes lol haha hehe thanks thank thankyou cheers great perfect awesome cool sweet nice got noted
  understood makes sense sounds bye byee later goodbye goodnight cya ttyl logging signing off heading out go gotta
  appreciated appreciate kudos ta tysm tyvm ok okay okey k kk ack gotcha roger fair enough lgtm sgtm sure np no worries
  problem brb ship run`.split(/\s+/),
);

/**
 * "thanks for the help": help received, not help asked for ("ok help" asks for it); and phrases of
 * words that ask elsewhere ("will do", "exactly what I needed"), not "ok so what do I do".
 */
const HELP_RECEIVED =
  /\b(?:the|your|ur|all|for) (?:help|info|information|answer|answers)\b|\bwill do\b|\b(?:exactly )?what i (?:needed|wanted|was looking for)\b/g;

/**
 * Thanks for something named ("thanks for clarifying failover", "thank you for the help with DR"):
 * gratitude, whatever it names, as long as nothing in it asks.
 */
const THANKS_FOR =
  /^(?:(?:ok|okay|great|perfect|awesome|cool)[\s,!.]+)?(?:thanks|thank you|thankyou|cheers|much appreciated)(?: so much| a lot| again)?[\s,!]+for\b[^?]*$/;
/** Thanks for help received, whatever it helped with ("thx that helps a lot for our SOC2 audit"), as long as nothing in it asks. */
const THANKS_HELPED =
  /^(?:thx|thanks|thank you|thankyou|ty|cheers)[\s,!.]+(?:that|this|it|you|u)(?:'s| was| is)? (?:really |very |super )?(?:helps|helped|helpful)\b[^?]*$/;
const ASKS = /\b(?:who|whose|what|which|where|when|why|how|does|do|is|are|can|should|must|will|would)\b/;
/** Question words only: a complaint may say "that is wrong" or "not what I asked". */
const ASKS_STRICT = /\b(?:who|whose|which|where|when|why|how|does|do|can|should|must|will|would)\b/;

/**
 * Praise of an answer, whatever it names ("great answer on mirroring, thanks", "helpful summary of
 * DR"), as long as nothing in it asks, nor goes on with a "but" ("great answer, but I still need the DR owner").
 */
const PRAISE_FOR =
  /^(?:(?:ok|okay|wow|oh)[\s,!.]+)?(?:that was |that's |thats |this is |what )?(?:an? )?(?:really |very |super )?(?:great|good|nice|helpful|perfect|useful|clear|excellent) (?:answer|reply|info|explanation|summary|breakdown|overview|one)\b(?![^?]*\bbut\b)[^?]*$/;
/** Saying an answer missed ("bad bot", "wrong answer", "that's not right"): nothing asked, but not thanks. */
const COMPLAINT =
  /\b(?:bad (?:bot|answer|reply)|wrong(?: answer)?|incorrect|not (?:right(?! now| away| yet)|helpful|useful|what i (?:asked|meant|wanted))|unhelpful|useless|nope|wtf|wth|ffs|smh)\b|👎/u;
const COMPLAINT_AROUND = new Set(
  "bad bot answer reply wrong incorrect not right helpful useful unhelpful useless nope wtf wth ffs smh try that thats that's is was totally completely quite so very hmm ugh meh what i asked meant wanted the this your you you're are but".split(
    ' ',
  ),
);
/**
 * A miss said of what the answer was about ("you're wrong about backups", "wrong answer on
 * mirroring"): a complaint, whatever it names, as long as nothing in it asks.
 */
const COMPLAINT_ABOUT =
  /^(?:(?:no|nope|hmm+|ugh|but)[\s,!.]+)?(?:you(?:'re| are)|that(?:'s| is| was)|this is|thats|the (?:bot|answer) is|(?:that|this|your|the) answer is)? ?(?:(?:totally|completely|just|so) )?(?:wrong|incorrect|not right)(?: answer)? (?:about|on|re|regarding|for)\b[^?]*$/;

/** What the message says socially, or null when it holds a word of a question. */
export function socialOnly(lower: string): Social | null {
  if (COMPLAINT.test(lower) && !ASKS_STRICT.test(lower) && !lower.includes('?')) {
    if (wordsOf(lower).every((w) => COMPLAINT_AROUND.has(w) || AROUND.has(w)) || COMPLAINT_ABOUT.test(lower.replace(/’/g, "'"))) return 'complaint';
  }
  if (PRAISE_FOR.test(lower) && !ASKS.test(lower)) return 'thanks';
  const kind = MARKERS.find(([, re]) => re.test(lower))?.[0];
  if (!kind) return null;
  if (wordsOf(lower.replace(HELP_RECEIVED, ' ')).every((w) => AROUND.has(w))) return kind;
  return (THANKS_FOR.test(lower) || THANKS_HELPED.test(lower)) && !ASKS.test(lower) ? 'thanks' : null;
}

/** A message's words, emoji aside, with a typographic apostrophe read as a plain one ("that’s"). */
function wordsOf(lower: string): string[] {
  return lower
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f/gu, ' ')
    .replace(/’/g, "'")
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
}

/** Pleasantries before what a message asks ("ok, help", "cheers - help pls"): the rest is what it asks. */
export function withoutPleasantries(lower: string): string {
  return lower.replace(/^(?:(?:ok|okay|kk?|cheers|thanks|thank you|sure|cool|great|hey|hi|hello|yo|so|um|right)\b[\s,!.:;-]*)+/, '');
}
