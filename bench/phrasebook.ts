// Builds data/phrasebook.jsonl from labelled question files (the shared/eval format), resolving
// each question's task patterns to one row of the documents it was written against.
//   npx tsx bench/phrasebook.ts [--data DIR] FILE... [--data DIR FILE...] > data/phrasebook.jsonl
// A question whose patterns match no row, or rows of two documents, or that accepts a row or a
// prose section alike, is left out (reported on stderr).
import { basename, dirname } from 'node:path';
import { loadEngine } from '../src/engine/engine.js';
import { readQuestion } from '../src/engine/query.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { readQuestions } from './evalset.js';

const args = process.argv.slice(2);
let data = SHIPPED_DATA_DIR;
let kept = 0;
let skipped = 0;
const engines = new Map<string, ReturnType<typeof loadEngine>>();
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--data') {
    data = args[++i]!;
    continue;
  }
  const file = args[i]!;
  const engine = engines.get(data) ?? loadEngine([data]);
  engines.set(data, engine);
  const { index } = engine;
  const docs = index.services.map((g) => g.doc.id);
  const set = `${basename(dirname(file))}-${basename(file).replace(/\..*$/, '')}`;
  for (const q of readQuestions(file)) {
    if (q.kind === 'oos') {
      console.log(JSON.stringify({ q: q.q, task: null, docs, set }));
      kept++;
      continue;
    }
    // Requests that name no row: help, the list of sections, one side's duties everywhere.
    if (q.kind === 'help' || q.kind === 'list' || (q.kind === 'party' && q.party)) {
      console.log(JSON.stringify({ q: q.q, intent: q.kind, ...(q.kind === 'party' ? { party: q.party } : {}), docs, set }));
      kept++;
      continue;
    }
    if (q.kind !== 'entry') continue;
    // The services the question names narrow the rows; else every loaded one.
    const named = new Set(readQuestion(q.q, index).services.map((g) => g.doc.id));
    const inScope = index.services.filter((g) => named.size === 0 || named.has(g.doc.id));
    // A prose section accepted as the answer ("section": "client-side libraries") is the label,
    // unless a row is accepted too: then the writer allowed either, and it teaches neither.
    const prose = q.section
      ? inScope.flatMap((g) =>
          g.doc.sections
            .filter((s) => s.entries.length === 0 && new RegExp(q.section!, 'i').test(s.title))
            .map((s) => ({ doc: g.doc.id, section: s.title, task: s.title })),
        )
      : [];
    const rowNamed = (q.task ?? []).some((p) => inScope.some((g) => g.doc.sections.some((s) => s.entries.some((e) => new RegExp(p, 'i').test(e.task ?? '')))));
    if (prose.length === 1) {
      if (!rowNamed) {
        console.log(JSON.stringify({ q: q.q, ...prose[0]!, set }));
        kept++;
      } else {
        skipped++;
        console.error(`left out, a row or a prose section (${set}): ${q.q}`);
      }
      continue;
    }
    if (!q.task?.length) continue;
    const rows = inScope.flatMap((g) =>
      g.doc.sections.flatMap((s) =>
        (s.entries.length ? s.entries.map((e) => e.task ?? s.title) : [s.title]).map((task) => ({ doc: g.doc.id, section: s.title, task })),
      ),
    );
    let label: { doc: string; section: string; task: string } | null = null;
    for (const p of q.task) {
      const re = new RegExp(p, 'i');
      const hits = rows.filter((r) => re.test(r.task));
      if (hits.length === 0 || hits.some((h) => h.doc !== hits[0]!.doc)) continue;
      // Rows of one name in two sections: the one the engine itself ranks first, if it ranks one.
      const ranked = (engine.explain(q.q).answer.matches ?? []).find((m) => hits.some((h) => h.task === m.task && h.section === m.section));
      label = hits.length === 1 ? hits[0]! : (hits.find((h) => h.task === ranked?.task && h.section === ranked?.section) ?? null);
      if (label) break;
    }
    if (!label) {
      skipped++;
      console.error(`left out (${set}): ${q.q}`);
      continue;
    }
    console.log(JSON.stringify({ q: q.q, ...label, ...(q.party ? { party: q.party } : {}), set }));
    kept++;
  }
}
console.error(`${kept} labelled questions, ${skipped} left out`);
