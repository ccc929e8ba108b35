// "Did you mean": the questions offered when a question is not answered.
import { fuzzySearch } from './fuzzy.js';
import type { Query } from './query.js';
import type { Ranking } from './ranking.js';
import type { Indexed, KnowledgeIndex } from './search-index.js';

const SUGGESTION_FLOOR = 0.2;

/** A question to suggest or offer as an example, one way everywhere: names as the document spells them. */
export const whoQuestion = (topic: string, service?: string): string => `Who is responsible for "${topic}"${service ? ` in ${service}` : ''}?`;

function suggestionFor(e: Indexed, multi: boolean): string {
  return whoQuestion(e.task ?? e.section.title, multi ? e.doc.service : undefined);
}

export function suggestionsFrom(ranked: Ranking, multi: boolean): string[] {
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

export function fuzzySuggestions(q: Query, index: KnowledgeIndex, multi: boolean): string[] {
  const out: string[] = [];
  const words = q.units.filter((u) => u.focus && u.word.length <= 20).map((u) => u.word);
  const pattern = words.join(' ').slice(0, FUZZY_PATTERN_CHARS).trim();
  if (!pattern) return out;
  for (const at of fuzzySearch(index.fuzzy, pattern, 3)) {
    const e = index.entries[at]!;
    out.push(suggestionFor(e, multi));
  }
  return out;
}
