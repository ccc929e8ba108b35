// Slack events through Bolt's real receiver: mentions answered in their thread (once, and not
// when a bot wrote them), direct messages, url_verification, the Home tab, rate-limited posts.
import { useSlackApp, api, answered, post, postsBefore, json, blocksText, sample, BOT_USER } from '../helpers/slack-app.js';

useSlackApp();

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
  const retry = await post(json(body), 'application/json', {
    ts: Math.floor(Date.now() / 1000) + 1,
    headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
  });
  expect(retry.status).toBe(200);
  expect(await postsBefore()).toHaveLength(1);
});

test.each([
  ["another app's bot", { bot_id: 'B0OTHERBOT', user: 'U0OTHERBOT' }],
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
  expect(await postsBefore()).toHaveLength(1);
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
