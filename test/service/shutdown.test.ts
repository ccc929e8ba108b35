// Stopping: SIGTERM lets a slow outbox send or a slash-command post finish before exiting 0;
// a second signal exits at once.
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { useService, api, dir, startBot, slashPost } from '../helpers/service.js';

useService();

test('SIGTERM during a slow outbox send: the send completes, then the process exits 0', async () => {
  const store = openSqliteStore(join(dir, 'store.db'));
  await store.addSchedule({
    platform: 'slack',
    channel: 'C0SLOW001',
    target: { doc: 'event-streams', section: 'mirroring_responsibilities' },
    label: 'Mirroring',
    cron: '0 9 * * *',
    timezone: 'UTC',
    description: 'every day at 09:00 (UTC)',
    createdBy: null,
    nextDue: Date.now() - 60_000,
  });
  api.delay('chat.postMessage', 1500);
  const bot = await startBot({ SCHEDULER_INTERVAL_SECONDS: '0.2' });
  await api.waitFor((c) => c.some((x) => x.path === 'chat.postMessage'), 10_000);
  const signalled = Date.now();
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
  expect(Date.now() - signalled).toBeGreaterThan(1000); // it waited for Slack's answer
  expect((await store.listPosts())[0]).toMatchObject({ state: 'sent', attempts: 1 });
  expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(1);
  expect(bot.stderr()).toContain('"event":"stopped"');
  await store.close();
  api.delay('chat.postMessage', 0);
});

test('SIGTERM while a slash-command post is still going: it is finished and confirmed first', async () => {
  api.delay('chat.postMessage', 1500);
  const bot = await startBot({});
  await slashPost(bot);
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
  expect(api.calls.find((c) => c.path === 'respond/x')?.body.text).toBe('Posted the *Mirroring* summary to <#C1>.');
  api.delay('chat.postMessage', 0);
});

test('a second signal exits at once, without waiting', async () => {
  api.delay('chat.postMessage', 10_000);
  const bot = await startBot({});
  await slashPost(bot);
  bot.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  const second = Date.now();
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(143);
  expect(Date.now() - second).toBeLessThan(2000);
  api.delay('chat.postMessage', 0);
});
