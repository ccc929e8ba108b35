import { performance } from 'node:perf_hooks';
import { loadEngine } from '../src/engine/engine.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { readQuestions } from './evalset.js';
import { SHARED } from './kb.js';
const texts = readQuestions(`${SHARED}eval/questions.dev.jsonl`).map((q) => q.q);
const seed = loadEngine([SHIPPED_DATA_DIR]);
for (let r = 0; r < 5; r++) for (const q of texts) seed.answer(q);
const t: number[] = [];
const per: number[] = [];
for (let r = 0; r < 40; r++) { const rt: number[] = []; for (const q of texts) { const s = performance.now(); seed.answer(q); const d = performance.now() - s; t.push(d); rt.push(d); } rt.sort((a, b) => a - b); per.push(rt[Math.floor(rt.length * 0.99)]!); }
t.sort((a, b) => a - b);
per.sort((a, b) => a - b);
console.log('p50', t[Math.floor(t.length / 2)]!.toFixed(3), 'p99', t[Math.floor(t.length * 0.99)]!.toFixed(3), 'max', t[t.length - 1]!.toFixed(3), 'round p99 median', per[20]!.toFixed(3));
