// The search message extension: the compose box's query answered within the invoke.
import { useTeamsApp, post, sample } from '../helpers/teams-app.js';

useTeamsApp();

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
