// Every real IBM Cloud document loads, with no markup left and one entry per responsibility row.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { CORPUS } from './helpers/fs.js';

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));

/** Rows counted straight from the markdown, independently of the loader. */
function countRows(text: string): number {
  const lines = text.split('\n');
  let rows = 0;
  let tables = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim().startsWith('|') || !/^\s*\|?\s*:?-{1,}/.test(lines[i + 1] ?? '')) continue;
    tables++;
    const header = lines[i]!;
    let j = i + 2;
    let n = 0;
    while (j < lines.length && lines[j]!.trim().startsWith('|')) {
      n++;
      j++;
    }
    if (!/endpoint/i.test(header)) rows += n;
    i = j;
  }
  if (tables > 0) return rows;
  // No tables: bullets under bold party labels, or "Topic - text" bullets.
  let labelled = false;
  for (const line of lines) {
    if (/^\*\*(IBM|Your) responsibilities\*\*/.test(line)) labelled = true;
    else if (/^#/.test(line)) labelled = false;
    else if (labelled && /^[-*] /.test(line)) rows++;
    else if (!labelled && /^\* [^.]{2,60}? - /.test(line)) rows++;
  }
  return rows;
}

describe('the IBM Cloud corpus', () => {
  const kb = loadKnowledgeBase([CORPUS]);
  const texts = (id: string) => {
    const d = kb.documents.find((x) => x.id === id)!;
    return d.sections.flatMap((s) => [s.title, s.text, s.caption ?? '', ...s.entries.flatMap((e) => [e.task ?? '', e.provider ?? '', e.customer ?? ''])]);
  };

  test('every document loads', () => {
    expect(kb.documents).toHaveLength(files.length);
    expect(kb.warnings.filter((w) => w.message.startsWith('not loaded'))).toEqual([]);
  });

  test.each(files)('%s leaves no markup in any text', (file) => {
    const doc = kb.documents.find((d) => d.sourceFile.endsWith('/' + file))!;
    for (const t of [doc.title, doc.service, ...texts(doc.id)]) {
      expect(t).not.toMatch(/\{\{|\}\}|\{:|\\n|<\/?[a-z][a-z0-9]*[\s>/]|\]\(|\*\*/i);
    }
  });

  test.each(files)('%s has one entry per responsibility row', (file) => {
    const doc = kb.documents.find((d) => d.sourceFile.endsWith('/' + file))!;
    const entries = doc.sections.reduce((n, s) => n + s.entries.length, 0);
    expect(entries).toBe(countRows(readFileSync(join(CORPUS, file), 'utf8')));
  });

  test('overview grids become party facts per resource and area', () => {
    const vpc = kb.documents.find((d) => d.id === 'vpc')!;
    const grid = vpc.sections.flatMap((s) => s.grid);
    expect(grid).toContainEqual({ resource: 'Data', area: 'Disaster Recovery', party: 'customer' });
    expect(grid).toContainEqual({ resource: 'Hypervisor', area: 'Change Management', party: 'provider' });
    expect(grid).toContainEqual({ resource: 'Virtual servers', area: 'Incident and Operations Management', party: 'shared' });
    const sat = kb.documents.find((d) => d.id === 'satellite')!.sections.flatMap((s) => s.grid);
    expect(sat).toContainEqual({ resource: 'Satellite Link', area: 'Disaster Recovery', party: 'customer' });
  });

  test('a cell that says "None. IBM … is fully responsible" gives that party nothing to do', () => {
    const kp = kb.documents.find((d) => d.id === 'keyprotect')!;
    const dr = kp.sections.filter((s) => /disaster/i.test(s.id)).flatMap((s) => s.entries);
    const fully = dr.find((e) => e.provider?.startsWith('Continuously back up keys'))!;
    expect(fully).toMatchObject({ party: 'provider', customer: null });
  });

  test('the API endpoint table is not read as responsibilities', () => {
    expect(texts('eventnotifications').join(' ')).not.toMatch(/\/v1\/instances/);
  });

  test('lists inside cells keep their items as lines', () => {
    const ocp = kb.documents.find((d) => d.id === 'openshift-2021html')!;
    const worker = ocp.sections.flatMap((s) => s.entries).find((e) => e.task === 'Worker nodes' && e.provider?.includes('patch'))!;
    expect(worker.provider!.split('\n').length).toBeGreaterThan(1);
    expect(worker.provider!.split('\n').every((l) => l.startsWith('• '))).toBe(true);
    const ce = kb.documents.find((d) => d.id === 'codeengine')!.sections.flatMap((s) => s.entries)[0]!;
    expect(ce.provider).toMatch(/^• Deploy a fully managed.*\n• Fulfill requests/s);
  });

  test('relative and HTML links are made absolute', () => {
    const links = kb.documents.flatMap((d) => d.sections.flatMap((s) => s.entries.flatMap((e) => e.links)));
    expect(links.length).toBeGreaterThan(20);
    for (const l of links) expect(l).toMatch(/^(https?:\/\/|mailto:)/);
    expect(links).toContain('https://cloud.ibm.com/docs/containers?topic=containers-update#update');
  });
});
