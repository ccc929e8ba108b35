// The parts every answer is made of: a row as a Match, a section as a SectionRef, an empty
// answer to start from, and notes that add up.
import type { Entry, ResponsibilityDocument, Section } from '../model.js';
import type { Indexed } from './search-index.js';
import type { Query } from './query.js';
import type { Answer, Match, SectionRef } from './types.js';

export function sectionRef(doc: ResponsibilityDocument, s: Section): SectionRef {
  return { id: s.id, title: s.title, doc: doc.id, service: doc.service, lastUpdated: doc.lastUpdated, url: sectionUrl(doc, s), text: s.text };
}

function sectionUrl(doc: ResponsibilityDocument, s: Section): string | null {
  return doc.url ? `${doc.url}#${s.id}` : null;
}

/** One row of an answer: an entry (or a prose section, entry null) with where it stands. */
export function matchOf(doc: ResponsibilityDocument, section: Section, entry: Entry | null, score: number): Match {
  return {
    doc: doc.id,
    service: doc.service,
    sectionId: section.id,
    section: section.title,
    task: entry ? entry.task : null,
    provider: entry ? entry.provider : section.text,
    customer: entry ? entry.customer : null,
    party: entry ? entry.party : null,
    score: round(score),
    entryId: entry?.id ?? null,
    url: sectionUrl(doc, section),
  };
}

export const toMatch = (e: Indexed, score: number): Match => matchOf(e.doc, e.section, e.entry, score);

export const round = (x: number) => Math.round(x * 1000) / 1000;

/** An answer that answers nothing yet: the starting point of every answer, and the reply to an error. */
export function emptyAnswer(q: Query | null, question: string): Answer {
  return {
    question,
    answered: false,
    intent: 'unknown',
    party: null,
    confidence: 0,
    section: null,
    matches: [],
    suggestions: [],
    side: null,
    services: [],
    sections: [],
    examples: [],
    runnerUp: null,
    note: q?.truncated ? `Only the first ${q.text.length} characters of the question were read.` : null,
  };
}

/** Notes add up: "only the first 500 characters were read" stays whatever else is said. */
export function joinNotes(...notes: Array<string | null>): string | null {
  const n = notes.filter((x): x is string => !!x);
  return n.length ? n.join(' ') : null;
}

export function addNote(a: Answer, note: string): void {
  a.note = joinNotes(a.note, note);
}
