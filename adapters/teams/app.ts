// The Microsoft Teams surface on the Teams SDK (@microsoft/teams.apps, successor of the
// archived Bot Framework SDK): receives activities (shape-checked, then the SDK's token check),
// hands messages and card clicks to the conversation router and sends its cards back; the
// welcome card and the search message extension are Teams' own. Mounted at /api/messages.
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { ILogger } from '@microsoft/teams.common';
import type { Express } from 'express';
import { createRouter, type Outgoing } from '../../src/conversation/router.js';
import type { Engine } from '../../src/engine/engine.js';
import type { Answer, Match } from '../../src/engine/types.js';
import { log as defaultLog, type Log } from '../../src/log.js';
import { clickFrom } from '../../src/present/actions.js';
import { answerCards, welcomeCard } from '../../src/present/present.js';
import type { Store } from '../../src/store/types.js';
import { saveReference, type ConversationRef } from './reference.js';
import { checkActivities } from './activity.js';
import { teamsAdapter } from './adapter.js';
import type { TeamsConfig } from './config.js';
import { asActivity, CARD, TEAMS_BUDGET, teamsActivity, teamsCard } from './render.js';

export interface TeamsAppOptions {
  expressApp: Express;
  engine: () => Engine;
  log?: Log;
  /** Conversation references (for proactive digests) and schedules. */
  store: Store;
  logUserIds?: boolean;
}

/**
 * "<at>respbot</at> who patches…" → "who patches…". Not the SDK's stripMentionsText: it removes
 * only mentions declared in the activity's entities and leaves other tags, &nbsp; and inner white
 * space; this removes every <at>…</at> (the bot's, and the cc'd people's) from the text alone.
 */
export function stripTeamsMentions(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A Teams SDK app that only posts (`respbot post`): the bot's credentials, no server of its own. */
export function postingApp(config: Pick<TeamsConfig, 'clientId' | 'clientSecret' | 'tenantId'>, log: Log): App {
  return new App({
    ...(config.clientId ? { clientId: config.clientId, clientSecret: config.clientSecret ?? undefined, tenantId: config.tenantId ?? undefined } : {}),
    logger: sdkLogger(log),
  });
}

/** The SDK's log lines go through our structured log (warnings and errors only). */
export function sdkLogger(log: Log, name = 'teams.sdk'): ILogger {
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: () => {},
    info: () => {},
    trace: () => {},
    warn: (...msg) => log.warn(name, { message: text(msg) }),
    error: (...msg) => log.error(name, { message: text(msg) }),
    log: (level, ...msg) =>
      level === 'error' ? log.error(name, { message: text(msg) }) : level === 'warn' ? log.warn(name, { message: text(msg) }) : undefined,
    child: (child) => sdkLogger(log, `${name}.${child}`),
  };
}

interface ActivityLike {
  id?: string;
  text?: string;
  value?: unknown;
  serviceUrl?: string;
  conversation: { id: string; tenantId?: string; conversationType?: string };
  recipient?: { id: string };
  from?: { id: string; aadObjectId?: string };
  channelData?: { tenant?: { id?: string } };
  membersAdded?: Array<{ id: string }>;
  localTimezone?: string;
}

function refOf(a: ActivityLike): ConversationRef {
  return {
    conversationId: a.conversation.id.replace(/;messageid=\d+$/, ''),
    serviceUrl: a.serviceUrl ?? '',
    tenantId: a.conversation.tenantId ?? a.channelData?.tenant?.id ?? null,
    conversationType: a.conversation.conversationType ?? null,
    botId: a.recipient?.id ?? null,
    updatedAt: new Date().toISOString(),
  };
}

/** One entry as a who-answer of its own, for the message extension's results. */
function answerFor(m: Match, a: Answer, engine: Engine): Answer {
  const doc = engine.kb.documents.find((d) => d.id === m.doc);
  return {
    ...a,
    answered: true,
    intent: 'who',
    party: m.party,
    side: null,
    matches: [m],
    services: [],
    section: { id: m.sectionId, title: m.section, doc: m.doc, service: m.service, lastUpdated: doc?.lastUpdated ?? null, url: m.url, text: '' },
  };
}

export interface TeamsSurface {
  app: App;
}

