// A real Teams client: Microsoft 365 Agents Playground (Microsoft's local Teams emulator),
// talking to our bot over loopback. We type as the user through its conversation API and
// read the bot's replies from its WebSocket, as its own UI does.
import WebSocket from 'ws';
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

async function say(conversationId: string, text: string, mentions?: unknown[]): Promise<Record<string, any>> {
  received.length = 0;
  const res = await fetch(`${base}/_conversation/v1/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: config.currentUser.id }, text, textFormat: 'plain', ...(mentions ? { mentions } : {}) }),
  });
  expect(res.status).toBe(200);
  const end = Date.now() + 10_000;
  for (;;) {
    const card = received.find((r) => r.message?.from?.id === config.bot.id && r.message?.attachments?.length)?.message?.attachments?.[0];
    if (card) return card.content;
    if (Date.now() > end) throw new Error(`no card from the bot; got ${JSON.stringify(received).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
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
