// Adaptive Card rendering of an Answer for Microsoft Teams: pure functions, card version
// 1.5 (the highest Teams renders, nothing newer used), every card well under Teams' message
// size limit, long summaries split into parts, document and user text made markdown-inert.
import type { Answer, Match, SectionRef } from '../../src/engine/types.js';
import type { Party } from '../../src/model.js';
import { alternativeQuestions, groupByParty, PARTY_LABEL, partyCounts, summaryLine } from '../../src/render/text.js';
import { truncate } from '../../src/text.js';

export const TEAMS_LIMITS = {
  /** Card JSON size we aim under (Teams rejects messages over about 28 KB in all). */
  cardBytes: 24_000,
  /** Text of one TextBlock we send. */
  textBlock: 4_000,
  /** Buttons on a card (Teams shows up to 6 actions). */
  actions: 6,
  /** Button title. */
  actionTitle: 60,
} as const;

export const CARD_VERSION = '1.5';

/** A card as JSON (the Adaptive Card 1.5 schema), with the activity's fallback text. */
export interface TeamsCard {
  text: string;
  card: Record<string, unknown>;
}

/** Data on our Action.Submit buttons; `respbot` tells our submits from others'. */
export interface SubmitData {
  respbot: 'show_section' | 'ask' | 'alternatives' | 'feedback';
  q?: string;
  d?: string;
  s?: string;
  e?: string | null;
  vote?: 'up' | 'down';
}

/** Markdown characters that could make links, emphasis, code, headings or lists out of plain text
 *  (a link needs its brackets, so parentheses stay as they are). */
