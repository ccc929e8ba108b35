// One router for what people say and click, on every surface: a question, a command (post,
// schedule, schedules, unschedule) or a button (show the section, ask, alternatives, share,
// feedback) goes in; cards come out, now and after the work that follows. Adapters only carry
// requests in and cards out.
import type { Engine } from '../engine/engine.js';
import type { Log } from '../log.js';
import type { Click } from '../present/actions.js';
import type { Card, Line } from '../present/card.js';
import { alternativesCard, answerCards, noticeCard } from '../present/present.js';
import { S } from '../present/sentences.js';
import { dislikedSignal } from '../report/signals.js';
import { parseScheduleCommand } from '../schedule/commands.js';
import type { Store } from '../store/types.js';
import type { Adapter } from './adapter.js';
import { postCommand, scheduleCommand, type Where } from './commands.js';
import { answerTracked, answersTracked, recordSignal, type Tracking } from './tracked.js';

export interface Incoming {
  /** What the user typed, mentions and escaping already taken off by the adapter. */
  text?: string;
  /** Or the button they clicked. */
  click?: Click;
  where: Where;
  /** Only the asker sees the reply (a Slack slash command): offer to share answers. */
  private?: boolean;
  /** The platform's id of the request, for the logs. */
  requestId?: string;
  /** The asker's time zone, when the request says it (Teams); else the adapter is asked. */
  timeZone?: string | null;
}

export interface Outgoing {
  /** Cards to reply with at once (a slash command: in its acknowledgement). */
  cards: Card[];
  /** Work that follows the first reply; its cards are the next reply. */
  later?: () => Promise<Card[]>;
  /** The private message the click came from is done with (its answer was shared). */
  dismiss?: boolean;
}

export interface RouterDeps {
  /** The current engine (documents may reload). */
  engine: () => Engine;
  store?: Store;
  adapter: Adapter;
  log: Log;
  /** Keep user ids in feedback logs and signals (LOG_USER_IDS=true). */
  logUserIds?: boolean;
}

export type Router = (req: Incoming) => Promise<Outgoing>;

/** A message that asks something: a question mark at its end, or who is asked about. */
const ASKED = /\?\s*$|\b(who|whose|whom)\b/i;

const notice = (line: Line): Card => noticeCard(line);

export function createRouter(deps: RouterDeps): Router {
  const { adapter, log } = deps;
  const tracking: Tracking = { platform: adapter.platform, log, store: deps.store };
  const present = (a: Parameters<typeof answerCards>[0], extra: { private?: boolean; sharedBy?: string } = {}) =>
    answerCards(a, { voice: adapter.voice, budget: adapter.budget, ...extra });
  // A message that asks several things gets each answer's cards in turn.
  const ask = (q: string, req: Incoming) =>
    answersTracked(deps.engine(), q || 'help', req.requestId, tracking).flatMap((a) => present(a, { private: req.private }));

  async function onText(text: string, req: Incoming): Promise<Outgoing> {
    // "post mortem: who writes it?" and "schedule changes — who approves them?" are questions
    // that start with a command's word: a command never asks.
    if (ASKED.test(text)) return { cards: ask(text, req) };
    const post = /^post\s+(.+)$/is.exec(text);
    if (post) {
      const p = postCommand(post[1]!, deps.engine(), adapter, req.where);
      log.info(`${adapter.platform}.post`, { channel: req.where.channel });
      return {
        cards: p.now ? [notice(p.now)] : [],
        later: async () => {
          const after = await p.later();
          return after ? [notice(after)] : [];
        },
      };
    }
    const scheduling = parseScheduleCommand(text);
    if (scheduling) {
      log.info(`${adapter.platform}.schedule`, { command: scheduling.kind, channel: req.where.channel });
      return {
        cards: [],
        later: async () => {
          const timeZone = req.timeZone ?? (scheduling.kind === 'schedule' ? ((await adapter.timeZoneOf?.(req.where.user)) ?? null) : null);
          const line = await scheduleCommand(scheduling, { engine: deps.engine(), store: deps.store, adapter, where: req.where, timeZone }).catch(
            (e: unknown): Line => {
              log.error(`${adapter.platform}.schedule_failed`, { error: e });
              return [S.storeDown];
            },
          );
          return [notice(line)];
        },
      };
    }
    return { cards: ask(text, req) };
  }

  async function onClick(click: Click, req: Incoming): Promise<Outgoing> {
    const engine = deps.engine();
    switch (click.kind) {
      case 'show_section': {
        const a = engine.section(click.doc, click.section);
        return { cards: a ? present(a, { private: req.private }) : [notice([S.sectionGone])] };
      }
      case 'ask':
        return { cards: ask(click.question, req) };
      case 'alternatives':
        return { cards: [alternativesCard(engine.answer(click.question), { voice: adapter.voice })] };
      case 'share': {
        if (!req.where.channel) return { cards: [notice([S.noChannelToShare])] };
        const cards = present(answerTracked(engine, click.question, req.requestId, tracking), { sharedBy: req.where.user });
        try {
          await adapter.send(req.where.channel, cards, 0, async () => {});
          return { cards: [], dismiss: true };
        } catch (e) {
          log.warn(`${adapter.platform}.share_failed`, { channel: req.where.channel, error: adapter.classify(e, req.where.channel).message });
          return { cards: [notice(adapter.explainFailure(e, req.where.channel, 0, cards.length))] };
        }
      }
      case 'feedback': {
        const user = deps.logUserIds ? req.where.user : null;
        log.info('feedback', {
          platform: adapter.platform,
          vote: click.vote,
          question: click.question || null,
          entryId: click.entry,
          ...(user ? { user } : {}),
        });
        if (click.vote === 'down') recordSignal(tracking, dislikedSignal(click.question, click.entry, adapter.platform, user));
        return { cards: [notice([click.vote === 'up' ? S.thanks : S.thanksDown])] };
      }
    }
  }

  return async (req) => (req.click ? onClick(req.click, req) : onText((req.text ?? '').trim(), req));
}
