// Button clicks (block_actions) through Bolt's real receiver: the whole section, Share to channel,
// "Not what I asked" and its alternatives, feedback.
import { useSlackApp, api, store, answered, resetAnswered, logs, blocksText, click } from '../helpers/slack-app.js';

useSlackApp();

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
  const buttons = (offer!.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions')!
    .elements!;
  expect(buttons.length).toBeGreaterThan(1);
  expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);
  api.calls.length = 0;
  resetAnswered();
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
  expect(logs).toContainEqual(
    expect.objectContaining({ event: 'feedback', platform: 'slack', vote: 'down', question: 'who patches the cluster?', entryId: 'security_compliance/x' }),
  );
  expect(logs.find((l) => l.event === 'feedback')!.user).toBeUndefined();
  // …and kept in the store for `respbot report`, without the user.
  const signals = await store.listSignals(Date.now() - 60_000);
  expect(signals).toContainEqual(
    expect.objectContaining({ kind: 'disliked', platform: 'slack', question: 'who patches the cluster?', entryId: 'security_compliance/x', user: null }),
  );
});
