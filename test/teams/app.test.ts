// The Teams surface through the Teams SDK's real HTTP path: recorded activities POSTed to
// /api/messages, replies arriving at a loopback stand-in for the Bot Connector (serviceUrl).
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { App } from '@microsoft/teams.apps';
import { createTeamsApp, stripTeamsMentions } from '../../adapters/teams/app.js';
import { teamsAdapter } from '../../adapters/teams/adapter.js';
import { listReferences } from '../../adapters/teams/reference.js';
import { posterFor } from '../../src/conversation/posting.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { OutboxPost, Store } from '../../src/store/types.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { createHttpApp, listen } from '../../app/server.js';
import { SHARED } from '../helpers/fs.js';
import { slackStandIn as recordingServer, type StandIn } from '../helpers/slack.js';

const sample = (name: string) => JSON.parse(readFileSync(join(SHARED, 'platform-samples/teams', name), 'utf8')) as Record<string, any>;

let connector: StandIn;
let server: Server;
let base: string;
let store: Store;
let app: App;
const logs: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  connector = await recordingServer();
  store = openSqliteStore(':memory:');
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  const http = createHttpApp();
  ({ app } = await createTeamsApp(
    { clientId: null, clientSecret: null, tenantId: null, allowUnauthenticated: true, serviceUrl: null },
    { expressApp: http, engine: () => engine, log: createLog('info', (l) => logs.push(JSON.parse(l))), store },
  ));
  const l = await listen(http, 0, '127.0.0.1', createLog('info', (line) => logs.push(JSON.parse(line))));
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

async function post(activity: Record<string, any>) {
  activity.serviceUrl = connector.url;
  const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : null };
}

