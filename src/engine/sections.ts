// Section titles as the question meets them: each distinct title once (documents share titles,
// "Disaster recovery" in most), with its words as units of term ids and an inverted index from
// term to title, so that finding the section a question names reads only the titles sharing a
// word with it, not every section of every service.
import type { Section } from '../model.js';
import type { ServiceGroup } from './search-index.js';
import type { Query } from './query.js';
import type { Interner } from './terms.js';

export interface SectionTitles {
  /** Title → its class. */
  classOf: Map<string, number>;
  /** Per class: the title's words as units (stem and concepts, as ids). */
  units: number[][][];
  /** Term id → the classes whose title has it. */
  byTerm: Map<number, number[]>;
  /** Per class: the first section with that title in the index's service order, and its group. */
  first: Array<{ group: ServiceGroup; section: Section; at: number }>;
  /** Lower-cased title → the services having a section so called, in service order. */
  servicesByTitle: Map<string, ServiceGroup[]>;
}

export function sectionTitles(services: ServiceGroup[], unitsOf: (title: string) => string[][], intern: (term: string) => number): SectionTitles {
  const classOf = new Map<string, number>();
  const units: number[][][] = [];
  const byTerm = new Map<number, number[]>();
  const first: SectionTitles['first'] = [];
  const servicesByTitle = new Map<string, ServiceGroup[]>();
  let at = 0;
  for (const group of services) {
    for (const section of group.doc.sections) {
      let c = classOf.get(section.title);
      if (c === undefined) {
        c = units.length;
        classOf.set(section.title, c);
        const u = unitsOf(section.title).map((terms) => terms.map(intern));
        units.push(u);
        first.push({ group, section, at });
        for (const id of new Set(u.flat())) {
          const list = byTerm.get(id);
          if (list) list.push(c);
          else byTerm.set(id, [c]);
        }
      }
      at++;
      const lower = section.title.toLowerCase();
      const list = servicesByTitle.get(lower);
      if (!list) servicesByTitle.set(lower, [group]);
      else if (list[list.length - 1] !== group) list.push(group);
    }
  }
  return { classOf, units, byTerm, first, servicesByTitle };
}

export interface SectionHit {
  group: ServiceGroup;
  section: Section;
  fit: { query: number; title: number };
}

/** The question's focus units by term id, for measuring titles against. */
export interface FocusTerms {
  count: number;
  unitsByTerm: Map<number, number[]>;
}

export function focusTerms(q: Query, dict: Interner): FocusTerms {
  const focus = q.units.filter((u) => u.focus);
  const unitsByTerm = new Map<number, number[]>();
  focus.forEach((u, k) => {
    for (const t of u.terms) {
      const id = dict.get(t);
      if (id < 0) continue;
      const list = unitsByTerm.get(id);
      if (!list) unitsByTerm.set(id, [k]);
      else if (list[list.length - 1] !== k) list.push(k);
    }
  });
  return { count: focus.length, unitsByTerm };
}

/** How well the question names a title: share of the question's topic found in the title, and of the title asked. */
export function titleFit(f: FocusTerms, title: number[][]): { query: number; title: number } {
  if (f.count === 0 || title.length === 0) return { query: 0, title: 0 };
  const hit = new Uint8Array(f.count);
  let titleHit = 0;
  for (const tu of title) {
    let any = false;
    for (const id of tu) {
      const ks = f.unitsByTerm.get(id);
      if (!ks) continue;
      any = true;
      for (const k of ks) hit[k] = 1;
    }
    if (any) titleHit++;
  }
  return { query: hit.reduce((n, x) => n + x, 0) / f.count, title: titleHit / title.length };
}

/**
 * The section the question names best: share of the question's topic found in the title (at least
 * `minQuery`), and of the title asked (at least a quarter); the first in scope order among the best.
 * Only titles sharing a term with the question are measured: any other has no share of it.
 */
export function bestSection(
  q: Query,
  titles: SectionTitles,
  dict: Interner,
  services: ServiceGroup[],
  scope: ServiceGroup[],
  minQuery: number,
): SectionHit | null {
  const f = focusTerms(q, dict);
  // No topic: no title can hold a share of it (minQuery is above 0).
  if (f.count === 0) return null;
  const passes = (fit: { query: number; title: number }) => fit.query >= minQuery && fit.title >= 0.25;
  if (scope !== services) {
    // A few services named: their sections in order, each distinct title measured once.
    const fits = new Map<number, { query: number; title: number }>();
    let best: SectionHit | null = null;
    for (const group of scope) {
      for (const section of group.doc.sections) {
        const c = titles.classOf.get(section.title)!;
        let fit = fits.get(c);
        if (!fit) {
          fit = titleFit(f, titles.units[c]!);
          fits.set(c, fit);
        }
        if (!passes(fit)) continue;
        if (!best || fit.query + fit.title > best.fit.query + best.fit.title) best = { group, section, fit };
      }
    }
    return best;
  }
  // Every service: only the titles sharing a term with the question, and of the best, the one met first.
  const candidates = new Set<number>();
  for (const id of f.unitsByTerm.keys()) for (const c of titles.byTerm.get(id) ?? []) candidates.add(c);
  let best: { c: number; fit: { query: number; title: number } } | null = null;
  for (const c of candidates) {
    const fit = titleFit(f, titles.units[c]!);
    if (!passes(fit)) continue;
    const sum = fit.query + fit.title;
    const bestSum = best ? best.fit.query + best.fit.title : -Infinity;
    if (sum > bestSum || (sum === bestSum && titles.first[c]!.at < titles.first[best!.c]!.at)) best = { c, fit };
  }
  if (!best) return null;
  const { group, section } = titles.first[best.c]!;
  return { group, section, fit: best.fit };
}
