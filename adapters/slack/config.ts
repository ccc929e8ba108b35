// Slack settings from the environment, validated with messages a new user can act on.
export interface SlackConfig {
  botToken: string;
  /** HTTP mode: requests are verified with this secret. */
  signingSecret: string | null;
  /** Socket Mode (no public URL needed). */
  appToken: string | null;
  /** Web API base URL (GovSlack, or a loopback stand-in in tests). */
  apiUrl: string | null;
}

export class SlackConfigError extends Error {}

/** null when Slack is not configured at all; throws when it is configured half-way or wrongly. */
export function slackConfig(env: NodeJS.ProcessEnv): SlackConfig | null {
  const botToken = env.SLACK_BOT_TOKEN?.trim() || null;
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() || null;
  const appToken = env.SLACK_APP_TOKEN?.trim() || null;
  const apiUrl = env.SLACK_API_URL?.trim() || null;
  if (!botToken && !signingSecret && !appToken) return null;
  const problems: string[] = [];
  if (!botToken) problems.push('SLACK_BOT_TOKEN is missing (the "Bot User OAuth Token", xoxb-…, under OAuth & Permissions)');
  else if (!botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
  if (!signingSecret && !appToken) problems.push('set SLACK_SIGNING_SECRET (HTTP mode; Basic Information → Signing Secret) or SLACK_APP_TOKEN (Socket Mode; an xapp- token with connections:write)');
  if (appToken && !appToken.startsWith('xapp-')) problems.push('SLACK_APP_TOKEN must be an app-level token starting with xapp-');
  if (apiUrl) {
    try {
      const u = new URL(apiUrl);
      if (!/^https?:$/.test(u.protocol)) throw new Error();
    } catch {
      problems.push(`SLACK_API_URL is not an http(s) URL: ${apiUrl}`);
    }
  }
  if (problems.length) throw new SlackConfigError(`Slack is not configured correctly:\n  - ${problems.join('\n  - ')}`);
  return { botToken: botToken!, signingSecret, appToken, apiUrl: apiUrl ? (apiUrl.endsWith('/') ? apiUrl : apiUrl + '/') : null };
}
