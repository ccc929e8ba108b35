import { performance } from 'node:perf_hooks';
import { engineFor } from '../src/engine/engine.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { largeKb, questionMix, SHARED } from './kb.js';
const corpus = loadKnowledgeBase([`${SHARED}corpus/ibm-cloud`]);
const qs = questionMix();
const n = Number(process.argv[2] ?? 17);
const e = engineFor(largeKb(corpus, n));
for (let r = 0; r < 3; r++) for (const q of qs) e.answer(q);
const med = qs.map((q) => {
  const t: number[] = [];
  for (let r = 0; r < 15; r++) { const s = performance.now(); e.answer(q); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  return { q, med: t[7]!, max: t[14]! };
});
med.sort((a, b) => b.med - a.med);
for (const m of med.slice(0, 15)) console.log(m.med.toFixed(3), m.max.toFixed(3), m.q.slice(0, 100));
const all = med.map((m) => m.med).sort((a, b) => a - b);
console.log('median of medians', all[Math.floor(all.length / 2)]);
