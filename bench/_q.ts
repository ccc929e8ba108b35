import { performance } from 'node:perf_hooks';
import { engineFor } from '../src/engine/engine.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { largeKb, questionMix, SHARED } from './kb.js';
const corpus = loadKnowledgeBase([`${SHARED}corpus/ibm-cloud`]);
const e = engineFor(largeKb(corpus, Number(process.argv[2])));
const qs = questionMix();
for (let r = 0; r < 3; r++) for (const q of qs) e.answer(q);
for (const q of process.argv.slice(3)) {
  const t: number[] = [];
  for (let i = 0; i < 300; i++) { const s = performance.now(); e.answer(q); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(q, 'med', t[150]!.toFixed(3), 'p99', t[297]!.toFixed(3), 'max', t[299]!.toFixed(3), '>1ms', t.filter((x) => x > 1).length);
}
