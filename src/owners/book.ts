// The customer's side of each row, joined to the team that does it (owners.yaml): rules by
// service, section and task, the most specific rule winning. Built once per load, so an
// answer only looks its rows up.
import { existsSync } from 'node:fs';
import type { z } from 'zod';
import { readDataFileWithLines } from '../config/data-file.js';
import { OWNERS_FILE } from '../config/data-files.js';
import { dataFile } from '../load/folder.js';
import type { Entry, KnowledgeBase, LoadWarning, ResponsibilityDocument, Section } from '../model.js';

type OwnerSettings = z.output<typeof OWNERS_FILE>['owners'][string];

/** An owner as answers carry it: its key in owners.yaml and how to reach it. */
export interface Owner extends OwnerSettings {
  id: string;
}

export interface OwnerRule {
  owner: string;
  service: string | null;
  section: string | null;
  task: string | null;
  /** Where the rule is, for warnings. */
  line: number | null;
}

export interface OwnersFile {
  file: string;
  owners: Owner[];
  rules: OwnerRule[];
}

/** A row with a customer side, and its owner (null: no rule covers it). */
export interface OwnedRow {
  doc: ResponsibilityDocument;
  section: Section;
  entry: Entry;
  owner: Owner | null;
}

export interface OwnerBook {
  file: string;
  owners: Owner[];
  /** The owner of an entry's customer side; null for a row no rule covers, or one with no customer side. */
  ownerOf(entryId: string): Owner | null;
  /** Every row with a customer side, in document order, with its owner. */
  rows: OwnedRow[];
  /** Rules that match nothing in the loaded documents (a misspelt section, a task renamed upstream). */
  warnings: LoadWarning[];
}

/** owners.yaml, or null when there is none. A malformed file is a ConfigError with file and line. */
export function readOwners(file: string): OwnersFile | null {
  if (!existsSync(file)) return null;
  const { value, lineOf } = readDataFileWithLines(file, OWNERS_FILE);
  return {
    file,
    owners: Object.entries(value.owners).map(([id, o]) => ({ ...o, id })),
    rules: value.rules.map((r, i) => ({
      owner: r.owner,
      service: r.service ?? null,
      section: r.section ?? null,
      task: r.task ?? null,
      line: lineOf(['rules', i]) ?? null,
    })),
  };
}

/** The owners of the loaded documents from the first owners.yaml in `dirs` (or data/); null when there is none. */
export function ownerBookFor(kb: KnowledgeBase, dirs: string[]): OwnerBook | null {
  const file = readOwners(dataFile('owners.yaml', dirs));
  return file && buildOwnerBook(kb, file);
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** "disaster recovery", "*backup*", "Mirroring": case-insensitive, whole text, * for any run. */
function pattern(p: string): (text: string | null | undefined) => boolean {
  const re = new RegExp(
    `^${norm(p)
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return (text) => text != null && re.test(norm(text));
}

interface CompiledRule extends OwnerRule {
  service_: ((d: ResponsibilityDocument) => boolean) | null;
  section_: ((s: Section) => boolean) | null;
  task_: ((e: Entry) => boolean) | null;
  /** Task over section over service; the earlier rule wins a tie. */
  weight: number;
}

function compile(r: OwnerRule): CompiledRule {
  const svc = r.service === null ? null : pattern(r.service);
  const sec = r.section === null ? null : pattern(r.section);
  const task = r.task === null ? null : pattern(r.task);
  return {
    ...r,
    service_: svc && ((d) => svc(d.id) || svc(d.service) || svc(d.subcollection)),
    section_: sec && ((s) => sec(s.title) || sec(s.id)),
    task_: task && ((e) => task(e.task)),
    weight: (task ? 4 : 0) + (sec ? 2 : 0) + (svc ? 1 : 0),
  };
}

/** The customer's side of a row: a task the customer does all or part of. */
const hasCustomerSide = (e: Entry): boolean => e.task !== null && (e.party === 'customer' || (e.party === 'shared' && !!e.customer));

export function buildOwnerBook(kb: KnowledgeBase, file: OwnersFile): OwnerBook {
  const owners = new Map(file.owners.map((o) => [o.id, o]));
  const rules = file.rules.map(compile);
  const used = new Set<CompiledRule>();
  const rows: OwnedRow[] = [];
  const byEntry = new Map<string, Owner>();
  for (const doc of kb.documents) {
    for (const section of doc.sections) {
      for (const entry of section.entries) {
        if (!hasCustomerSide(entry)) continue;
        let best: CompiledRule | null = null;
        for (const r of rules) {
          if ((r.service_ && !r.service_(doc)) || (r.section_ && !r.section_(section)) || (r.task_ && !r.task_(entry))) continue;
          used.add(r);
          if (!best || r.weight > best.weight) best = r;
        }
        const owner = best ? owners.get(best.owner)! : null;
        if (owner) byEntry.set(entry.id, owner);
        rows.push({ doc, section, entry, owner });
      }
    }
  }
  const warnings: LoadWarning[] = rules
    .filter((r) => !used.has(r))
    .map((r) => ({ file: file.file, line: r.line, message: `the rule for ${r.owner} matches nothing: ${whyUnmatched(r, kb)}` }));
  return { file: file.file, owners: file.owners, ownerOf: (id) => byEntry.get(id) ?? null, rows, warnings };
}

/** Which part of an unused rule names nothing loaded. */
function whyUnmatched(r: CompiledRule, kb: KnowledgeBase): string {
  const docs = kb.documents.filter((d) => !r.service_ || r.service_(d));
  if (docs.length === 0) return `no loaded service is "${r.service}"`;
  const sections = docs.flatMap((d) => d.sections).filter((s) => !r.section_ || r.section_(s));
  if (sections.length === 0) return `no section is "${r.section}"${r.service !== null ? ` in ${r.service}` : ''}`;
  const tasks = sections.flatMap((s) => s.entries).filter((e) => !r.task_ || r.task_(e));
  if (tasks.length === 0) return `no task is "${r.task}"${r.section !== null ? ` in ${r.section}` : ''}`;
  return 'those rows have no customer side';
}
