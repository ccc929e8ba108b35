// npm run eval -- FILE [--data DIR] [--json] [--misses]: scores a question file for respbot
// and, in the same run, for the two baselines.
// npm run eval -- --generated [--misses] [--json]: the questions generated from the corpus, fold by fold.
// npm run eval -- --phrasebook [--json]: the phrasebook with each writer's questions left out in turn.
import { parseArgs } from 'node:util';
import { coreSettings } from '../src/config/settings.js';
import { loadEngine } from '../src/engine/engine.js';
import { fuseBaseline, miniSearchBaseline } from './baselines.js';
import { pct, readQuestions, score, type Score } from './evalset.js';
import { formatReport, generatedReport } from './generated/report.js';
import { formatPhrasebookReport, phrasebookReport } from './phrasebook-cv.js';
import './pipe.js';

const { values, positionals } = parseArgs({
  options: {
    data: { type: 'string' },
    json: { type: 'boolean' },
    misses: { type: 'boolean' },
    generated: { type: 'boolean' },
    phrasebook: { type: 'boolean' },
  },
  allowPositionals: true,
});
if (values.generated) {
  const r = generatedReport();
  process.stdout.write(values.json ? JSON.stringify(r) + '\n' : formatReport(r, values.misses));
  process.exit(0);
}
if (values.phrasebook) {
  const r = phrasebookReport();
  process.stdout.write(values.json ? JSON.stringify(r) + '\n' : formatPhrasebookReport(r));
  process.exit(0);
}
const file = positionals[0];
if (!file) {
  process.stderr.write(
    'usage: npm run eval -- QUESTIONS.jsonl [--data DIR] [--misses] [--json]\n       npm run eval -- --generated [--json]\n       npm run eval -- --phrasebook [--json]\n',
  );
  process.exit(2);
}
const questions = readQuestions(file);
const engine = loadEngine([values.data ?? coreSettings().dataDir]);
const ours = score(
  questions,
  questions.map((q) => engine.answer(q.q)),
);
const fuse = fuseBaseline(engine.kb);
const mini = miniSearchBaseline(engine.kb);
const fuseScore = score(
  questions,
  questions.map((q) => fuse.ask(q.q)),
);
const miniScore = score(
  questions,
  questions.map((q) => mini.ask(q.q)),
);

const line = (name: string, s: Score) =>
  `${name.padEnd(12)} in-scope ${s.inScope}/${s.inScopeN} (${pct(s.inScope, s.inScopeN).toFixed(1)}%)  ` +
  `party ${s.party}/${s.partyN} (${pct(s.party, s.partyN).toFixed(1)}%)  ` +
  `out-of-scope abstention ${s.oos}/${s.oosN} (${pct(s.oos, s.oosN).toFixed(1)}%; hard ${s.hardOos}/${s.hardOosN})`;

if (values.json) {
  const j = (s: Score) => ({
    accuracy: pct(s.inScope, s.inScopeN) / 100,
    party: pct(s.party, s.partyN) / 100,
    oos: pct(s.oos, s.oosN) / 100,
    hard_oos: pct(s.hardOos, s.hardOosN) / 100,
  });
  process.stdout.write(JSON.stringify({ questions: questions.length, ours: j(ours), baselines: { fuse: j(fuseScore), minisearch: j(miniScore) } }) + '\n');
} else {
  process.stdout.write(`${questions.length} questions from ${file}\n${line('respbot', ours)}\n${line('fuse', fuseScore)}\n${line('minisearch', miniScore)}\n`);
  if (values.misses || ours.misses.length <= 10) {
    for (const { q, a } of ours.misses) {
      const got = a.answered ? `${a.intent} ${a.party ?? ''} "${a.matches?.[0]?.task ?? a.section?.title ?? ''}"` : `abstained`;
      process.stdout.write(`  miss [${q.kind}] ${q.q}  →  ${got}\n`);
    }
  }
}
