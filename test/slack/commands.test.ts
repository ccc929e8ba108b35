// The /responsibility slash command through Bolt's real receiver: answers in the acknowledgement,
// pages on response_url, "post <section> <#channel>" and scheduled digests.
import { useSlackApp, api, store, logs, post, slash, blocksText, sample } from '../helpers/slack-app.js';

useSlackApp();

test('/responsibility answers ephemerally in the acknowledgement, with a Share button', async () => {
  const res = await post(slash('who patches the cluster?'), 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  const msg = (await res.json()) as { response_type: string; text: string; blocks: unknown[] };
  expect(msg.response_type).toBe('ephemeral');
  expect(msg.text).toBe('IBM: Security and vulnerability patch updates to cluster');
  expect(blocksText(msg.blocks)).toContain('IBM is responsible');
  expect(blocksText(msg.blocks)).toContain('share_to_channel');
  expect(logs.find((l) => l.event === 'answer')).toMatchObject({
    level: 'info',
    platform: 'slack',
    requestId: expect.any(String),
    intent: 'who',
    answered: true,
    latencyMs: expect.any(Number),
  });
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

test('a question the bot abstains on is kept in the store with what was closest', async () => {
  await post(slash('who patches my laptop?'), 'application/x-www-form-urlencoded');
  const signals = await store.listSignals(Date.now() - 60_000);
  const miss = signals.find((s) => s.kind === 'unanswered' && s.question === 'who patches my laptop?');
  expect(miss).toMatchObject({ platform: 'slack', entryId: null, user: null });
  expect(miss!.candidates.length).toBeGreaterThan(0);
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
    expect(await reply()).toMatch(
      /^I cannot post to another channel: to check that you are in it, the app needs the `groups:read` scope\. Add it to the app \(adapters\/slack\/manifest\.yaml/,
    );
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

  test("schedule, list and unschedule a weekly digest in the asker's time zone", async () => {
    api.replyWith('users.info', { ok: true, user: { id: 'U1', tz: 'Europe/Berlin' } });
    const added = await command('schedule disaster recovery every monday 09:00');
    const id = /`(s-[a-z2-9]{6})`/.exec(added)?.[1];
    expect(added).toMatch(
      /^Scheduled `s-\w+`: the \*Disaster recovery\* summary in <#\w+> every Monday at 09:00 \(Europe\/Berlin\)\. First post Mon \d+ \w+, 09:00 CES?T\./,
    );
    expect(await store.getSchedule(id!)).toMatchObject({
      platform: 'slack',
      channel,
      cron: '0 9 * * 1',
      timezone: 'Europe/Berlin',
      target: { doc: 'event-streams', section: 'disaster-recovery' },
    });
    // The channel is told, with how to stop it.
    const notice = api.calls.find((c) => c.path === 'chat.postMessage');
    expect(notice!.body).toMatchObject({
      channel,
      text: expect.stringMatching(
        new RegExp(
          `^<@\\w+> scheduled the \\*Disaster recovery\\* summary here every Monday at 09:00 \\(Europe/Berlin\\)\\. \`/responsibility unschedule ${id}\` stops it\\.$`,
        ),
      ),
    });

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
    expect(await command('schedule disaster recovery sometimes')).toMatch(
      /^I could not read when to post in "disaster recovery sometimes"\. Put the time last: "every monday 09:00"/,
    );
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
