// The Slack surface on Bolt: mentions, DMs, the slash command, buttons and the Home tab.
// Translates Slack payloads into engine calls and renders answers with blocks.ts.
import bolt from '@slack/bolt';
import type { App as BoltApp, BlockAction, ButtonAction, Logger, RespondFn } from '@slack/bolt';
import { LogLevel as WebLogLevel, WebClient } from '@slack/web-api';
import express, { type Express } from 'express';
import type { Engine } from '../../src/engine/engine.js';
import type { Answer } from '../../src/engine/types.js';
import { log as defaultLog, type Log } from '../../src/log.js';
import { ACTIONS, actionKind, alternativesMessage, homeView, renderAnswer, type ActionValue, type SlackMessage } from './blocks.js';
import { SlackConfigError, type SlackConfig } from './config.js';
import { describeSlackFailure, platformCode, TOKEN_REFUSED } from './errors.js';
import { escapeSlack, stripMentions, unescapeSlack } from './escape.js';
import { membership, type Membership } from './members.js';
import { explainSlackError, postSection, splitChannel } from './post.js';
import { runScheduleCommand } from './schedules.js';
import { seenKeys } from './seen.js';
import { slackRequestGuard } from './verify.js';
import { parseScheduleCommand } from '../../src/schedule/commands.js';
import { dislikedSignal } from '../../src/report/signals.js';
import { answerTracked, recordSignal, type Tracking } from '../../src/report/tracked.js';
import type { Store } from '../../src/store/types.js';

const { App, ExpressReceiver, SocketModeReceiver, LogLevel } = bolt;

export interface SlackAppOptions {
  /** The shared HTTP app to mount /slack/events on (HTTP mode). */
  expressApp?: Express;
  /** Current engine (it may be swapped when documents reload). */
  engine: () => Engine;
  log?: Log;
  /** Web API retries; tests shorten the waits. */
  retryConfig?: { retries: number; factor?: number; minTimeout?: number; maxTimeout?: number };
  /** Record user ids in feedback logs (LOG_USER_IDS=true). */
  logUserIds?: boolean;
  /** Where scheduled digests are kept; without one, the schedule commands say so. */
  store?: Store;
  /** First wait before asking Slack again when it could not be reached at start; doubles up to 5 minutes. */
  recheckMs?: number;
}

export interface SlackSurface {
  app: BoltApp;
  /** Socket Mode connects out; HTTP mode is served by the shared server. */
  start(): Promise<void>;
  /** Stops Socket Mode and waits (up to `ms`) for work still running after its ack, such as a post. */
  stop(ms?: number): Promise<void>;
  /** 'ok' once Slack has accepted the credentials, else why not yet (for /readyz). */
  status(): string;
}

/** Longest wait between two tries to reach Slack at start. */
const MAX_RECHECK_MS = 5 * 60_000;

