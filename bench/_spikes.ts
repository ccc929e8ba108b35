import { performance, PerformanceObserver } from 'node:perf_hooks';
import { engineFor } from '../src/engine/engine.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { largeKb, questionMix, SHARED } from './kb.js';
const corpus = loadKnowledgeBase([`${SHARED}corpus/ibm-cloud`]);
const e = engineFor(largeKb(corpus, Number(process.argv[2])));
const qs = questionMix();
for (let r = 0; r < 3; r++) for (const q of qs) e.answer(q);
const gcs: Array<{ start: number; dur: number; kind: number }> = [];
new PerformanceObserver((l) => { for (const x of l.getEntries()) gcs.push({ start: x.startTime, dur: x.duration, kind: (x as any).detail?.kind }); }).observe({ entryTypes: ['gc'] });
const spikes: Array<{ s: number; d: number; q: string }> = [];
let n = 0;
for (let r = 0; r < 10; r++) for (const q of qs) { const s = performance.now(); e.answer(q); const d = performance.now() - s; n++; if (d > 1) spikes.push({ s, d, q }); }
setTimeout(() => {
  let withGc = 0;
  for (const sp of spikes) { const g = gcs.find((g) => g.start >= sp.s - 0.5 && g.start <= sp.s + sp.d); if (g) withGc++; }
  console.log('answers', n, 'spikes>1ms', spikes.length, 'with a gc inside', withGc, 'gcs', gcs.length, 'gc total ms', gcs.reduce((a, g) => a + g.dur, 0).toFixed(1), 'max gc', Math.max(...gcs.map((g) => g.dur)).toFixed(2));
  console.log(spikes.slice(0, 10).map((s) => s.d.toFixed(2) + ' ' + s.q.slice(0, 50)).join('\n'));
}, 100);
