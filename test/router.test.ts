// The one router, through the terminal's adapter: what people type is a command only when it is
// one; a question that starts with a command's word is answered as a question.
import { PassThrough } from 'node:stream';
import { consoleAdapter } from '../adapters/console/adapter.js';
import { consoleText } from '../adapters/console/render.js';
import { createRouter } from '../src/conversation/router.js';
import { loadEngine } from '../src/engine/engine.js';
import { createLog } from '../src/log.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';

const engine = loadEngine([SHIPPED_DATA_DIR]);
const router = createRouter({ engine: () => engine, adapter: consoleAdapter(new PassThrough()), log: createLog('error', () => {}) });
const where = { platform: 'console', channel: 'terminal', team: null, user: 'me' };

async function reply(text: string): Promise<string> {
  const out = await router({ text, where });
  const later = out.later ? await out.later() : [];
  return consoleText([...out.cards, ...later]);
}

test.each(['post mortem: who writes it?', 'schedule changes to the cluster — who approves them?', 'schedules of upgrades: who decides?'])(
  'a question that starts with a command word is answered: %s',
  async (q) => {
    const text = await reply(q);
    expect(text).not.toMatch(/There is no section|Scheduling is not available/);
  },
);

test('a command is still a command', async () => {
  expect(await reply('post no such section')).toMatch(/There is no section "no such section"/);
  expect(await reply('schedules')).toMatch(/Scheduling is not available/);
});

test('the help offers what works on the surface: the terminal has no channels to post to', async () => {
  const text = await reply('help');
  expect(text).not.toMatch(/post <section>|schedule/);
  const { helpLines } = await import('../src/present/sentences.js');
  const { SLACK_VOICE } = await import('../adapters/slack/adapter.js');
  const { TEAMS_VOICE } = await import('../adapters/teams/adapter.js');
  const { plain } = await import('../src/present/card.js');
  expect(helpLines(SLACK_VOICE).map(plain).join('\n')).toContain('/responsibility post <section> [#channel]');
  const teams = helpLines(TEAMS_VOICE).map(plain).join('\n');
  expect(teams).toContain('To this conversation: post <section>');
  expect(teams).not.toContain('#channel');
});

test('a channel typed as plain text is said to be unknown, not read as part of the section name', async () => {
  const text = await reply('post disaster recovery #sre');
  expect(text).toBe('I do not know #sre as a channel: I can only post here.');
});
