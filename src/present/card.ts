// The card model: what every surface shows, before it is Block Kit, an Adaptive Card or
// text. The core lays an answer out as cards (present.ts); each adapter converts them and
// escapes text for its platform. Text here is plain: no markup, no escaping.
import type { Party } from '../model.js';
import type { Action } from './actions.js';

/** A piece of a line: plain text, or text with a meaning the surface shows its own way. */
/**
 * `user`: a mention of a platform user id; `channel`: a channel by id ("<#C1>", "this conversation");
 * `here`: where something happens in a channel ("in <#C1>" on Slack, "here" where the reply is in it).
 */
export type Span =
  | string
  | { bold: string }
  | { italic: string }
  | { code: string }
  | { link: string; url: string }
  | { user: string }
  | { channel: string }
  | { here: string }
  | { place: Place }
  | { mention: Mention };

/** A team's channel (owners.yaml): a link where the surface has its id or address, its name elsewhere. */
export interface Place {
  name: string;
  slack?: string;
  teamsUrl?: string;
}

/**
 * A group to notify (a Slack user group, a Teams tag): made only for an owner whose owners.yaml
 * entry says `notify: true`, and at most once per answer; a surface without its id shows @name.
 */
export interface Mention {
  name: string;
  slack?: string;
  teams?: { id: string; name: string };
}

/** One paragraph of spans. */
export type Line = Span[];

/** What one party does in an entry ("IBM:" before it when both do something). */
export interface Duty {
  who: 'IBM' | 'You' | null;
  text: string;
}

/** A labelled value; `key` says what it is, so that a surface's layout never depends on the label's words. */
export interface Fact {
  key: 'section' | 'service' | 'updated';
  title: string;
  value: string;
}

export type Block =
  /** A card's title. `restates` a title the next entry says again (the terminal leaves it out). */
  | { kind: 'heading'; text: string; restates?: boolean }
  /** A paragraph; subtle for notes and intros. */
  | { kind: 'text'; line: Line; subtle?: boolean }
  /**
   * One row of a document: who, the task, what each party does. `qualifier`: which side the
   * question asked about; `where`: its section, in a list across sections; `service`, when
   * several are loaded; `also`: a second entry shown beside the answer; `owner`: who on the
   * customer's side does it ("You → Data Platform team (#data-platform)").
   */
  | { kind: 'entry'; party: Party | null; title: string; qualifier?: string; where?: string; service?: string; duties: Duty[]; also?: boolean; owner?: Line }
  /** A heading inside a card: "What IBM does (4)". */
  | { kind: 'group'; text: string }
  /** Where an answer comes from: section, service, last updated, and the page. */
  | { kind: 'facts'; facts: Fact[]; url: string | null }
  /** Small print: counts, the source, who shared it. */
  | { kind: 'context'; lines: Line[] }
  /** A row with its own button (a section in a list). */
  | { kind: 'pick'; line: Line; action: Action }
  /** Buttons. */
  | { kind: 'actions'; actions: Action[] };

export interface Card {
  /** One line that says the card: notifications, screen readers, fallbacks. */
  summary: string;
  blocks: Block[];
}

/** The plain text of spans (for sizes, summaries and the surfaces that show no emphasis). */
export function plain(line: Line): string {
  return line.map(plainSpan).join('');
}

function plainSpan(s: Span): string {
  if (typeof s === 'string') return s;
  if ('bold' in s) return s.bold;
  if ('italic' in s) return s.italic;
  if ('code' in s) return s.code;
  if ('link' in s) return s.link;
  if ('user' in s) return 'someone';
  if ('here' in s) return 'here';
  if ('place' in s) return s.place.name;
  if ('mention' in s) return `@${s.mention.name}`;
  return 'this channel';
}
