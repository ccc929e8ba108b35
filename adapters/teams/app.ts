// The Microsoft Teams surface on the Teams SDK (@microsoft/teams.apps, successor of the
// archived Bot Framework SDK): chats and channels, card buttons, the welcome card, and the
// search message extension. Mounted at /api/messages on the shared HTTP server.
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { ILogger } from '@microsoft/teams.common';
import type { Express } from 'express';
import type { Engine } from '../../src/engine/engine.js';
import type { Answer, Match } from '../../src/engine/types.js';
import { log as defaultLog, type Log } from '../../src/log.js';
import { parseScheduleCommand } from '../../src/schedule/commands.js';
import { dislikedSignal } from '../../src/report/signals.js';
import { answerTracked, recordSignal, type Tracking } from '../../src/report/tracked.js';
import type { ConversationRef, Store } from '../../src/store/types.js';
import { alternativesCard, asActivity, CARD, inert, renderCards, welcomeCard, type SubmitData, type TeamsCard } from './cards.js';
import { checkActivities } from './activity.js';
import { runTeamsScheduleCommand } from './schedules.js';
import type { TeamsConfig } from './config.js';

export interface TeamsAppOptions {
  expressApp: Express;
  engine: () => Engine;
  log?: Log;
  /** Conversation references (for proactive digests) and schedules. */
  store: Store;
  logUserIds?: boolean;
}

/** "<at>respbot</at> who patches…" → "who patches…". */
export function stripTeamsMentions(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
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
    log: (level, ...msg) => (level === 'error' ? log.error(name, { message: text(msg) }) : level === 'warn' ? log.warn(name, { message: text(msg) }) : undefined),
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

function isOurs(value: unknown): value is SubmitData {
  return !!value && typeof value === 'object' && typeof (value as { respbot?: unknown }).respbot === 'string';
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
        await opts.store.saveConversation(ref);
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

  const tracking: Tracking = { platform: 'teams', log, store: opts.store };
  /** Answers, logged with the activity id. */
  const answer = (q: string, requestId: string | undefined): Answer => answerTracked(opts.engine(), q, requestId, tracking);

  const onSubmit = async (data: SubmitData, from: ActivityLike['from'], requestId: string | undefined): Promise<TeamsCard[]> => {
    const engine = opts.engine();
    switch (data.respbot) {
      case 'show_section': {
        const a = data.d && data.s ? engine.section(data.d, data.s) : null;
        return a ? renderCards(a) : [{ text: 'That section is no longer in the documents.', card: welcomeCard([], []).card }];
      }
      case 'ask':
        return renderCards(answer(data.q ?? 'help', requestId));
      case 'alternatives':
        return [alternativesCard(engine.answer(data.q ?? ''))];
      case 'feedback':
        log.info('feedback', { platform: 'teams', vote: data.vote ?? null, question: data.q ?? null, entryId: data.e ?? null, ...(opts.logUserIds ? { user: from?.aadObjectId ?? from?.id } : {}) });
        if (data.vote === 'down') recordSignal(tracking, dislikedSignal(data.q ?? '', data.e ?? null, 'teams', opts.logUserIds ? (from?.aadObjectId ?? from?.id ?? null) : null));
        return [];
    }
  };

  app.on('message', async ({ activity, send }) => {
    const a = activity as unknown as ActivityLike;
    await conversations.save(refOf(a));
    if (isOurs(a.value)) {
      const cards = await onSubmit(a.value, a.from, a.id);
      if (a.value.respbot === 'feedback') await send({ type: 'message', text: a.value.vote === 'down' ? 'Thanks — noted, so the document owner can improve this answer.' : 'Thanks, noted.' });
      for (const c of cards) await send(asActivity(c));
      return;
    }
    if (a.value && !a.text) return; // another app's card submit: not ours to answer
    const q = stripTeamsMentions(a.text ?? '');
    const post = /^post\s+(.+)$/is.exec(q);
    if (post) {
      // `post <section>`: the section's summary, posted into this channel or chat for everyone.
      const found = opts.engine().findSection(post[1]!);
      if (!('answer' in found)) {
        // The asker's words go back escaped: no link or emphasis in the bot's voice.
        await send({ type: 'message', text: `There is no section "${inert(post[1]!.trim())}". Closest: ${found.suggestions.map((s) => `**${inert(s)}**`).join(', ')}.` });
        return;
      }
      log.info('teams.post', { section: found.answer.section?.id ?? null });
      for (const c of renderCards(found.answer)) await send(asActivity(c));
      return;
    }
    const scheduling = parseScheduleCommand(q);
    if (scheduling) {
      const ref = refOf(a);
      const text = await runTeamsScheduleCommand(scheduling, {
        store: opts.store,
        engine: opts.engine(),
        conversationId: ref.conversationId,
        tenantId: ref.tenantId,
        localTimezone: a.localTimezone ?? null,
        user: opts.logUserIds ? (a.from?.aadObjectId ?? a.from?.id ?? null) : null,
      }).catch((e: unknown) => {
        log.error('teams.schedule_failed', { error: e });
        return 'Sorry, the schedule store is not working, so nothing was scheduled or changed. Try again later, or tell whoever runs respbot.';
      });
      log.info('teams.schedule', { command: scheduling.kind });
      await send({ type: 'message', text });
      return;
    }
    for (const c of renderCards(answer(q || 'help', a.id))) await send(asActivity(c));
  });

  app.on('conversationUpdate', async ({ activity, send }) => {
    const a = activity as unknown as ActivityLike;
    const botAdded = (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id);
    if (!botAdded) return;
    await conversations.save(refOf(a));
    const engine = opts.engine();
    await send(asActivity(welcomeCard(engine.index.examples, engine.index.services.map((g) => g.service))));
    log.info('teams.installed', { conversationType: a.conversation.conversationType ?? null });
  });

  app.on('install.add', async ({ activity }) => {
    await conversations.save(refOf(activity as unknown as ActivityLike));
  });

  // Action.Execute (Universal Actions) carries the same data as our Action.Submit buttons.
  app.on('card.action', async ({ activity }) => {
    const data = (activity.value as { action?: { data?: unknown } }).action?.data;
    const cards = isOurs(data) ? await onSubmit(data, (activity as unknown as ActivityLike).from, activity.id) : [];
    const first = cards[0];
    if (!first) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message' as const, value: 'Thanks, noted.' };
    // Our card is plain 1.5 JSON (validated against the schema in tests), not the SDK's builder type.
    return { statusCode: 200, type: CARD, value: first.card as unknown as IAdaptiveCard };
  });

  // Search message extension: the compose box lists matching entries; picking one inserts its card.
  app.on('message.ext.query', async ({ activity }) => {
    const params = (activity.value as { parameters?: Array<{ name: string; value: string }> }).parameters ?? [];
    const q = String(params.find((p) => p.name !== 'initialRun')?.value ?? '').trim();
    const engine = opts.engine();
    const a = q ? engine.answer(q) : engine.answer('what are all my responsibilities?');
    const matches = a.matches.slice(0, 10);
    const attachments = matches.map((m) => {
      const card = renderCards(answerFor(m, a, engine))[0]!;
      const who = m.party === 'provider' ? 'IBM' : m.party === 'customer' ? 'You' : 'Shared';
      return { contentType: CARD, content: card.card, preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: m.task ?? m.section, text: `${who} · ${m.section}${engine.index.services.length > 1 ? ` · ${m.service}` : ''}` } } };
    });
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
  });

  await app.initialize();
  return { app };
}
