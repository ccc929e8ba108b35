// What the conversation core needs from a chat surface. Each adapter (terminal, Slack, Teams)
// implements it; the core decides what to say and where, the adapter only carries it.
import type { Card, Line } from '../present/card.js';
import type { Budget } from '../present/paging.js';
import type { Voice } from '../present/sentences.js';
import type { SendError } from '../schedule/poster.js';

export interface Adapter {
  /** The platform's name as the store keeps it ("slack", "teams", "console"). */
  readonly platform: string;
  /** How its users type commands, and whether replies are private. */
  readonly voice: Voice;
  /** How much one message holds, for paging. */
  readonly budget: Budget;
  /**
   * Sends cards to a channel or conversation, starting at card `from` (earlier ones were
   * delivered by an earlier attempt); `delivered(n)` after each. Throws a SendError.
   */
  send(channel: string, cards: Card[], from: number, delivered: (sent: number) => Promise<void>): Promise<void>;
  /** The error a send threw, as the outbox sees it (retry or not, how long to wait). */
  classify(e: unknown, channel: string): SendError;
  /** Why a failed post failed, for the person who asked. */
  explainFailure(e: unknown, channel: string, posted: number, parts: number): Line;
  /**
   * Whether `user` may have respbot post into `channel`, another conversation than the one they
   * asked in: null when they may, else what to tell them (nothing about that channel). Without
   * it, posting elsewhere is not offered.
   */
  mayPostTo?(channel: string, user: string): Promise<Line | null>;
  /** "<section> #channel" → the channel named at the end, if the platform has such names. */
  channelIn?(text: string): { rest: string; channel: string | null };
  /** The asker's time zone, when the platform can tell. */
  timeZoneOf?(user: string): Promise<string | null>;
}
