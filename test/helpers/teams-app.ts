// The Teams surface on the Teams SDK's real HTTP path, served on loopback for a test file:
// recorded activities POSTed to /api/messages, replies arriving at a loopback stand-in for the
// Bot Connector (serviceUrl). `useTeamsApp()` starts it for the file; the bindings below are
// live (ES modules), set by its hooks.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { App } from '@microsoft/teams.apps';
import { createTeamsApp } from '../../adapters/teams/app.js';
import { createHttpApp, listen } from '../../app/server.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { SHARED } from './fs.js';
import { slackStandIn as recordingServer, type Recorded, type StandIn } from './slack.js';

export const sample = (name: string) => JSON.parse(readFileSync(join(SHARED, 'platform-samples/teams', name), 'utf8')) as Record<string, any>;

export let connector: StandIn;
export let store: Store;
export let app: App;
/** Where the app listens, e.g. http://127.0.0.1:PORT. */
export let base: string;
export const logs: Array<Record<string, unknown>> = [];
let server: Server;

/** Starts the app before the file's tests and stops it after; each test starts with no calls and no logs. */
export function useTeamsApp(): void {
  beforeAll(async () => {
    connector = await recordingServer();
    store = openSqliteStore(':memory:');
    const engine = loadEngine([SHIPPED_DATA_DIR]);
    const http = createHttpApp();
    ({ app } = await createTeamsApp(
      { clientId: null, clientSecret: null, tenantId: null, allowUnauthenticated: true, serviceUrl: null },
      { expressApp: http, engine: () => engine, log: createLog('info', (l) => logs.push(JSON.parse(l))), store },
    ));
    const l = await listen(
      http,
      0,
      '127.0.0.1',
      createLog('info', (line) => logs.push(JSON.parse(line))),
    );
    server = l.server;
    base = `http://127.0.0.1:${l.port}`;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await connector.close();
  });

  beforeEach(() => {
    connector.calls.length = 0;
    logs.length = 0;
  });
}

export async function post(activity: Record<string, any>) {
  activity.serviceUrl = connector.url;
  const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : null };
}

export const sent = () => connector.calls.filter((c) => /^v3\/conversations\/.+\/activities/.test(c.path));
export const cardOf = (body: Record<string, unknown>) => (body.attachments as Array<{ contentType: string; content: Record<string, any> }>)[0]!;

let barriers = 0;
/**
 * What the app sent for the requests before this call. A barrier instead of a sleep: a later
 * message (in a conversation of its own) is answered first, so whatever the earlier requests
 * were going to send has been sent by then.
 */
export async function sentBefore(): Promise<Recorded[]> {
  const marker = sample('message_personal.json');
  const id = `barrier-${++barriers}`;
  marker.conversation = { ...marker.conversation, id };
  marker.text = 'help';
  await post(marker);
  const ours = (c: Recorded) => c.path.startsWith(`v3/conversations/${id}/`);
  await connector.waitFor(() => sent().some(ours));
  return sent().filter((c) => !ours(c));
}
