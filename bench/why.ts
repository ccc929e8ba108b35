// Debug aid: why did the engine answer or abstain? `npx tsx bench/why.ts [--data DIR] "QUESTION" …`
import { loadEngine } from '../src/engine/engine.js';
import { probability } from '../src/engine/confidence.js';
import { readQuestion } from '../src/engine/query.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import './pipe.js';

const args = process.argv.slice(2);
const di = args.indexOf('--data');
const data = di >= 0 ? args.splice(di, 2)[1] : SHIPPED_DATA_DIR;
if (args.length === 0 || !data) {
  process.stderr.write('usage: npm run why -- [--data DIR] "QUESTION" …\n');
  process.exit(2);
}
const engine = loadEngine([data]);
for (const q0 of args) {
  const { answer, features } = engine.explain(q0);
  const scope = features ? probability(engine.model.scope, features) : 0;
  console.log(`\n${q0}\n  scope=${scope.toFixed(2)} (t=${engine.model.threshold}) intent=${answer.intent}`);
  // A rule that answered or declined before the model (help, a section, money, a fact) says so in its note.
  if (!features) console.log(`  decided by a rule, not the model${answer.note ? `: ${answer.note}` : ''}`);
  for (const m of answer.matches.slice(0, 4)) console.log(`  ${m.score.toFixed(3)} [${m.doc}] ${m.section} / ${m.task} → ${m.party}`);
  // Each word as read: * in the clause that asks, ? not covered by any row (E an English word, T a thing), ~ corrected,
  // ! set against the topic ("beyond the defaults").
  const q = readQuestion(q0, engine.index);
  const mark = (u: (typeof q.units)[number]) =>
    `${u.focus ? '*' : ''}${u.word}${u.corrected ? '~' : ''}${u.contrast ? '!' : ''}${u.covered ? '' : u.foreignThing ? '?T' : u.foreignWord ? '?E' : '?'}:${u.weight.toFixed(1)}`;
  console.log(`  asked side=${q.askedSide ?? '-'} party=${q.party ?? '-'} answered=${answer.party ?? '-'} units: ${q.units.map(mark).join(' ')}`);
  if (features)
    console.log(
      '  ' +
        Object.entries(features)
          .map(([k, v]) => `${k}=${+v.toFixed(2)}`)
          .join(' '),
    );
}
