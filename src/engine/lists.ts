// Answers that list: every section, and a party's rows ("what is IBM responsible for?").
import type { Party } from '../model.js';
import { sideWanted } from './intent.js';
import { addNote, matchOf, sectionRef } from './matches.js';
import type { KnowledgeIndex, ServiceGroup } from './search-index.js';
import type { Answer, Match, SectionRef } from './types.js';

/**
 * A service's sections, and its rows for each party, made once: "list the sections" or "what is
 * IBM responsible for?" over thousands of services then copies references instead of making an
 * object per section or row per question. Frozen, as every answer that lists them shares them.
 */
const sectionRefs = new WeakMap<ServiceGroup, readonly SectionRef[]>();
const partyRows = new WeakMap<ServiceGroup, Map<Party, readonly Match[]>>();

function sectionsOf(g: ServiceGroup): readonly SectionRef[] {
  let refs = sectionRefs.get(g);
  if (!refs) {
    refs = Object.freeze(g.doc.sections.map((s) => Object.freeze(sectionRef(g.doc, s))));
    sectionRefs.set(g, refs);
  }
  return refs;
}

function partyRowsOf(g: ServiceGroup, party: Party): readonly Match[] {
  let byParty = partyRows.get(g);
  if (!byParty) {
    // One Match per row, shared by the parties' lists (a shared row is in both).
    const rows = g.doc.sections.flatMap((s) => s.entries.map((e) => ({ e, m: Object.freeze(matchOf(g.doc, s, e, 1)) })));
    byParty = new Map(
      (['provider', 'customer', 'shared'] as const).map((p) => [
        p,
        Object.freeze(rows.filter((r) => r.e.party === p || r.e.party === 'shared').map((r) => r.m)),
      ]),
    );
    partyRows.set(g, byParty);
  }
  return byParty.get(party) ?? [];
}

/** The whole index's list of sections, and of each party's rows, once made. */
const wholeLists = new WeakMap<KnowledgeIndex, Map<string, readonly unknown[]>>();

/** The services' parts one after the other; for every service, a copy of the list made the first time. */
function joined<T>(index: KnowledgeIndex, scope: ServiceGroup[], key: string, part: (g: ServiceGroup) => readonly T[]): T[] {
  const whole = scope === index.services;
  let lists = wholeLists.get(index);
  const made = whole ? (lists?.get(key) as readonly T[] | undefined) : undefined;
  if (made) return made.slice();
  const out: T[] = [];
  for (const g of scope) for (const x of part(g)) out.push(x);
  if (whole) {
    if (!lists) {
      lists = new Map();
      wholeLists.set(index, lists);
    }
    lists.set(key, Object.freeze(out.slice()));
  }
  return out;
}

export function allSections(scope: ServiceGroup[], index: KnowledgeIndex): SectionRef[] {
  return joined(index, scope, 'sections', sectionsOf);
}

/** Everything one side does; `focus`, the clause that asks, may negate the side it names ("what is IBM not responsible for"). */
export function partyAnswer(a: Answer, named: Party, scope: ServiceGroup[], index: KnowledgeIndex, focus = ''): Answer {
  const { side: party, note } = sideWanted(focus, named);
  if (note) {
    a = { ...a };
    addNote(a, note);
  }
  const matches: Match[] = joined(index, scope, party, (g) => partyRowsOf(g, party));
  return { ...a, answered: true, intent: 'party', party, confidence: 1, matches, services: scope.length > 1 ? scope.map((g) => g.service) : [] };
}
