import { engineFor } from '../src/engine/engine.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { readQuestion } from '../src/engine/query.js';
import { compile } from '../src/engine/ranking.js';
import { largeKb, SHARED } from './kb.js';
const corpus = loadKnowledgeBase([`${SHARED}corpus/ibm-cloud`]);
const e = engineFor(largeKb(corpus, Number(process.argv[2])));
const t = e.index.terms;
for (const q of process.argv.slice(3)) {
  const rq = readQuestion(q, e.index);
  const c = compile(rq, t);
  c.units.forEach((u, k) => {
    if (!u) return;
    console.log(rq.units[k]!.word, u.ids.map((id, i) => `${t.dict.names[id]}:${u.strengths[i]} post=${t.postStart[id + 1]! - t.postStart[id]!} sec=${t.sectionPostStart[id + 1]! - t.sectionPostStart[id]!}`).join('  '));
  });
}
