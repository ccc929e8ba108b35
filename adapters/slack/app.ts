// The Slack surface on Bolt: receives (our request checks, Bolt's signature check,
// redelivered events told apart), hands each request to the conversation router, and sends
// its cards back; listeners by kind are in listeners/. Credentials are checked at start.
import bolt from '@slack/bolt';
import type { App as BoltApp, Logger } from '@slack/bolt';
import { LogLevel as WebLogLevel, WebClient } from '@slack/web-api';
import express, { type Express } from 'express';
import { createRouter } from '../../src/conversation/router.js';
import type { Engine } from '../../src/engine/engine.js';
import { log as defaultLog, type Log } from '../../src/log.js';
import type { Store } from '../../src/store/types.js';
import { postingClient, slackAdapter } from './adapter.js';
import { ConfigError } from '../../src/config/error.js';
import type { SlackConfig } from './config.js';
import { describeSlackFailure, platformCode, TOKEN_REFUSED } from './errors.js';
import { listenToActions } from './listeners/actions.js';
import { listenToCommands } from './listeners/commands.js';
import { listenToEvents } from './listeners/events.js';
import { seenKeys } from './seen.js';
import { slackRequestGuard } from './verify.js';

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
  const line =
    (fn: Log['info']) =>
    (...msg: unknown[]) =>
      fn('slack.bolt', { message: msg.map(String).join(' ') });
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
  // HTTP mode: our checks (the signature, its timestamp either way, replays) run on the route
  // before Bolt's, on the same router, path and method, so every request Bolt sees has passed
  // them; Bolt's own check of the same signature would only compute the HMAC a second time.
  const routes = express.Router();
  if (!socket) routes.post('/slack/events', ...slackRequestGuard({ signingSecret: config.signingSecret!, seen: seenRequests, log }));
  const receiver = socket
    ? undefined
    : new ExpressReceiver({
        signingSecret: config.signingSecret!,
        signatureVerification: false,
        endpoints: '/slack/events',
        app: opts.expressApp,
        router: routes,
        logger,
      });
  // Socket Mode's own Web API client (apps.connections.open) takes its options from installerOptions.
  const socketReceiver = socket ? new SocketModeReceiver({ appToken: config.appToken!, logger, installerOptions: { clientOptions } }) : undefined;
  // No conversation store: respbot keeps no per-conversation state in Bolt, and Bolt's default
  // one builds an Error ("Conversation not found") on every request to say so.
  const app = new App({ authorize, receiver: receiver ?? socketReceiver, clientOptions, logger, convoStore: false });

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
          idle = () => {
            clearTimeout(t);
            resolve();
          };
        });

  /** false for a redelivered event, whichever replica saw it first; checked in the event listeners, not on every request. */
  const firstDelivery = async (body: unknown): Promise<boolean> => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id !== 'string' || (await seen.first(`slack:event:${id}`, EVENT_ID_TTL_MS))) return true;
    log.info('slack.retry_skipped', { eventId: id });
    return false;
  };

  // Reads (members, profiles) with the client's usual retries; posts through a client that leaves retries to the poster.
  const adapter = slackAdapter(
    new WebClient(config.botToken, { ...clientOptions, logLevel: WebLogLevel.ERROR }),
    postingClient(config.botToken, config.apiUrl),
  );
  const router = createRouter({ engine: opts.engine, store: opts.store, adapter, log, logUserIds: opts.logUserIds });
  const listening = { router, adapter, engine: opts.engine, log, firstDelivery };
  listenToEvents(app, listening, () => identity.botUserId);
  listenToCommands(app, listening);
  listenToActions(app, listening);

  app.error(async (e) => {
    log.error('slack.error', { error: e, code: (e as { code?: string }).code });
  });

  // Credentials are checked at start. A token Slack refuses stops the start, naming the setting;
  // Slack out of reach does not: the bot starts, /readyz says why, and it asks again later.
  const authClient = new WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: 10_000,
    logLevel: WebLogLevel.ERROR,
  });
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

/** The start stops here: the setting, what Slack said, and where to get a good one. */
function credentialRefused(setting: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN', code: string): ConfigError {
  const fix =
    setting === 'SLACK_BOT_TOKEN'
      ? 'copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions; if the app was removed from the workspace, reinstall it'
      : 'create an app-level token with the connections:write scope under Basic Information → App-Level Tokens (xapp-…), with Socket Mode enabled';
  return new ConfigError({ setting, problem: `was refused by Slack (${code}): ${fix}.` });
}
