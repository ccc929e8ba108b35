// Cards as Block Kit: every message within SLACK_LIMITS, all document and user text escaped
// (only our own links and mentions are markup), buttons numbered so that no two in a block
// share an action_id.
import type { Button, KnownBlock, View } from '@slack/types';
import type { Action } from '../../src/present/actions.js';
import { payloadOf } from '../../src/present/actions.js';
import type { Block, Card, Line } from '../../src/present/card.js';
import type { Budget } from '../../src/present/paging.js';
import { PARTY_LABEL, S } from '../../src/present/sentences.js';
import { truncate } from '../../src/strings.js';
import { escapeSlack as esc, slackLink } from './escape.js';
import { SLACK_LIMITS as L } from './limits.js';

export interface SlackMessage {
  /** Top-level text: notifications and screen readers read it. */
  text: string;
  /** Absent in a message of one line: an empty list is not sent (Slack may refuse it as invalid_blocks). */
  blocks?: KnownBlock[];
}

/** Our buttons' action ids, by kind (the names Slack has seen from respbot since the start). */
export const ACTION_IDS = {
  show_section: 'show_section',
  share: 'share_to_channel',
  alternatives: 'not_what_i_asked',
  ask: 'ask_question',
  feedback_up: 'feedback_up',
  feedback_down: 'feedback_down',
  open: 'open_link',
} as const;

/** `ask_question-2` → the click's kind ('ask'), for the action ids of our buttons; null for others. */
export function kindOfActionId(actionId: string): { kind: string; vote?: 'up' | 'down' } | null {
  const id = actionId.replace(/-\d+$/, '');
  if (id === ACTION_IDS.feedback_up) return { kind: 'feedback', vote: 'up' };
  if (id === ACTION_IDS.feedback_down) return { kind: 'feedback', vote: 'down' };
  const kind = (Object.keys(ACTION_IDS) as Array<keyof typeof ACTION_IDS>).find((k) => ACTION_IDS[k] === id);
  return kind && kind !== 'open' ? { kind } : null;
}

/** Every action id our buttons use, numbered or not: what the Slack app listens for. */
export const OUR_ACTION_IDS = new RegExp(`^(${Object.values(ACTION_IDS).join('|')})(-\\d+)?$`);

const clip = truncate;

/** Spans as mrkdwn: text escaped, emphasis Slack's way, links and mentions as Slack markup. */
export function mrkdwn(line: Line): string {
  return line
    .map((s) => {
      if (typeof s === 'string') return esc(s);
      if ('bold' in s) return `*${esc(s.bold)}*`;
      if ('italic' in s) return `_${esc(s.italic)}_`;
      if ('code' in s) return `\`${esc(s.code)}\``;
      if ('link' in s) return slackLink(s.url, s.link);
      if ('user' in s) return `<@${s.user.replace(/[^A-Z0-9]/gi, '')}>`;
      if ('here' in s) return `in <#${s.here.replace(/[^A-Z0-9]/gi, '')}>`;
      if ('place' in s) return s.place.slack ? `<#${s.place.slack.replace(/[^A-Z0-9]/gi, '')}>` : esc(s.place.name);
      // A user group is notified only through this span, which the core makes only for notify: true.
      if ('mention' in s) return s.mention.slack ? `<!subteam^${s.mention.slack.replace(/[^A-Z0-9]/gi, '')}>` : esc(`@${s.mention.name}`);
      return `<#${s.channel.replace(/[^A-Z0-9]/gi, '')}>`;
    })
    .join('');
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, L.sectionText) } };
}

function context(parts: string[]): KnownBlock {
  return { type: 'context', elements: parts.slice(0, L.contextElements).map((t) => ({ type: 'mrkdwn' as const, text: clip(t, L.sectionText) })) };
}

function button(a: Action, actionId: string, style?: 'primary'): Button {
  const text = { type: 'plain_text' as const, text: clip(a.label, L.buttonText), emoji: true };
  if (a.kind === 'open') return { type: 'button', text, action_id: actionId, url: a.url.slice(0, L.buttonUrl) };
  return { type: 'button', text, action_id: actionId, value: clip(JSON.stringify(payloadOf(a)), L.actionValue), ...(style ? { style } : {}) };
}

function idOf(a: Action): string {
  return a.kind === 'feedback' ? ACTION_IDS[a.vote === 'up' ? 'feedback_up' : 'feedback_down'] : ACTION_IDS[a.kind];
}