const sent = () => connector.calls.filter((c) => /^v3\/conversations\/.+\/activities/.test(c.path));
const cardOf = (body: Record<string, unknown>) => (body.attachments as Array<{ contentType: string; content: Record<string, any> }>)[0]!;

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
  expect(logs.find((l) => l.event === 'answer')).toMatchObject({ level: 'info', platform: 'teams', requestId: act.id, intent: 'who', answered: true, latencyMs: expect.any(Number) });
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
  expect(refs).toContainEqual(expect.objectContaining({ conversationId: '19:d441d38c655c47a085215b2726e76927@thread.tacv2', serviceUrl: connector.url, tenantId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' }));
});

test('an Action.Submit "Show the whole section" arrives as a message value and gets the summary', async () => {
  const act = sample('action_submit_message_value.json');
  act.value = { respbot: 'show_section', d: 'event-streams', s: 'disaster-recovery' };
  await post(act);
  const [reply] = await connector.waitFor(() => sent().length > 0);
  expect(reply!.body.summary).toMatch(/^Disaster recovery \(Event Streams\): IBM 0 · You 5 · Shared 0/);
});

test('👎 feedback is logged with the question; another app\'s submit is ignored', async () => {
  const act = sample('action_submit_message_value.json');
  act.value = { respbot: 'feedback', vote: 'down', q: 'who patches the cluster?', e: 'x' };
  await post(act);
  await connector.waitFor(() => sent().length > 0);
  expect(logs).toContainEqual(expect.objectContaining({ event: 'feedback', platform: 'teams', vote: 'down', question: 'who patches the cluster?' }));
  connector.calls.length = 0;
  await post(sample('action_submit_message_value.json'));
  await new Promise((r) => setTimeout(r, 200));
  expect(sent()).toHaveLength(0);
});

test('the search message extension lists matching entries with previews, within the invoke', async () => {
  const act = sample('invoke_compose_extension_query.json');
  act.value.parameters = [{ name: 'searchKeywords', value: 'mirroring' }];
  const started = Date.now();
  const res = await post(act);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(res.status).toBe(200);
  const ext = res.body!.composeExtension;
  expect(ext).toMatchObject({ type: 'result', attachmentLayout: 'list' });
  expect(ext.attachments.length).toBeGreaterThan(0);
  expect(ext.attachments[0].preview.content.title).toBeTruthy();
  expect(ext.attachments[0].content.version).toBe('1.5');
});

test('an adaptiveCard/action invoke with our data answers with a card', async () => {
  const act = sample('invoke_adaptive_card_action.json');
  act.value.action.data = { respbot: 'ask', q: 'who triggers failover?' };
  const res = await post(act);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(JSON.stringify(res.body!.value)).toContain('Failover');
});

test('with credentials set, a request without a valid token gets 401 and no reply', async () => {
  const http = createHttpApp();
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  await createTeamsApp(
    { clientId: '11111111-2222-3333-4444-555555555555', clientSecret: 'secret', tenantId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', allowUnauthenticated: false, serviceUrl: null },
    { expressApp: http, engine: () => engine, store, log: createLog('error', () => {}) },
  );
  const l = await listen(http, 0, '127.0.0.1');
  try {
    const act = sample('message_personal.json');
    act.serviceUrl = connector.url;
    act.text = 'who patches the cluster?';
    for (const auth of [{}, { authorization: 'Bearer not.a.token' }] as Array<Record<string, string>>) {
      const res = await fetch(`http://127.0.0.1:${l.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(act) });
      expect(res.status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(sent()).toHaveLength(0);
  } finally {
    await new Promise((r) => l.server.close(r));
  }
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

describe('malformed requests get 400 with a JSON reason, one log line, no reply and no stack trace', () => {
  const without = (name: string, key: string) => {
    const a = sample(name);
    delete a[key];
    return a;
  };
  const message = (over: Record<string, unknown>) => ({ ...sample('message_personal.json'), ...over });
  const query = (value: unknown) => ({ ...sample('invoke_compose_extension_query.json'), value });
  const cases: Array<[string, unknown]> = [
    ['no conversation', without('message_personal.json', 'conversation')],
    ['a null conversation', message({ conversation: null })],
    ['a numeric conversation id', message({ conversation: { id: 7, conversationType: 'personal' } })],
    ['text as a number', message({ text: 42 })],
    ['text as an object', message({ text: { q: 'who patches the cluster?' } })],
    ['no type', without('message_personal.json', 'type')],
    ['from without an id', message({ from: { name: 'x' } })],
    ['membersAdded not a list', { ...sample('conversation_update_members_added.json'), membersAdded: 'bot' }],
    ['membersAdded holding null', { ...sample('conversation_update_members_added.json'), membersAdded: [null] }],
    ['an invoke with a null value', query(null)],
    ['a card action invoke with a null value', { ...sample('invoke_adaptive_card_action.json'), value: null }],
    ['a query whose parameters are a string', query({ commandId: 'search', parameters: 'mirroring' })],
    ['a query parameter that is null', query({ commandId: 'search', parameters: [null] })],
    ['a query parameter value that is an object', query({ commandId: 'search', parameters: [{ name: 'searchKeywords', value: { $ne: '' } }] })],
    ['a JSON array', [sample('message_personal.json')]],
  ];
  test.each(cases)('%s', async (_name, body) => {
    const withUrl = Array.isArray(body) || body === null || typeof body !== 'object' ? body : { serviceUrl: connector.url, ...(body as object) };
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(withUrl) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const reply = (await res.json()) as { error: string };
    expect(reply.error).toMatch(/^not a valid activity: /);
    expect(JSON.stringify(reply)).not.toMatch(/node_modules|\bat \w|\.js:\d+/);
    await new Promise((r) => setTimeout(r, 50));
    expect(sent()).toHaveLength(0);
    expect(logs.filter((l) => l.level === 'warn' || l.level === 'error').map((l) => l.event)).toEqual(['teams.bad_activity']);
  });

  test('a body that is not JSON gets a JSON 400, not an HTML stack trace', async () => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message", ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'the request body is not valid JSON' });
    expect(logs).toEqual([expect.objectContaining({ level: 'warn', event: 'http.error', status: 400, path: '/api/messages' })]);
    expect(JSON.stringify(logs)).not.toMatch(/\\n\s+at /);
  });
});

describe('scheduled digests on Teams', () => {
  /** The text reply to a bot command sent from the channel sample (a thread in a team channel). */
  async function command(text: string, localTimezone: string | null = null, where: { conversationId?: string; tenantId?: string } = {}): Promise<string> {
    connector.calls.length = 0;
    const act = sample('message_channel_mention.json');
    act.text = `<at>Chat SDK Demo</at> ${text}`;
    if (where.conversationId) act.conversation.id = where.conversationId;
    if (where.tenantId) act.conversation.tenantId = act.channelData.tenant.id = where.tenantId;
    if (localTimezone) act.localTimezone = localTimezone;
    else delete act.localTimezone;
    await post(act);
    const [reply] = await connector.waitFor(() => sent().length > 0);
    return String(reply!.body.text);
  }

  test('schedule in the Teams client\'s time zone, list, and unschedule', async () => {
    const added = await command('schedule disaster recovery every monday 09:00', 'America/Chicago');
    expect(added).toMatch(/^Scheduled \*\*s-\w+\*\*: the \*\*Disaster recovery\*\* summary here every Monday at 09:00 \(America\/Chicago\)\. First post Mon/);
    const id = /\*\*(s-\w+)\*\*/.exec(added)![1]!;
    // Kept for the channel itself, not the thread the command was typed in.
    const channel = sample('message_channel_mention.json').conversation.id.replace(/;messageid=\d+$/, '');
    expect(await store.getSchedule(id)).toMatchObject({ platform: 'teams', channel, timezone: 'America/Chicago' });
    expect(await command('schedules')).toContain(`**${id}**`);
    expect(await command(`unschedule ${id}`)).toMatch(new RegExp(`^Stopped \\*\\*${id}\\*\\*`));
    expect(await command('schedules')).toMatch(/^No digests are scheduled here/);
  });

  test('a schedule is listed and stopped only from its own conversation and tenant', async () => {
    const id = /\*\*(s-\w+)\*\*/.exec(await command('schedule mirroring every monday 09:00', 'UTC'))![1]!;
    const home = sample('message_channel_mention.json');
    expect(await store.getSchedule(id)).toMatchObject({ team: home.conversation.tenantId });
    const elsewhere = { conversationId: '19:0ther0000000000000000000000000@thread.tacv2' };
    const otherTenant = { tenantId: 'ffffffff-0000-0000-0000-000000000000' };
    for (const where of [elsewhere, otherTenant]) {
      expect(await command('schedules', null, where)).not.toContain(id);
      expect(await command(`unschedule ${id}`, null, where)).toBe(`There is no schedule **${id}** here. **schedules** lists the ones here.`);
    }
    expect(await store.getSchedule(id)).not.toBeNull();
    expect(await command(`unschedule ${id}`)).toMatch(new RegExp(`^Stopped \\*\\*${id}\\*\\*`));
  });

  test('without a zone from the client the schedule is in UTC and says so; bad input is refused', async () => {
    const added = await command('schedule rotate weekdays 9am');
    expect(added).toContain('(UTC) (Teams gave no time zone, so UTC');
    const made = (await store.getSchedule(/\*\*(s-\w+)\*\*/.exec(added)![1]!))!;
    await store.removeSchedule('teams', made.id, { channel: made.channel, team: made.team });
    expect(await command('schedule pizza every monday 9am')).toMatch(/There is no section "pizza"\. Closest: \*\*/);
    expect(await command('schedule rotate * * * * *')).toMatch(/more than once an hour/);
  });
});

describe('proactive digests to a stored conversation', () => {
  const channel = '19:d441d38c655c47a085215b2726e76927@thread.tacv2';
  const due = (key: string): OutboxPost => ({
    key,
    scheduleId: null,
    platform: 'teams',
    channel,
    target: { doc: 'event-streams', section: 'disaster-recovery' },
    dueAt: Date.now(),
    state: 'sending',
    attempts: 1,
    nextAttemptAt: Date.now(),
    partsSent: 0,
    leaseOwner: 'test',
    leaseUntil: null,
    sentAt: null,
    lastError: null,
  });

  test('the summary card arrives at the connector of the stored reference; throttling is retried, 403 is not', async () => {
    await post(sample('conversation_update_members_added.json')); // stores the reference (serviceUrl: the stand-in)
    await connector.waitFor(() => sent().length > 0);
    connector.calls.length = 0;
    const engine = loadEngine([SHIPPED_DATA_DIR]);
    const poster = posterFor(teamsAdapter(app, store));
    const answer = engine.section('event-streams', 'disaster-recovery')!;
    const parts: number[] = [];
    await poster.send(due('k1'), answer, async (n) => void parts.push(n));
    const [card] = sent();
    expect(card!.path).toBe(`v3/conversations/${channel}/activities`);
    expect(card!.body.summary).toBe('Disaster recovery (Event Streams): IBM 0 · You 5 · Shared 0');
    expect(cardOf(card!.body).content.version).toBe('1.5');
    expect(parts).toEqual([1]);

    for (const [status, kind] of [
      [429, 'retry'],
      [412, 'retry'],
      [502, 'retry'],
      [504, 'retry'],
      [403, 'permanent'],
    ] as const) {
      connector.failNext(`v3/conversations/${channel}/activities`, status, status === 429 ? { 'retry-after': '7' } : {});
      const err = await poster.send(due('k2'), answer, async () => {}).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind, ...(status === 429 ? { retryAfterMs: 7000 } : {}) });
    }
    const missing = await poster.send({ ...due('k3'), channel: '19:unknown@thread.tacv2' }, answer, async () => {}).catch((e: unknown) => e);
    expect(missing).toMatchObject({ kind: 'permanent', message: expect.stringContaining('must be installed there') });
  });
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
    await new Promise((r) => setTimeout(r, 50));
    expect(lines.map((x) => x.event)).toEqual(expect.arrayContaining(['teams.reference_not_saved', 'signal.not_recorded']));
  } finally {
    await new Promise((r) => l.server.close(r));
  }
});