/** Bolt's own log lines go through our structured log. */
function boltLogger(log: Log): Logger {
  let level = LogLevel.WARN;
  const line = (fn: Log['info']) => (...msg: unknown[]) => fn('slack.bolt', { message: msg.map(String).join(' ') });
  return {
    debug: () => {},
    info: () => {},
    warn: line(log.warn),
    error: line(log.error),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function parseValue(raw: string | undefined): ActionValue {
  try {
    const v = JSON.parse(raw ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as ActionValue) : {};
  } catch {
    return {};
  }
}

/** Slack redelivers an event for up to about 5 minutes after the first try; keep its id well past that. */
const EVENT_ID_TTL_MS = 60 * 60_000;

export function createSlackApp(config: SlackConfig, opts: SlackAppOptions): SlackSurface {
  const log = opts.log ?? defaultLog;
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: opts.retryConfig ?? { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 },
  };
  // Who the bot is, from auth.test at start: Bolt then skips events the bot caused itself.
  let identity: { botUserId?: string; botId?: string } = {};
  const authorize = async () => ({ botToken: config.botToken, ...identity });
  const logger = boltLogger(log);
  const socket = !!config.appToken && !config.signingSecret;
  // Event ids go to the store (few, and a retry may come after a restart). Request signatures,
  // one per request, go there only when replicas share it (PostgreSQL): a SQLite store serves
  // one process, whose memory is enough for the 5 minutes a signature is valid.
  const seen = seenKeys(opts.store, log);
  const seenRequests = seenKeys(opts.store?.kind === 'postgres' ? opts.store : undefined, log);
  // HTTP mode: our checks (timestamp either way, replays) run on the route before Bolt's.
  const router = express.Router();
  if (!socket) router.post('/slack/events', ...slackRequestGuard({ signingSecret: config.signingSecret!, seen: seenRequests, log }));
  const receiver = socket
    ? undefined
    : new ExpressReceiver({ signingSecret: config.signingSecret!, endpoints: '/slack/events', app: opts.expressApp, router, logger });
  // Socket Mode's own Web API client (apps.connections.open) takes its options from installerOptions.
  const socketReceiver = socket ? new SocketModeReceiver({ appToken: config.appToken!, logger, installerOptions: { clientOptions } }) : undefined;
  const app = new App({ authorize, receiver: receiver ?? socketReceiver, clientOptions, logger });

  // Work goes on after the ack (a post, a reply to a click): count it, so shutdown can wait.
  let inFlight = 0;
  let idle: (() => void) | null = null;
  app.use(async ({ next }) => {
    inFlight++;
    try {
      await next();
    } finally {
      if (--inFlight === 0) idle?.();
    }
  });
  const whenIdle = (ms: number) =>
    inFlight === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const t = setTimeout(resolve, ms);
          idle = () => (clearTimeout(t), resolve());
        });

  /** false for a redelivered event, whichever replica saw it first; checked in the event listeners, not on every request. */
  const firstDelivery = async (body: unknown): Promise<boolean> => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id !== 'string' || (await seen.first(`slack:event:${id}`, EVENT_ID_TTL_MS))) return true;
    log.info('slack.retry_skipped', { eventId: id });
    return false;
  };

  const tracking: Tracking = { platform: 'slack', log, store: opts.store };
  /** Answers, logged with the incoming event's id (event_id, trigger_id). */
  const answer = (q: string, requestId: string | undefined): Answer => answerTracked(opts.engine(), q, requestId, tracking);
  const idOf = (body: unknown): string | undefined => {
    const b = body as { event_id?: string; trigger_id?: string; container?: { message_ts?: string } };
    return b.event_id ?? b.trigger_id ?? b.container?.message_ts;
  };

  const sendAll = async (messages: SlackMessage[], send: (m: SlackMessage) => Promise<unknown>) => {
    for (const m of messages) await send(m);
  };

  app.event('app_mention', async ({ event, say, body }) => {
    // A bot's message (another app's, or our own quoting a mention) is not a question: answering would start a loop.
    const by = event as { bot_id?: string; user?: string };
    if (by.bot_id || (identity.botUserId && by.user === identity.botUserId)) {
      log.info('slack.bot_mention_ignored', { botId: by.bot_id ?? null });
      return;
    }
    if (!(await firstDelivery(body))) return;
    const q = stripMentions(event.text ?? '');
    const thread = event.thread_ts ?? event.ts;
    await sendAll(renderAnswer(answer(q || 'help', idOf(body))), (m) => say({ ...m, thread_ts: thread }));
  });

  app.message(async ({ message, say, body }) => {
    const m = message as { channel_type?: string; subtype?: string; bot_id?: string; text?: string };
    if (m.channel_type !== 'im' || m.subtype || m.bot_id || !m.text) return;
    if (!(await firstDelivery(body))) return;
    await sendAll(renderAnswer(answer(stripMentions(m.text), idOf(body))), (msg) => say(msg));
  });

  app.command(/^\/.+/, async ({ command, ack, respond, client }) => {
    const q = unescapeSlack(command.text).trim() || 'help';
    const post = /^post\s+(.+)$/is.exec(q);
    if (post) {
      // `/responsibility post <section> [#channel]`: acknowledge now, post, then say how it went.
      const { rest, channel } = splitChannel(post[1]!);
      const target = channel ?? command.channel_id;
      const elsewhere = target !== command.channel_id;
      await ack({ response_type: 'ephemeral', text: `Posting the "${escapeSlack(rest)}" summary${elsewhere ? '' : ' here'}…` });
      // Into another channel only for someone who is in it; otherwise say nothing about that channel.
      const refusal = elsewhere ? await mayPostTo(client, target, command.user_id) : null;
      if (refusal) {
        log.info('slack.post_refused', { reason: refusal.reason });
        await respond({ response_type: 'ephemeral', replace_original: true, text: refusal.text });
        return;
      }
      const result = await postSection(client, opts.engine(), target, rest);
      log.info('slack.post', { channel: target, section: rest, ok: result.ok });
      await respond({ response_type: 'ephemeral', replace_original: true, text: result.message });
      return;
    }
    const scheduling = parseScheduleCommand(q);
    if (scheduling) {
      if (!opts.store) {
        await ack({ response_type: 'ephemeral', text: 'Scheduling is not available: this respbot runs without a store.' });
        return;
      }
      // `schedule` reads the asker's time zone from Slack first: acknowledge, then reply.
      await ack();
      const text = await runScheduleCommand(scheduling, { store: opts.store, engine: opts.engine(), client, channel: command.channel_id, team: command.team_id ?? null, user: command.user_id }).catch((e: unknown) => {
        log.error('slack.schedule_failed', { error: e });
        return 'Sorry, the schedule store is not working, so nothing was scheduled or changed. Try again later, or tell whoever runs respbot.';
      });
      log.info('slack.schedule', { command: scheduling.kind, channel: command.channel_id });
      await respond({ response_type: 'ephemeral', text });
      return;
    }
    const [first, ...rest] = renderAnswer(answer(q, command.trigger_id), { ephemeral: true });
    // The answer itself is the acknowledgement: fast enough for Slack's 3 seconds, and no API call.
    await ack({ response_type: 'ephemeral', ...first! });
    await sendAll(rest, (m) => respond({ response_type: 'ephemeral', ...m }));
  });

  /** A reply to a button click: ephemeral where Slack gave a response_url, else a DM. */
  const reply = async (body: BlockAction, respond: RespondFn, client: WebClient, messages: SlackMessage[]) => {
    if (body.response_url) await sendAll(messages, (m) => respond({ response_type: 'ephemeral', replace_original: false, ...m }));
    else await sendAll(messages, (m) => client.chat.postMessage({ channel: body.user.id, ...m }));
  };

  // One listener for every button: Bolt runs each listener's matchers on every request, so
  // fewer listeners is less work per slash command too.
  type Click = { body: BlockAction; value: ActionValue; respond: RespondFn; client: WebClient };
  const buttons: Record<string, (c: Click) => Promise<void>> = {
    [ACTIONS.showSection]: async ({ body, value, respond, client }) => {
      const a = value.d && value.s ? opts.engine().section(value.d, value.s) : null;
      await reply(body, respond, client, a ? renderAnswer(a, { ephemeral: true }) : [{ text: 'That section is no longer in the documents.', blocks: [] }]);
    },
    [ACTIONS.ask]: async ({ body, value, respond, client }) => {
      await reply(body, respond, client, renderAnswer(answer(value.q ?? 'help', idOf(body)), { ephemeral: true }));
    },
    [ACTIONS.notWhatIAsked]: async ({ body, value, respond, client }) => {
      await reply(body, respond, client, [alternativesMessage(opts.engine().answer(value.q ?? ''))]);
    },
    [ACTIONS.share]: async ({ body, value, respond, client }) => {
      const channel = body.channel?.id ?? body.container?.channel_id;
      if (!channel) {
        await reply(body, respond, client, [{ text: 'There is no channel to share to from here.', blocks: [] }]);
        return;
      }
      const a = answer(value.q ?? '', idOf(body));
      try {
        await sendAll(renderAnswer(a, { sharedBy: body.user.id }), (m) => client.chat.postMessage({ channel, ...m }));
        if (body.response_url) await respond({ delete_original: true });
      } catch (e) {
        const code = (e as { data?: { error?: string } }).data?.error;
        log.warn('slack.share_failed', { channel, code, error: e });
        const why = explainSlackError(code, channel);
        await reply(body, respond, client, [{ text: why, blocks: [] }]);
      }
    },
    [ACTIONS.feedbackUp]: (c) => feedback('up', c),
    [ACTIONS.feedbackDown]: (c) => feedback('down', c),
  };
  const feedback = async (vote: 'up' | 'down', { body, value, respond, client }: Click) => {
    log.info('feedback', { platform: 'slack', vote, question: value.q ?? null, entryId: value.e ?? null, ...(opts.logUserIds ? { user: body.user.id } : {}) });
    if (vote === 'down') recordSignal(tracking, dislikedSignal(value.q ?? '', value.e ?? null, 'slack', opts.logUserIds ? body.user.id : null));
    await reply(body, respond, client, [{ text: vote === 'up' ? 'Thanks, noted.' : 'Thanks — noted, so the document owner can improve this answer.', blocks: [] }]);
  };
  // Numbered ids (`ask_question-2`, see blocks.ts) reach the handler of their kind.
  const actionIds = new RegExp(`^(${Object.values(ACTIONS).join('|')})(-\\d+)?$`);
  app.action<BlockAction<ButtonAction>>(actionIds, async ({ ack, body, action, respond, client }) => {
    await ack();
    await buttons[actionKind(action.action_id)]?.({ body, value: parseValue(action.value), respond, client });
  });

  app.event('app_home_opened', async ({ event, client, body }) => {
    if (!(await firstDelivery(body))) return;
    const engine = opts.engine();
    const sections = engine.index.services.flatMap((g) => g.doc.sections.map((s) => ({ id: s.id, title: s.title, doc: g.doc.id, service: g.service, lastUpdated: g.doc.lastUpdated, url: null, text: '' })));
    await client.views.publish({ user_id: event.user, view: homeView(sections, engine.index.examples) });
  });

  app.error(async (e) => {
    log.error('slack.error', { error: e, code: (e as { code?: string }).code });
  });

  // Credentials are checked at start. A token Slack refuses stops the start, naming the setting;
  // Slack out of reach does not: the bot starts, /readyz says why, and it asks again later.
  const authClient = new WebClient(config.botToken, { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), retryConfig: { retries: 0 }, timeout: 10_000, logLevel: WebLogLevel.ERROR });
  const problems = new Map<string, string>();
  const rechecks = new Set<NodeJS.Timeout>();
  let stopped = false;
  const steps = {
    SLACK_BOT_TOKEN: async () => {
      const me = await authClient.auth.test();
      identity = { botUserId: me.user_id, botId: me.bot_id };
      log.info('slack.authenticated', { team: me.team_id ?? null, botUserId: me.user_id ?? null });
    },
    SLACK_APP_TOKEN: () => app.start() as Promise<unknown>,
  };
  type Setting = keyof typeof steps;
  const attempt = async (setting: Setting, wait: number): Promise<void> => {
    try {
      await steps[setting]();
      problems.delete(setting);
    } catch (e) {
      const code = platformCode(e);
      if (code && TOKEN_REFUSED.has(code)) throw credentialRefused(setting, code);
      const why = `${describeSlackFailure(e)} when checking ${setting}; trying again`;
      problems.set(setting, why);
      log.warn('slack.not_ready', { setting, error: why, retryInMs: wait });
      if (stopped) return;
      const timer = setTimeout(() => {
        rechecks.delete(timer);
        attempt(setting, Math.min(wait * 2, MAX_RECHECK_MS)).catch((refused: Error) => {
          problems.set(setting, refused.message);
          log.error('slack.credentials_refused', { setting, error: refused.message });
        });
      }, wait);
      timer.unref();
      rechecks.add(timer);
    }
  };

  return {
    app,
    start: async () => {
      await attempt('SLACK_BOT_TOKEN', opts.recheckMs ?? 5000);
      if (socket) await attempt('SLACK_APP_TOKEN', opts.recheckMs ?? 5000);
    },
    stop: async (ms = 25_000) => {
      stopped = true;
      for (const t of rechecks) clearTimeout(t);
      if (socket) await app.stop();
      await whenIdle(ms);
    },
    status: () => (problems.size ? [...problems.values()].join('; ') : 'ok'),
  };
}

