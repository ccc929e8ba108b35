// Socket Mode through Bolt's real SocketModeReceiver: apps.connections.open on the loopback
// Web API stand-in hands out a loopback WebSocket, which plays Slack's side of the socket.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackApp, type SlackSurface } from '../../adapters/slack/app.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { SHARED } from '../helpers/fs.js';
import { slackStandIn, type StandIn } from '../helpers/slack.js';

let api: StandIn;
let wss: WebSocketServer;
let surface: SlackSurface;
let socket: Promise<WebSocket>;

beforeAll(async () => {
  api = await slackStandIn();
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const port = (wss.address() as { port: number }).port;
  api.replyWith('apps.connections.open', { ok: true, url: `ws://127.0.0.1:${port}/link` });
  socket = new Promise((resolve) =>
    wss.once('connection', (ws) => {
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          connection_info: { app_id: 'A111' },
          debug_info: { host: 'local', approximate_connection_time: 3600 },
        }),
      );
      resolve(ws);
    }),
  );
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  surface = createSlackApp(
    { botToken: 'xoxb-test', signingSecret: null, appToken: 'xapp-test', apiUrl: api.url + 'api/' },
    { engine: () => engine, log: createLog('error', () => {}) },
  );
  await surface.start();
});

afterAll(async () => {
  await surface.stop().catch(() => {});
  await new Promise((r) => wss.close(r));
  await api.close();
});

test('a slash command over the socket is acknowledged with the answer', async () => {
  const ws = await socket;
  const envelope = JSON.parse(readFileSync(join(SHARED, 'platform-samples/slack/socket_mode_slash_commands.json'), 'utf8'));
  envelope.payload.text = 'who patches the cluster?';
  const ack = new Promise<Record<string, any>>((resolve) => ws.on('message', (m) => resolve(JSON.parse(String(m)))));
  ws.send(JSON.stringify(envelope));
  const reply = await ack;
  expect(reply.envelope_id).toBe(envelope.envelope_id);
  expect(reply.payload).toMatchObject({ response_type: 'ephemeral', text: 'IBM: Security and vulnerability patch updates to cluster' });
  expect(api.calls.map((c) => c.path)).toContain('apps.connections.open');
});
