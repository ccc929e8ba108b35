import { engineFor } from '../src/engine/engine.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { largeKb, SHARED } from './kb.js';
const corpus = loadKnowledgeBase([`${SHARED}corpus/ibm-cloud`]);
const n = Number(process.argv[2] ?? 1000);
const e = engineFor(largeKb(corpus, n));
const qs = process.argv.slice(4);
for (let i = 0; i < Number(process.argv[3]); i++) for (const q of qs) e.answer(q);
