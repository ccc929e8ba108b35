// What the bot could not serve, as the store keeps it: questions it abstained on and answers
// given a 👎. The chat surfaces record them; `respbot report` reads them back.
import type { Answer } from '../engine/types.js';
import type { Platform, Signal } from '../store/types.js';

/** The closest entries of an answer, as "Section › task" (the top three). */
export function closestOf(a: Answer, except: string | null = null): string[] {
  const fromMatches = a.matches.filter((m) => except === null || m.entryId !== except).map((m) => (m.task ? `${m.section} › ${m.task}` : m.section));
  return [...new Set([...fromMatches, ...a.suggestions])].slice(0, 3);
}

export function unansweredSignal(a: Answer, platform: Platform, user: string | null): Signal {
  return { kind: 'unanswered', at: Date.now(), platform, question: a.question, entryId: null, candidates: closestOf(a), user };
}

export function dislikedSignal(question: string, entryId: string | null, platform: Platform, user: string | null): Signal {
  return { kind: 'disliked', at: Date.now(), platform, question, entryId, candidates: [], user };
}
