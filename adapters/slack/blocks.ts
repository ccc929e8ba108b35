// Block Kit rendering of an Answer: pure functions, one or more messages (a long section
// summary is paged, never cut silently), every one within SLACK_LIMITS, all document and
// user text escaped.
import type { Button, KnownBlock, View } from '@slack/types';
import type { Answer, Match, SectionRef } from '../../src/engine/types.js';
import type { Party } from '../../src/model.js';
import { alternativeQuestions, groupByParty, PARTY_LABEL, partyCounts, summaryLine } from '../../src/render/text.js';
import { truncate } from '../../src/text.js';
import { escapeSlack as esc, slackLink } from './escape.js';
import { SLACK_LIMITS as L } from './limits.js';

export interface SlackMessage {
  /** Top-level text: notifications and screen readers read it. */
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** The answer is shown only to the asker (slash command): offer "Share to channel". */
  ephemeral?: boolean;
  /** Slack user id of who shared it, for a shared answer. */
  sharedBy?: string;
  /** The schedule a digest comes from, so the channel sees how to stop it. */
  digest?: string;
}

/** Action ids of our buttons; the values are small JSON objects (see ActionValue). */
export const ACTIONS = {
  showSection: 'show_section',
  share: 'share_to_channel',
  notWhatIAsked: 'not_what_i_asked',
  ask: 'ask_question',
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
} as const;

/**
 * Slack refuses an actions block whose buttons share an action_id, so buttons of one kind in
 * one block are numbered: `ask_question-0`, `ask_question-1`. `actionKind` reads the kind back.
 */
export const numbered = (kind: string, i: number): string => `${kind}-${i}`;
export const actionKind = (actionId: string): string => actionId.replace(/-\d+$/, '');

export interface ActionValue {
  /** question */
  q?: string;
  /** document id and section id */
  d?: string;
  s?: string;
  /** entry id */
  e?: string | null;
}

const WHO_HEAD: Record<Party, string> = { provider: 'IBM is responsible', customer: 'You are responsible', shared: 'Shared: IBM and you' };

const clip = (s: string, max: number) => truncate(s, max);

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, L.headerText), emoji: true } };
}

function section(mrkdwn: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(mrkdwn, L.sectionText) } };
}

function context(parts: string[]): KnownBlock {
  return { type: 'context', elements: parts.slice(0, L.contextElements).map((t) => ({ type: 'mrkdwn' as const, text: clip(t, L.sectionText) })) };
}

export function button(text: string, actionId: string, value: ActionValue, style?: 'primary' | 'danger'): Button {
  let json = JSON.stringify(value);
  if (json.length > L.actionValue) json = JSON.stringify({ ...value, q: clip(value.q ?? '', 400) });
  return { type: 'button', text: { type: 'plain_text', text: clip(text, L.buttonText), emoji: true }, action_id: actionId, value: json, ...(style ? { style } : {}) };
}

function actions(buttons: Button[], blockId?: string): KnownBlock {
  return { type: 'actions', elements: buttons.slice(0, L.actionsElements), ...(blockId ? { block_id: blockId } : {}) };
}

function sourceLine(s: SectionRef): string {
  const bits = [`Section: *${esc(s.title)}*`, esc(s.service), s.lastUpdated ? `updated ${esc(s.lastUpdated)}` : ''];
  if (s.url) bits.push(slackLink(s.url, 'source'));
  return bits.filter(Boolean).join(' · ');
}

function duty(m: Match, side: Party | null): string {
  if (m.task === null) return esc(m.provider ?? '');
  const p = m.provider ? `*IBM:* ${esc(m.provider)}` : '';
  const c = m.customer ? `*You:* ${esc(m.customer)}` : '';
  if (m.party === 'provider') return esc(m.provider ?? '');
  if (m.party === 'customer') return esc(m.customer ?? '');
  return (side === 'customer' ? [c, p] : [p, c]).filter(Boolean).join('\n');
}

function feedbackButtons(a: Answer): Button[] {
  const value = { q: a.question, e: a.matches[0]?.entryId ?? null };
  return [button('👍', ACTIONS.feedbackUp, value), button('👎', ACTIONS.feedbackDown, value)];
}

/** The fallback text Slack shows in notifications: one line that says the answer. */
export function fallbackText(a: Answer): string {
  return clip(esc(summaryLine(a)), L.fallbackText);
}

