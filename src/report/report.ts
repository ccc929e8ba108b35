// `respbot report`: the questions users could not get answered, most frequent first, and the
// answers they disliked, each with the closest entries in today's documents, so a document
// owner can add vocabulary (data/synonyms.yaml) or fix the document.
import type { Engine } from '../engine/engine.js';
import type { Platform, Signal } from '../store/types.js';
import { closestOf } from './signals.js';

export interface UnansweredRow {
  question: string;
  count: number;
  lastAt: string;
  platforms: Platform[];
  /** The closest entries now (the documents may have changed since). */
  closest: string[];
}

export interface DislikedRow {
  question: string;
  /** The entry that was answered ("Section › task"), or its id if it is gone. */
  answered: string | null;
  count: number;
  lastAt: string;
  platforms: Platform[];
  /** Other entries that might have been meant. */
  closest: string[];
}

export interface Report {
  since: string;
  totals: { unanswered: number; disliked: number };
  unanswered: UnansweredRow[];
  disliked: DislikedRow[];
}

/** "Who patches my laptop?" and "who patches my laptop" count as one question. */
export const normalise = (q: string): string =>
  q
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.]+$/, '')
    .trim();

/** "7d", "24h", "30m", "2w" → milliseconds; null when unreadable. */
export function parseSince(s: string): number | null {
  const m = /^(\d+)\s*([mhdw])$/i.exec(s.trim());
  if (!m) return null;
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2]!.toLowerCase() as 'm' | 'h' | 'd' | 'w'];
}

function group<T extends { count: number; lastAt: string; platforms: Platform[] }>(
  signals: Signal[],
  key: (s: Signal) => string,
  make: (s: Signal) => Omit<T, 'count' | 'lastAt' | 'platforms'>,
): T[] {
  const rows = new Map<string, T>();
  for (const s of signals) {
    const k = key(s);
    const row = rows.get(k) ?? ({ ...make(s), count: 0, lastAt: '', platforms: [] } as unknown as T);
    row.count++;
    row.lastAt = new Date(s.at).toISOString();
    if (!row.platforms.includes(s.platform)) row.platforms.push(s.platform);
    rows.set(k, row);
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}

export function buildReport(signals: Signal[], engine: Engine, since: number, limit = 20): Report {
  const entries = new Map(
    engine.kb.documents.flatMap((d) => d.sections.flatMap((s) => s.entries.map((e) => [e.id, `${s.title} › ${e.task ?? s.title}`] as const))),
  );
  const unanswered = group<UnansweredRow>(
    signals.filter((s) => s.kind === 'unanswered'),
    (s) => normalise(s.question),
    (s) => ({ question: s.question, closest: [] }),
  ).slice(0, limit);
  for (const row of unanswered) row.closest = closestOf(engine.answer(row.question));
  const disliked = group<DislikedRow>(
    signals.filter((s) => s.kind === 'disliked'),
    (s) => `${normalise(s.question)}\u0000${s.entryId ?? ''}`,
    (s) => ({ question: s.question, answered: s.entryId ? (entries.get(s.entryId) ?? s.entryId) : null, closest: [] }),
  ).slice(0, limit);
  for (const row of disliked) {
    const id = signals.find((s) => s.kind === 'disliked' && normalise(s.question) === normalise(row.question))?.entryId ?? null;
    row.closest = closestOf(engine.answer(row.question), id);
  }
  return {
    since: new Date(since).toISOString(),
    totals: { unanswered: signals.filter((s) => s.kind === 'unanswered').length, disliked: signals.filter((s) => s.kind === 'disliked').length },
    unanswered,
    disliked,
  };
}

/** The report for a terminal. */
export function formatReport(r: Report): string {
  const out: string[] = [`Since ${r.since.slice(0, 16).replace('T', ' ')} UTC: ${r.totals.unanswered} unanswered, ${r.totals.disliked} disliked.`, ''];
  out.push('Most frequent unanswered questions');
  if (r.unanswered.length === 0) out.push('  (none)');
  for (const u of r.unanswered) {
    out.push(`  ${String(u.count).padStart(4)}×  ${u.question}   [${u.platforms.join(', ')}; last ${u.lastAt.slice(0, 10)}]`);
    out.push(`         closest: ${u.closest.length ? u.closest.join(' | ') : '(nothing close)'}`);
  }
  out.push('', 'Disliked answers (👎)');
  if (r.disliked.length === 0) out.push('  (none)');
  for (const d of r.disliked) {
    out.push(`  ${String(d.count).padStart(4)}×  ${d.question}   [${d.platforms.join(', ')}; last ${d.lastAt.slice(0, 10)}]`);
    out.push(`         answered: ${d.answered ?? '(unknown)'}`);
    out.push(`         closest:  ${d.closest.length ? d.closest.join(' | ') : '(nothing else close)'}`);
  }
  return out.join('\n') + '\n';
}
