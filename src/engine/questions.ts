// A message that asks two things ("who patches the cluster and who backs up the topics?") gets two
// answers, one a question; one question spread over clauses ("who sets up mirroring, and who
// monitors it?") still gets one. The surfaces show each answer in turn; `answer()` and the JSON
// contract still read a message as one question.
import { cleanQuestion } from './clean.js';
import { segmentsOf } from './segments.js';
import type { Answer } from './types.js';

/** At most this many questions of one message are answered apart: the work of a message stays bounded. */
export const MAX_QUESTIONS = 3;

/** A clause that points back at another, or asks of both at once, asks about the same thing. */
const POINTS_BACK = /\b(?:it|its|they|them|their|that|this|those|these|there|same|too|also|either|both|each|then|else)\b/i;
/** A conjunction left at a clause's end by the split ("who patches the cluster and"). */
const TRAILING_CONJUNCTION = /[\s,]+(?:and|but|so|or|also)[\s,]*$/i;

/**
 * The questions of a message, each with the context that comes before the first of them
 * ("for prod: who patches the cluster? who backs up topics?"), when it asks two or more that each
 * stand alone; otherwise none.
 */
export function questionsIn(raw: string): string[] {
  const { text } = cleanQuestion(raw);
  const segments = segmentsOf(text);
  const asked = segments.filter((s) => s.asked);
  if (asked.length < 2 || asked.length > MAX_QUESTIONS) return [];
  if (asked.slice(1).some((s) => POINTS_BACK.test(s.core))) return [];
  const first = segments.indexOf(asked[0]!);
  const context = segments
    .slice(0, first)
    .map((s) => s.text)
    .join(' ');
  return asked.map((s) => `${context} ${s.text.replace(TRAILING_CONJUNCTION, '')}`.trim());
}

/** What an answer is about: its row, section, or side's share. */
const topicOf = (a: Answer) => {
  const top = a.matches[0];
  if (a.intent === 'section') return `section ${a.section?.id} ${a.party}`;
  if (a.intent === 'party') return `party ${a.party}`;
  return `${top?.doc} ${top?.sectionId} ${top?.task ?? ''}`;
};
const OWN_TOPIC = new Set<Answer['intent']>(['who', 'section', 'party']);

/**
 * The answers to show: one a question when each question of the message, asked alone, is answered
 * (who does a task, a section, a side's share) and about a topic of its own; else the message's one answer.
 */
export function answersFor(whole: Answer, questions: () => string[], answerOne: (question: string) => Answer): Answer[] {
  // Read the message's clauses again only when its one answer could be split.
  if (!(OWN_TOPIC.has(whole.intent) || whole.intent === 'unknown')) return [whole];
  const parts = questions();
  if (parts.length < 2) return [whole];
  const each = parts.map(answerOne);
  const apart = each.every((a) => a.answered && OWN_TOPIC.has(a.intent)) && new Set(each.map(topicOf)).size === each.length;
  return apart ? each : [whole];
}
