// Requests Teams would not send: without a valid token (401) or malformed (400 with a reason).
import { createTeamsApp } from '../../adapters/teams/app.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { createHttpApp, listen } from '../../app/server.js';
import { useTeamsApp, base, connector, store, logs, sent, sentBefore, sample } from '../helpers/teams-app.js';

useTeamsApp();

test('with credentials set, a request without a valid token gets 401 and no reply', async () => {
  const http = createHttpApp();
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  await createTeamsApp(
    {
      clientId: '11111111-2222-3333-4444-555555555555',
      clientSecret: 'secret',
      tenantId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
      allowUnauthenticated: false,
      serviceUrl: null,
    },
    { expressApp: http, engine: () => engine, store, log: createLog('error', () => {}) },
  );
  const l = await listen(http, 0, '127.0.0.1');
  try {
    const act = sample('message_personal.json');
    act.serviceUrl = connector.url;
    act.text = 'who patches the cluster?';
    for (const auth of [{}, { authorization: 'Bearer not.a.token' }] as Array<Record<string, string>>) {
      const res = await fetch(`http://127.0.0.1:${l.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify(act),
      });
      expect(res.status).toBe(401);
    }
    // Refused before the SDK reads the activity: nothing was started that could send later.
    expect(sent()).toHaveLength(0);
  } finally {
    await new Promise((r) => l.server.close(r));
  }
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
    expect(await sentBefore()).toHaveLength(0);
    expect(logs.filter((l) => l.level === 'warn' || l.level === 'error').map((l) => l.event)).toEqual(['teams.bad_activity']);
  });

  test('a path no surface serves gets a JSON 404, not an HTML page', async () => {
    const res = await fetch(`${base}/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: 'no such endpoint: GET /nope' });
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
