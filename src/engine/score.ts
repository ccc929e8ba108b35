// How well an entry answers a question: each topic unit scores by the field it is found in
// (task > the party texts > section title), weighted by rarity, normalised to 0..1.
import type { Indexed, KnowledgeIndex } from './index.js';
import type { Query, Unit } from './query.js';

export const FIELD_WEIGHT = { task: 1, body: 0.6, section: 0.45 } as const;

export interface Scored {
  item: Indexed;
  score: number;
}

function unitIn(u: Unit, set: Set<string>): boolean {
  return u.terms.some((t) => set.has(t));
}

/** 1 for the word itself, less for a synonym only, 0 when absent. */
function strength(u: Unit, set: Set<string>): number {
  if (u.stem && set.has(u.stem)) return 1;
  return unitIn(u, set) ? CONCEPT_ONLY : 0;
}

const CONCEPT_ONLY = 0.85;

export function scoreEntry(q: Query, e: Indexed): number {
  if (q.units.length === 0) return 0;
  let got = 0;
  let total = 0;
  let taskHits = 0;
  for (const u of q.units) {
    total += u.weight;
    if (!u.covered) continue;
    const task = strength(u, e.task_terms);
    if (task) taskHits++;
    const w = Math.max(
      FIELD_WEIGHT.task * task,
      FIELD_WEIGHT.body * Math.max(strength(u, e.provider_terms), strength(u, e.customer_terms)),
      FIELD_WEIGHT.section * strength(u, e.section_terms),
    );
    got += w * u.weight;
  }
  // A question that names the whole task ("who does the failback?") beats one word of a long task.
  return Math.min(1, got / total) * 0.88 + (taskHits ? 0.12 * taskCoverage(q, e) : 0);
}

/** Share of the task's words the question names (directly or by a synonym). */
export function taskCoverage(q: Query, e: Indexed): number {
  if (e.task_units.length === 0) return 0;
  return e.task_units.filter((t) => q.units.some((u) => u.terms.some((x) => t.includes(x)))).length / e.task_units.length;
}

export function rank(q: Query, index: KnowledgeIndex, docs?: Set<string>): Scored[] {
  const out: Scored[] = [];
  for (const item of index.entries) {
    if (docs && !docs.has(item.doc.id)) continue;
    const score = scoreEntry(q, item);
    if (score > 0) out.push({ item, score });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Which side of a shared entry the question is about, from the words the task does not explain. */
export function sideOf(q: Query, e: Indexed, index: KnowledgeIndex): 'provider' | 'customer' | null {
  if (e.party !== 'shared') return null;
  let p = 0;
  let c = 0;
  for (const u of q.units) {
    if (unitIn(u, e.task_terms)) continue;
    const w = Math.max(...u.terms.map((t) => index.idf.get(t) ?? 0));
    const inP = unitIn(u, e.provider_terms);
    const inC = unitIn(u, e.customer_terms);
    if (inP && !inC) p += w;
    if (inC && !inP) c += w;
  }
  if (c > 0 && c >= 1.5 * p) return 'customer';
  if (p > 0 && p >= 1.5 * c) return 'provider';
  return null;
}

/** How well the question names a section: share of the question's topic found in the title, and of the title asked. */
export function sectionFit(q: Query, title: string[][]): { query: number; title: number } {
  if (q.units.length === 0 || title.length === 0) return { query: 0, title: 0 };
  const shares = (a: string[], b: string[]) => a.some((t) => b.includes(t));
  const hit = q.units.filter((u) => title.some((t) => shares(u.terms, t))).length;
  const titleHit = title.filter((t) => q.units.some((u) => shares(u.terms, t))).length;
  return { query: hit / q.units.length, title: titleHit / title.length };
}
