// Parses one responsibility document (IBM Cloud docs markdown) into the typed model.
import type { Heading, List, Paragraph, Root, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Entry, LoadWarning, Party, ResponsibilityDocument, Section } from '../model.js';
import { slugify, squeeze } from '../strings.js';
import { inlineText, type LinkContext } from './inline.js';
import type { KeywordMap } from './keywords.js';
import { attributesAfter, prepareSource, type PreparedSource } from './source.js';
import { classifyTable, gridRows, responsibilityRows, tableCells, type RowDraft } from './tables.js';
import { bulletEntries, labelParty } from './bullets.js';

const parser = unified().use(remarkParse).use(remarkGfm);

export interface ServiceNames {
  /** subcollection → display name, for documents whose title does not name the service. */
  names: Record<string, string>;
}

export class DocumentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}

/** `event-streams-responsibilities.md` → `event-streams`. */
export function documentId(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(md|markdown)$/i, '');
  return slugify(base.replace(/[-_](shared[-_])?responsibilities$/i, '')) || slugify(base) || 'document';
}

/** "Understanding your responsibilities when you use Event Streams" → "Event Streams". */
export function serviceFromTitle(title: string): string | null {
  const t = title.replace(/[®™]/g, '').replace(/\s+/g, ' ').trim();
  const m = /(?:when (?:you )?(?:use|using)|with using|when using|responsibilities (?:for|with)(?: using)?|for using)\s+(.+)$/i.exec(t);
  const name = m?.[1]?.trim();
  return name && name.length <= 80 ? name : null;
}

interface Draft {
  section: Section;
  drafts: RowDraft[];
  textParts: string[];
  parentTitle: string | null;
  label: Party | null;
}

function newDraft(id: string, title: string, level: number, line: number, parentTitle: string | null): Draft {
  const section: Section = { id, title, level, text: '', caption: null, providerLabel: null, customerLabel: null, entries: [], grid: [], line };
  return { section, drafts: [], textParts: [], parentTitle, label: null };
}

function headingText(h: Heading, ctx: LinkContext): string {
  return inlineText(h.children, ctx).text.replace(/\n/g, ' ').replace(/[®™]/g, '').trim();
}

function looksLikeBrokenTable(p: Paragraph, lines: string[]): boolean {
  const start = p.position?.start.line ?? 0;
  const end = p.position?.end.line ?? 0;
  const block = lines.slice(start - 1, end);
  return block.length >= 2 && block.filter((l) => /^\s*\|.*\|/.test(l)).length >= 2;
}

export function parseDocument(
  text: string,
  file: string,
  keywords: KeywordMap,
  services: ServiceNames = { names: {} },
): { doc: ResponsibilityDocument; warnings: LoadWarning[] } {
  const warnings: LoadWarning[] = [];
  if (text.trim() === '') throw new DocumentError(file, null, 'the file is empty');
  const src: PreparedSource = prepareSource(text, file, keywords, warnings);
  const lines = src.markdown.split('\n');
  const tree = parser.parse(src.markdown) as Root;
  const subcollection = typeof src.front.subcollection === 'string' && src.front.subcollection.trim() ? src.front.subcollection.trim() : null;

  let title = '';
  let titleId: string | null = null;
  const ctx: LinkContext = { pageUrl: null };
  const drafts: Draft[] = [];
  const stack: Draft[] = [];
  let current: Draft | null = null;

  const implicitSection = (): Draft => {
    const d = newDraft(titleId ?? 'responsibilities', title || 'Responsibilities', 2, 0, null);
    drafts.push(d);
    return d;
  };
  const idAfter = (node: RootContent) => attributesAfter(src, node.position?.end.line ?? 0, lines).find((a) => a.id)?.id ?? null;

  for (const node of tree.children) {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'heading' && node.depth === 1 && !title) {
      title = headingText(node, ctx);
      titleId = idAfter(node);
      if (subcollection && titleId) ctx.pageUrl = `https://cloud.ibm.com/docs/${subcollection}?topic=${subcollection}-${titleId}`;
      continue;
    }
    if (node.type === 'heading') {
      const t = headingText(node, ctx);
      while (stack.length && stack[stack.length - 1]!.section.level >= node.depth) stack.pop();
      current = newDraft(idAfter(node) ?? slugify(t), t, node.depth, line, stack[stack.length - 1]?.section.title ?? null);
      drafts.push(current);
      stack.push(current);
      continue;
    }
    if (node.type === 'table') {
      current ??= implicitSection();
      readTable(node, current, src, lines, ctx, file, warnings);
      continue;
    }
    if (node.type === 'paragraph') {
      if (looksLikeBrokenTable(node, lines)) {
        warnings.push({ file, line, message: 'malformed table: rows written with | but no header delimiter row (| --- |); skipped' });
        continue;
      }
      const label = current ? labelParty(node) : null;
      if (current && label) {
        current.label = label;
        continue;
      }
    }
    if (node.type === 'list') {
      const got = bulletEntries(node as List, current?.label ?? null, ctx);
      if (got.rows.length) {
        // Topic bullets directly under the title ("Day 2 responsibilities include…") form a section of their own.
        current ??= implicitSection();
        current.drafts.push(...got.rows);
        continue;
      }
      if (got.onlyLinks) continue;
    }
    if (current && (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote')) {
      const t = inlineText([node], ctx).text;
      if (t) current.textParts.push(t);
    }
  }

  const service =
    (subcollection && services.names[subcollection]) || services.names[documentId(file)] || serviceFromTitle(title) || subcollection || documentId(file);
  const sections = finishSections(drafts, file, warnings);
  const lastUpdated = src.front.lastupdated != null ? String(src.front.lastupdated) : null;
  const kw =
    typeof src.front.keywords === 'string'
      ? src.front.keywords
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean)
      : [];
  const doc: ResponsibilityDocument = {
    id: documentId(file),
    service,
    title: title || service,
    lastUpdated,
    keywords: kw,
    subcollection,
    url: ctx.pageUrl,
    sourceFile: file,
    sections,
  };
  return { doc, warnings };
}

