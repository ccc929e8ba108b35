// The terminal chat, respbot's embedded default: a prompt with history on a terminal, or,
// with piped input, one answer per line until the input ends. Questions go through the same
// router as Slack and Teams.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createRouter } from '../../src/conversation/router.js';
import type { Engine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { consoleAdapter } from './adapter.js';
import { consoleText } from './render.js';

export interface ConsoleOptions {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
}

const QUIT = /^\/?(?:quit|exit|bye|:q|\\q)(?: (?:please|pls|now))?[.!]*$/i;

export async function runConsole(engine: Engine, { input, output }: ConsoleOptions): Promise<void> {
  const interactive = !!input.isTTY && !!output.isTTY;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, historySize: 200, crlfDelay: Infinity });
  // The terminal's answers are its output: the log stays quiet unless something is wrong.
  const router = createRouter({ engine: () => engine, adapter: consoleAdapter(output), log: createLog('warn') });
  if (interactive) {
    const docs = engine.kb.documents.map((d) => d.service).join(', ');
    output.write(`respbot — who is responsible for what in ${docs}.\nAsk a question ("who patches the cluster?"), "help", or "quit".\n`);
    rl.setPrompt('respbot> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    // "quit" ends the chat, typed or piped: a script's last line is not a question.
    if (QUIT.test(text)) break;
    if (text) {
      const out = await router({ text, where: { platform: 'console', channel: 'terminal', team: null, user: 'you' } });
      const cards = [...out.cards, ...(out.later ? await out.later() : [])];
      if (cards.length) output.write(consoleText(cards) + '\n\n');
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
