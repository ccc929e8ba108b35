// The schedule commands every chat surface offers: `schedule <section|rotate> <when>`,
// `schedules` and `unschedule <id>`. Parsing and store calls live here; each adapter only
// formats the result for its platform.
import type { Engine } from '../engine/engine.js';
import type { Platform, Schedule, Store } from '../store/types.js';
import { nextRun, parseWhen } from './when.js';

export type ScheduleCommand = { kind: 'schedule'; rest: string } | { kind: 'schedules' } | { kind: 'unschedule'; id: string };

export const SCHEDULE_USAGE =
  'schedule <section|rotate> <when>, e.g. "schedule disaster recovery every monday 09:00" or "schedule rotate 0 9 * * 1 Europe/Berlin"';

/** Digests at most hourly: a channel is not a log stream. */
export const MIN_INTERVAL_MS = 3_600_000;
/** More than this in one channel is a mistake or abuse, not a digest. */
export const MAX_PER_CHANNEL = 20;
const MAX_COMMAND_CHARS = 300;

export function parseScheduleCommand(text: string): ScheduleCommand | null {
  const t = text.trim();
  if (/^schedules$/i.test(t) || /^list schedules$/i.test(t)) return { kind: 'schedules' };
  const un = /^(?:unschedule|delete schedule|remove schedule)\s+(\S+)$/i.exec(t);
  if (un) return { kind: 'unschedule', id: un[1]!.toLowerCase() };
  if (/^unschedule$/i.test(t)) return { kind: 'unschedule', id: '' };
  const s = /^schedule(?:\s+(.*))?$/is.exec(t);
  return s ? { kind: 'schedule', rest: (s[1] ?? '').trim() } : null;
}

export interface ScheduleRequest {
  platform: Platform;
  channel: string;
  /** The asker's Slack workspace or Teams tenant, kept with the schedule. */
  team?: string | null;
  /** What follows `schedule`: "<section|rotate> <when>". */
  rest: string;
  /** The asker's zone (Slack profile, Teams client); a zone at the end of <when> wins. */
  timezone: string;
  createdBy: string | null;
  now?: Date;
}

export type ScheduleResult = { ok: true; schedule: Schedule; next: Date } | { ok: false; error: string; suggestions?: string[] };

/** "disaster recovery every monday 09:00" → the leftmost split whose tail reads as a time. */
export function splitTargetAndWhen(rest: string, timezone: string): { target: string; when: ReturnType<typeof parseWhen> } | null {
  const words = rest.split(/\s+/).filter(Boolean);
  for (let i = 1; i < words.length; i++) {
    const when = parseWhen(words.slice(i).join(' '), timezone);
    if (!('error' in when)) return { target: words.slice(0, i).join(' '), when };
  }
  return null;
}

export async function addSchedule(store: Store, engine: Engine, req: ScheduleRequest): Promise<ScheduleResult> {
  if (!req.rest) return { ok: false, error: `Usage: ${SCHEDULE_USAGE}.` };
  if (req.rest.length > MAX_COMMAND_CHARS)
    return { ok: false, error: `That is too long for a schedule (${req.rest.length} characters). Usage: ${SCHEDULE_USAGE}.` };
  const split = splitTargetAndWhen(req.rest, req.timezone);
  if (!split || 'error' in split.when) {
    // A specific reason when the last words look like a time ("fryday is not a day").
    const words = req.rest.split(/\s+/);
    const specific = [2, 3, 4, 5, 6]
      .map((n) => parseWhen(words.slice(-n).join(' '), req.timezone))
      .map((w) => ('error' in w ? w.error : ''))
      .find((e) => e && !e.startsWith('cannot read'));
    return {
      ok: false,
      error: `I could not read when to post in "${req.rest}"${specific ? ` (${specific})` : ''}. Put the time last: "every monday 09:00", "daily 08:30", "weekdays 9am" or a cron expression such as "0 9 * * 1", optionally followed by a time zone such as Europe/Berlin.`,
    };
  }
  const when = split.when;
  const now = req.now ?? new Date();
  const first = nextRun(when, now);
  const second = nextRun(when, first);
  if (second.getTime() - first.getTime() < MIN_INTERVAL_MS)
    return {
      ok: false,
      error: `${when.description[0]!.toUpperCase()}${when.description.slice(1)} would post more than once an hour; digests run at most hourly.`,
    };
  if ((await store.listSchedules(req.platform, req.channel)).length >= MAX_PER_CHANNEL) {
    return { ok: false, error: `This channel already has ${MAX_PER_CHANNEL} digests; stop one with unschedule <id> first.` };
  }
  let target: Schedule['target'];
  let label: string;
  if (/^(rotate|rotation)$/i.test(split.target)) {
    target = 'rotate';
    label = 'A different section each time';
  } else {
    const found = engine.findSection(split.target);
    if (!('answer' in found)) return { ok: false, error: `There is no section "${split.target}".`, suggestions: found.suggestions };
    const s = found.answer.section!;
    target = { doc: s.doc, section: s.id };
    label = engine.index.services.length > 1 ? `${s.title} (${s.service})` : s.title;
  }
  const schedule = await store.addSchedule({
    platform: req.platform,
    channel: req.channel,
    team: req.team ?? null,
    target,
    label,
    cron: when.cron,
    timezone: when.timezone,
    description: when.description,
    createdBy: req.createdBy,
    nextDue: first.getTime(),
  });
  return { ok: true, schedule, next: first };
}

/** "Mon 2 Mar, 09:00 CET" in the schedule's own zone. */
export function formatWhen(at: Date | number, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}
