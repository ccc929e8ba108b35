// Whether someone is in a Slack conversation, from conversations.members (paginated): the bot
// posts to another channel only for someone who is in it. Reading members needs channels:read
// (public channels), groups:read (private), mpim:read (group DMs) or im:read (DMs).
import type { WebClient } from '@slack/web-api';
import { platformCode } from './errors.js';

export type Membership =
  | { kind: 'member' }
  /** Not in it, or the bot cannot see the conversation: the asker is told the same either way. */
  | { kind: 'not_member' }
  /** The app lacks the scope Slack names. */
  | { kind: 'missing_scope'; needed: string };

/** Members read per page (Slack's maximum), and pages read at most: 50,000 members. */
const PAGE = 1000;
const MAX_PAGES = 50;

/** Throws for anything else Slack says (network, rate limits past the client's retries). */
export async function membership(client: WebClient, channel: string, user: string): Promise<Membership> {
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await client.conversations.members({ channel, limit: PAGE, ...(cursor ? { cursor } : {}) });
      if (r.members?.includes(user)) return { kind: 'member' };
      cursor = r.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return { kind: 'not_member' };
  } catch (e) {
    const code = platformCode(e);
    if (code === 'missing_scope') return { kind: 'missing_scope', needed: (e as { data?: { needed?: string } }).data?.needed ?? 'channels:read' };
    if (code === 'channel_not_found' || code === 'method_not_supported_for_channel_type') return { kind: 'not_member' };
    throw e;
  }
}
