// What a new copy of a document would lose, read from the loaded model (sections and rows by
// id): a reload or `respbot sync` that loses a section, or more than a small share of rows,
// is refused unless removals are accepted (a truncated upload looks just like that).
import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Entry, ResponsibilityDocument } from './model.js';

/** A document may lose at most this share of its rows without the removals being accepted. */
export const MAX_LOST_ROW_SHARE = 0.1;

export interface DocumentLoss {
  doc: string;
  file: string;
  /** Titles of the sections the new copy no longer has. */
  lostSections: string[];
  /** "Section › task" of the rows the new copy no longer has. */
  lostRows: string[];
  rowsBefore: number;
  rowsAfter: number;
}

const rowLabel = (section: string, e: Entry) => `${section} › ${e.task ?? section}`;

export function documentLoss(before: ResponsibilityDocument, after: ResponsibilityDocument): DocumentLoss {
  const sectionsAfter = new Set(after.sections.map((s) => s.id));
  const rowsAfter = new Set(after.sections.flatMap((s) => s.entries.map((e) => e.id)));
  return {
    doc: before.id,
    file: after.sourceFile,
    lostSections: before.sections.filter((s) => !sectionsAfter.has(s.id)).map((s) => s.title),
    lostRows: before.sections.flatMap((s) => s.entries.filter((e) => !rowsAfter.has(e.id)).map((e) => rowLabel(s.title, e))),
    rowsBefore: before.sections.reduce((n, s) => n + s.entries.length, 0),
    rowsAfter: rowsAfter.size,
  };
}

/** A lost section, or more than MAX_LOST_ROW_SHARE of the rows: not taken without being accepted. */
export const tooMuchLost = (l: DocumentLoss): boolean => l.lostSections.length > 0 || l.lostRows.length > l.rowsBefore * MAX_LOST_ROW_SHARE;

/** "it would lose 3 sections (A, B, C) and 9 of 29 rows". */
export function describeLoss(l: DocumentLoss): string {
  const parts: string[] = [];
  if (l.lostSections.length) parts.push(`${l.lostSections.length} section${l.lostSections.length > 1 ? 's' : ''} (${l.lostSections.join(', ')})`);
  if (l.lostRows.length) parts.push(`${l.lostRows.length} of ${l.rowsBefore} rows`);
  return `it would lose ${parts.join(' and ') || 'nothing'}`;
}

/** The marker that accepts removals for a while: `touch DATA_DIR/.accept-removals`. */
export const ACCEPT_REMOVALS_MARKER = '.accept-removals';
/** How long after the marker was touched reloads may lose sections and rows. */
export const ACCEPT_REMOVALS_FOR_MS = 10 * 60_000;

/** The folder the marker lives in: DATA_DIR, or the folder of DATA_DIR when it names one file. */
function markerDir(dataDir: string): string {
  try {
    return statSync(dataDir).isFile() ? dirname(dataDir) : dataDir;
  } catch {
    return dataDir;
  }
}

/** The marker's path if it was touched less than ACCEPT_REMOVALS_FOR_MS ago, else null. */
export function removalsAccepted(dataDir: string, now = Date.now()): string | null {
  const marker = join(markerDir(dataDir), ACCEPT_REMOVALS_MARKER);
  try {
    return now - statSync(marker).mtimeMs < ACCEPT_REMOVALS_FOR_MS ? marker : null;
  } catch {
    return null;
  }
}

/** Touches the marker (what `respbot sync --accept-removals` does before replacing files). */
export function acceptRemovals(dataDir: string): string {
  const marker = join(markerDir(dataDir), ACCEPT_REMOVALS_MARKER);
  writeFileSync(marker, `Reloads may drop sections and rows until ${new Date(Date.now() + ACCEPT_REMOVALS_FOR_MS).toISOString()}.\n`);
  const now = new Date();
  utimesSync(marker, now, now);
  return marker;
}