/** Why `user` may not have the bot post into `channel` (text for them, reason for the log), or null if they may. */
async function mayPostTo(client: WebClient, channel: string, user: string): Promise<{ text: string; reason: string } | null> {
  let m: Membership;
  try {
    m = await membership(client, channel, user);
  } catch (e) {
    return { text: `I could not check that you are in that channel (${describeSlackFailure(e)}), so I did not post. Try again in a moment.`, reason: 'check_failed' };
  }
  if (m.kind === 'member') return null;
  if (m.kind === 'missing_scope')
    return {
      text: `I cannot post to another channel: to check that you are in it, the app needs the \`${escapeSlack(m.needed)}\` scope. Add it to the app (adapters/slack/manifest.yaml lists the scopes) and reinstall it; posting to this channel works meanwhile.`,
      reason: `missing_scope:${m.needed}`,
    };
  return { text: 'I did not post: I post to another channel only for someone who is in it (and I must be in it too: `/invite @respbot` there).', reason: 'not_member' };
}

/** The start stops here: the setting, what Slack said, and where to get a good one. */
function credentialRefused(setting: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN', code: string): SlackConfigError {
  const fix =
    setting === 'SLACK_BOT_TOKEN'
      ? 'copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions; if the app was removed from the workspace, reinstall it'
      : 'create an app-level token with the connections:write scope under Basic Information → App-Level Tokens (xapp-…), with Socket Mode enabled';
  return new SlackConfigError(`${setting} was refused by Slack (${code}): ${fix}.`);
}
