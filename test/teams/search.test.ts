// The search message extension: the compose box's query answered within the invoke.
import { useTeamsApp, post, sample, sentBefore } from '../helpers/teams-app.js';

useTeamsApp();

test('the search message extension lists matching entries with previews, within the invoke', async () => {
  const act = sample('invoke_compose_extension_query.json');
  act.value.parameters = [{ name: 'searchKeywords', value: 'mirroring' }];
  const res = await post(act);
  expect(res.status).toBe(200);
  // Within the invoke: the results are its response, nothing is sent as a message afterwards.
  expect(await sentBefore()).toHaveLength(0);
  const ext = res.body!.composeExtension;
  expect(ext).toMatchObject({ type: 'result', attachmentLayout: 'list' });
  expect(ext.attachments.length).toBeGreaterThan(0);
  expect(ext.attachments[0].preview.content.title).toBeTruthy();
  expect(ext.attachments[0].content.version).toBe('1.5');
});
