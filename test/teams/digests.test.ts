// Scheduled digests from a Teams conversation, and digests sent to a stored conversation.
import { teamsAdapter } from '../../adapters/teams/adapter.js';
import { posterFor } from '../../src/conversation/posting.js';
import type { OutboxPost } from '../../src/store/types.js';
import { loadEngine } from '../../src/engine/engine.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { useTeamsApp, connector, store, app, post, sent, cardOf, sample } from '../helpers/teams-app.js';

useTeamsApp();

describe('scheduled digests on Teams', () => {
  /** The text reply to a bot command sent from the channel sample (a thread in a team channel). */
  async function command(text: string, localTimezone: string | null = null, where: { conversationId?: string; tenantId?: string } = {}): Promise<string> {
    connector.calls.length = 0;
    const act = sample('message_channel_mention.json');
    act.text = `<at>Chat SDK Demo</at> ${text}`;
    if (where.conversationId) act.conversation.id = where.conversationId;
    if (where.tenantId) act.conversation.tenantId = act.channelData.tenant.id = where.tenantId;
    if (localTimezone) act.localTimezone = localTimezone;
    else delete act.localTimezone;
    await post(act);
    const [reply] = await connector.waitFor(() => sent().length > 0);
    return String(reply!.body.text);
  }

  test("schedule in the Teams client's time zone, list, and unschedule", async () => {
    const added = await command('schedule disaster recovery every monday 09:00', 'America/Chicago');
    expect(added).toMatch(/^Scheduled \*\*s-\w+\*\*: the \*\*Disaster recovery\*\* summary here every Monday at 09:00 \(America\/Chicago\)\. First post Mon/);
    const id = /\*\*(s-\w+)\*\*/.exec(added)![1]!;
    // Kept for the channel itself, not the thread the command was typed in.
    const channel = sample('message_channel_mention.json').conversation.id.replace(/;messageid=\d+$/, '');
    expect(await store.getSchedule(id)).toMatchObject({ platform: 'teams', channel, timezone: 'America/Chicago' });
    expect(await command('schedules')).toContain(`**${id}**`);
    expect(await command(`unschedule ${id}`)).toMatch(new RegExp(`^Stopped \\*\\*${id}\\*\\*`));
    expect(await command('schedules')).toMatch(/^No digests are scheduled here/);
  });

  test('a schedule is listed and stopped only from its own conversation and tenant', async () => {
    const id = /\*\*(s-\w+)\*\*/.exec(await command('schedule mirroring every monday 09:00', 'UTC'))![1]!;
    const home = sample('message_channel_mention.json');
    expect(await store.getSchedule(id)).toMatchObject({ team: home.conversation.tenantId });
    const elsewhere = { conversationId: '19:0ther0000000000000000000000000@thread.tacv2' };
    const otherTenant = { tenantId: 'ffffffff-0000-0000-0000-000000000000' };
    for (const where of [elsewhere, otherTenant]) {
      expect(await command('schedules', null, where)).not.toContain(id);
      expect(await command(`unschedule ${id}`, null, where)).toBe(`There is no schedule **${id}** here. **schedules** lists the ones here.`);
    }
    expect(await store.getSchedule(id)).not.toBeNull();
    expect(await command(`unschedule ${id}`)).toMatch(new RegExp(`^Stopped \\*\\*${id}\\*\\*`));
  });

  test('without a zone from the client the schedule is in UTC and says so; bad input is refused', async () => {
    const added = await command('schedule rotate weekdays 9am');
    expect(added).toContain('(UTC) (Teams gave no time zone, so UTC');
    const made = (await store.getSchedule(/\*\*(s-\w+)\*\*/.exec(added)![1]!))!;
    await store.removeSchedule('teams', made.id, { channel: made.channel, team: made.team });
    expect(await command('schedule pizza every monday 9am')).toMatch(/There is no section "pizza"\. Closest: \*\*/);
    expect(await command('schedule rotate * * * * *')).toMatch(/more than once an hour/);
  });
});

describe('proactive digests to a stored conversation', () => {
  const channel = '19:d441d38c655c47a085215b2726e76927@thread.tacv2';
  const due = (key: string): OutboxPost => ({
    key,
    scheduleId: null,
    platform: 'teams',
    channel,
    target: { doc: 'event-streams', section: 'disaster-recovery' },
    dueAt: Date.now(),
    state: 'sending',
    attempts: 1,
    nextAttemptAt: Date.now(),
    partsSent: 0,
    leaseOwner: 'test',
    leaseUntil: null,
    sentAt: null,
    lastError: null,
  });

  test('the summary card arrives at the connector of the stored reference; throttling is retried, 403 is not', async () => {
    await post(sample('conversation_update_members_added.json')); // stores the reference (serviceUrl: the stand-in)
    await connector.waitFor(() => sent().length > 0);
    connector.calls.length = 0;
    const engine = loadEngine([SHIPPED_DATA_DIR]);
    const poster = posterFor(teamsAdapter(app, store));
    const answer = engine.section('event-streams', 'disaster-recovery')!;
    const parts: number[] = [];
    await poster.send(due('k1'), answer, async (n) => void parts.push(n));
    const [card] = sent();
    expect(card!.path).toBe(`v3/conversations/${channel}/activities`);
    expect(card!.body.summary).toBe('Disaster recovery (Event Streams): IBM 0 · You 5 · Shared 0');
    expect(cardOf(card!.body).content.version).toBe('1.5');
    expect(parts).toEqual([1]);

    for (const [status, kind] of [
      [429, 'retry'],
      [412, 'retry'],
      [502, 'retry'],
      [504, 'retry'],
      [403, 'permanent'],
    ] as const) {
      connector.failNext(`v3/conversations/${channel}/activities`, status, status === 429 ? { 'retry-after': '7' } : {});
      const err = await poster.send(due('k2'), answer, async () => {}).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind, ...(status === 429 ? { retryAfterMs: 7000 } : {}) });
    }
    const missing = await poster.send({ ...due('k3'), channel: '19:unknown@thread.tacv2' }, answer, async () => {}).catch((e: unknown) => e);
    expect(missing).toMatchObject({ kind: 'permanent', message: expect.stringContaining('must be installed there') });
  });
});
