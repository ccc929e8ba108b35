// A chat message as clauses, and which of them is the question: "for our payments pipeline
// in prod, who patches the cluster? thx" asks "who patches the cluster?"; the rest is context.
// Context is still read, but it does not decide whether the question is one the documents cover.

export interface Segment {
  text: string;
  /** The clause without a trailing tag ("…, right?"): what it asks. */
  core: string;
  /** The clause is asked as a question: a question word, "?", a tag, or a claim about who does it. */
  asked: boolean;
  /** The clause says what the asker is working on (ASIDE): never what a question points at. */
  aside?: boolean;
}

/** A question word, a form of "be"/"do", or a modal followed by who it asks about ("would we", not "would be great"). */
const QUESTION_START =
  /^(?:who|whom|whose|what|which|where|when|why|how|does|do|did|is|are|am|was|were|any|anyone|anybody|(?:will|would|should|shall|must|can|could|may|has|have)\s+(?:i|we|you|ibm|they|it|the|my|our|someone|anyone|this|that|he|she))\b/i;
/** A request in the imperative asks as a question does: "give me the table of contents", "pls list IBM's duties". */
const REQUEST_START =
  /^(?:(?:pls|plz|please|can you|could you|would you|can u|could u|kindly|just|now),? )*(?:give|show|list|tell|send|pull up|paste|summari[sz]e|spell out|lay out|walk (?:me|us) through|run (?:me|us) through|enumerate|itemi[sz]e|bullet out|dump|share|explain|describe|outline|recap|break down)\b/i;
/** A clause opened by a preposition, participle or subordinator, up to its comma: "in staging and prod both, …". */
const LEADING =
  /^((?:for|in|on|at|across|within|during|from|with|per|before|after|since|as|because|while|once|following|regarding|re|about)\b[^,]{0,80}),\s+(?=\S)/i;

/** Tags that ask whether a claim holds ("…, right?"); TAG adds the mere "ok" or "yes", which still end a clause. */
const CLAIM_TAGS =
  "right|correct|true|isn'?t it|aren'?t we|don'?t we|doesn'?t it|does it|do they|do we|does ibm|or not|is that right|is that correct|am i right";
const tagAtEnd = (tags: string) => new RegExp(`[,\\s]+(?:${tags})\\s*[?!.]*\\s*$`, 'i');
/** A tag that makes a statement a question: "…, right?", "…, correct". */
const TAG = tagAtEnd(`${CLAIM_TAGS}|yes|no|yeah|ok|okay|eh`);
const CLAIM_TAG = tagAtEnd(CLAIM_TAGS);
/** A statement about who does something: "backups are on us", "we patch it ourselves". */
const CLAIM =
  /\b(?:on us|on ibm|on me|on our side|on ibm'?s side|our job|my job|ibm'?s job|us or ibm|ibm or us|our responsibility|ibm'?s responsibility|ourselves|up to us|up to ibm|on our end|on (?:ibm'?s|their) end|(?:that'?s|that is|is (?:that|it)) (?:us|ibm))\b/i;

/**
 * What the asker is working on, said after a question: "building the RACI for the assessment",
 * "need it for the BCP doc". Context of the asker's own, not a topic, unless the question points
 * at it (POINTS_BACK).
 */
const ASIDE_WORDS = String.raw`(?:(?:(?:i|we)(?:'m|'re| am| are) )?(?:building|preparing|prepping|writing|drafting|putting together|working on|filling (?:in|out)|updating|compiling|reviewing)\b(?=.*\b(?:raci|deck|slides?|docs?|document|report|epic|ticket|spreadsheet|sheet|wiki|runbook|matrix|checklist|assessment|audit|presentation|review|page|notes|summary|one-pager|writeup|write-up|email|memo|questionnaire|rfp|bcp|mapping)\b)|(?:(?:i|we|(?:my|our|the) [\w-]+(?: [\w-]+)?|[\w-]+(?: [\w-]+)?) )?(?:wants?|needs?) (?:it|this|that|them) for\b)`;
export const ASIDE = new RegExp(`^${ASIDE_WORDS}`, 'i');
/** A pronoun that points at something said beside the question ("whose job is that", "who does it"), not "that's on us". */
export const ANAPHORS = 'it|that|this|those|these|them';
const POINTS_BACK = new RegExp(`\\b(?:${ANAPHORS})\\b(?!'s|’s| is| are)`, 'i');

/** Clause breaks: sentence ends, colons, semicolons, dashes; a comma, or "and", "but", "so" or "or", before a question word; "… asked: who …". */
const BREAK = new RegExp(
  [
    `(?<=\\b(?:asked|asking|asks|know|knows|wondering|wonder|wondered|question|curious))\\s+(?=(?:who|whose|what|which|how|when|where|why|does|do|did|is|are|am|should|can|will|would)\\b)`,
    '(?<=[.!?])\\s+',
    '\\s*[:;]\\s+',
    '\\s+[—–-]{1,2}\\s+',
    '\\s*\\n\\s*',
    // An aside in brackets at the end ("… (asking for a friend)") is a clause of its own, not the question.
    '\\s*(?=\\([^()?]*\\)[\\s.!]*$)',
    `,\\s+(?=${QUESTION_START.source.slice(1)})`,
    // What the asker is working on, after the question: "…, building the RACI for the assessment".
    `,\\s+(?=${ASIDE_WORDS})`,
    // "… and on what timeline?", "… or do we raise a ticket?": a second question, read on its own.
    // The conjunction stays with the clause before it, so that every word is in some clause.
    `(?<=\\s(?:and|but|so|or))\\s+(?=(?:who|whose|what|when|which|does|do|is|are|should|can|will|(?:on|by|in) (?:what|which|when))\\b)`,
  ].join('|'),
  'i',
);

/**
 * A statement asked as a question, its subject a side, maybe after a hedge: "IBM handles DR?",
 * "pretty sure we rotate the keys?"; or put up to be corrected ("correct me if I'm wrong but …").
 */
const SIDE_SAYS =
  /^(?:(?:so|and|but|hmm+|ok|pretty sure|i think|i believe|i guess|iirc|afaik|i'?m (?:not )?sure),? )*(?:ibm|we|i)\b(?!'d| would| want| need| wonder| think)[^?]*\?[?!\s]*$|^correct me if (?:i'?m|i am) wrong\b.*\b(?:ibm|we)\b/i;

/** A statement about who does something ("mirroring is on us, right?"): it asks who, like a question word. */
export function claimsWho(text: string): boolean {
  return CLAIM.test(text) || CLAIM_TAG.test(text) || SIDE_SAYS.test(text);
}

export function segmentsOf(text: string): Segment[] {
  return (
    text
      .split(BREAK)
      .map((t) => t.trim())
      .filter(Boolean)
      .flatMap((t) => {
        const m = LEADING.exec(t);
        return m ? [m[1]!, t.slice(m[0].length)] : [t];
      })
      .map((t) => {
        const tagged = TAG.test(t);
        const core = tagged ? t.replace(TAG, '') : t;
        const asked = tagged || QUESTION_START.test(core) || REQUEST_START.test(core) || /\?\s*$/.test(core) || CLAIM.test(core);
        return { text: t, core, asked };
      })
      // An aside follows a question that does not point back at it: "whose job is that, writing the
      // failback plan for the BCP" asks about the clause after it.
      .map((seg, i, all) =>
        !seg.asked && i > 0 && all[i - 1]!.asked && !POINTS_BACK.test(all[i - 1]!.core) && ASIDE.test(seg.core) ? { ...seg, aside: true } : seg,
      )
  );
}
