// The commands that change something, for every surface: `post <section> [#channel]` and the
// schedule commands. They act only where the asker is (another channel only for someone in
// it), through the adapter; what they say back is built here, once.
import type { Engine } from '../engine/engine.js';
import type { Line } from '../present/card.js';
import { S } from '../present/sentences.js';
import { addSchedule, formatWhen, SCHEDULE_USAGE, type ScheduleCommand } from '../schedule/commands.js';
import type { Schedule, Store } from '../store/types.js';
import type { Adapter } from './adapter.js';
import { postNow } from './posting.js';

export interface Where {
  platform: string;
  channel: string;
  team: string | null;
  user: string;
}

const closest = (names: string[]): Line => (names.length ? [' Closest: ', ...names.flatMap((n, i): Line => [...(i ? [', '] : []), { bold: n }]), '.'] : []);

/** `post <section> [#channel]`: what to say at once, and the post (with what to say after it). */
export function postCommand(text: string, engine: Engine, adapter: Adapter, where: Where): { now: Line | null; later: () => Promise<Line | null> } {
  const { rest, channel } = adapter.channelIn?.(text) ?? { rest: text.trim(), channel: null };
  const target = channel ?? where.channel;
  const elsewhere = target !== where.channel;
  // "#sre" typed as plain text (not picked from the platform's list, so not a channel it knows):
  // say so, rather than look for a section called "disaster recovery #sre".
  const named = channel === null ? /\s(#[\w.-]+)$/.exec(rest) : null;
  if (named) {
    const how = adapter.channelIn ? 'pick the channel from the list as you type it, so that it becomes a link' : 'I can only post here';
    return { now: [`I do not know ${named[1]} as a channel: ${how}.`], later: async () => null };
  }
  const found = engine.findSection(rest);
  if (!('answer' in found)) return { now: [`There is no section "${rest}".`, ...closest(found.suggestions)], later: async () => null };
  const title = found.answer.section!.title;
  // A private reply says at once what is happening; elsewhere the post itself shows it.
  const now: Line | null = adapter.voice.privateReplies ? [`Posting the "${rest}" summary${elsewhere ? '' : ' here'}…`] : null;
  return {
    now,
    later: async () => {
      // Into another channel only for someone who is in it (the adapter checks); otherwise nothing is said about that channel.
      if (elsewhere) {
        const refusal = adapter.mayPostTo ? await adapter.mayPostTo(target, where.user) : ['I can only post here.'];
        if (refusal) return refusal;
      }
      const r = await postNow(adapter, target, found.answer);
      if (!r.ok) return adapter.explainFailure(r.error, target, r.posted, r.parts);
      if (!adapter.voice.privateReplies) return null; // everyone saw the post
      return ['Posted the ', { bold: title }, ' summary to ', { channel: target }, r.parts > 1 ? ` in ${r.parts} parts.` : '.'];
    },
  };
}

/** A cron's asterisks would read as emphasis: show it as code. */
function when(s: Schedule): Line {
  const cron = /^cron "(.+)"(.*)$/.exec(s.description);
  return cron ? ['cron ', { code: cron[1]! }, cron[2]!] : [s.description];
}

function what(s: Schedule): Line {
  return s.target === 'rotate' ? ['a different section each time'] : ['the ', { bold: s.label }, ' summary'];
}

/** The reply to one schedule command, acting only on the asker's channel and workspace. */
export async function scheduleCommand(
  cmd: ScheduleCommand,
  ctx: { engine: Engine; store?: Store; adapter: Adapter; where: Where; timeZone: string | null },
): Promise<Line> {
  const { store, adapter, where } = ctx;
  const v = adapter.voice;
  if (!store) return [S.noStore];
  switch (cmd.kind) {
    case 'schedules': {
      const list = await store.listSchedules(where.platform, where.channel, where.team);
      if (list.length === 0)
        return ['No digests are scheduled ', { here: where.channel }, '. Add one with ', { code: v.command(SCHEDULE_USAGE.replace(/, e\.g\..*/, '')) }, '.'];
      const lines = list.flatMap(
        (s): Line => [
          '\n• ',
          { code: s.id },
          ' ',
          ...(s.target === 'rotate' ? [{ italic: 'rotation' }, ': the next section each time'] : [{ bold: s.label }]),
          ' — ',
          ...when(s),
          `, next ${formatWhen(s.nextDue, s.timezone)}`,
        ],
      );
      return ['Digests scheduled ', { here: where.channel }, ':', ...lines, '\nStop one with ', { code: v.command('unschedule <id>') }, '.'];
    }
    case 'unschedule': {
      if (!cmd.id) return ['Which one? ', { code: v.command('schedules') }, ' lists the ids; then ', { code: v.command('unschedule <id>') }, '.'];
      // Another channel's schedule reads as no schedule: nothing about it is told.
      const removed = await store.removeSchedule(where.platform, cmd.id, { channel: where.channel, team: where.team });
      if (!removed)
        return ['There is no schedule ', { code: cmd.id }, ' ', { here: where.channel }, '. ', { code: v.command('schedules') }, ' lists the ones here.'];
      return [
        'Stopped ',
        { code: removed.id },
        ' (',
        ...(removed.target === 'rotate' ? ['rotation'] : [{ bold: removed.label }]),
        ', ',
        ...when(removed),
        ').',
      ];
    }
    case 'schedule': {
      const tz = ctx.timeZone;
      const r = await addSchedule(store, ctx.engine, {
        platform: where.platform,
        channel: where.channel,
        team: where.team,
        rest: cmd.rest,
        timezone: tz ?? 'UTC',
        createdBy: where.user,
      });
      if (!r.ok) return [r.error, ...closest(r.suggestions ?? [])];
      const s = r.schedule;
      // A private reply: tell the channel (it will get the posts), which also proves respbot may post there.
      if (v.privateReplies) {
        const notice: Line = [
          { user: where.user },
          ' scheduled ',
          ...what(s),
          ' here ',
          ...when(s),
          '. ',
          { code: v.command(`unschedule ${s.id}`) },
          ' stops it.',
        ];
        try {
          await adapter.send(s.channel, [{ summary: `Scheduled ${s.id}`, blocks: [{ kind: 'text', line: notice }] }], 0, async () => {});
        } catch (e) {
          await store.removeSchedule(where.platform, s.id, { channel: s.channel, team: s.team });
          return ['Not scheduled: ', ...adapter.explainFailure(e, s.channel, 0, 1)];
        }
      }
      const zoneNote: Line = tz ? [] : [` (${v.zoneSource} gave no time zone, so UTC; add one at the end, e.g. `, { code: 'Europe/Berlin' }, ')'];
      return [
        'Scheduled ',
        { code: s.id },
        ': ',
        ...what(s),
        ' ',
        { here: s.channel },
        ' ',
        ...when(s),
        ...zoneNote,
        `. First post ${formatWhen(r.next, s.timezone)}.`,
      ];
    }
  }
}
