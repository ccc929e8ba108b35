// The Slack surface through Bolt's real ExpressReceiver: correctly signed requests built from
// the recorded payloads, over loopback, with a stand-in for the Web API and response_url.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createSlackApp } from '../../adapters/slack/app.js';
import { loadEngine, type Engine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { createHttpApp, listen } from '../../app/server.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { SHARED } from '../helpers/fs.js';
import { signature, slackStandIn, triggerId, type StandIn } from '../helpers/slack.js';

const SECRET = 'test-signing-secret';
const BOT_USER = 'U0RESPBOT1';
const sample = (name: string) => JSON.parse(readFileSync(join(SHARED, 'platform-samples/slack', name), 'utf8')) as Record<string, any>;

let api: StandIn;
let server: Server;
let base: string;
let answered = 0;
let store: Store;
const logs: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  api = await slackStandIn();
  const real = loadEngine([SHIPPED_DATA_DIR]);
  const engine: Engine = { ...real, answer: (q, c) => (answered++, real.answer(q, c)) };
  const http = createHttpApp();
  store = openSqliteStore(':memory:');
  // auth.test at start tells the bot who it is.
  api.replyWith('auth.test', { ok: true, user_id: BOT_USER, bot_id: 'B0SELF', team_id: 'T00FAKETEAM' });
  await createSlackApp(
    { botToken: 'xoxb-test', signingSecret: SECRET, appToken: null, apiUrl: api.url + 'api/' },
    { expressApp: http, engine: () => engine, store, log: createLog('info', (l) => logs.push(JSON.parse(l))), retryConfig: { retries: 2, factor: 1, minTimeout: 50, maxTimeout: 100 } },
  ).start();
  const l = await listen(http, 0, '127.0.0.1');
  server = l.server;
  base = `http://127.0.0.1:${l.port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await api.close();
  await store.close();
});

beforeEach(() => {
  api.calls.length = 0;
  answered = 0;
  logs.length = 0;
});

async function post(body: string, type: string, opts: { secret?: string; ts?: number; sig?: string; headers?: Record<string, string> } = {}) {
  const ts = opts.ts ?? Math.floor(Date.now() / 1000);
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': type,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': opts.sig ?? signature(opts.secret ?? SECRET, ts, body),
      ...opts.headers,
    },
    body,
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const slash = (text: string, over: Record<string, string> = {}) =>
  form({ ...sample('slash_command_recorded_fields.json').fields, command: '/responsibility', text, response_url: api.url + 'respond/slash', trigger_id: triggerId(), ...over });
const json = (o: unknown) => JSON.stringify(o);
const blocksText = (blocks: unknown) => JSON.stringify(blocks);

test('/responsibility answers ephemerally in the acknowledgement, with a Share button', async () => {
  const res = await post(slash('who patches the cluster?'), 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  const msg = (await res.json()) as { response_type: string; text: string; blocks: unknown[] };
  expect(msg.response_type).toBe('ephemeral');
  expect(msg.text).toBe('IBM: Security and vulnerability patch updates to cluster');
  expect(blocksText(msg.blocks)).toContain('IBM is responsible');
  expect(blocksText(msg.blocks)).toContain('share_to_channel');
  expect(logs.find((l) => l.event === 'answer')).toMatchObject({ level: 'info', platform: 'slack', requestId: expect.any(String), intent: 'who', answered: true, latencyMs: expect.any(Number) });
});

test('/responsibility with a long summary sends the rest of the pages to response_url', async () => {
  const res = await post(slash('what is IBM responsible for?'), 'application/x-www-form-urlencoded');
  const first = (await res.json()) as { text: string };
  expect(first.text).toMatch(/IBM's responsibilities/);
  // 16 entries fit one page; the seed party answer is a single message.
  expect(api.calls.filter((c) => c.path === 'respond/slash')).toHaveLength(0);
  const help = (await (await post(slash(''), 'application/x-www-form-urlencoded')).json()) as { text: string };
  expect(help.text).toBe('How to ask respbot');
});

test('an app_mention is answered in its thread, the mention stripped', async () => {
  const body = sample('app_mention.json');
  body.event.text = '<@U00FAKEBOT01> who patches the cluster?';
  body.event_id = 'EvMENTION1';
  expect((await post(json(body), 'application/json')).status).toBe(200);
  const [call] = await api.waitFor((c) => c.some((x) => x.path === 'chat.postMessage'));
  expect(call!.body).toMatchObject({ channel: 'C00FAKECHAN1', thread_ts: body.event.ts, text: 'IBM: Security and vulnerability patch updates to cluster' });
  expect(call!.body.link_names).toBeUndefined();
});

test('a retried event (X-Slack-Retry-Num) is not answered twice', async () => {
  const body = sample('app_mention.json');
  body.event.text = '<@U00FAKEBOT01> who handles failover?';
  body.event_id = 'EvRETRY1';
  await post(json(body), 'application/json');
  await api.waitFor((c) => c.some((x) => x.path === 'chat.postMessage'));
  // Slack signs a retry afresh: a later timestamp, so another signature.
  const retry = await post(json(body), 'application/json', { ts: Math.floor(Date.now() / 1000) + 1, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
  expect(retry.status).toBe(200);
  await new Promise((r) => setTimeout(r, 300));
  expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(1);
});

test.each([
  ['another app\'s bot', { bot_id: 'B0OTHERBOT', user: 'U0OTHERBOT' }],
  ['respbot itself', { user: BOT_USER }],
])('a mention written by %s is not answered', async (_who, author) => {
  const body = sample('app_mention.json');
  body.event_id = `EvBOT-${author.user}`;
  body.event = { ...body.event, ...author, text: '<@U00FAKEBOT01> who patches the cluster?' };
  expect((await post(json(body), 'application/json')).status).toBe(200);
  // A person's mention right after it is answered: only that one.
  const person = sample('app_mention.json');
  person.event_id = `EvPERSON-${author.user}`;
  person.event.text = '<@U00FAKEBOT01> who patches the cluster?';
  person.event.ts = person.event.thread_ts = '1700000099.000200';
  await post(json(person), 'application/json');
  await api.waitFor((c) => c.some((x) => x.path === 'chat.postMessage'));
  expect(api.calls.filter((c) => c.path === 'chat.postMessage').map((c) => c.body.thread_ts)).toEqual(['1700000099.000200']);
  expect(answered).toBe(1);
});

test('a direct message is answered; a bot message is not', async () => {
  const body = sample('message_im.json');
  body.event.text = 'am I on the hook for backups?';
  await post(json(body), 'application/json');
  const [call] = await api.waitFor((c) => c.some((x) => x.path === 'chat.postMessage'));
  expect(call!.body).toMatchObject({ channel: body.event.channel });
  expect(String(call!.body.text)).toMatch(/^You: /);
  const bot = sample('message_im.json');
  bot.event_id = 'EvBOT1';
  bot.event.bot_id = 'B1';
  await post(json(bot), 'application/json');
  await new Promise((r) => setTimeout(r, 300));
  expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(1);
});

test('url_verification echoes the challenge', async () => {
  const body = sample('url_verification.json');
  const res = await post(json(body), 'application/json');
  expect(await res.json()).toEqual({ challenge: body.challenge });
});

test('app_home_opened publishes the Home tab with the sections', async () => {
  await post(json(sample('app_home_opened.json')), 'application/json');
  const [call] = await api.waitFor((c) => c.some((x) => x.path === 'views.publish'));
  expect(call!.body.user_id).toBe('W111');
  const view = call!.body.view as { type: string; blocks: unknown[] };
  expect(view.type).toBe('home');
  expect(blocksText(view.blocks)).toContain('Disaster recovery');
  expect(blocksText(view.blocks)).toContain('show_section');
});

function click(actionId: string, value: object) {
  const body = sample('block_actions.json');
  body.response_url = api.url + 'respond/action';
  body.trigger_id = triggerId();
  body.actions = [{ action_id: actionId, block_id: 'b', type: 'button', value: JSON.stringify(value), action_ts: '1' }];
  return post(form({ payload: JSON.stringify(body) }), 'application/x-www-form-urlencoded');
}

test('"Show the whole section" replies with the section summary on response_url', async () => {
  expect((await click('show_section', { d: 'event-streams', s: 'mirroring_responsibilities' })).status).toBe(200);

  const [call] = await api.waitFor((c) => c.some((x) => x.path === 'respond/action'));
  expect(call!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect(String(call!.body.text)).toMatch(/^Mirroring \(Event Streams\): IBM 0 · You 1 · Shared 6/);
});

test('"Share to channel" posts the answer to the channel and removes the ephemeral one', async () => {
  await click('share_to_channel', { q: 'who patches the cluster?' });
  await api.waitFor((c) => c.some((x) => x.path === 'chat.postMessage') && c.some((x) => x.path === 'respond/action'));
  const posted = api.calls.find((c) => c.path === 'chat.postMessage')!;
  expect(posted.body.channel).toBe('C00FAKECHAN1');
  expect(blocksText(posted.body.blocks)).toContain('Shared by <@U00FAKEUSER1>');
  expect(api.calls.find((c) => c.path === 'respond/action')!.body).toMatchObject({ delete_original: true });
});

test('sharing where the bot is not in the channel says how to invite it', async () => {
  // Slack says not_in_channel with HTTP 200 and ok:false.
  api.failNext('chat.postMessage', 200, {}, 1, 'not_in_channel');
  await click('share_to_channel', { q: 'who patches the cluster?' });
  const [call] = await api.waitFor((c) => c.some((x) => x.path === 'respond/action'));
  expect(String(call!.body.text)).toMatch(/I am not in <#C00FAKECHAN1>. Invite me there with `\/invite @respbot`/);
  expect(logs).toContainEqual(expect.objectContaining({ event: 'slack.share_failed', error: expect.stringMatching(/^not_in_channel/) }));
});

test('"Not what I asked" offers alternatives as buttons', async () => {
  await click('not_what_i_asked', { q: 'who monitors the environment?' });
  const [call] = await api.waitFor((c) => c.some((x) => x.path === 'respond/action'));
  expect(blocksText(call!.body.blocks)).toContain('ask_question');
});

test('"Did you mean" buttons have their own action ids, and each click is answered', async () => {
  await click('not_what_i_asked', { q: 'who monitors the environment?' });
  const [offer] = await api.waitFor((c) => c.some((x) => x.path === 'respond/action'));
  const buttons = (offer!.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions')!.elements!;
  expect(buttons.length).toBeGreaterThan(1);
  expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);
  api.calls.length = 0;
  answered = 0;
  const last = buttons[buttons.length - 1]!;
  expect(last.action_id).not.toBe('ask_question');
  await click(last.action_id, JSON.parse(last.value));
  const [answer] = await api.waitFor((c) => c.some((x) => x.path === 'respond/action'));
  expect(answer!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect(answered).toBe(1);
});

test('👎 feedback is written to the structured log with the question', async () => {
  await click('feedback_down', { q: 'who patches the cluster?', e: 'security_compliance/x' });
  await api.waitFor((c) => c.some((x) => x.path === 'respond/action'));
  expect(logs).toContainEqual(expect.objectContaining({ event: 'feedback', platform: 'slack', vote: 'down', question: 'who patches the cluster?', entryId: 'security_compliance/x' }));
  expect(logs.find((l) => l.event === 'feedback')!.user).toBeUndefined();
  // …and kept in the store for `respbot report`, without the user.
  const signals = await store.listSignals(Date.now() - 60_000);
  expect(signals).toContainEqual(expect.objectContaining({ kind: 'disliked', platform: 'slack', question: 'who patches the cluster?', entryId: 'security_compliance/x', user: null }));
});

test('a question the bot abstains on is kept in the store with what was closest', async () => {
  await post(slash('who patches my laptop?'), 'application/x-www-form-urlencoded');
  const signals = await store.listSignals(Date.now() - 60_000);
  const miss = signals.find((s) => s.kind === 'unanswered' && s.question === 'who patches my laptop?');
  expect(miss).toMatchObject({ platform: 'slack', entryId: null, user: null });
  expect(miss!.candidates.length).toBeGreaterThan(0);
});

test('a rate-limited post (429 with Retry-After) is retried after the wait, once', async () => {
  api.failNext('chat.postMessage', 429, { 'retry-after': '1' });
  const body = sample('app_mention.json');
  body.event.text = '<@U00FAKEBOT01> who sets up mirroring?';
  body.event_id = 'EvRATE1';
  const sent = Date.now();
  await post(json(body), 'application/json');
  const calls = await api.waitFor((c) => c.some((x) => x.path === 'chat.postMessage'), 8000);
  expect(calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(1);
  expect(calls.find((c) => c.path === 'chat.postMessage')!.at - sent).toBeGreaterThanOrEqual(900);
});

describe('forged requests get 401 and run no handler', () => {
  test.each([
    ['a forged signature', { sig: 'v0=' + '0'.repeat(64) }],
    ['a wrong secret', { secret: 'not-the-secret' }],
    ['a timestamp older than 5 minutes', { ts: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a timestamp more than 5 minutes ahead', { ts: Math.floor(Date.now() / 1000) + 6 * 60 }],
    ['a timestamp that is not a number', { ts: 'soon' as unknown as number }],
  ])('%s', async (_name, opts) => {
    const res = await post(slash('who patches the cluster?'), 'application/x-www-form-urlencoded', opts);
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(0);
    expect(api.calls).toHaveLength(0);
  });
});

test('a replayed request (same signature, inside the 5 minutes) is refused; the first one was answered', async () => {
  const body = slash('who patches the cluster?');
  const ts = Math.floor(Date.now() / 1000);
  expect((await post(body, 'application/x-www-form-urlencoded', { ts })).status).toBe(200);
  expect(answered).toBe(1);
  const replay = await post(body, 'application/x-www-form-urlencoded', { ts });
  expect(replay.status).toBe(401);
  expect(answered).toBe(1);
  expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', event: 'slack.request_refused', reason: 'replayed' }));
});

describe('posting a section summary', () => {
  const asker = sample('slash_command_recorded_fields.json').fields.user_id as string;
  /** conversations.members in pages of two ids, the asker on page `askerPage` (0: not at all). */
  const members = (askerPage: number, pages = 2) =>
    api.replyWith('conversations.members', (req) => {
      const page = Number(req.cursor ?? 1);
      const ids = [`U0P${page}A`, page === askerPage ? asker : `U0P${page}B`];
      return { ok: true, members: ids, response_metadata: { next_cursor: page < pages ? String(page + 1) : '' } };
    });
  const reply = async () => String((await api.waitFor((c) => c.some((x) => x.path === 'respond/slash'))).find((c) => c.path === 'respond/slash')!.body.text);

  test('/responsibility post <section> <#channel> posts to that channel and confirms ephemerally', async () => {
    members(2);
    const res = await post(slash('post disaster recovery <#C0SRE0001|sre>'), 'application/x-www-form-urlencoded');
    expect(((await res.json()) as { text: string }).text).toBe('Posting the "disaster recovery" summary…');
    await api.waitFor((c) => c.some((x) => x.path === 'respond/slash'));
    // The asker was found on the second page of members.
    expect(api.calls.filter((c) => c.path === 'conversations.members').map((c) => [c.body.channel, c.body.cursor])).toEqual([
      ['C0SRE0001', undefined],
      ['C0SRE0001', '2'],
    ]);
    const posted = api.calls.filter((c) => c.path === 'chat.postMessage');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toMatchObject({ channel: 'C0SRE0001', text: 'Disaster recovery (Event Streams): IBM 0 · You 5 · Shared 0' });
    expect(blocksText(posted[0]!.body.blocks)).toContain('What you do (5)');
    expect(api.calls.find((c) => c.path === 'respond/slash')!.body.text).toBe('Posted the *Disaster recovery* summary to <#C0SRE0001>.');
  });

  test('without a channel it posts to the current one, with no membership check', async () => {
    await post(slash('post mirroring'), 'application/x-www-form-urlencoded');
    await api.waitFor((c) => c.some((x) => x.path === 'respond/slash'));
    expect(api.calls.find((c) => c.path === 'chat.postMessage')!.body.channel).toBe(sample('slash_command_recorded_fields.json').fields.channel_id);
    expect(api.calls.filter((c) => c.path === 'conversations.members')).toHaveLength(0);
  });

  const notMember = 'I did not post: I post to another channel only for someone who is in it (and I must be in it too: `/invite @respbot` there).';

  test('to a channel the asker is not in: nothing is posted, and nothing is told about that channel', async () => {
    members(0, 3);
    await post(slash('post mirroring <#C0PRIVATE9|secret-plans>'), 'application/x-www-form-urlencoded');
    expect(await reply()).toBe(notMember);
    expect(api.calls.filter((c) => c.path === 'conversations.members')).toHaveLength(3);
    expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(0);
    expect(JSON.stringify(api.calls.filter((c) => c.path.startsWith('respond')))).not.toMatch(/C0PRIVATE9|secret-plans/);
  });

  test('to a channel the bot cannot see: the same answer as for one the asker is not in', async () => {
    api.failNext('conversations.members', 200, {}, 1, 'channel_not_found');
    await post(slash('post mirroring <#C0HIDDEN01>'), 'application/x-www-form-urlencoded');
    expect(await reply()).toBe(notMember);
    expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(0);
  });

  test('without the scope to read members it says which scope is needed, and posts nothing', async () => {
    api.replyWith('conversations.members', { ok: false, error: 'missing_scope', needed: 'groups:read', provided: 'chat:write,commands' });
    await post(slash('post mirroring <#G0PRIV0001>'), 'application/x-www-form-urlencoded');
    expect(await reply()).toMatch(/^I cannot post to another channel: to check that you are in it, the app needs the `groups:read` scope\. Add it to the app \(adapters\/slack\/manifest\.yaml/);
    expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(0);
  });

  test('a misspelt section name still finds it; an unknown one gets the closest names and posts nothing', async () => {
    await post(slash('post disastr recovry'), 'application/x-www-form-urlencoded');
    await api.waitFor((c) => c.some((x) => x.path === 'respond/slash'));
    expect(api.calls.find((c) => c.path === 'chat.postMessage')!.body.text).toMatch(/^Disaster recovery/);
    api.calls.length = 0;
    // An unknown section is said at once, in the acknowledgement: nothing to post.
    const res = await post(slash('post recovery of pizza ovens'), 'application/x-www-form-urlencoded');
    expect(((await res.json()) as { text: string }).text).toMatch(/There is no section "recovery of pizza ovens". Closest: \*Disaster recovery\*/);
    expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(0);
  });

  test('a channel the asker is in but the bot is not gets how to invite it', async () => {
    members(1);
    api.failNext('chat.postMessage', 200, {}, 1, 'not_in_channel');
    await post(slash('post mirroring <#C0PRIV001|private>'), 'application/x-www-form-urlencoded');
    await api.waitFor((c) => c.some((x) => x.path === 'respond/slash'));
    expect(api.calls.find((c) => c.path === 'respond/slash')!.body.text).toMatch(/I am not in <#C0PRIV001>. Invite me there with `\/invite @respbot`/);
  });
});

describe('scheduled digests', () => {
  const channel = sample('slash_command_recorded_fields.json').fields.channel_id as string;
  /** The ephemeral reply a schedule command sends to response_url. */
  async function command(text: string, over: Record<string, string> = {}): Promise<string> {
    api.calls.length = 0;
    const res = await post(slash(text, over), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const [reply] = (await api.waitFor((c) => c.some((x) => x.path === 'respond/slash'))).filter((c) => c.path === 'respond/slash');
    expect(reply!.body.response_type).toBe('ephemeral');
    return String(reply!.body.text);
  }

  test('schedule, list and unschedule a weekly digest in the asker\'s time zone', async () => {
    api.replyWith('users.info', { ok: true, user: { id: 'U1', tz: 'Europe/Berlin' } });
    const added = await command('schedule disaster recovery every monday 09:00');
    const id = /`(s-[a-z2-9]{6})`/.exec(added)?.[1];
    expect(added).toMatch(/^Scheduled `s-\w+`: the \*Disaster recovery\* summary in <#\w+> every Monday at 09:00 \(Europe\/Berlin\)\. First post Mon \d+ \w+, 09:00 CES?T\./);
    expect(await store.getSchedule(id!)).toMatchObject({ platform: 'slack', channel, cron: '0 9 * * 1', timezone: 'Europe/Berlin', target: { doc: 'event-streams', section: 'disaster-recovery' } });
    // The channel is told, with how to stop it.
    const notice = api.calls.find((c) => c.path === 'chat.postMessage');
    expect(notice!.body).toMatchObject({ channel, text: expect.stringMatching(new RegExp(`^<@\\w+> scheduled the \\*Disaster recovery\\* summary here every Monday at 09:00 \\(Europe/Berlin\\)\\. \`/responsibility unschedule ${id}\` stops it\\.$`)) });

    const rotate = await command('schedule rotate daily 8:30am America/New_York');
    expect(rotate).toMatch(/a different section each time .* every day at 08:30 \(America\/New_York\)/);

    const list = await command('schedules');
    expect(list).toContain(id!);
    expect(list).toContain('*Disaster recovery*');
    expect(list).toContain('_rotation_');

    expect(await command(`unschedule ${id}`)).toMatch(new RegExp(`^Stopped \`${id}\``));
    expect(await command('schedules')).not.toContain(id!);
    expect(await command(`unschedule ${id}`)).toMatch(/There is no schedule/);
  });

  test('a schedule is listed and stopped only from its own channel and workspace; elsewhere nothing about it is told', async () => {
    api.replyWith('users.info', { ok: true, user: { id: 'U1', tz: 'UTC' } });
    const id = /`(s-\w+)`/.exec(await command('schedule mirroring daily 9am'))![1]!;
    expect(await store.getSchedule(id)).toMatchObject({ channel, team: 'T00FAKE00BB' });
    const elsewhere = { channel_id: 'C0ELSEWHERE', channel_name: 'elsewhere' };
    const otherWorkspace = { team_id: 'T0OTHERTEAM', team_domain: 'other' };
    for (const over of [elsewhere, otherWorkspace]) {
      expect(await command('schedules', over)).not.toContain(id);
      const refused = await command(`unschedule ${id}`, over);
      expect(refused).toMatch(new RegExp(`^There is no schedule \`${id}\` in <#\\w+>\\. \`/responsibility schedules\` lists the ones here\\.$`));
    }
    expect(await store.getSchedule(id)).not.toBeNull();
    expect(await command('schedules')).toContain(id);
    const stopped = await command(`unschedule ${id}`);
    expect(stopped).toBe(`Stopped \`${id}\` (*Mirroring*, every day at 09:00 (UTC)).`);
    expect(await store.getSchedule(id)).toBeNull();
  });

  test('unreadable times, unknown sections and too-frequent schedules are refused with what to do', async () => {
    api.replyWith('users.info', { ok: true, user: { id: 'U1', tz: 'UTC' } });
    const before = (await store.listSchedules('slack')).length;
    expect(await command('schedule disaster recovery sometimes')).toMatch(/^I could not read when to post in "disaster recovery sometimes"\. Put the time last: "every monday 09:00"/);
    expect(await command('schedule mirroring every fryday 9am')).toMatch(/\("fryday" is not a day/);
    expect(await command('schedule pizza ovens every monday 9am')).toMatch(/There is no section "pizza ovens"\. Closest: \*/);
    expect(await command('schedule rotate */5 * * * *')).toMatch(/more than once an hour/);
    expect(await command('schedule')).toMatch(/^Usage: schedule/);
    expect(await store.listSchedules('slack')).toHaveLength(before);
  });

  test('echoed text is escaped: no channel-wide mention from a schedule command', async () => {
    const reply = await command('schedule <!channel> every monday 9am');
    expect(reply).not.toContain('<!channel>');
    expect(reply).toContain('&lt;!channel&gt;');
  });

  test('a channel the bot is not in gets no schedule, and how to invite it', async () => {
    api.replyWith('users.info', { ok: true, user: { id: 'U1', tz: 'UTC' } });
    const before = (await store.listSchedules('slack')).length;
    api.failNext('chat.postMessage', 200, {}, 1, 'not_in_channel');
    expect(await command('schedule mirroring daily 9am')).toMatch(/^Not scheduled: I am not in <#\w+>\. Invite me there with `\/invite @respbot`/);
    expect(await store.listSchedules('slack')).toHaveLength(before);
  });

  test('a profile without a time zone falls back to UTC and says so', async () => {
    api.failNext('users.info', 200, {}, 1, 'user_not_found');
    const added = await command('schedule mirroring weekdays 9am');
    expect(added).toMatch(/every weekday at 09:00 \(UTC\) \(your Slack profile gave no time zone, so UTC/);
    const made = (await store.getSchedule(/`(s-\w+)`/.exec(added)![1]!))!;
    await store.removeSchedule('slack', made.id, { channel: made.channel, team: made.team });
  });
});
