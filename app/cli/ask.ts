// `respbot ask`: one question, readable or as the Answer JSON; with --json and no question,
// one JSON line per line of standard input, in order (the evaluation contract).
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { coreSettings } from '../../src/config/settings.js';
import { loadEngine } from '../../src/engine/engine.js';
import { formatAnswer } from '../../adapters/console/adapter.js';

export async function runAsk(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, data: { type: 'string' }, service: { type: 'string' } },
    allowPositionals: true,
  });
  const engine = loadEngine([values.data ?? coreSettings().dataDir]);
  if (engine.kb.documents.length === 0) {
    process.stderr.write('respbot: no document loaded; see `respbot inspect`\n');
    return 2;
  }
  const ctx = values.service ? { service: values.service } : {};
  const question = positionals.join(' ');
  if (question || !values.json) {
    if (!question) {
      process.stderr.write('usage: respbot ask [--json] "QUESTION"\n');
      return 2;
    }
    // The JSON contract reads the question as one; read by a person, each question it asks is answered.
    const out = values.json ? JSON.stringify(engine.answer(question, ctx)) : engine.answerEach(question, ctx).map(formatAnswer).join('\n\n');
    process.stdout.write(out + '\n');
    return 0;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) process.stdout.write(JSON.stringify(engine.answer(line, ctx)) + '\n');
  return 0;
}