function whoMessage(a: Answer, opts: RenderOptions): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (a.services.length > 1) {
    blocks.push(header('It depends on the service'), section(esc(a.note ?? '')));
    for (const m of a.matches) blocks.push(section(`*${esc(m.service)}* · ${PARTY_LABEL[m.party ?? 'shared']} · ${esc(m.task ?? m.section)}\n${duty(m, null)}`));
  } else {
    const m = a.matches[0]!;
    const party = a.party ?? m.party;
    const head = m.task === null ? m.section : party ? WHO_HEAD[party] : m.section;
    blocks.push(header(head));
    const side = a.side ? ` (${a.side === 'customer' ? 'your side of a shared task' : "IBM's side of a shared task"})` : '';
    blocks.push(section(`*${esc(m.task ?? m.section)}*${side}\n${duty(m, a.side)}`));
    const r = a.runnerUp;
    if (r) blocks.push(section(`*Also fits:* ${r.task === null ? esc(r.section) : `${PARTY_LABEL[r.party ?? 'shared']} · *${esc(r.task)}*`}\n${duty(r, null)}`));
    if (a.section) blocks.push(context([sourceLine(a.section)]));
    if (a.note) blocks.push(context([`_${esc(a.note)}_`]));
  }
  if (opts.sharedBy) blocks.push(context([`Shared by <@${opts.sharedBy.replace(/[^A-Z0-9]/gi, '')}> · asked: “${esc(clip(a.question, 200))}”`]));
  const top = a.matches[0];
  const buttons: Button[] = [];
  if (top) buttons.push(button('Show the whole section', ACTIONS.showSection, { d: top.doc, s: top.sectionId }));
  if (opts.ephemeral) buttons.push(button('Share to channel', ACTIONS.share, { q: a.question }, 'primary'));
  buttons.push(button('Not what I asked', ACTIONS.notWhatIAsked, { q: a.question }), ...feedbackButtons(a));
  blocks.push(actions(buttons, 'answer_actions'));
  return { text: fallbackText(a), blocks };
}

function unknownMessage(a: Answer): SlackMessage {
  const blocks: KnownBlock[] = [section(`I don't know that one from the responsibility documents.${a.note ? ` ${esc(a.note)}` : ''}`)];
  if (a.suggestions.length) {
    blocks.push(section('*Did you mean:*'));
    blocks.push(actions(a.suggestions.slice(0, 3).map((s, i) => button(s, numbered(ACTIONS.ask, i), { q: s }))));
  } else {
    blocks.push(context(['Type `help` for what I can answer.']));
  }
  blocks.push(actions(feedbackButtons(a)));
  return { text: fallbackText(a), blocks };
}

function helpMessage(a: Answer): SlackMessage {
  const blocks: KnownBlock[] = [
    header('Ask respbot who is responsible'),
    section('Ask in a DM, mention me in a channel, or use `/responsibility &lt;question&gt;`. For example:'),
    section(a.examples.map((e) => `• ${esc(e)}`).join('\n')),
    context(['Also: `/responsibility list`, `/responsibility &lt;section name&gt;`, “what am I responsible for in &lt;section&gt;?”']),
    context([
      'To a channel: `/responsibility post &lt;section&gt; [#channel]` now, or `/responsibility schedule &lt;section|rotate&gt; every monday 09:00` as a digest; `/responsibility schedules` lists them, `/responsibility unschedule &lt;id&gt;` stops one.',
    ]),
  ];
  return { text: fallbackText(a), blocks };
}

/** Blocks for a list of entries, paged so that every page stays within the limits. */
function pagedEntries(title: string, intro: string[], rows: string[], footer: KnownBlock[], text: string): SlackMessage[] {
  const reserved = 1 + intro.length + footer.length;
  const budgetBlocks = L.blocks - reserved;
  const budgetChars = L.messageChars - 1500;
  const pages: string[][] = [[]];
  let chars = 0;
  for (const row of rows.map((r) => clip(r, L.sectionText))) {
    const page = pages[pages.length - 1]!;
    if (page.length >= budgetBlocks || (page.length > 0 && chars + row.length > budgetChars)) {
      pages.push([row]);
      chars = row.length;
    } else {
      page.push(row);
      chars += row.length;
    }
  }
  return pages.map((page, i) => {
    const part = pages.length > 1 ? ` (part ${i + 1} of ${pages.length})` : '';
    const blocks: KnownBlock[] = [header(clip(title, L.headerText - part.length) + part)];
    if (i === 0) blocks.push(...intro.map(section));
    blocks.push(...page.map(section));
    if (i === pages.length - 1) blocks.push(...footer);
    return { text: clip(text + part, L.fallbackText), blocks };
  });
}

function entryRow(m: Match, withSection: boolean): string {
  const where = withSection ? ` _(${esc(m.section)})_` : '';
  return `*${PARTY_LABEL[m.party ?? 'shared']}* · *${esc(m.task ?? m.section)}*${where}\n${duty(m, null)}`;
}