/** Buttons of one kind in one block are numbered (`ask_question-0`, `-1`): Slack refuses repeated action ids in a block. */
function buttons(actions: Action[]): Button[] {
  const count = new Map<string, number>();
  for (const a of actions) count.set(idOf(a), (count.get(idOf(a)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return actions.slice(0, L.actionsElements).map((a) => {
    const id = idOf(a);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return button(a, (count.get(id) ?? 0) > 1 ? `${id}-${n}` : id, a.kind === 'share' ? 'primary' : undefined);
  });
}

function entryText(b: Extract<Block, { kind: 'entry' }>): string {
  const who = b.party ? `${PARTY_LABEL[b.party]} · ` : '';
  const head = [
    b.also ? `*${S.alsoFits}:* ` : '',
    b.service ? `*${esc(b.service)}* · ` : '',
    who,
    `*${esc(b.title)}*`,
    b.qualifier ? ` (${esc(b.qualifier)})` : '',
    b.where ? ` _(${esc(b.where)})_` : '',
  ].join('');
  const duties = b.duties.map((d) => (d.who ? `*${d.who}:* ${esc(d.text)}` : esc(d.text)));
  return [head, ...duties, ...(b.owner ? [mrkdwn(b.owner)] : [])].join('\n');
}

function factsText(b: Extract<Block, { kind: 'facts' }>): string {
  const [section, ...rest] = b.facts;
  const bits = [
    section ? `${section.title}: *${esc(section.value)}*` : '',
    ...rest.map((f) => (f.key === 'updated' ? `updated ${esc(f.value)}` : esc(f.value))),
  ];
  if (b.url) bits.push(slackLink(b.url, 'source'));
  return bits.filter(Boolean).join(' · ');
}

/** One card block as Block Kit blocks. */
export function slackBlocks(b: Block): KnownBlock[] {
  switch (b.kind) {
    case 'heading':
      return [{ type: 'header', text: { type: 'plain_text', text: clip(b.text, L.headerText), emoji: true } }];
    case 'text':
      return [b.subtle ? context([mrkdwn(b.line)]) : section(mrkdwn(b.line))];
    case 'entry':
      return [section(entryText(b))];
    case 'group':
      return [section(`*${esc(b.text)}*`)];
    case 'facts':
      return [context([factsText(b)])];
    case 'context':
      return [context(b.lines.map(mrkdwn))];
    case 'pick':
      return [{ type: 'section', text: { type: 'mrkdwn', text: clip(mrkdwn(b.line), L.sectionText) }, accessory: button(b.action, idOf(b.action)) }];
    case 'actions':
      return b.actions.length ? [{ type: 'actions', elements: buttons(b.actions) }] : [];
  }
}

/** A card as a message: its blocks in order, its summary as the notification text. A card of one line is a plain message. */
export function slackMessage(card: Card): SlackMessage {
  const only = card.blocks.length === 1 ? card.blocks[0]! : null;
  if (only?.kind === 'text') return { text: clip(mrkdwn(only.line), L.sectionText) };
  const blocks = card.blocks.flatMap(slackBlocks);
  // One actions block per message may carry a block_id: the answer's buttons.
  const last = [...blocks].reverse().find((b) => b.type === 'actions');
  if (last && card.blocks.some((b) => b.kind === 'entry')) last.block_id = 'answer_actions';
  return { text: clip(esc(card.summary), L.fallbackText), blocks: blocks.slice(0, L.blocks) };
}

export const slackMessages = (cards: Card[]): SlackMessage[] => cards.map(slackMessage);

/** The visible characters a block adds to a message: what SLACK_LIMITS.messageChars counts. */
function chars(b: Block): number {
  let n = 0;
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x && typeof x === 'object')
      for (const [k, v] of Object.entries(x)) {
        if (k === 'text' && typeof v === 'string') n += v.length;
        else if (k !== 'value') walk(v);
      }
  };
  walk(slackBlocks(b));
  return n;
}

/** How much of a card one message holds (the rest of the payload, such as the fallback text, kept in reserve). */
export const SLACK_BUDGET: Budget = { maxBlocks: L.blocks, capacity: L.messageChars - 1500, cost: chars };
export const SLACK_HOME_BUDGET: Budget = { ...SLACK_BUDGET, maxBlocks: L.homeBlocks };

/** The App Home tab from a card. */
export function homeView(card: Card): View {
  return { type: 'home', blocks: card.blocks.flatMap(slackBlocks).slice(0, L.homeBlocks) };
}
