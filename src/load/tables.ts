// Reads GFM tables: a responsibility table (task | provider | customer, whatever the
// header says), an overview grid (Resource × areas with You / IBM / Shared cells), or
// neither (an API endpoint table), which is kept out of the entries.
import type { Table, TableRow } from 'mdast';
import type { Entry, GridFact, Party } from '../model.js';
import { inlineText, type LinkContext } from './inline.js';

export type TableKind =
  | { kind: 'responsibility'; providerCol: number; customerCol: number; providerLabel: string; customerLabel: string }
  | { kind: 'grid'; areas: string[] }
  | { kind: 'other' };

export interface Cell {
  text: string;
  links: string[];
}

export interface BodyRow {
  cells: Cell[];
  line: number;
}

/** Each cell of a table as text, once: classifying the table and reading its rows share them. */
export function tableCells(table: Table, ctx: LinkContext): { header: Cell[]; body: BodyRow[] } {
  const read = (row: TableRow) => row.children.map((c) => inlineText(c.children, ctx));
  const [head, ...rest] = table.children;
  return { header: head ? read(head) : [], body: rest.map((r) => ({ cells: read(r), line: r.position?.start.line ?? 0 })) };
}

const PROVIDER_HEADER = /\bibm\b|\bprovider\b|\bcloud\b|how ibm helps/i;
const CUSTOMER_HEADER = /\byours?\b|\byou\b|\bcustomer\b|\bclient\b|what you can do/i;

/** A grid cell's value as a party: "You", "Customer", "IBM", "IBM Cloud", "[Shared](#x)". */
export function partyWord(text: string): Party | null | 'n/a' {
  const t = text.trim().toLowerCase().replace(/[®™.]/g, '');
  if (/^(you|customer|client|yours)$/.test(t)) return 'customer';
  if (/^(ibm|ibm cloud|provider)$/.test(t)) return 'provider';
  if (/^shared$/.test(t)) return 'shared';
  if (/^(n\/a|na|-|—|none)$/.test(t)) return 'n/a';
  return null;
}

export function classifyTable(header: Cell[], body: Cell[][]): TableKind {
  const labels = header.map((c) => c.text);
  let providerCol = -1;
  let customerCol = -1;
  labels.forEach((label, i) => {
    if (i === 0) return;
    if (customerCol < 0 && CUSTOMER_HEADER.test(label) && !/how ibm helps/i.test(label)) customerCol = i;
    else if (providerCol < 0 && PROVIDER_HEADER.test(label)) providerCol = i;
  });
  if (providerCol > 0 && customerCol > 0) {
    return { kind: 'responsibility', providerCol, customerCol, providerLabel: labels[providerCol]!, customerLabel: labels[customerCol]! };
  }
  if (labels.length >= 3) {
    const cells = body.flatMap((r) => r.slice(1).map((c) => c.text)).filter((t) => t !== '');
    const partyCells = cells.filter((t) => partyWord(t) !== null).length;
    if (cells.length > 0 && partyCells / cells.length >= 0.6) return { kind: 'grid', areas: labels.slice(1) };
  }
  return { kind: 'other' };
}

/**
 * An empty cell, "None", "N/A", "None. IBM is fully responsible for …" or "The Client is not
 * responsible for…" means that party does nothing.
 */
export function dutyText(cell: Cell | undefined): string | null {
  const t = cell?.text.trim() ?? '';
  if (t === '' || partyWord(t) === 'n/a') return null;
  if (/^(none|n\/a|not applicable)\s*[.;:,—–-]\s/i.test(t)) return null;
  if (/^(the )?(client|customer|you)\s+(is|are)\s+not\s+responsible\b/i.test(t)) return null;
  return t;
}

export function partyOf(provider: string | null, customer: string | null): Party | null {
  if (provider && customer) return 'shared';
  if (provider) return 'provider';
  if (customer) return 'customer';
  return null;
}

export type RowDraft = Omit<Entry, 'id'>;

export function responsibilityRows(body: BodyRow[], kind: Extract<TableKind, { kind: 'responsibility' }>): { rows: RowDraft[]; skipped: number[] } {
  const rows: RowDraft[] = [];
  const skipped: number[] = [];
  for (const { cells, line } of body) {
    const task = cells[0]?.text.replace(/\n/g, ' ').replace(/^•\s*/, '').trim() ?? '';
    const provider = dutyText(cells[kind.providerCol]);
    const customer = dutyText(cells[kind.customerCol]);
    const party = partyOf(provider, customer);
    if (!task || !party) {
      skipped.push(line);
      continue;
    }
    rows.push({ task, provider, customer, party, links: [...new Set(cells.flatMap((c) => c.links))], line });
  }
  return { rows, skipped };
}

const AREA_NAMES: Record<Party, string> = { provider: 'IBM', customer: 'You', shared: 'Shared' };

/** Grid rows become facts per resource and area, and one entry per resource that says who owns which area. */
export function gridRows(body: BodyRow[], areas: string[]): { facts: GridFact[]; rows: RowDraft[] } {
  const facts: GridFact[] = [];
  const rows: RowDraft[] = [];
  for (const { cells, line } of body) {
    const resource = cells[0]?.text.replace(/\n/g, ' ').trim() ?? '';
    if (!resource) continue;
    const mine: GridFact[] = [];
    areas.forEach((area, i) => {
      const p = partyWord(cells[i + 1]?.text ?? '');
      if (p && p !== 'n/a') mine.push({ resource, area, party: p });
    });
    if (mine.length === 0) continue;
    facts.push(...mine);
    const areasFor = (parties: Party[]) => mine.filter((f) => parties.includes(f.party)).map((f) => (f.party === 'shared' ? `${f.area} (shared)` : f.area));
    const providerAreas = areasFor(['provider', 'shared']);
    const customerAreas = areasFor(['customer', 'shared']);
    const provider = providerAreas.length ? `${AREA_NAMES.provider} is responsible for ${resource}: ${providerAreas.join(', ')}.` : null;
    const customer = customerAreas.length ? `You are responsible for ${resource}: ${customerAreas.join(', ')}.` : null;
    const parties = new Set(mine.map((f) => f.party));
    const party: Party = parties.size === 1 ? mine[0]!.party : 'shared';
    rows.push({ task: resource, provider, customer, party, links: [], line });
  }
  return { facts, rows };
}
