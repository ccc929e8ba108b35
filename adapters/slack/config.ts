// Slack settings from the environment, validated with the core's helpers: off when none is set,
// and every problem named with where its value is found when set half-way or wrongly.
import { z } from 'zod';
import { httpUrl, optionalText, readEnv } from '../../src/config/env.js';

export interface SlackConfig {
  botToken: string;
  /** HTTP mode: requests are verified with this secret. */
  signingSecret: string | null;
  /** Socket Mode (no public URL needed). */
  appToken: string | null;
  /** Web API base URL (GovSlack, or a loopback stand-in in tests), ending in "/". */
  apiUrl: string | null;
}

const WHERE: Record<string, string> = {
  SLACK_BOT_TOKEN: 'the "Bot User OAuth Token", xoxb-…, under OAuth & Permissions',
  SLACK_SIGNING_SECRET: 'Basic Information → Signing Secret; or an xapp- token with connections:write under App-Level Tokens',
  SLACK_APP_TOKEN: 'Socket Mode: Basic Information → App-Level Tokens, with connections:write',
};

type Issue = (setting: string, message: string) => void;

/** The bot token: what every Slack call needs, receiving or posting. */
function checkBotToken(token: string | undefined, problem: Issue): void {
  if (!token) problem('SLACK_BOT_TOKEN', 'is missing');
  else if (!token.startsWith('xoxb-')) problem('SLACK_BOT_TOKEN', 'must be a bot token starting with xoxb-');
}

const issues =
  (ctx: z.RefinementCtx): Issue =>
  (setting, message) =>
    ctx.addIssue({ code: 'custom', path: [setting], message });

/** Posting only (`respbot post`): the bot token and the API URL. */
const POSTING = z.object({ SLACK_BOT_TOKEN: optionalText(), SLACK_API_URL: httpUrl() }).superRefine((v, ctx) => checkBotToken(v.SLACK_BOT_TOKEN, issues(ctx)));

/** Receiving too: a signing secret (HTTP mode) or an app-level token (Socket Mode). */
const SLACK = z
  .object({ SLACK_BOT_TOKEN: optionalText(), SLACK_SIGNING_SECRET: optionalText(), SLACK_APP_TOKEN: optionalText(), SLACK_API_URL: httpUrl() })
  .superRefine((v, ctx) => {
    const problem = issues(ctx);
    checkBotToken(v.SLACK_BOT_TOKEN, problem);
    if (!v.SLACK_SIGNING_SECRET && !v.SLACK_APP_TOKEN)
      problem('SLACK_SIGNING_SECRET', 'or SLACK_APP_TOKEN must be set: the first for HTTP mode, the second for Socket Mode');
    if (v.SLACK_APP_TOKEN && !v.SLACK_APP_TOKEN.startsWith('xapp-')) problem('SLACK_APP_TOKEN', 'must be an app-level token starting with xapp-');
  });

const withSlash = (url: string | null): string | null => (url ? (url.endsWith('/') ? url : url + '/') : null);

/** null when Slack is not configured at all; throws a ConfigError when it is configured half-way or wrongly. */
export function slackConfig(env: NodeJS.ProcessEnv): SlackConfig | null {
  if (!env.SLACK_BOT_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim() && !env.SLACK_APP_TOKEN?.trim()) return null;
  const v = readEnv(SLACK, env, WHERE);
  return {
    botToken: v.SLACK_BOT_TOKEN!,
    signingSecret: v.SLACK_SIGNING_SECRET ?? null,
    appToken: v.SLACK_APP_TOKEN ?? null,
    apiUrl: withSlash(v.SLACK_API_URL),
  };
}

/** What posting alone needs (`respbot post`): the bot token, and the API URL if not Slack's; null when unset. */
export function slackPostingConfig(env: NodeJS.ProcessEnv): Pick<SlackConfig, 'botToken' | 'apiUrl'> | null {
  if (!env.SLACK_BOT_TOKEN?.trim()) return null;
  const v = readEnv(POSTING, env, WHERE);
  return { botToken: v.SLACK_BOT_TOKEN!, apiUrl: withSlash(v.SLACK_API_URL) };
}
