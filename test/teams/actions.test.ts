// Our card buttons on Teams: Action.Submit (a message value) and Action.Execute (an invoke),
// and feedback.
import { useTeamsApp, connector, logs, post, sent, sentBefore, sample } from '../helpers/teams-app.js';

useTeamsApp();

test('an Action.Submit "Show the whole section" arrives as a message value and gets the summary', async () => {
  const act = sample('action_submit_message_value.json');
  act.value = { respbot: 'show_section', d: 'event-streams', s: 'disaster-recovery' };
  await post(act);
  const [reply] = await connector.waitFor(() => sent().length > 0);
  expect(reply!.body.summary).toMatch(/^Disaster recovery \(Event Streams\): IBM 0 · You 5 · Shared 0/);
});

test("👎 feedback is logged with the question; another app's submit is ignored", async () => {
  const act = sample('action_submit_message_value.json');
  act.value = { respbot: 'feedback', vote: 'down', q: 'who patches the cluster?', e: 'x' };
  await post(act);
  await connector.waitFor(() => sent().length > 0);
  expect(logs).toContainEqual(expect.objectContaining({ event: 'feedback', platform: 'teams', vote: 'down', question: 'who patches the cluster?' }));
  connector.calls.length = 0;
  await post(sample('action_submit_message_value.json'));
  expect(await sentBefore()).toHaveLength(0);
});

test('an adaptiveCard/action invoke with our data answers with a card', async () => {
  const act = sample('invoke_adaptive_card_action.json');
  act.value.action.data = { respbot: 'ask', q: 'who triggers failover?' };
  const res = await post(act);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(JSON.stringify(res.body!.value)).toContain('Failover');
});
