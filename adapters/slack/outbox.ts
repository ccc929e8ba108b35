// Scheduled digests to Slack: the outbox's Poster for chat.postMessage. The client does not
// retry or wait by itself (retries 0, rate-limited calls rejected): the outbox owns retries,
// so a wait survives a restart and a part is never sent twice.
import { LogLevel, WebClient } from '@slack/web-api';
import type { Answer } from '../../src/engine/types.js';
import { SendError, type Poster } from '../../src/schedule/poster.js';
import type { OutboxPost } from '../../src/store/types.js';
import { renderAnswer } from './blocks.js';
import { explainSlackError } from './post.js';

/** Slack error codes that mean "try again later" rather than "this will never work". */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export function outboxClient(token: string, apiUrl: string | null): WebClient {
  // Its own warnings are quiet: the outbox logs each failure once, with what it will do next.
  return new WebClient(token, { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 15_000, logLevel: LogLevel.ERROR });
}

/** A Web API failure as the outbox sees it. */
export function classifySlackError(e: unknown, channel: string): SendError {
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
      return new SendError(TRANSIENT.has(code) ? `Slack error ${code}` : `${code}: ${explainSlackError(code, channel)}`, TRANSIENT.has(code) ? 'retry' : 'permanent');
    }
    default:
      // Request errors (network, timeout) and anything unexpected: worth another try.
      return new SendError(`cannot reach Slack: ${err.message ?? String(e)}`, 'retry');
  }
}

export function slackPoster(client: WebClient): Poster {
  return {
    platform: 'slack',
    async send(post: OutboxPost, answer: Answer, delivered) {
      const pages = renderAnswer(answer, post.scheduleId ? { digest: post.scheduleId } : {});
      for (let i = post.partsSent; i < pages.length; i++) {
        try {
          await client.chat.postMessage({ channel: post.channel, ...pages[i]! });
        } catch (e) {
          throw classifySlackError(e, post.channel);
        }
        await delivered(i + 1);
      }
    },
  };
}
