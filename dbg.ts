import { loadEngine } from '/work/main/src/engine/engine.js';
import { readQuestion } from '/work/main/src/engine/query.js';
import { rank } from '/work/main/src/engine/score.js';
const e = loadEngine(['/work/main/data']);
for (const q of process.argv.slice(2)) { const r = readQuestion(q, e.index); console.log(JSON.stringify(r.units.map(u=>[u.word,u.terms.join(','),+u.weight.toFixed(2)]))); for (const s of rank(r, e.index).slice(0,3)) console.log('  ', s.score.toFixed(3), s.item.task); }
