// Question and document text → comparable terms: words, stems, and the stop lists.
import { stemmer } from 'stemmer';

/** Longest question we read; longer input is cut here (and the answer says so). */
export const MAX_QUESTION_CHARS = 500;

/** NFKC, no control or zero-width characters, single spaces, at most MAX_QUESTION_CHARS. */
export function cleanQuestion(raw: unknown): { text: string; truncated: boolean } {
  const s = (typeof raw === 'string' ? raw : String(raw ?? ''))
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length <= MAX_QUESTION_CHARS) return { text: s, truncated: false };
  return { text: s.slice(0, MAX_QUESTION_CHARS), truncated: true };
}

export function words(text: string): string[] {
  return text.toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
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
  take takes taking own owns owned owner ownership job duty duties task tasks deal deals cover covers covered look looks
  looking after really actually please pls tell know want wants like also just any all some every each other another
  give gives giving gave get gets getting got make makes making made keep keeps keeping kept go goes going
  happen happens happening thing things stuff someone somebody anyone anybody person party side guy guys team
  section sections part chapter area show display summarize summarise summary overview tell explain describe outline recap walk through everything list me
  ibm provider customer customers client's cloud service services`.split(/\s+/),
);

/** Phrases removed before matching ("who is in charge of" adds nothing to the topic). */
export const STOP_PHRASES: RegExp[] = [
  /\b(in charge of|on the hook for|take care of|takes care of|taking care of|look after|looks after|deal with|deals with|responsible for|accountable for|is it (?:my|our|ibm'?s?) job to|whose job is it to|who should|who must|who needs to|who has to|do i have to|do we have to|do i need to|do we need to|am i supposed to|are we supposed to)\b/g,
];

/** Words that still name a topic even though they are in STOPWORDS for questions. */
export function isStopword(w: string): boolean {
  return STOPWORDS.has(w);
}
