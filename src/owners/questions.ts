// Questions about owners rather than rows: "what does the Data Platform team own?", "which of
// our tasks have no owner?". Only when the question holds nothing else: "what does security do
// about patching?" names a task, and the answer engine takes it.
import { STOPWORDS, words } from '../engine/words.js';
import type { Owner, OwnerBook } from './book.js';

export type OwnerQuestion = { kind: 'owner'; owner: Owner } | { kind: 'unowned' };

/** Words that ask about a set of rows and nothing more (beyond the engine's stop words). */
const ABOUT_ROWS = new Set(['belong', 'belongs', 'assigned', 'row', 'rows', 'item', 'items', 'does', 'anything', 'currently', 'today', 'now']);

const UNOWNED =
  /\b(?:un-?owned|not owned|nobody owns|no-?one owns|no one owns|no owners?|without (?:an? )?owners?|lacks? (?:an? )?owners?|missing (?:an? )?owners?|orphan(?:ed|s)?)\b/i;

const onlyAboutRows = (ws: string[]): boolean => ws.every((w) => STOPWORDS.has(w) || ABOUT_ROWS.has(w));

/** The words of an owner's name and key ("Data Platform team" → data platform; "data-platform"). */
function namesOf(o: Owner): string[][] {
  const name = words(o.name);
  const bare = name.length > 1 && name[name.length - 1] === 'team' ? name.slice(0, -1) : name;
  return [name, bare, words(o.id)].filter((n) => n.length > 0);
}

/** Where `name` occurs in `ws` as a run of words, or -1. */
function find(ws: string[], name: string[]): number {
  outer: for (let i = 0; i + name.length <= ws.length; i++) {
    for (let k = 0; k < name.length; k++) if (ws[i + k] !== name[k]) continue outer;
    return i;
  }
  return -1;
}

export function ownerQuestion(question: string, book: OwnerBook): OwnerQuestion | null {
  if (UNOWNED.test(question)) return onlyAboutRows(words(question.replace(UNOWNED, ' '))) ? { kind: 'unowned' } : null;
  const ws = words(question);
  // The longest name first: "Data Platform team" before a "Data" team.
  const candidates = book.owners.flatMap((owner) => namesOf(owner).map((name) => ({ owner, name }))).sort((a, b) => b.name.length - a.name.length);
  for (const { owner, name } of candidates) {
    const at = find(ws, name);
    if (at < 0) continue;
    const rest = [...ws.slice(0, at), ...ws.slice(at + name.length)];
    return rest.length > 0 && onlyAboutRows(rest) ? { kind: 'owner', owner } : null;
  }
  return null;
}
