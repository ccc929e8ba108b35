// Messages through the Teams SDK's real HTTP path: answers as Adaptive Cards, mentions stripped
// in channels, bot commands, the welcome on install, and answers with the store down.
import { createTeamsApp, stripTeamsMentions } from '../../adapters/teams/app.js';
import { listReferences } from '../../adapters/teams/reference.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { createHttpApp, listen } from '../../app/server.js';
import { useTeamsApp, connector, store, logs, post, sent, cardOf, sample } from '../helpers/teams-app.js';
import { until } from '../helpers/until.js';

useTeamsApp();

test('a personal message gets an Adaptive Card answer', async () => {
  const act = sample('message_personal.json');
  act.text = 'who patches the cluster?';
  expect((await post(act)).status).toBe(200);
  const [reply] = await connector.waitFor(() => sent().length > 0);
  expect(reply!.path).toBe(`v3/conversations/${act.conversation.id}/activities`);
  expect(reply!.body.summary).toBe('IBM: Security and vulnerability patch updates to cluster');
  const att = cardOf(reply!.body);
  expect(att.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(att.content.version).toBe('1.5');
  expect(JSON.stringify(att.content.body)).toContain('IBM is responsible');
  expect(logs.find((l) => l.event === 'answer')).toMatchObject({
    level: 'info',
    platform: 'teams',
    requestId: act.id,
    intent: 'who',
    answered: true,
    latencyMs: expect.any(Number),
  });
});

test('a channel mention is stripped before matching and answered in the thread', async () => {
  const act = sample('message_channel_mention.json');
  act.text = '<at>Chat SDK Demo</at> who handles disaster recovery?';
  await post(act);
  await connector.waitFor(() => sent().length > 0);
  const reply = sent()[0]!;
  // The conversation id carries ;messageid=…: the reply lands in the thread.
  expect(decodeURIComponent(reply.path)).toContain(';messageid=1771290107407');
  expect(reply.body.summary).toBe('You: Disaster recovery');
  expect(stripTeamsMentions('<at>Chat SDK Demo</at>&nbsp;who patches the cluster?')).toBe('who patches the cluster?');
});

test('bot commands: help and list, and a section name gives its summary', async () => {
  for (const [text, expected] of [
    ['help', 'How to ask respbot'],
    ['list', '7 sections'],
    ['mirroring', 'Mirroring (Event Streams): IBM 0 · You 1 · Shared 6'],
  ]) {
    connector.calls.length = 0;
    const act = sample('message_personal.json');
    act.text = text;
    await post(act);
    const [reply] = await connector.waitFor(() => sent().length > 0);
    expect(reply!.body.summary).toBe(expected);
  }
});

test('being added to a team sends a welcome card and stores the conversation reference', async () => {
  await post(sample('conversation_update_members_added.json'));
  const [reply] = await connector.waitFor(() => sent().length > 0);
  expect(reply!.body.summary).toBe('Hi, I am respbot');
  expect(JSON.stringify(cardOf(reply!.body).content)).toContain('who is responsible for');
  const refs = await listReferences(store);
  expect(refs).toContainEqual(
    expect.objectContaining({
      conversationId: '19:d441d38c655c47a085215b2726e76927@thread.tacv2',
      serviceUrl: connector.url,
      tenantId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
    }),
  );
});

test('the bot command "post <section>" posts the summary into the channel; an unknown one names the closest', async () => {
  const act = sample('message_channel_mention.json');
  act.text = '<at>Chat SDK Demo</at> post disaster recovery';
  await post(act);
  const [reply] = await connector.waitFor(() => sent().length > 0);
  expect(reply!.body.summary).toBe('Disaster recovery (Event Streams): IBM 0 · You 5 · Shared 0');
  expect(JSON.stringify(cardOf(reply!.body).content)).toContain('What you do (5)');
  connector.calls.length = 0;
  act.text = '<at>Chat SDK Demo</at> post pizza ovens';
  await post(act);
  const [none] = await connector.waitFor(() => sent().length > 0);
  expect(none!.body.text).toMatch(/^There is no section "pizza ovens". Closest: /);
});

test('"post" echoes an unknown section as text, not as markdown in the bot\'s voice', async () => {
  const act = sample('message_channel_mention.json');
  act.text = '<at>Chat SDK Demo</at> post [reset your password](https://evil.example/login) **now**';
  await post(act);
  const [reply] = await connector.waitFor(() => sent().length > 0);
  const text = String(reply!.body.text);
  expect(text).toMatch(/^There is no section "/);
  // Every markdown character of the echo is escaped: no live link, no bold.
  expect(text).toContain('\\[reset your password\\](https://evil.example/login) \\*\\*now\\*\\*');
  expect(text).not.toMatch(/(^|[^\\])\[reset your password(\\)?\]\(/);
});

test('with the store down, questions are still answered; the lost reference and signal are logged', async () => {
  const http = createHttpApp();
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  const down = new Error('store unreachable');
  const broken: Store = { ...openSqliteStore(':memory:'), saveAddress: () => Promise.reject(down), recordSignal: () => Promise.reject(down) };
  const lines: Array<Record<string, unknown>> = [];
  await createTeamsApp(
    { clientId: null, clientSecret: null, tenantId: null, allowUnauthenticated: true, serviceUrl: null },
    { expressApp: http, engine: () => engine, store: broken, log: createLog('info', (l) => lines.push(JSON.parse(l))) },
  );
  const l = await listen(http, 0, '127.0.0.1');
  try {
    const act = sample('message_personal.json');
    act.serviceUrl = connector.url;
    act.text = 'who patches my laptop?';
    await fetch(`http://127.0.0.1:${l.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(act) });
    const [reply] = await connector.waitFor(() => sent().length > 0);
    expect(reply!.body.attachments).toBeDefined();
    const logged = () => lines.map((x) => x.event);
    await until(() => logged().includes('teams.reference_not_saved') && logged().includes('signal.not_recorded'), 'the lost reference and signal logged');
    expect(logged()).toEqual(expect.arrayContaining(['teams.reference_not_saved', 'signal.not_recorded']));
  } finally {
    await new Promise((r) => l.server.close(r));
  }
});
