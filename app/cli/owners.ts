// `respbot owners [--json] [PATH…]`: for the people who keep owners.yaml, every row with a
// customer side and its owner, the rows nobody owns, and the rules that match nothing.
import { parseArgs } from 'node:util';
import { coreSettings } from '../../src/config/settings.js';
import { describeWarning, loadKnowledgeBase } from '../../src/load/folder.js';
import { ownerBookFor, type OwnedRow, type OwnerBook } from '../../src/owners/book.js';

const rowJson = (r: OwnedRow) => ({
  doc: r.doc.id,
  service: r.doc.service,
  sectionId: r.section.id,
  section: r.section.title,
  task: r.entry.task,
  entryId: r.entry.id,
  party: r.entry.party,
});

export function ownersJson(book: OwnerBook): object {
  return {
    file: book.file,
    owners: book.owners.map((o) => ({
      id: o.id,
      name: o.name,
      channel: o.channel ?? null,
      url: o.url ?? null,
      notify: o.notify,
      rows: book.rows.filter((r) => r.owner?.id === o.id).map(rowJson),
    })),
    unowned: book.rows.filter((r) => r.owner === null).map(rowJson),
    warnings: book.warnings,
  };
}

export function ownersText(book: OwnerBook): string {
  const out: string[] = [
    `Owners from ${book.file}: ${book.rows.length - book.rows.filter((r) => !r.owner).length} of ${book.rows.length} rows with a customer side have one.`,
  ];
  const line = (r: OwnedRow) => `    ${r.doc.service} › ${r.section.title} › ${r.entry.task}${r.entry.party === 'shared' ? ' (shared)' : ''}`;
  for (const o of book.owners) {
    const rows = book.rows.filter((r) => r.owner?.id === o.id);
    out.push(
      '',
      `  ${o.name}${o.channel ? ` (${o.channel})` : ''}: ${rows.length} row${rows.length === 1 ? '' : 's'}${o.notify ? ' · notified' : ''}`,
      ...rows.map(line),
    );
  }
  const none = book.rows.filter((r) => r.owner === null);
  out.push('', `  No owner: ${none.length} row${none.length === 1 ? '' : 's'}`, ...none.map(line));
  if (book.warnings.length) out.push('', `${book.warnings.length} warning(s):`, ...book.warnings.map((w) => `  ${describeWarning(w)}`));
  return out.join('\n');
}

export async function runOwners(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  const paths = positionals.length ? positionals : [coreSettings().dataDir];
  const book = ownerBookFor(loadKnowledgeBase(paths), paths);
  if (!book) {
    process.stderr.write(`respbot owners: there is no owners.yaml in ${paths.join(', ')}; start from data/owners.example.yaml.\n`);
    return 1;
  }
  process.stdout.write(`${values.json ? JSON.stringify(ownersJson(book), null, 2) : ownersText(book)}\n`);
  return 0;
}
