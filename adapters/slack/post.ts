// Posting a section summary to a Slack channel: for `/responsibility post` and `respbot post`.
import type { WebClient } from '@slack/web-api';
import type { Engine } from '../../src/engine/engine.js';
import { renderAnswer } from './blocks.js';
import { describeSlackFailure, platformCode, rateLimitWaitMs, unreachable } from './errors.js';
import { escapeSlack } from './escape.js';

export interface PostResult {
  ok: boolean;
  /** What to tell whoever asked (Slack mrkdwn). */
  message: string;
  /** Timestamps of the posted messages (one per part). */
  ts: string[];
}

/** Tries of one part when Slack keeps answering 429. */
const RATE_LIMIT_TRIES = 4;

/** "<#C123|sre>", "<#C123>" or a bare channel id at the end of a command's text. */
export function splitChannel(text: string): { rest: string; channel: string | null } {
  const m = /\s*(?:<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>|\b([CGD][A-Z0-9]{8,}))\s*$/.exec(text);
  if (!m) return { rest: text.trim(), channel: null };
  return { rest: text.slice(0, m.index).trim(), channel: m[1] ?? m[2]! };
}

/** Why Slack refused a post, and what to do about it. */
export function explainSlackError(code: string | undefined, channel: string): string {
  switch (code) {
    case 'not_in_channel':
      return `I am not in <#${channel}>. Invite me there with \`/invite @respbot\`, then try again.`;
    case 'channel_not_found':
      return `I cannot see <#${channel}>: for a private channel, invite me first with \`/invite @respbot\`.`;
    case 'is_archived':
      return `<#${channel}> is archived.`;
    case 'missing_scope':
    case 'not_allowed_token_type':
      return 'The app lacks the chat:write scope; reinstall it from adapters/slack/manifest.yaml.';
    case 'invalid_auth':
    case 'not_authed':
      return 'Slack rejected the bot token (SLACK_BOT_TOKEN).';
    default:
      return `Slack refused the post (${code ?? 'error'}).`;
  }
}

/** Why a post failed: Slack out of reach is not Slack refusing. */
export function postFailure(e: unknown, channel: string, posted: number, parts: number): string {
  const sent = posted > 0 ? ` Only ${posted} of ${parts} parts were posted.` : '';
  const away = unreachable(e);
  if (away) return `Slack could not be reached (${away}): check the network, or SLACK_API_URL if it is set.${sent || ' Nothing was posted.'}`;
  const code = platformCode(e);
  if (code) return explainSlackError(code, channel) + sent;
  return `${describeSlackFailure(e)}; try again later.${sent}`;
}

export async function postSection(client: WebClient, engine: Engine, channel: string, section: string): Promise<PostResult> {
  const found = engine.findSection(section);
  if (!('answer' in found)) {
    const names = found.suggestions.map((s) => `*${escapeSlack(s)}*`).join(', ');
    return { ok: false, message: `There is no section "${escapeSlack(section)}". Closest: ${names}.`, ts: [] };
  }
  const pages = renderAnswer(found.answer);
  const ts: string[] = [];
  try {
    for (const page of pages) {
      // A client that hands rate limits back (respbot post) waits them out here, a few times.
      for (let attempt = 1; ; attempt++) {
        try {
          const res = await client.chat.postMessage({ channel, ...page });
          if (res.ts) ts.push(res.ts);
          break;
        } catch (e) {
          const wait = rateLimitWaitMs(e);
          if (wait === null || attempt >= RATE_LIMIT_TRIES) throw e;
          await new Promise((r) => setTimeout(r, wait));
        }
      }
    }
  } catch (e) {
    return { ok: false, message: postFailure(e, channel, ts.length, pages.length), ts };
  }
  const title = found.answer.section!.title;
  return { ok: true, message: `Posted the *${escapeSlack(title)}* summary to <#${channel}>${pages.length > 1 ? ` in ${pages.length} parts` : ''}.`, ts };
}
