// Cards as Adaptive Cards 1.5 (the highest Teams renders), typed with @microsoft/teams.cards:
// every card under TEAMS_LIMITS, document and user text made markdown-inert.
import type { CardElement, IAdaptiveCard, IContainer, IFactSet, IOpenUrlAction, ISubmitAction, ITextBlock } from '@microsoft/teams.cards';
import { payloadOf, type Action } from '../../src/present/actions.js';
import type { Block, Card, Line } from '../../src/present/card.js';
import type { Budget } from '../../src/present/paging.js';
import { PARTY_LABEL, S } from '../../src/present/sentences.js';
import { truncate } from '../../src/strings.js';
import { TEAMS_LIMITS as L } from './limits.js';

export const CARD_VERSION = '1.5';
export const CARD = 'application/vnd.microsoft.card.adaptive';

/** A card, with the one line notifications show. */
export interface TeamsCard {
  text: string;
  card: IAdaptiveCard;
}

/** Markdown characters that could make links, emphasis, code, headings or lists out of plain text
 *  (a link needs its brackets, so parentheses stay as they are). */
export function inert(text: string): string {
  return text.replace(/([\\`*_[\]#<>])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
}

const clip = truncate;

/** A tag mention as Teams reads it: the text of the card and of its entity must be the same. */
const atText = (name: string): string => `<at>${name.replace(/[<>\\`*_[\]#]/g, '')}</at>`;

/** The card's mention entities: one per tag mentioned in its text. */
function mentionEntities(card: Card): Array<{ type: 'mention'; text: string; mentioned: { id: string; name: string; type: 'tag' } }> {
  const tags = new Map<string, { id: string; name: string }>();
  for (const b of card.blocks) {
    const lines = b.kind === 'text' || b.kind === 'pick' ? [b.line] : b.kind === 'context' ? b.lines : b.kind === 'entry' && b.owner ? [b.owner] : [];
    for (const span of lines.flat())
      if (typeof span !== 'string' && 'mention' in span && span.mention.teams) tags.set(span.mention.teams.id, span.mention.teams);
  }
  return [...tags.values()].map((t) => ({ type: 'mention', text: atText(t.name), mentioned: { id: t.id, name: t.name, type: 'tag' } }));
}

/** Spans as Teams markdown: text inert, emphasis and links Teams' way. */
export function markdown(line: Line): string {
  return line
    .map((s) => {
      // A line break is a paragraph break in Teams' markdown (a single one is read as a space).
      if (typeof s === 'string') return inert(s).replace(/\n/g, '\n\n');
      if ('bold' in s) return `**${inert(s.bold)}**`;
      if ('italic' in s) return `_${inert(s.italic)}_`;
      if ('code' in s) return `**${inert(s.code)}**`;
      if ('link' in s) return `[${inert(s.link)}](${encodeURI(s.url)})`;
      if ('place' in s) return s.place.teamsUrl ? `[${inert(s.place.name)}](${encodeURI(s.place.teamsUrl)})` : inert(s.place.name);
      // A tag is notified only through this span (the core makes it only for notify: true), with its entity on the card.
      if ('mention' in s) return s.mention.teams ? atText(s.mention.teams.name) : inert(`@${s.mention.name}`);
      return 'user' in s ? 'someone' : 'here' in s ? 'here' : 'this conversation';
    })
    .join('');
}

function text(t: string, extra: Partial<ITextBlock> = {}): ITextBlock {
  return { type: 'TextBlock', text: clip(t, L.textBlock), wrap: true, ...extra };
}

function action(a: Action): ISubmitAction | IOpenUrlAction {
  if (a.kind === 'open') return { type: 'Action.OpenUrl', title: clip(a.label, L.actionTitle), url: a.url };
  return { type: 'Action.Submit', title: clip(a.label, L.actionTitle), data: payloadOf(a) };
}

function entry(b: Extract<Block, { kind: 'entry' }>): CardElement[] {
  const head = [
    b.also ? `**${S.alsoFits}:** ` : '',
    b.service ? `**${inert(b.service)}** · ` : '',
    b.party ? `${PARTY_LABEL[b.party]} · ` : '',
    `**${inert(b.title)}**`,
    b.qualifier ? ` (${inert(b.qualifier)})` : '',
    b.where ? ` _(${inert(b.where)})_` : '',
  ].join('');
  const duties = b.duties.map((d) => (d.who ? `**${d.who}:** ${inert(d.text)}` : inert(d.text))).join('\n\n');
  return [text(head, { separator: !b.also }), text(duties, { spacing: 'Small' }), ...(b.owner ? [text(markdown(b.owner), { spacing: 'Small' })] : [])];
}

/** One card block as Adaptive Card elements (actions go to the card's action bar). */
function elements(b: Block): CardElement[] {
  switch (b.kind) {
    case 'heading':
      return [text(inert(b.text), { weight: 'Bolder', size: 'Medium' })];
    case 'text':
      return [text(markdown(b.line), b.subtle ? { isSubtle: true } : {})];
    case 'entry':
      return entry(b);
    case 'group':
      return [text(inert(b.text), { weight: 'Bolder', color: 'Accent', spacing: 'Medium' })];
    case 'facts':
      return [{ type: 'FactSet', facts: b.facts.map((f) => ({ title: f.title, value: inert(f.value) })) } satisfies IFactSet];
    case 'context':
      return b.lines.map((l) => text(markdown(l), { isSubtle: true, size: 'Small' }));
    case 'pick':
      // A whole row to select; its action as the row's selectAction (Teams renders no button per row).
      return [{ type: 'Container', items: [text(markdown(b.line), { color: 'Accent' })], selectAction: action(b.action) } as IContainer];
    case 'actions':
      return [];
  }
}

export function teamsCard(card: Card): TeamsCard {
  const body = card.blocks.flatMap(elements);
  const actions = card.blocks
    .flatMap((b) => (b.kind === 'actions' ? b.actions : []))
    .slice(0, L.actions)
    .map(action);
  const mentions = mentionEntities(card);
  return {
    text: card.summary,
    card: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: CARD_VERSION,
      body,
      ...(actions.length ? { actions } : {}),
      msteams: { width: 'full', ...(mentions.length ? { entities: mentions } : {}) },
    },
  };
}

export const teamsCards = (cards: Card[]): TeamsCard[] => cards.map(teamsCard);

/** The card alone; the one-line summary goes where notifications read it, not as a second message. */
export const asActivity = (c: TeamsCard) => ({ type: 'message' as const, summary: c.text, attachments: [{ contentType: CARD, content: c.card }] });

/** What to send for a card: a card of one line (a command's reply) is a plain message. */
export function teamsActivity(card: Card): {
  type: 'message';
  text?: string;
  summary?: string;
  attachments?: Array<{ contentType: string; content: IAdaptiveCard }>;
} {
  const only = card.blocks.length === 1 ? card.blocks[0]! : null;
  if (only?.kind === 'text') return { type: 'message', text: clip(markdown(only.line), L.textBlock) };
  return asActivity(teamsCard(card));
}

/** Bytes of JSON a block adds to a card: what TEAMS_LIMITS.cardBytes counts. */
const bytes = (b: Block): number => Buffer.byteLength(JSON.stringify(b.kind === 'actions' ? b.actions.map(action) : elements(b)));

/** How much of a card one Teams message holds (the card's frame and action bar kept in reserve). */
export const TEAMS_BUDGET: Budget = { maxBlocks: 200, capacity: L.cardBytes - 1000, cost: bytes };
