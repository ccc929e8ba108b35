// Stopping: SIGTERM lets a slow outbox send or a slash-command post finish before exiting 0;
// a second signal exits at once. "Slow" is a Slack stand-in that holds the call unanswered until
// the test releases it, after the bot has logged that it is stopping: no fixed waits.
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { useService, api, dir, startBot, slashPost } from '../helpers/service.js';

useService();

const STOPPING = /"event":"stopping"/;

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
  const release = api.hold('chat.postMessage');
  const bot = await startBot({ SCHEDULER_INTERVAL_SECONDS: '0.2' });
  await api.waitFor((c) => c.some((x) => x.path === 'chat.postMessage'), 10_000);
  bot.child.kill('SIGTERM');
  await bot.logged(STOPPING);
  expect(bot.child.exitCode).toBeNull();
  release(); // Slack answers only now, after the signal
  expect(await bot.exited).toBe(0);
  // Recorded as sent: the bot waited for Slack's answer before it exited.
  expect((await store.listPosts())[0]).toMatchObject({ state: 'sent', attempts: 1 });
  expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(1);
  expect(bot.stderr()).toContain('"event":"stopped"');
  await store.close();
});

test('SIGTERM while a slash-command post is still going: it is finished and confirmed first', async () => {
  const release = api.hold('chat.postMessage');
  const bot = await startBot({});
  await slashPost(bot);
  bot.child.kill('SIGTERM');
  await bot.logged(STOPPING);
  release();
  expect(await bot.exited).toBe(0);
  expect(api.calls.find((c) => c.path === 'respond/x')?.body.text).toBe('Posted the *Mirroring* summary to <#C1>.');
});

test('a second signal exits at once, without waiting', async () => {
  // Slack never answers while the bot runs: the first signal's orderly stop would wait for ever,
  // so exiting (with 143, not the orderly 0) is the second signal's doing.
  const release = api.hold('chat.postMessage');
  try {
    const bot = await startBot({});
    await slashPost(bot);
    bot.child.kill('SIGTERM');
    await bot.logged(STOPPING);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(143);
    expect(bot.stderr()).not.toContain('"event":"stopped"');
  } finally {
    release();
  }
});
