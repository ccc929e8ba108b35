// The terminal as a surface: cards printed as text, commands typed as they are.
import type { Writable } from 'node:stream';
import type { Adapter } from '../../src/conversation/adapter.js';
import type { Card } from '../../src/present/card.js';
import { UNLIMITED } from '../../src/present/paging.js';
import { answerCards } from '../../src/present/present.js';
import type { Voice } from '../../src/present/sentences.js';
import type { Answer } from '../../src/engine/types.js';
import { SendError } from '../../src/schedule/poster.js';
import { consoleText } from './render.js';

export const CONSOLE_VOICE: Voice = {
  command: (text) => text,
  howToAsk: 'Ask me who is responsible for something in the shared-responsibility matrix.',
  privateReplies: false,
  zoneSource: 'the terminal',
  posts: null,
};

/** An answer as the terminal shows it. */
export function formatAnswer(a: Answer): string {
  return consoleText(answerCards(a, { voice: CONSOLE_VOICE, budget: UNLIMITED }));
}

export function consoleAdapter(output: Writable): Adapter {
  return {
    platform: 'console',
    voice: CONSOLE_VOICE,
    budget: UNLIMITED,
    async send(_channel, cards: Card[], from, delivered) {
      for (let i = from; i < cards.length; i++) {
        output.write(consoleText([cards[i]!]) + '\n\n');
        await delivered(i + 1);
      }
    },
    classify: (e) => (e instanceof SendError ? e : new SendError(String((e as Error).message ?? e), 'permanent')),
    explainFailure: (e) => [`Could not print: ${(e as Error).message ?? String(e)}`],
  };
}