export function inert(text: string): string {
  return text.replace(/([\\`*_[\]#<>])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
}

const clip = (s: string, max: number) => truncate(s, max);
const HEADLINE: Record<Party, string> = { provider: 'IBM is responsible', customer: 'You are responsible', shared: 'Shared: IBM and you' };

function text(t: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextBlock', text: clip(t, TEAMS_LIMITS.textBlock), wrap: true, ...extra };
}

function submit(title: string, data: SubmitData): Record<string, unknown> {
  return { type: 'Action.Submit', title: clip(title, TEAMS_LIMITS.actionTitle), data: { ...data, q: data.q === undefined ? undefined : clip(data.q, 500) } };
}

function openUrl(title: string, url: string): Record<string, unknown> {
  return { type: 'Action.OpenUrl', title, url };
}

function card(body: unknown[], actions: unknown[] = []): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length ? { actions: actions.slice(0, TEAMS_LIMITS.actions) } : {}),
    msteams: { width: 'Full' },
  };
}

function facts(s: SectionRef): Record<string, unknown> {
  const list = [
    { title: 'Section', value: inert(s.title) },
    { title: 'Service', value: inert(s.service) },
    ...(s.lastUpdated ? [{ title: 'Last updated', value: inert(s.lastUpdated) }] : []),
  ];
  return { type: 'FactSet', facts: list };
}

function duty(m: Match, side: Party | null): string {
  if (m.task === null || m.party === 'provider') return inert(m.provider ?? '');
  if (m.party === 'customer') return inert(m.customer ?? '');
  const p = `**IBM:** ${inert(m.provider ?? '')}`;
  const c = `**You:** ${inert(m.customer ?? '')}`;
  return (side === 'customer' ? [c, p] : [p, c]).join('\n\n');
}

function feedback(a: Answer): unknown[] {
  const e = a.matches[0]?.entryId ?? null;
  return [submit('👍 Helpful', { respbot: 'feedback', vote: 'up', q: a.question, e }), submit('👎 Not helpful', { respbot: 'feedback', vote: 'down', q: a.question, e })];
}

function whoCard(a: Answer): TeamsCard {
  const body: unknown[] = [];
  if (a.services.length > 1) {
    body.push(text('It depends on the service', { weight: 'Bolder', size: 'Medium' }), text(inert(a.note ?? '')));
    for (const m of a.matches) body.push(text(`**${inert(m.service)}** · ${PARTY_LABEL[m.party ?? 'shared']} · ${inert(m.task ?? m.section)}`), text(duty(m, null), { spacing: 'None' }));
  } else {
    const m = a.matches[0]!;
    const party = a.party ?? m.party;
    body.push(text(m.task === null || !party ? inert(m.section) : HEADLINE[party], { weight: 'Bolder', size: 'Medium' }));
    const side = a.side ? ` (${a.side === 'customer' ? 'your side of a shared task' : "IBM's side of a shared task"})` : '';
    body.push(text(`**${inert(m.task ?? m.section)}**${side}`), text(duty(m, a.side), { spacing: 'Small' }));
    const r = a.runnerUp;
    if (r) body.push(text(`**Also fits:** ${r.task === null ? inert(r.section) : `${PARTY_LABEL[r.party ?? 'shared']} · **${inert(r.task)}**`}`), text(duty(r, null), { spacing: 'Small' }));
    if (a.section) body.push(facts(a.section));
    if (a.note) body.push(text(inert(a.note), { isSubtle: true }));
  }
  const top = a.matches[0];
  const actions: unknown[] = [];
  if (top) actions.push(submit('Show the whole section', { respbot: 'show_section', d: top.doc, s: top.sectionId }));
  if (top?.url) actions.push(openUrl('Source', top.url));
  actions.push(submit('Not what I asked', { respbot: 'alternatives', q: a.question }), ...feedback(a));
  return { text: summaryLine(a), card: card(body, actions) };
}

function unknownCard(a: Answer): TeamsCard {
  const body: unknown[] = [text(`I don't know that one from the responsibility documents.${a.note ? ` ${inert(a.note)}` : ''}`)];
  if (a.suggestions.length) body.push(text('**Did you mean:**'));
  else body.push(text('Type **help** for what I can answer.', { isSubtle: true }));
  const actions = [...a.suggestions.slice(0, 3).map((q) => submit(q, { respbot: 'ask', q })), ...feedback(a)];
  return { text: summaryLine(a), card: card(body, actions) };
}

function helpCard(a: Answer): TeamsCard {
  const body = [
    text('Ask respbot who is responsible', { weight: 'Bolder', size: 'Medium' }),
    text('Ask in a chat, or mention me in a channel. For example:'),
    text(a.examples.map((e) => `- ${inert(e)}`).join('\n')),
    text('Also: **list**, a section name, "what am I responsible for in <section>?"'.replace(/</g, '\\<').replace(/>/g, '\\>'), { isSubtle: true }),
    text('To this chat or channel: **post** <section> now, or **schedule** <section|rotate> every monday 09:00 as a digest; **schedules** lists them, **unschedule** <id> stops one.'.replace(/</g, '\\<').replace(/>/g, '\\>'), { isSubtle: true }),
  ];
  return { text: summaryLine(a), card: card(body, a.examples.slice(0, 3).map((q) => submit(q, { respbot: 'ask', q }))) };
}

/** Cards for a list of entries, split so that every card stays under the size goal. */
function split(title: string, intro: unknown[], rows: unknown[][], footer: unknown[], actions: unknown[], fallback: string): TeamsCard[] {
  const size = (x: unknown) => Buffer.byteLength(JSON.stringify(x));
  const budget = TEAMS_LIMITS.cardBytes - size(intro) - size(footer) - size(actions) - 600;
  const pages: unknown[][] = [[]];
  let used = 0;
  for (const row of rows) {
    const n = size(row);
    if (pages[pages.length - 1]!.length > 0 && used + n > budget) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]!.push(...row);
    used += n;
  }
  return pages.map((page, i) => {
    const part = pages.length > 1 ? ` (part ${i + 1} of ${pages.length})` : '';
    const body = [text(inert(title) + part, { weight: 'Bolder', size: 'Medium' }), ...(i === 0 ? intro : []), ...page, ...(i === pages.length - 1 ? footer : [])];
    return { text: fallback + part, card: card(body, i === pages.length - 1 ? actions : []) };
  });
}

function entryRows(matches: Match[], withSection: boolean): unknown[][] {
  return matches.map((m) => [
    text(`**${PARTY_LABEL[m.party ?? 'shared']}** · **${inert(m.task ?? m.section)}**${withSection ? ` _(${inert(m.section)})_` : ''}`, { separator: true }),
    text(duty(m, null), { spacing: 'None' }),
  ]);
}

export interface CardOptions {
  /** The schedule a digest comes from, so the channel sees how to stop it. */
  digest?: string;
}

function sectionCards(a: Answer, opts: CardOptions): TeamsCard[] {
  const s = a.section!;
  const filter = a.party ? ` — what ${a.party === 'customer' ? 'you do' : a.party === 'provider' ? 'IBM does' : 'is shared'}` : '';
  const intro: unknown[] = [];
  if (s.text) intro.push(text(inert(s.text), { isSubtle: true }));
  if (a.note) intro.push(text(inert(a.note), { isSubtle: true }));
  if (a.party && a.matches.length === 0) intro.push(text(`${a.party === 'customer' ? 'You have' : 'IBM has'} no task in this section.`));
  const footer = [text(partyCounts(a.matches), { isSubtle: true }), facts(s)];
  if (opts.digest) footer.push(text(`Scheduled digest ${inert(opts.digest)} · **unschedule ${inert(opts.digest)}** stops it`, { isSubtle: true }));
  const actions = [...(s.url ? [openUrl('Source', s.url)] : []), ...feedback(a)];
  const rows = groupByParty(a.matches).flatMap((g) => [[text(inert(g.heading), { weight: 'Bolder', color: 'Accent', spacing: 'Medium' })], ...entryRows(g.matches, false)]);
  return split(`${s.title} — ${s.service}${filter}`, intro, rows, footer, actions, summaryLine(a));
}

function partyCards(a: Answer): TeamsCard[] {
  const who = a.party === 'customer' ? 'Your' : "IBM's";
  return split(`${who} responsibilities (shared included)`, [], entryRows(a.matches, true), [], feedback(a), summaryLine(a));
}

function listCards(a: Answer): TeamsCard[] {
  const multi = new Set(a.sections.map((s) => s.service)).size > 1;
  const rows = a.sections.map((s) => [
    {
      type: 'Container',
      items: [text(`${multi ? `${inert(s.service)} · ` : ''}${inert(s.title)}`, { color: 'Accent' })],
      selectAction: submit(`Summary of ${s.title}`, { respbot: 'show_section', d: s.doc, s: s.id }),
    },
  ]);
  return split('Sections (select one for its summary)', [], rows, [], [], summaryLine(a));
}

/** Every card an answer needs, first one first. */
export function renderCards(a: Answer, opts: CardOptions = {}): TeamsCard[] {
  switch (a.intent) {
    case 'who':
      return [whoCard(a)];
    case 'section':
      return sectionCards(a, opts);
    case 'party':
      return partyCards(a);
    case 'list':
      return listCards(a);
    case 'help':
      return [helpCard(a)];
    default:
      return [unknownCard(a)];
  }
}

/** Alternatives to the top answer, for "Not what I asked". */
export function alternativesCard(a: Answer): TeamsCard {
  const alts = alternativeQuestions(a);
  if (alts.length === 0) return { text: 'No other close matches.', card: card([text('No other close matches. Try other words, or **list**.')]) };
  return { text: 'Did you mean one of these?', card: card([text('**Did you mean one of these?**')], alts.map((q) => submit(q, { respbot: 'ask', q }))) };
}

/** The welcome card on installation, with example questions. */
export function welcomeCard(examples: string[], services: string[]): TeamsCard {
  const body = [
    text('Hi, I am respbot', { weight: 'Bolder', size: 'Medium' }),
    text(`I tell who is responsible for what in ${inert(services.join(', '))}: IBM, you, or both. Ask me, for example:`),
    text(examples.slice(0, 4).map((e) => `- ${inert(e)}`).join('\n')),
  ];
  return { text: 'Hi, I am respbot', card: card(body, examples.slice(0, 3).map((q) => submit(q, { respbot: 'ask', q }))) };
}

export const CARD = 'application/vnd.microsoft.card.adaptive';

/** The card alone; the one-line summary goes where notifications read it, not as a second message. */
export const asActivity = (c: TeamsCard) => ({ type: 'message' as const, summary: c.text, attachments: [{ contentType: CARD, content: c.card }] });
