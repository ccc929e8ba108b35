// A real Teams client: Microsoft 365 Agents Playground (Microsoft's local Teams emulator),
// talking to our bot over loopback. We type as the user through its conversation API and
// read the bot's replies from its WebSocket, as its own UI does.
import WebSocket from 'ws';
import { teamsAdapter } from '../../adapters/teams/adapter.js';
import { posterFor } from '../../src/conversation/posting.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { startBotAndPlayground, type Running } from '../helpers/playground.js';

interface PlaygroundMessage {
  action: string;
  actionConversationId: string;
  message?: { text?: string; from?: { id: string }; attachments?: Array<{ contentType: string; content: Record<string, any> }> };
}

let running: Running;
let base: string;
let config: any;
let ws: WebSocket;
const received: PlaygroundMessage[] = [];

beforeAll(async () => {
  running = await startBotAndPlayground();
  base = running.base;
  config = ((await (await fetch(`${base}/_internal/v1/config`)).json()) as { config: unknown }).config;
  ws = new WebSocket(`${base.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
  ws.on('message', (m) => received.push(JSON.parse(String(m)) as PlaygroundMessage));
  await new Promise((r) => ws.once('open', r));
}, 60_000);

afterAll(async () => {
  ws?.close();
  await running?.stop();
});

/** The bot's next message in the Playground, as its UI receives it. */
async function fromBot(pred: (m: NonNullable<PlaygroundMessage['message']>) => boolean): Promise<NonNullable<PlaygroundMessage['message']>> {
  const end = Date.now() + 10_000;
  for (;;) {
    const m = received.find((r) => r.message?.from?.id === config.bot.id && pred(r.message!))?.message;
    if (m) return m;
    if (Date.now() > end) throw new Error(`nothing from the bot; got ${JSON.stringify(received).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function type(conversationId: string, text: string, mentions?: unknown[]): Promise<void> {
  received.length = 0;
  const res = await fetch(`${base}/_conversation/v1/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: config.currentUser.id }, text, textFormat: 'plain', ...(mentions ? { mentions } : {}) }),
  });
  expect(res.status).toBe(200);
}

async function say(conversationId: string, text: string, mentions?: unknown[]): Promise<Record<string, any>> {
  await type(conversationId, text, mentions);
  return (await fromBot((m) => !!m.attachments?.length)).attachments![0]!.content;
}

test('personal chat: "who patches the cluster?" gets a 1.5 card naming IBM and the patch task', async () => {
  const card = await say(config.personalChat.id, 'who patches the cluster?');
  expect(card.version).toBe('1.5');
  const text = JSON.stringify(card.body);
  expect(text).toContain('IBM is responsible');
  expect(text).toContain('Security and vulnerability patch updates to cluster');
}, 30_000);

test('group chat: the bot is mentioned, the mention is stripped, the question answered', async () => {
  const chat = config.groupChats[0].id;
  const mention = `<at>${config.bot.name}</at>`;
  const card = await say(chat, `${mention} who handles disaster recovery?`, [{ mentioned: { id: config.bot.id, name: config.bot.name }, text: mention }]);
  expect(JSON.stringify(card.body)).toContain('You are responsible');
  expect(JSON.stringify(card.body)).toContain('Disaster recovery');
}, 30_000);

test('message extension: a compose-box search lists matching entries', async () => {
  const res = await fetch(`${base}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'composeExtension/query',
      value: { commandId: 'searchCmd', parameters: [{ name: 'searchKeywords', value: 'backup' }], queryOptions: { skip: 0, count: 25 } },
      from: { id: config.currentUser.id },
      conversation: { id: config.personalChat.id },
    }),
  });
  expect(res.status).toBe(200);
  const body = JSON.stringify(await res.json());
  expect(body).toContain('Message payload data backup');
  expect(body).toContain('application/vnd.microsoft.card.adaptive');
}, 30_000);

test('a digest scheduled in a group chat arrives there as a proactive card when it falls due', async () => {
  const chat = config.groupChats[0].id;
  const mention = `<at>${config.bot.name}</at>`;
  await type(chat, `${mention} schedule disaster recovery daily 09:00 UTC`, [{ mentioned: { id: config.bot.id, name: config.bot.name }, text: mention }]);
  const confirm = await fromBot((m) => !!m.text);
  expect(confirm.text).toMatch(/^Scheduled \*\*s-\w+\*\*: the \*\*Disaster recovery\*\* summary here every day at 09:00 \(UTC\)/);
  const [schedule] = await running.store.listSchedules('teams');
  expect(schedule?.channel).toBe(chat);

  // The scheduler on a clock just past the first tick, posting through the stored reference.
  received.length = 0;
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  const clock = schedule!.nextDue + 30_000;
  const report = await new Scheduler({
    store: running.store,
    posters: [posterFor(teamsAdapter(running.app, running.store))],
    engine: () => engine,
    now: () => clock,
    log: createLog('error', () => {}),
  }).tick();
  expect(report).toMatchObject({ planned: 1, sent: 1, failed: 0 });
  const card = (await fromBot((m) => !!m.attachments?.length)).attachments![0]!;
  expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(JSON.stringify(card.content.body)).toContain('Disaster recovery');
  expect(JSON.stringify(card.content.body)).toContain(`Scheduled digest **${schedule!.id}**`);
  expect(received.find((r) => r.message?.from?.id === config.bot.id)?.actionConversationId).toBe(chat);
}, 30_000);
