// The schedule bot commands on Teams: `schedule <section|rotate> <when>`, `schedules`,
// `unschedule <id>`. The time zone comes from the Teams client (activity.localTimezone).
import type { Engine } from '../../src/engine/engine.js';
import { addSchedule, formatWhen, SCHEDULE_USAGE, type ScheduleCommand } from '../../src/schedule/commands.js';
import { isTimeZone } from '../../src/schedule/when.js';
import type { Schedule, Store } from '../../src/store/types.js';
import { inert } from './cards.js';

export interface TeamsScheduleContext {
  store: Store;
  engine: Engine;
  /** Where the command was typed: schedules are listed, stopped and made only there. */
  conversationId: string;
  /** The asker's tenant. */
  tenantId: string | null;
  /** IANA zone the Teams client reports, e.g. "Europe/Berlin". */
  localTimezone: string | null;
  user: string | null;
}

const line = (s: Schedule) =>
  `- **${s.id}** ${s.target === 'rotate' ? '_rotation_: the next section each time' : `**${inert(s.label)}**`}, ${inert(s.description)}, next ${formatWhen(s.nextDue, s.timezone)}`;

/** The reply to one schedule command, as Teams markdown. */
export async function runTeamsScheduleCommand(cmd: ScheduleCommand, ctx: TeamsScheduleContext): Promise<string> {
  switch (cmd.kind) {
    case 'schedules': {
      const list = await ctx.store.listSchedules('teams', ctx.conversationId, ctx.tenantId);
      if (list.length === 0) return `No digests are scheduled here. Add one with ${inert(SCHEDULE_USAGE)}.`;
      return `Digests scheduled here:\n\n${list.map(line).join('\n')}\n\nStop one with **unschedule** \\<id\\>.`;
    }
    case 'unschedule': {
      if (!cmd.id) return 'Which one? **schedules** lists the ids; then **unschedule** \\<id\\>.';
      // Another conversation's schedule reads as no schedule: nothing about it is told.
      const removed = await ctx.store.removeSchedule('teams', cmd.id, { channel: ctx.conversationId, team: ctx.tenantId });
      if (!removed) return `There is no schedule ${inert(cmd.id)} here. **schedules** lists this conversation's.`;
      return `Stopped **${removed.id}** (${removed.target === 'rotate' ? 'rotation' : inert(removed.label)}, ${inert(removed.description)}).`;
    }
    case 'schedule': {
      const tz = ctx.localTimezone && isTimeZone(ctx.localTimezone) ? ctx.localTimezone : null;
      const r = await addSchedule(ctx.store, ctx.engine, { platform: 'teams', channel: ctx.conversationId, team: ctx.tenantId, rest: cmd.rest, timezone: tz ?? 'UTC', createdBy: ctx.user });
      if (!r.ok) return `${inert(r.error)}${r.suggestions?.length ? ` Closest: ${r.suggestions.map((s) => `**${inert(s)}**`).join(', ')}.` : ''}`;
      const s = r.schedule;
      const what = s.target === 'rotate' ? 'a different section each time' : `the **${inert(s.label)}** summary`;
      return `Scheduled **${s.id}**: ${what} here ${inert(s.description)}${tz ? '' : ' (Teams gave no time zone, so UTC; add one at the end, e.g. Europe/Berlin)'}. First post ${formatWhen(r.next, s.timezone)}.`;
    }
  }
}
