// A section's summary as an answer: asked for in a question, or by a "Show the whole section" button.
import type { Party } from '../model.js';
import { emptyAnswer, joinNotes, matchOf, round, sectionRef } from './matches.js';
import type { KnowledgeIndex, ServiceGroup } from './search-index.js';
import type { SectionHit } from './sections.js';
import type { Answer } from './types.js';

export function sectionAnswer(a: Answer, hit: SectionHit, party: Party | null, scope: ServiceGroup[], index: KnowledgeIndex | null): Answer {
  const { group, section } = hit;
  const entries = section.entries.filter((e) => !party || e.party === party || e.party === 'shared');
  const title = section.title.toLowerCase();
  const others =
    index && scope === index.services
      ? (index.titles.servicesByTitle.get(title) ?? []).filter((g) => g !== group)
      : scope.filter((g) => g !== group && g.doc.sections.some((s) => s.title.toLowerCase() === title));
  return {
    ...a,
    answered: true,
    intent: 'section',
    party,
    confidence: round(Math.min(1, 0.5 + 0.5 * hit.fit.query * Math.max(0.5, hit.fit.title))),
    section: sectionRef(group.doc, section),
    matches: entries.map((e) => matchOf(group.doc, section, e, 1)),
    services: others.length ? [group.service, ...others.map((g) => g.service)] : [],
    note: joinNotes(
      a.note,
      others.length
        ? `Several services have ${/^[aeiou]/i.test(section.title) ? 'an' : 'a'} "${section.title}" section; this is ${group.service}'s. Name the service to pick another.`
        : null,
    ),
  };
}

/** The summary of one section by id, as a `section` answer (for "Show the whole section" buttons). */
export function answerSection(index: KnowledgeIndex, docId: string, sectionId: string, party: Party | null = null): Answer | null {
  const first = index.servicesByDoc.get(docId)?.[0];
  const group = first === undefined ? null : index.services[first]!;
  const doc = group?.doc ?? index.kb.documents.find((d) => d.id === docId);
  const section = doc?.sections.find((s) => s.id === sectionId);
  if (!doc || !section) return null;
  const g: ServiceGroup = group ?? { service: doc.service, doc, aliases: [] };
  return sectionAnswer(emptyAnswer(null, section.title), { group: g, section, fit: { query: 1, title: 1 } }, party, [g], null);
}
