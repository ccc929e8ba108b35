// Documents without tables: bold "IBM responsibilities" / "Your responsibilities" labels
// over bullet lists (cos), and "Topic - text" bullets (VMware Solutions Day 2).
import type { List, Paragraph } from 'mdast';
import type { Party } from '../model.js';
import { truncate } from '../strings.js';
import { inlineText, type LinkContext } from './inline.js';
import { partyOf, type RowDraft } from './tables.js';

/** The party a bold label paragraph announces ("**IBM responsibilities**"), or null. */
export function labelParty(p: Paragraph): Party | null {
  const meaningful = p.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (meaningful.length !== 1 || meaningful[0]!.type !== 'strong') return null;
  const t = inlineText(meaningful[0]!.children, { pageUrl: null }).text.replace(/[®™:]/g, '').trim();
  if (/^(ibm|ibm cloud|provider)('s)? responsibilit(y|ies)$/i.test(t)) return 'provider';
  if (/^(your|customer|client|customer's|client's)('s)? responsibilit(y|ies)$/i.test(t)) return 'customer';
  if (/^shared responsibilit(y|ies)$/i.test(t)) return 'shared';
  return null;
}

/** A short task name for a bullet that has none: its first clause. */
function taskFromSentence(text: string): string {
  const first = text.split(/(?<=[.;:])\s|\s(?:such as|including|for example)\s/)[0] ?? text;
  return truncate(first.replace(/[.;:]$/, '').trim(), 70);
}

const TOPIC = /^([^.:!?\n]{2,60}?)\s+[-–—]\s+(.+)$/s;
const PROVIDER_SAYS = /\bIBM\b(?:[^.]{0,20})\b(provides?|is responsible|applies|manages|monitors|maintains|supports|notif)|\bautomatically\b/i;
const CUSTOMER_SAYS = /\b(you|your|client|customer)\b/i;

/** Who a free-text responsibility falls to, sentence by sentence. */
export function splitBySpeaker(text: string): { provider: string | null; customer: string | null } {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
  const provider: string[] = [];
  const customer: string[] = [];
  for (const s of sentences) {
    if (PROVIDER_SAYS.test(s) && !/\bIBM\b[^.]*\bdoes not\b/i.test(s)) provider.push(s);
    else if (CUSTOMER_SAYS.test(s) || provider.length === 0) customer.push(s);
    else provider.push(s);
  }
  return { provider: provider.join(' ') || null, customer: customer.join(' ') || null };
}

export interface BulletResult {
  rows: RowDraft[];
  /** Every item is only a link ("Related links"): not responsibility text. */
  onlyLinks: boolean;
}

export function bulletEntries(list: List, label: Party | null, ctx: LinkContext): BulletResult {
  const items = list.children.map((item) => ({
    ...inlineText(item.children, ctx),
    line: item.position?.start.line ?? 0,
    onlyLink: item.children.every((c) => c.type === 'paragraph' && c.children.every((x) => x.type === 'link' || (x.type === 'text' && !x.value.trim()))),
  }));
  const onlyLinks = items.length > 0 && items.every((i) => i.onlyLink);
  if (onlyLinks) return { rows: [], onlyLinks };
  const rows: RowDraft[] = [];
  if (label) {
    for (const it of items) {
      const text = it.text.replace(/\n/g, ' ');
      const provider = label === 'customer' ? null : text;
      const customer = label === 'provider' ? null : text;
      rows.push({ task: taskFromSentence(text), provider, customer, party: label, links: it.links, line: it.line });
    }
    return { rows, onlyLinks };
  }
  const topics = items.map((it) => ({ it, m: TOPIC.exec(it.text.replace(/\n/g, ' ')) }));
  if (topics.filter((t) => t.m).length < Math.max(2, items.length / 2)) return { rows, onlyLinks };
  for (const { it, m } of topics) {
    if (!m) continue;
    const { provider, customer } = splitBySpeaker(m[2]!.trim());
    const party = partyOf(provider, customer);
    if (party) rows.push({ task: m[1]!.trim(), provider, customer, party, links: it.links, line: it.line });
  }
  return { rows, onlyLinks };
}
