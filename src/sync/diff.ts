// What changed between two versions of a document, row by row (entries keyed by their id:
// section and task), for `respbot sync`'s report.
import type { Entry, ResponsibilityDocument } from '../model.js';

export interface DocumentDiff {
  added: string[];
  removed: string[];
  /** Titles of sections the new copy no longer has. */
  removedSections: string[];
  changed: string[];
  lastUpdated: { before: string | null; after: string | null };
}

const entries = (d: ResponsibilityDocument | null): Map<string, Entry & { section: string }> =>
  new Map((d?.sections ?? []).flatMap((s) => s.entries.map((e) => [e.id, { ...e, section: s.title }] as const)));

const label = (e: Entry & { section: string }) => `${e.section} › ${e.task ?? e.section}`;

export function diffDocuments(before: ResponsibilityDocument | null, after: ResponsibilityDocument): DocumentDiff {
  const old = entries(before);
  const now = entries(after);
  return {
    added: [...now.entries()].filter(([id]) => !old.has(id)).map(([, e]) => label(e)),
    removed: [...old.entries()].filter(([id]) => !now.has(id)).map(([, e]) => label(e)),
    removedSections: (before?.sections ?? []).filter((s) => !after.sections.some((a) => a.id === s.id)).map((s) => s.title),
    changed: [...now.entries()]
      .filter(([id, e]) => old.has(id) && (old.get(id)!.provider !== e.provider || old.get(id)!.customer !== e.customer || old.get(id)!.party !== e.party))
      .map(([, e]) => label(e)),
    lastUpdated: { before: before?.lastUpdated ?? null, after: after.lastUpdated },
  };
}

export function describeDiff(d: DocumentDiff): string {
  const parts = [`+${d.added.length} rows`, `−${d.removed.length}`, `~${d.changed.length} changed`];
  const when = d.lastUpdated.before !== d.lastUpdated.after ? `; lastupdated ${d.lastUpdated.before ?? '(none)'} → ${d.lastUpdated.after ?? '(none)'}` : '';
  const sections = d.removedSections.length ? `; sections removed: ${d.removedSections.join(', ')}` : '';
  return parts.join(', ') + when + sections;
}
