// Slack as the conversation core sees it: cards sent with chat.postMessage, failures sorted
// for the outbox and explained to people, membership checked before posting elsewhere, the
// asker's time zone from their profile.
import { LogLevel, WebClient } from '@slack/web-api';
import type { Adapter } from '../../src/conversation/adapter.js';
import type { Line } from '../../src/present/card.js';
import type { Voice } from '../../src/present/sentences.js';
import { SendError } from '../../src/schedule/poster.js';
import { describeSlackFailure, platformCode, unreachable } from './errors.js';
import { membership } from './members.js';
import { mrkdwn, SLACK_BUDGET, slackMessage } from './render.js';

export const SLACK_VOICE: Voice = {
  command: (text) => `/responsibility ${text}`,
  howToAsk: 'Ask in a DM, mention me in a channel, or use /responsibility <question>.',
  privateReplies: true,
  zoneSource: 'your Slack profile',
  posts: 'named-channel',
};

/** A client that does not wait or retry by itself (retries 0, rate-limited calls rejected): the poster owns retries. */
export function postingClient(token: string, apiUrl: string | null): WebClient {
  return new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
    logLevel: LogLevel.ERROR,
  });
}

/** Slack error codes that mean "try again later" rather than "this will never work". */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** Why Slack refused a post, and what to do about it. */
export function explainSlackError(code: string | undefined, channel: string): Line {
  switch (code) {
    case 'not_in_channel':
      return ['I am not in ', { channel }, '. Invite me there with ', { code: '/invite @respbot' }, ', then try again.'];
    case 'channel_not_found':
      return ['I cannot see ', { channel }, ': for a private channel, invite me first with ', { code: '/invite @respbot' }, '.'];
    case 'is_archived':
      return [{ channel }, ' is archived.'];
    case 'missing_scope':
    case 'not_allowed_token_type':
      return ['The app lacks the chat:write scope; reinstall it from adapters/slack/manifest.yaml.'];
    case 'invalid_auth':
    case 'not_authed':
      return ['Slack rejected the bot token (SLACK_BOT_TOKEN).'];
    default:
      return [`Slack refused the post (${code ?? 'error'}).`];
  }
}

/** A Web API failure as the outbox sees it. */
export function classifySlackError(e: unknown, channel: string): SendError {
  if (e instanceof SendError) return e;
  const err = e as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; message?: string };
  switch (err.code) {
    case 'slack_webapi_rate_limited_error':
      // Slack limits chat.postMessage per workspace: the wait holds for every post, not just this one.
      return new SendError('rate limited by Slack', 'retry', (err.retryAfter ?? 1) * 1000, 'workspace');
    case 'slack_webapi_http_error': {
      const status = err.statusCode ?? 0;
      return new SendError(`Slack answered HTTP ${status}`, status >= 500 || status === 408 ? 'retry' : 'permanent');
    }
    case 'slack_webapi_platform_error': {
      const code = err.data?.error ?? 'error';
      const why = mrkdwn(explainSlackError(code, channel));
      return new SendError(TRANSIENT.has(code) ? `Slack error ${code}` : `${code}: ${why}`, TRANSIENT.has(code) ? 'retry' : 'permanent', null, 'post', err);
    }
    default:
      // Request errors (network, timeout) and anything unexpected: worth another try.
      return new SendError(`cannot reach Slack: ${err.message ?? String(e)}`, 'retry', null, 'post', err);
  }
}

/** Why a post failed, for the person who asked: Slack out of reach is not Slack refusing. */
export function postFailure(e: unknown, channel: string, posted: number, parts: number): Line {
  const cause = e instanceof SendError && e.cause !== undefined ? e.cause : e;
  const sent = posted > 0 ? ` Only ${posted} of ${parts} parts were posted.` : '';
  const away = unreachable(cause);
  if (away) return [`Slack could not be reached (${away}): check the network, or SLACK_API_URL if it is set.${sent || ' Nothing was posted.'}`];
  const code = platformCode(cause);
  if (code) return [...explainSlackError(code, channel), sent];
  return [`${describeSlackFailure(cause)}; try again later.${sent}`];
}

/** "<#C123|sre>", "<#C123>" or a bare channel id at the end of a command's text. */
export function splitChannel(text: string): { rest: string; channel: string | null } {
  const m = /\s*(?:<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>|\b([CGD][A-Z0-9]{8,}))\s*$/.exec(text);
  if (!m) return { rest: text.trim(), channel: null };
  return { rest: text.slice(0, m.index).trim(), channel: m[1] ?? m[2]! };
}

/** Slack for the conversation core. `client` reads (members, profiles); `poster` sends, without retrying by itself. */
export function slackAdapter(client: WebClient, poster: WebClient = client): Adapter {
  return {
    platform: 'slack',
    voice: SLACK_VOICE,
    budget: SLACK_BUDGET,
    async send(channel, cards, from, delivered) {
      for (let i = from; i < cards.length; i++) {
        await poster.chat.postMessage({ channel, ...slackMessage(cards[i]!) });
        await delivered(i + 1);
      }
    },
    classify: classifySlackError,
    explainFailure: postFailure,
    channelIn: splitChannel,
    async mayPostTo(channel, user) {
      let m: Awaited<ReturnType<typeof membership>>;
      try {
        m = await membership(client, channel, user);
      } catch (e) {
        return [`I could not check that you are in that channel (${describeSlackFailure(e)}), so I did not post. Try again in a moment.`];
      }
      if (m.kind === 'member') return null;
      if (m.kind === 'missing_scope')
        return [
          'I cannot post to another channel: to check that you are in it, the app needs the ',
          { code: m.needed },
          ' scope. Add it to the app (adapters/slack/manifest.yaml lists the scopes) and reinstall it; posting to this channel works meanwhile.',
        ];
      return ['I did not post: I post to another channel only for someone who is in it (and I must be in it too: ', { code: '/invite @respbot' }, ' there).'];
    },
    async timeZoneOf(user) {
      try {
        return (await client.users.info({ user })).user?.tz ?? null;
      } catch {
        return null;
      }
    },
  };
}
