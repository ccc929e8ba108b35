// `/responsibility schedule|schedules|unschedule` on Slack: the core schedule commands, with
// the asker's time zone from their Slack profile and replies in escaped mrkdwn.
import type { WebClient } from '@slack/web-api';
import type { Engine } from '../../src/engine/engine.js';
import { addSchedule, formatWhen, SCHEDULE_USAGE, type ScheduleCommand } from '../../src/schedule/commands.js';
import type { Schedule, Store } from '../../src/store/types.js';
import { escapeSlack } from './escape.js';
import { explainSlackError } from './post.js';

export interface ScheduleContext {
  store: Store;
  engine: Engine;
  client: WebClient;
  /** Where the command was typed: schedules are listed, stopped and made only there. */
  channel: string;
  /** The asker's workspace (team id). */
  team: string | null;
  user: string;
}

/** The user's zone from their profile (users:read); null when Slack does not say. */
async function userTimezone(client: WebClient, user: string): Promise<string | null> {
  try {
    const r = await client.users.info({ user });
    return r.user?.tz ?? null;
  } catch {
    return null;
  }
}

/** A cron's asterisks would read as bold in mrkdwn: show it as code. */
const when = (s: Schedule) => escapeSlack(s.description).replace(/^cron "(.+)"/, 'cron `$1`');

const line = (s: Schedule) => {
  const what = s.target === 'rotate' ? '_rotation_: the next section each time' : `*${escapeSlack(s.label)}*`;
  return `• \`${s.id}\` ${what} — ${when(s)}, next ${formatWhen(s.nextDue, s.timezone)}`;
};

/** The reply to one schedule command, as Slack mrkdwn. */
export async function runScheduleCommand(cmd: ScheduleCommand, ctx: ScheduleContext): Promise<string> {
  switch (cmd.kind) {
    case 'schedules': {
      const list = await ctx.store.listSchedules('slack', ctx.channel, ctx.team);
      if (list.length === 0) return `No digests are scheduled in <#${ctx.channel}>. Add one with \`/responsibility ${SCHEDULE_USAGE.replace(/, e\.g\..*/, '')}\`.`;
      return `Digests scheduled in <#${ctx.channel}>:\n${list.map(line).join('\n')}\nStop one with \`/responsibility unschedule <id>\`.`;
    }
    case 'unschedule': {
      if (!cmd.id) return 'Which one? `/responsibility schedules` lists the ids; then `/responsibility unschedule <id>`.';
      // Another channel's schedule reads as no schedule: nothing about it is told.
      const removed = await ctx.store.removeSchedule('slack', cmd.id, { channel: ctx.channel, team: ctx.team });
      if (!removed) return `There is no schedule \`${escapeSlack(cmd.id)}\` in this channel. \`/responsibility schedules\` lists this channel's.`;
      return `Stopped \`${removed.id}\` (${removed.target === 'rotate' ? 'rotation' : `*${escapeSlack(removed.label)}*`}, ${when(removed)}).`;
    }
    case 'schedule': {
      const tz = await userTimezone(ctx.client, ctx.user);
      const r = await addSchedule(ctx.store, ctx.engine, { platform: 'slack', channel: ctx.channel, team: ctx.team, rest: cmd.rest, timezone: tz ?? 'UTC', createdBy: ctx.user });
      if (!r.ok) {
        const close = r.suggestions?.length ? ` Closest: ${r.suggestions.map((s) => `*${escapeSlack(s)}*`).join(', ')}.` : '';
        return `${escapeSlack(r.error)}${close}`;
      }
      const s = r.schedule;
      const what = s.target === 'rotate' ? 'a different section each time' : `the *${escapeSlack(s.label)}* summary`;
      // Tell the channel (it will get the posts), which also proves the bot may post there.
      try {
        await ctx.client.chat.postMessage({
          channel: s.channel,
          text: `<@${ctx.user.replace(/[^A-Z0-9]/gi, '')}> scheduled ${what} here ${when(s)}. \`/responsibility unschedule ${s.id}\` stops it.`,
        });
      } catch (e) {
        await ctx.store.removeSchedule('slack', s.id, { channel: s.channel, team: s.team });
        return `Not scheduled: ${explainSlackError((e as { data?: { error?: string } }).data?.error, s.channel)}`;
      }
      const zoneNote = tz ? '' : ' (your Slack profile gave no time zone, so UTC; add one at the end, e.g. `Europe/Berlin`)';
      return `Scheduled \`${s.id}\`: ${what} in <#${s.channel}> ${when(s)}${zoneNote}. First post ${formatWhen(r.next, s.timezone)}.`;
    }
  }
}
