import { performance } from 'node:perf_hooks';
import { engineFor } from '../src/engine/engine.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { readQuestion } from '../src/engine/query.js';
import { rank } from '../src/engine/ranking.js';
import { largeKb, SHARED } from './kb.js';
const corpus = loadKnowledgeBase([`${SHARED}corpus/ibm-cloud`]);
const n = Number(process.argv[2] ?? 1000);
const e = engineFor(largeKb(corpus, n));
for (const q of process.argv.slice(3)) {
  for (let i = 0; i < 5; i++) e.answer(q);
  let t = performance.now(); for (let i = 0; i < 20; i++) e.answer(q); const ans = (performance.now() - t) / 20;
  t = performance.now(); let rq; for (let i = 0; i < 20; i++) rq = readQuestion(q, e.index); const rd = (performance.now() - t) / 20;
  t = performance.now(); let r; for (let i = 0; i < 20; i++) { r = rank(rq!, e.index); r.take(5); } const rk = (performance.now() - t) / 20;
  console.log(q, { ans, read: rd, rank: rk, cand: r!.candidates, scored: r!.scored, entries: e.index.entries.length, units: rq!.units.map((u) => [u.word, u.terms.length, u.related.size, u.covered]) });
}
