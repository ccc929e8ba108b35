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

describe('a message that asks two things gets both answers', () => {
  test('each question is answered in turn, on every surface the router serves', async () => {
    const text = await reply('who patches the cluster and who backs up the topics?');
    const patch = text.indexOf('Security and vulnerability patch updates');
    const backup = text.indexOf('Topic name and data backup');
    expect(patch).toBeGreaterThanOrEqual(0);
    expect(backup).toBeGreaterThan(patch);
  });

  test('context before the questions is read with each of them', () => {
    const answers = engine.answerEach('for event streams in prod: who patches the cluster? who backs up the topics?');
    expect(answers.map((a) => a.matches[0]?.task)).toEqual(['Security and vulnerability patch updates to cluster', 'Topic name and data backup']);
  });

  test.each([
    // One task, asked of in two clauses: the second points back.
    ['who sets up mirroring and who monitors it?'],
    // A question the documents do not cover beside one they do: the message is answered as one.
    ['who patches the cluster and who handles my laptop?'],
    // The same thing twice.
    ['who patches the cluster? who patches the cluster?'],
    // One clause.
    ['who patches the cluster?'],
  ])('one answer: %s', (q) => {
    expect(engine.answerEach(q)).toHaveLength(1);
    expect(engine.answerEach(q)[0]).toEqual(engine.answer(q));
  });

  test('a message cut at the length limit is answered as one, with the note that says so', () => {
    const long = `who patches the cluster and who backs up the topics? ${'we run a lot of pipelines here. '.repeat(20)}`;
    const answers = engine.answerEach(long);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.note).toMatch(/500 characters/);
  });

  test('the JSON answer still reads the message as one question', () => {
    const a = engine.answer('who patches the cluster and who backs up the topics?');
    expect(a.question).toBe('who patches the cluster and who backs up the topics?');
  });
});
