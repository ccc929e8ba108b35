// A real Teams client: Microsoft 365 Agents Playground (Microsoft's local Teams emulator),
// talking to our bot over loopback. We type as the user through its conversation API and
// read the bot's replies from its WebSocket, as its own UI does.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createTeamsApp } from '../../adapters/teams/app.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { createHttpApp, listen } from '../../src/server.js';

const CLI = fileURLToPath(new URL('../../node_modules/@microsoft/m365agentsplayground/cli.js', import.meta.url));

interface PlaygroundMessage {
  action: string;
  actionConversationId: string;
  message?: { text?: string; from?: { id: string }; attachments?: Array<{ contentType: string; content: Record<string, any> }> };
}

let bot: Server;
let playground: ChildProcess;
let base: string;
let config: any;
let ws: WebSocket;
const received: PlaygroundMessage[] = [];

beforeAll(async () => {
  const http = createHttpApp();
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  await createTeamsApp({ clientId: null, clientSecret: null, tenantId: null, allowUnauthenticated: true, serviceUrl: null }, { expressApp: http, engine: () => engine, log: createLog('error', () => {}) });
  const l = await listen(http, 0, '127.0.0.1');
  bot = l.server;
  const port = 20000 + Math.floor(Math.random() * 30000);
  playground = spawn(process.execPath, [CLI, '-e', `http://127.0.0.1:${l.port}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(port)], {
    env: { ...process.env, APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const listening = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Agents Playground did not start:\n${out}`)), 45_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    playground.stdout!.on('data', onData);
    playground.stderr!.on('data', onData);
    playground.once('exit', (code) => reject(new Error(`Agents Playground exited (${code}):\n${out}`)));
  });
  base = `http://127.0.0.1:${listening}`;
  config = ((await (await fetch(`${base}/_internal/v1/config`)).json()) as { config: unknown }).config;
  ws = new WebSocket(`ws://127.0.0.1:${listening}/_ws_conversation/v1/conversations/stream`);
  ws.on('message', (m) => received.push(JSON.parse(String(m)) as PlaygroundMessage));
  await new Promise((r) => ws.once('open', r));
}, 60_000);

afterAll(async () => {
  ws?.close();
  playground?.kill();
  await new Promise((r) => (bot ? bot.close(r) : r(undefined)));
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
