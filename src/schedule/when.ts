// When a scheduled digest runs: a cron expression or a readable form ("every monday 09:00",
// "daily 08:30", "weekdays 9am"), in a time zone. Daylight-saving changes follow the zone
// (croner evaluates the expression in it); a time skipped by a clock change runs at the next
// valid minute, once.
import { Cron } from 'croner';

export interface When {
  /** Five-field cron: minute hour day-of-month month day-of-week. */
  cron: string;
  timezone: string;
  /** How people read it back: "every Monday at 09:00 (Europe/Berlin)". */
  description: string;
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_ALIASES: Record<string, number> = Object.fromEntries(
  DAYS.flatMap((d, i) => [
    [d, i],
    [d.slice(0, 3), i],
    [d + 's', i],
  ]),
);

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function parseTime(s: string): { h: number; m: number } | null {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(s.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  const ampm = m[3]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (h > 23 || min > 59) return null;
  return { h, m: min };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Read a schedule; an error message (for the user) when it cannot be read. */
export function parseWhen(input: string, defaultTimezone = 'UTC'): When | { error: string } {
  let text = input.trim().replace(/\s+/g, ' ');
  let timezone = defaultTimezone;
  const tzMatch = /\s+(?:in\s+)?([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+|UTC|GMT)$/.exec(text);
  if (tzMatch && isTimeZone(tzMatch[1]!)) {
    timezone = tzMatch[1]!;
    text = text.slice(0, tzMatch.index).trim();
  }
  if (!isTimeZone(timezone)) return { error: `"${timezone}" is not a time zone (try Europe/Berlin or America/New_York)` };

  if (/^[\d*,/-]+( [\d*,/-]+|\s+[A-Za-z*,/-]+){4}$/.test(text) && text.split(' ').length === 5) {
    try {
      // Valid fields can still name no day at all (30 February): such a schedule would never run.
      if (!new Cron(text, { timezone, paused: true }).nextRun()) return { error: `"${text}" never runs (no date matches it)` };
    } catch (e) {
      return { error: `"${text}" is not a valid cron expression: ${(e as Error).message}` };
    }
    return { cron: text, timezone, description: `cron "${text}" (${timezone})` };
  }

  const m = /^(?:every\s+)?(day|daily|weekday|weekdays|[a-z]+?)\s*(?:(?:at|@)\s*)?(\d{1,2}(?::\d{2})?\s*(?:am|pm)?)$/i.exec(
    text.toLowerCase().replace(/^weekly on /, ''),
  );
  if (!m)
    return {
      error: `cannot read "${input}": use a cron expression ("0 9 * * 1") or e.g. "every monday 09:00", "daily 08:30", "weekdays 9am", optionally followed by a time zone`,
    };
  const t = parseTime(m[2]!);
  if (!t) return { error: `"${m[2]}" is not a time of day` };
  const at = `${pad(t.h)}:${pad(t.m)}`;
  const unit = m[1]!;
  if (unit === 'day' || unit === 'daily') return { cron: `${t.m} ${t.h} * * *`, timezone, description: `every day at ${at} (${timezone})` };
  if (unit === 'weekday' || unit === 'weekdays') return { cron: `${t.m} ${t.h} * * 1-5`, timezone, description: `every weekday at ${at} (${timezone})` };
  const day = DAY_ALIASES[unit];
  if (day === undefined) return { error: `"${unit}" is not a day (monday…sunday, daily or weekdays)` };
  const name = DAYS[day]!;
  return { cron: `${t.m} ${t.h} * * ${day}`, timezone, description: `every ${name[0]!.toUpperCase()}${name.slice(1)} at ${at} (${timezone})` };
}

/** The first run strictly after `after`. */
export function nextRun(when: Pick<When, 'cron' | 'timezone'>, after: Date): Date {
  const next = new Cron(when.cron, { timezone: when.timezone, paused: true }).nextRun(after);
  if (!next) throw new Error(`schedule "${when.cron}" has no future run`);
  return next;
}

/** Section ids in rotation: the one after `lastId`, wrapping round (the first when none yet). */
export function nextInRotation<T>(items: T[], last: T | null): T | null {
  if (items.length === 0) return null;
  const i = last === null ? -1 : items.indexOf(last);
  return items[(i + 1) % items.length] ?? null;
}
