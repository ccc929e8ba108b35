import { performance } from 'node:perf_hooks';
import { engineFor } from '../src/engine/engine.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { largeKb, questionMix, SHARED } from './kb.js';
const corpus = loadKnowledgeBase([`${SHARED}corpus/ibm-cloud`]);
const e = engineFor(largeKb(corpus, Number(process.argv[2])));
const qs = questionMix();
for (let r = 0; r < 3; r++) for (const q of qs) e.answer(q);
const med = qs.map((q) => { const t: number[] = []; for (let r = 0; r < 9; r++) { const s = performance.now(); e.answer(q); t.push(performance.now() - s); } t.sort((a, b) => a - b); return { q, m: t[4]! }; }).sort((a, b) => b.m - a.m);
const slow = med.slice(0, Number(process.argv[3] ?? 10));
for (const s of slow) console.log(s.m.toFixed(3), s.q.slice(0, 90));
const all = med.map((m) => m.m).sort((a, b) => a - b);
console.log('p50 of medians', all[Math.floor(all.length / 2)]!.toFixed(3), 'p99 of medians', all[Math.floor(all.length * 0.99)]!.toFixed(3));
if (process.argv[4]) { const t = performance.now(); for (let r = 0; r < Number(process.argv[4]); r++) for (const s of slow) e.answer(s.q); console.log('loop', performance.now() - t); }
