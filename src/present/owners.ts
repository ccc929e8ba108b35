// Owners (owners.yaml) in cards: "You → Data Platform team (#data-platform, @dp-oncall)", and the
// customer's rows of a summary grouped by owner. A group is mentioned (notified) only when its
// owner says `notify: true`, and once per answer or digest: later rows name it.
import type { Match } from '../engine/types.js';
import type { Owner } from '../owners/book.js';
import type { Block, Line, Span } from './card.js';
import { NO_OWNER, OWNER_ARROW, OWNER_DETAILS } from './sentences.js';

/** The owners already mentioned in the cards being made. */
export type Mentioned = Set<string>;

function group(o: Owner, mentioned: Mentioned): Span | null {
  const name = o.slack?.handle ?? o.teams?.tag?.name;
  if (!name) return null;
  if (!o.notify || mentioned.has(o.id) || !(o.slack?.group || o.teams?.tag)) return `@${name}`;
  mentioned.add(o.id);
  return { mention: { name, ...(o.slack?.group ? { slack: o.slack.group } : {}), ...(o.teams?.tag ? { teams: o.teams.tag } : {}) } };
}

/** An owner and how to reach it; `arrow` puts "You → " in front (on a row). */
export function ownerLine(o: Owner, mentioned: Mentioned, arrow = true): Line {
  const contacts: Span[] = [];
  if (o.channel || o.slack?.channel || o.teams?.channelUrl)
    contacts.push({
      place: {
        name: o.channel ?? 'their channel',
        ...(o.slack?.channel ? { slack: o.slack.channel } : {}),
        ...(o.teams?.channelUrl ? { teamsUrl: o.teams.channelUrl } : {}),
      },
    });
  const g = group(o, mentioned);
  if (g) contacts.push(g);
  const line: Line = [...(arrow ? [OWNER_ARROW] : []), { bold: o.name }];
  if (contacts.length) line.push(' (', ...contacts.flatMap((c, i) => (i ? [', ', c] : [c])), ')');
  if (o.url) line.push(' · ', { link: OWNER_DETAILS, url: o.url });
  if (o.note) line.push(` — ${o.note}`);
  return line;
}

/** Whether answers carry owners (an owners file is loaded). */
export const ownersLoaded = (matches: Match[]): boolean => matches.some((m) => m.owner !== undefined);

/**
 * Rows grouped by owner, first seen first and rows nobody owns last: each group a heading
 * ("What you do · SRE rota (2)"), the owner's contacts, then its rows.
 */
export function byOwner(heading: string, matches: Match[], row: (m: Match) => Block, mentioned: Mentioned): Block[][] {
  const groups = new Map<string | null, { owner: Owner | null; rows: Match[] }>();
  for (const m of matches) {
    const key = m.owner?.id ?? null;
    if (!groups.has(key)) groups.set(key, { owner: m.owner ?? null, rows: [] });
    groups.get(key)!.rows.push(m);
  }
  const ordered = [...groups.values()].sort((a, b) => Number(a.owner === null) - Number(b.owner === null));
  return ordered.flatMap(({ owner, rows }) => {
    const head: Block[] = [{ kind: 'group', text: `${heading} · ${owner?.name ?? NO_OWNER} (${rows.length})` }];
    if (owner) head.push({ kind: 'text', line: ownerLine(owner, mentioned, false), subtle: true });
    return [head, ...rows.map((m) => [row(m)])];
  });
}