function readTable(node: Table, current: Draft, src: PreparedSource, lines: string[], ctx: LinkContext, file: string, warnings: LoadWarning[]): void {
  const { header, body } = tableCells(node, ctx);
  if (header.length === 0) return;
  const kind = classifyTable(
    header,
    body.map((r) => r.cells),
  );
  const caption = attributesAfter(src, node.position?.end.line ?? 0, lines).find((a) => a.caption)?.caption ?? null;
  if (kind.kind === 'other') return;
  current.section.caption ??= caption ? squeeze(caption) : null;
  if (kind.kind === 'grid') {
    const { facts, rows } = gridRows(body, kind.areas);
    current.section.grid.push(...facts);
    current.drafts.push(...rows);
    return;
  }
  current.section.providerLabel ??= kind.providerLabel;
  current.section.customerLabel ??= kind.customerLabel;
  const { rows, skipped } = responsibilityRows(body, kind);
  current.drafts.push(...rows);
  for (const line of skipped) warnings.push({ file, line, message: 'table row has no task or no responsibility text; skipped' });
}

function finishSections(drafts: Draft[], file: string, warnings: LoadWarning[]): Section[] {
  const titleCount = new Map<string, number>();
  for (const d of drafts) titleCount.set(d.section.title.toLowerCase(), (titleCount.get(d.section.title.toLowerCase()) ?? 0) + 1);
  const usedIds = new Set<string>();
  const out: Section[] = [];
  drafts.forEach((d, i) => {
    const s = d.section;
    s.text = d.textParts.join('\n\n');
    const hasRows = d.drafts.length > 0 || s.grid.length > 0;
    // A heading that only introduces sub-sections with tables is a container, not an answer.
    const childHasRows = drafts.slice(i + 1, nextSibling(drafts, i)).some((x) => x.drafts.length > 0);
    if (!hasRows && (childHasRows || !s.text)) return;
    if (d.parentTitle && (titleCount.get(s.title.toLowerCase()) ?? 0) > 1) s.title = `${d.parentTitle}: ${s.title}`;
    let id = s.id;
    for (let n = 2; usedIds.has(id); n++) id = `${s.id}-${n}`;
    usedIds.add(id);
    s.id = id;
    const entryIds = new Set<string>();
    s.entries = d.drafts.map((r): Entry => {
      let eid = `${s.id}/${slugify(r.task ?? 'text') || 'row'}`;
      for (let n = 2; entryIds.has(eid); n++) eid = `${s.id}/${slugify(r.task ?? 'text')}-${n}`;
      entryIds.add(eid);
      return { id: eid, ...r };
    });
    out.push(s);
  });
  if (!out.some((s) => s.entries.length > 0)) {
    warnings.push({ file, line: null, message: 'no responsibility table, list or grid found' });
  }
  return out;
}

function nextSibling(drafts: Draft[], i: number): number {
  const level = drafts[i]!.section.level;
  for (let j = i + 1; j < drafts.length; j++) if (drafts[j]!.section.level <= level) return j;
  return drafts.length;
}
