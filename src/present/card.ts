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
export type Span = string | { bold: string } | { italic: string } | { code: string } | { link: string; url: string } | { user: string } | { channel: string } | { here: string };

/** One paragraph of spans. */
export type Line = Span[];

/** What one party does in an entry ("IBM:" before it when both do something). */
export interface Duty {
  who: 'IBM' | 'You' | null;
  text: string;
}

export type Block =
  /** A card's title. `restates` a title the next entry says again (the terminal leaves it out). */
  | { kind: 'heading'; text: string; restates?: boolean }
  /** A paragraph; subtle for notes and intros. */
  | { kind: 'text'; line: Line; subtle?: boolean }
  /**
   * One row of a document: who, the task, what each party does. `qualifier`: which side the
   * question asked about; `where`: its section, in a list across sections; `service`, when
   * several are loaded; `also`: a second entry shown beside the answer.
   */
  | { kind: 'entry'; party: Party | null; title: string; qualifier?: string; where?: string; service?: string; duties: Duty[]; also?: boolean }
  /** A heading inside a card: "What IBM does (4)". */
  | { kind: 'group'; text: string }
  /** Where an answer comes from: section, service, last updated, and the page. */
  | { kind: 'facts'; facts: Array<{ title: string; value: string }>; url: string | null }
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
  return line.map((s) => (typeof s === 'string' ? s : 'bold' in s ? s.bold : 'italic' in s ? s.italic : 'code' in s ? s.code : 'link' in s ? s.link : 'user' in s ? 'someone' : 'here' in s ? 'here' : 'this channel')).join('');
}
