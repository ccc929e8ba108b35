// Answers about owners: the rows one owner has, or the rows nobody has, as a party answer
// (the customer's side) so every surface lays them out as it lays out "what do I do?".
import { emptyAnswer, matchOf } from '../engine/matches.js';
import type { Answer, Match } from '../engine/types.js';
import type { OwnerBook } from './book.js';
import type { OwnerQuestion } from './questions.js';

export function ownerAnswer(question: string, asked: OwnerQuestion, book: OwnerBook): Answer {
  const owner = asked.kind === 'owner' ? asked.owner : null;
  const rows = book.rows.filter((r) => (owner ? r.owner?.id === owner.id : r.owner === null));
  const matches: Match[] = rows.map((r) => ({ ...matchOf(r.doc, r.section, r.entry, 1), owner: r.owner }));
  const none = owner ? `No row with a customer side is owned by ${owner.name}.` : 'Every row with a customer side has an owner.';
  return {
    ...emptyAnswer(null, question),
    answered: true,
    intent: 'party',
    party: 'customer',
    confidence: 1,
    matches,
    ownedBy: { owner },
    note: matches.length ? null : none,
  };
}

/** Each match (and the runner-up) with the owner of its customer side. */
export function withOwners(a: Answer, book: OwnerBook | null): Answer {
  if (!book) return a;
  const own = (m: Match): Match => ({ ...m, owner: m.entryId ? book.ownerOf(m.entryId) : null });
  return { ...a, matches: a.matches.map(own), runnerUp: a.runnerUp ? own(a.runnerUp) : null };
}
