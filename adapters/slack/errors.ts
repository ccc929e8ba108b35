// Web API failures sorted the way a person needs them: Slack said no to the token, Slack said
// no to the request, or Slack could not be reached at all.

/** Error codes that mean the token itself is no good: retrying will not help, a person must act. */
export const TOKEN_REFUSED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'user_removed_from_team',
  'team_disabled',
]);

/** web-api's own retry after a 429 ends, if it runs out, as a request error with this text. */
const RATE_LIMIT_RETRY = /^A rate limit was exceeded/;

interface WebApiError {
  code?: string;
  statusCode?: number;
  data?: { error?: string };
  original?: { message?: string; name?: string; cause?: { code?: string; message?: string } };
  message?: string;
}

/** The `error` Slack answered with (ok: false), if it answered. */
export function platformCode(e: unknown): string | undefined {
  const err = e as WebApiError;
  return err?.code === 'slack_webapi_platform_error' ? err.data?.error : undefined;
}

/** Why Slack could not be reached (ECONNREFUSED, ENOTFOUND, a timeout), or null if it answered. */
export function unreachable(e: unknown): string | null {
  const err = e as WebApiError;
  if (err?.code !== 'slack_webapi_request_error') return null;
  const o = err.original;
  if (RATE_LIMIT_RETRY.test(o?.message ?? '')) return null;
  if (o?.name === 'TimeoutError' || o?.name === 'AbortError') return 'no answer in time';
  // An errno (ECONNREFUSED, ENOTFOUND) says most; undici's own codes less than their message.
  const code = o?.cause?.code;
  return (code && /^E[A-Z]+$/.test(code) ? code : o?.cause?.message) ?? o?.message ?? 'network error';
}

/** One short line for logs and /readyz. */
export function describeSlackFailure(e: unknown): string {
  const err = e as WebApiError;
  const away = unreachable(e);
  if (away) return `Slack could not be reached (${away})`;
  if (err?.code === 'slack_webapi_rate_limited_error' || RATE_LIMIT_RETRY.test(err?.original?.message ?? '')) return 'Slack is rate-limiting these calls';
  if (err?.code === 'slack_webapi_http_error') return `Slack answered HTTP ${err.statusCode}`;
  const code = platformCode(e);
  if (code) return `Slack answered ${code}`;
  return err?.message ?? String(e);
}

/** How long Slack asked us to wait (a 429 the client was told to hand back), capped at a minute; null for any other error. */
export function rateLimitWaitMs(e: unknown): number | null {
  const err = e as { code?: string; retryAfter?: number };
  return err?.code === 'slack_webapi_rate_limited_error' ? Math.min((err.retryAfter ?? 1) * 1000, 60_000) : null;
}
