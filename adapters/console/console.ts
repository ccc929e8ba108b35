// The terminal chat, respbot's embedded default: a prompt with history on a terminal, or,
// with piped input, one answer per line until the input ends.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../../src/engine/engine.js';
import { formatAnswer } from '../../src/render/text.js';

export interface ConsoleOptions {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
}

const QUIT = /^(quit|exit|bye|:q|\\q)$/i;

export async function runConsole(engine: Engine, { input, output }: ConsoleOptions): Promise<void> {
  const interactive = !!input.isTTY && !!output.isTTY;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, historySize: 200, crlfDelay: Infinity });
  if (interactive) {
    const docs = engine.kb.documents.map((d) => d.service).join(', ');
    output.write(`respbot — who is responsible for what in ${docs}.\nAsk a question ("who patches the cluster?"), "help", or "quit".\n`);
    rl.setPrompt('respbot> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    if (QUIT.test(text) && interactive) break;
    if (text) output.write(formatAnswer(engine.answer(text)) + '\n\n');
    if (interactive) rl.prompt();
  }
  rl.close();
}