export async function createTeamsApp(config: TeamsConfig, opts: TeamsAppOptions): Promise<TeamsSurface> {
  const log = opts.log ?? defaultLog;
  // Conversation references for proactive digests: written when new or moved (a service URL
  // changes with the region), not on every message; a store that is down never costs a reply.
  const known = new Map<string, string>();
  const conversations = {
    save: async (ref: ConversationRef) => {
      if (!ref.serviceUrl || known.get(ref.conversationId) === ref.serviceUrl) return;
      try {
        await saveReference(opts.store, ref);
        known.set(ref.conversationId, ref.serviceUrl);
      } catch (e) {
        log.warn('teams.reference_not_saved', { error: e });
      }
    },
  };
  // Malformed activities get 400 here, before the SDK's route (registered by initialize below).
  // This runs before the SDK checks the token: a shape check reveals nothing and costs less.
  opts.expressApp.post('/api/messages', ...checkActivities(log));
  const app = new App({
    httpServerAdapter: new ExpressAdapter(opts.expressApp, { logger: sdkLogger(log) }),
    logger: sdkLogger(log),
    ...(config.clientId ? { clientId: config.clientId, clientSecret: config.clientSecret ?? undefined, tenantId: config.tenantId ?? undefined } : {}),
    dangerouslyAllowUnauthenticatedRequests: config.allowUnauthenticated,
    ...(config.serviceUrl ? { serviceUrl: config.serviceUrl } : {}),
  });

  const adapter = teamsAdapter(app, opts.store);
  const router = createRouter({ engine: opts.engine, store: opts.store, adapter, log, logUserIds: opts.logUserIds });
  const whereOf = (a: ActivityLike, ref: ConversationRef = refOf(a)) => {
    return { platform: 'teams', channel: ref.conversationId, team: ref.tenantId, user: a.from?.aadObjectId ?? a.from?.id ?? '' };
  };
  const reply = async (out: Outgoing, send: (activity: ReturnType<typeof teamsActivity>) => Promise<unknown>) => {
    for (const c of out.cards) await send(teamsActivity(c));
    if (out.later) for (const c of await out.later()) await send(teamsActivity(c));
  };

  app.on('message', async ({ activity, send }) => {
    const a = activity as unknown as ActivityLike;
    const ref = refOf(a); // once a message: where it came from, and what to save
    await conversations.save(ref);
    const click = clickFrom(a.value);
    if (click) {
      await reply(await router({ click, where: whereOf(a, ref), requestId: a.id }), send);
      return;
    }
    if (a.value && !a.text) return; // another app's card submit: not ours to answer
    const text = stripTeamsMentions(a.text ?? '') || 'help';
    await reply(await router({ text, where: whereOf(a, ref), requestId: a.id, timeZone: a.localTimezone ?? null }), send);
  });

  app.on('conversationUpdate', async ({ activity, send }) => {
    const a = activity as unknown as ActivityLike;
    const botAdded = (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id);
    if (!botAdded) return;
    await conversations.save(refOf(a));
    const engine = opts.engine();
    await send(
      asActivity(
        teamsCard(
          welcomeCard(
            engine.index.examples,
            engine.index.services.map((g) => g.service),
          ),
        ),
      ),
    );
    log.info('teams.installed', { conversationType: a.conversation.conversationType ?? null });
  });

  app.on('install.add', async ({ activity }) => {
    await conversations.save(refOf(activity as unknown as ActivityLike));
  });

  // Action.Execute (Universal Actions) carries the same data as our Action.Submit buttons: the answer replaces the card.
  app.on('card.action', async ({ activity }) => {
    const click = clickFrom((activity.value as { action?: { data?: unknown } }).action?.data);
    const out = click ? await router({ click, where: whereOf(activity as unknown as ActivityLike), requestId: activity.id }) : { cards: [] };
    const first = out.cards[0];
    if (!first) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message' as const, value: 'OK' };
    return { statusCode: 200, type: CARD, value: teamsCard(first).card };
  });

  // Search message extension: the compose box lists matching entries; picking one inserts its card.
  app.on('message.ext.query', async ({ activity }) => {
    const params = (activity.value as { parameters?: Array<{ name: string; value: string }> }).parameters ?? [];
    const q = String(params.find((p) => p.name !== 'initialRun')?.value ?? '').trim();
    const engine = opts.engine();
    const a = q ? engine.answer(q) : engine.answer('what are all my responsibilities?');
    const matches = a.matches.slice(0, 10);
    const attachments = matches.map((m) => {
      const card = teamsCard(answerCards(answerFor(m, a, engine), { voice: adapter.voice, budget: TEAMS_BUDGET })[0]!);
      const who = m.party === 'provider' ? 'IBM' : m.party === 'customer' ? 'You' : 'Shared';
      return {
        contentType: CARD,
        content: card.card,
        preview: {
          contentType: 'application/vnd.microsoft.card.thumbnail',
          content: { title: m.task ?? m.section, text: `${who} · ${m.section}${engine.index.services.length > 1 ? ` · ${m.service}` : ''}` },
        },
      };
    });
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
  });

  await app.initialize();
  return { app };
}