function sectionMessages(a: Answer, opts: RenderOptions): SlackMessage[] {
  const s = a.section!;
  const filter = a.party ? ` — what ${a.party === 'customer' ? 'you do' : a.party === 'provider' ? 'IBM does' : 'is shared'}` : '';
  const intro = [s.text ? esc(s.text) : '', a.note ? `_${esc(a.note)}_` : '', a.party && a.matches.length === 0 ? `${a.party === 'customer' ? 'You have' : 'IBM has'} no task in this section.` : ''].filter(Boolean);
  const footer: KnownBlock[] = [context([partyCounts(a.matches), sourceLine(s)])];
  if (opts.digest) footer.push(context([`Scheduled digest \`${esc(opts.digest)}\` · \`/responsibility unschedule ${esc(opts.digest)}\` stops it`]));
  const buttons: Button[] = opts.ephemeral ? [button('Share to channel', ACTIONS.share, { q: a.question }, 'primary')] : [];
  buttons.push(...feedbackButtons(a));
  footer.push(actions(buttons));
  const rows = groupByParty(a.matches).flatMap((g) => [`*${esc(g.heading)}*`, ...g.matches.map((m) => entryRow(m, false))]);
  return pagedEntries(`${s.title} — ${s.service}${filter}`, intro, rows, footer, fallbackText(a));
}

function partyMessages(a: Answer): SlackMessage[] {
  const who = a.party === 'customer' ? 'Your' : "IBM's";
  return pagedEntries(`${who} responsibilities (shared included)`, [], a.matches.map((m) => entryRow(m, true)), [actions(feedbackButtons(a))], fallbackText(a));
}

function listMessages(a: Answer): SlackMessage[] {
  const multi = new Set(a.sections.map((s) => s.service)).size > 1;
  const rows: KnownBlock[] = a.sections.map((s) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: clip(`${multi ? `${esc(s.service)} · ` : ''}*${esc(s.title)}*`, L.sectionText) },
    accessory: button('Summary', ACTIONS.showSection, { d: s.doc, s: s.id }),
  }));
  const pages: SlackMessage[] = [];
  for (let i = 0; i < rows.length || i === 0; i += L.blocks - 1) {
    const part = rows.length > L.blocks - 1 ? ` (part ${pages.length + 1} of ${Math.ceil(rows.length / (L.blocks - 1))})` : '';
    pages.push({ text: fallbackText(a) + part, blocks: [header('Sections' + part), ...rows.slice(i, i + L.blocks - 1)] });
  }
  return pages;
}

/** Every message an answer needs, first one first. */
export function renderAnswer(a: Answer, opts: RenderOptions = {}): SlackMessage[] {
  switch (a.intent) {
    case 'who':
      return [whoMessage(a, opts)];
    case 'section':
      return sectionMessages(a, opts);
    case 'party':
      return partyMessages(a);
    case 'list':
      return listMessages(a);
    case 'help':
      return [helpMessage(a)];
    default:
      return [unknownMessage(a)];
  }
}

/** Alternatives to the top answer, for "Not what I asked". */
export function alternativesMessage(a: Answer): SlackMessage {
  const alts = alternativeQuestions(a);
  if (alts.length === 0) return { text: 'No other close matches.', blocks: [section('No other close matches. Try other words, or `/responsibility list`.')] };
  return { text: 'Did you mean one of these?', blocks: [section('*Did you mean one of these?*'), actions(alts.map((q, i) => button(q, numbered(ACTIONS.ask, i), { q })))] };
}

/** The App Home tab: the sections of every loaded document with a summary button, and how to ask. */
export function homeView(sections: SectionRef[], examples: string[]): View {
  const blocks: KnownBlock[] = [
    header('respbot: who is responsible for what'),
    section('Ask me in this tab’s *Messages*, mention `@respbot` in a channel, or use `/responsibility &lt;question&gt;`.'),
    section(examples.slice(0, 5).map((e) => `• ${esc(e)}`).join('\n')),
    { type: 'divider' },
  ];
  let service = '';
  for (const s of sections) {
    if (blocks.length >= L.homeBlocks - 2) {
      blocks.push(context([`…and ${sections.length - sections.indexOf(s)} more sections: ask \`/responsibility list\`.`]));
      break;
    }
    if (s.service !== service) {
      service = s.service;
      blocks.push(section(`*${esc(s.service)}*${s.lastUpdated ? ` · updated ${esc(s.lastUpdated)}` : ''}`));
    }
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(esc(s.title), L.sectionText) }, accessory: button('Summary', ACTIONS.showSection, { d: s.doc, s: s.id }) });
  }
  return { type: 'home', blocks: blocks.slice(0, L.homeBlocks) };
}
