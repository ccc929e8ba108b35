// An Answer laid out as cards: one layout for every surface (the terminal, Slack, Teams),
// each of which converts the cards to its own format. Long summaries are paged to the
// surface's budget (paging.ts); what respbot says is in sentences.ts.
import type { Answer, Match, SectionRef } from '../engine/types.js';
import type { Party } from '../model.js';
import type { Action } from './actions.js';
import { plain, type Block, type Card, type Duty, type Fact, type Line } from './card.js';
import { byOwner, ownerLine, ownersLoaded, type Mentioned } from './owners.js';
import { paged, type Budget } from './paging.js';
import {
  GROUP_HEADING,
  helpLines,
  noTaskHere,
  ownedByTitle,
  PARTY_LABEL,
  partyTitle,
  S,
  SOCIAL_REPLY,
  SIDE,
  typeHelp,
  WHAT_PARTY_DOES,
  WHO_HEADING,
  whoQuestion,
  digestFooter,
  tryOtherWords,
  welcome,
  type Voice,
} from './sentences.js';

export interface PresentOptions {
  voice: Voice;
  budget: Budget;
  /** Only the asker sees the answer: offer to share it. */
  private?: boolean;
  /** The user who shared the answer into a channel (a platform user id). */
  sharedBy?: string;
  /** The schedule a digest comes from, so the channel sees how to stop it. */
  digest?: string;
}

/** Counts per party, e.g. "IBM 4 · You 2 · Shared 1". */
export function partyCounts(matches: Pick<Match, 'party'>[]): string {
  const n = (p: Party) => matches.filter((m) => m.party === p).length;
  return (['provider', 'customer', 'shared'] as Party[]).map((p) => `${PARTY_LABEL[p]} ${n(p)}`).join(' · ');
}

/** One line that says the answer: notifications, screen readers, card fallbacks. */
export function summaryLine(a: Answer): string {
  const m = a.matches[0];
  switch (a.intent) {
    case 'who':
      return a.services.length > 1
        ? `${S.dependsOnService}: ${a.services.join(', ')}`
        : `${PARTY_LABEL[a.party ?? m?.party ?? 'shared']}: ${m?.task ?? m?.section ?? ''}`;
    case 'section':
      return `${a.section?.title ?? ''} (${a.section?.service ?? ''}): ${partyCounts(a.matches)}`;
    case 'party':
      return a.ownedBy ? `${ownedByTitle(a.ownedBy.owner?.name ?? null)}: ${a.matches.length}` : `${partyTitle(a.party)}: ${a.matches.length}`;
    case 'list':
      return `${a.sections.length} sections`;
    case 'help':
      return 'How to ask respbot';
    default:
      return a.social ? SOCIAL_REPLY[a.social] : S.unknown;
  }
}

/** What each party does in an entry; both, the asked side first, for a shared one. */
function duties(m: Match, side: Party | null): Duty[] {
  if (m.task === null || m.party === 'provider') return [{ who: null, text: m.provider ?? '' }];
  if (m.party === 'customer') return [{ who: null, text: m.customer ?? '' }];
  const p: Duty = { who: 'IBM', text: m.provider ?? '' };
  const c: Duty = { who: 'You', text: m.customer ?? '' };
  return (side === 'customer' ? [c, p] : [p, c]).filter((d) => d.text);
}

function entry(m: Match, extra: Partial<Extract<Block, { kind: 'entry' }>> = {}, side: Party | null = null): Block {
  return { kind: 'entry', party: m.task === null ? null : m.party, title: m.task ?? m.section, duties: duties(m, side), ...extra };
}

/** A row with its owner named under it (when owners are loaded and the row has a customer side). */
const ownedEntry = (m: Match, mentioned: Mentioned, extra: Partial<Extract<Block, { kind: 'entry' }>> = {}, side: Party | null = null): Block =>
  entry(m, { ...extra, ...(m.owner ? { owner: ownerLine(m.owner, mentioned) } : {}) }, side);

function source(s: SectionRef): Block {
  const facts: Fact[] = [
    { key: 'section', title: 'Section', value: s.title },
    { key: 'service', title: 'Service', value: s.service },
    ...(s.lastUpdated ? [{ key: 'updated' as const, title: 'Last updated', value: s.lastUpdated }] : []),
  ];
  return { kind: 'facts', facts, url: s.url };
}

/** `confidence` is the probability that the row is the right one: below one half, the answer says it is unsure. */
const UNSURE_BELOW = 0.5;

const note = (text: string): Block => ({ kind: 'text', line: [{ italic: text }], subtle: true });
const ask = (q: string): Action => ({ kind: 'ask', label: q, question: q });

function feedback(a: Answer): Action[] {
  const e = a.matches[0]?.entryId ?? null;
  return [
    { kind: 'feedback', label: `${S.helpful} Helpful`, vote: 'up', question: a.question, entry: e },
    { kind: 'feedback', label: `${S.notHelpful} Not helpful`, vote: 'down', question: a.question, entry: e },
  ];
}

function whoCards(a: Answer, o: PresentOptions, mentioned: Mentioned): Card[] {
  const blocks: Block[] = [];
  const top = a.matches[0]!;
  if (a.services.length > 1) {
    blocks.push({ kind: 'heading', text: S.dependsOnService }, { kind: 'text', line: [a.note ?? ''] });
    for (const m of a.matches) blocks.push(ownedEntry(m, mentioned, { service: m.service }));
  } else {
    const party = a.party ?? top.party;
    blocks.push({ kind: 'heading', text: top.task === null || !party ? top.section : WHO_HEADING[party], restates: true });
    blocks.push(ownedEntry(top, mentioned, { ...(a.side ? { qualifier: SIDE[a.side] } : {}), party: top.task === null ? null : party }, a.side));
    if (a.runnerUp) blocks.push(ownedEntry(a.runnerUp, mentioned, { also: true }));
    if (a.section) blocks.push(source(a.section));
    if (a.confidence < UNSURE_BELOW) blocks.push(note(S.unsure));
    if (a.note) blocks.push(note(a.note));
  }
  if (o.sharedBy) blocks.push({ kind: 'context', lines: [['Shared by ', { user: o.sharedBy }, ` · asked: “${a.question.slice(0, 200)}”`]] });
  const actions: Action[] = [{ kind: 'show_section', label: S.showSection, doc: top.doc, section: top.sectionId }];
  if (o.private) actions.push({ kind: 'share', label: S.share, question: a.question });
  if (top.url && a.services.length <= 1) actions.push({ kind: 'open', label: S.source, url: top.url });
  actions.push({ kind: 'alternatives', label: S.notWhatIAsked, question: a.question }, ...feedback(a));
  blocks.push({ kind: 'actions', actions });
  return [{ summary: summaryLine(a), blocks }];
}

function unknownCards(a: Answer, o: PresentOptions): Card[] {
  // A pleasantry gets one back: no "I don't know", no suggestions, nothing to vote on.
  if (a.social) return [{ summary: summaryLine(a), blocks: [{ kind: 'text', line: [SOCIAL_REPLY[a.social]] }] }];
  const blocks: Block[] = [{ kind: 'text', line: [a.note ? `${S.unknown} ${a.note}` : S.unknown] }];
  if (a.suggestions.length) blocks.push({ kind: 'text', line: [{ bold: S.didYouMean }] }, { kind: 'actions', actions: a.suggestions.slice(0, 3).map(ask) });
  else blocks.push({ kind: 'context', lines: [typeHelp(o.voice)] });
  blocks.push({ kind: 'actions', actions: feedback(a) });
  return [{ summary: summaryLine(a), blocks }];
}

function helpCards(a: Answer, o: PresentOptions): Card[] {
  const blocks: Block[] = [
    { kind: 'heading', text: S.helpTitle },
    { kind: 'text', line: [`${o.voice.howToAsk} For example:`] },
    { kind: 'text', line: [a.examples.map((e) => `• ${e}`).join('\n')] },
    { kind: 'context', lines: helpLines(o.voice) },
    { kind: 'actions', actions: a.examples.slice(0, 3).map(ask) },
  ];
  return [{ summary: summaryLine(a), blocks }];
}

function sectionCards(a: Answer, o: PresentOptions, mentioned: Mentioned): Card[] {
  const s = a.section!;
  const head: Block[] = [];
  if (s.text) head.push({ kind: 'text', line: [s.text], subtle: true });
  if (a.note) head.push(note(a.note));
  if (a.party && a.matches.length === 0) head.push({ kind: 'text', line: [noTaskHere(a.party)] });
  const rows: Block[][] = [];
  for (const party of ['provider', 'customer', 'shared'] as Party[]) {
    const group = a.matches.filter((m) => (m.party ?? 'shared') === party);
    if (group.length === 0) continue;
    // The customer's rows by owner, when owners are loaded.
    if (party !== 'provider' && ownersLoaded(group)) rows.push(...byOwner(GROUP_HEADING[party], group, (m) => entry(m), mentioned));
    else rows.push([{ kind: 'group', text: `${GROUP_HEADING[party]} (${group.length})` }], ...group.map((m) => [entry(m)]));
  }
  const foot: Block[] = [{ kind: 'context', lines: [[partyCounts(a.matches)]] }, source(s)];
  if (o.digest) foot.push({ kind: 'context', lines: [digestFooter(o.voice, o.digest)] });
  const actions: Action[] = o.private ? [{ kind: 'share', label: S.share, question: a.question }] : [];
  if (s.url) actions.push({ kind: 'open', label: S.source, url: s.url });
  foot.push({ kind: 'actions', actions: [...actions, ...feedback(a)] });
  const title = `${s.title} — ${s.service}${a.party ? ` — ${WHAT_PARTY_DOES[a.party]}` : ''}`;
  return paged(title, summaryLine(a), head, rows, foot, o.budget);
}

function partyCards(a: Answer, o: PresentOptions, mentioned: Mentioned): Card[] {
  const multi = new Set(a.matches.map((m) => m.service)).size > 1 || a.services.length > 1;
  const row = (m: Match): Block => entry(m, { where: m.section, ...(multi ? { service: m.service } : {}) });
  const foot: Block[] = [{ kind: 'actions', actions: feedback(a) }];
  if (a.ownedBy) {
    // "What does the Data Platform team own?": its contacts, then its rows.
    const owner = a.ownedBy.owner;
    const head: Block[] = [...(owner ? [{ kind: 'text', line: ownerLine(owner, mentioned, false) } as Block] : []), ...(a.note ? [note(a.note)] : [])];
    return paged(
      ownedByTitle(owner?.name ?? null),
      summaryLine(a),
      head,
      a.matches.map((m) => [row(m)]),
      foot,
      o.budget,
    );
  }
  const rows = a.party === 'customer' && ownersLoaded(a.matches) ? byOwner(GROUP_HEADING.customer, a.matches, row, mentioned) : a.matches.map((m) => [row(m)]);
  // A note says how the question was read ("Read as what the customer does: …").
  return paged(partyTitle(a.party), summaryLine(a), a.note ? [note(a.note)] : [], rows, foot, o.budget);
}

function listCards(a: Answer, o: PresentOptions): Card[] {
  const multi = new Set(a.sections.map((s) => s.service)).size > 1;
  const rows = a.sections.map((s): Block[] => [
    {
      kind: 'pick',
      line: [...(multi ? [`${s.service} · `] : []), { bold: s.title }],
      action: { kind: 'show_section', label: S.summary, doc: s.doc, section: s.id },
    },
  ]);
  return paged(S.sections, summaryLine(a), [], rows, [], o.budget);
}

/** Every card an answer needs, first one first. */
export function answerCards(a: Answer, o: PresentOptions): Card[] {
  // A group is notified at most once across all the cards of one answer or digest.
  const mentioned: Mentioned = new Set();
  switch (a.intent) {
    case 'who':
      return whoCards(a, o, mentioned);
    case 'section':
      return sectionCards(a, o, mentioned);
    case 'party':
      return partyCards(a, o, mentioned);
    case 'list':
      return listCards(a, o);
    case 'help':
      return helpCards(a, o);
    default:
      return unknownCards(a, o);
  }
}

/** Other questions to offer after "Not what I asked": the runner-up entries, or the suggestions. */
export function alternativeQuestions(a: Answer): string[] {
  const alts = a.answered ? a.matches.slice(1, 4).map((m) => whoQuestion(m.task ?? m.section)) : a.suggestions;
  return alts.slice(0, 3);
}

/** The answer to "Not what I asked". */
export function alternativesCard(a: Answer, o: Pick<PresentOptions, 'voice'>): Card {
  const alts = alternativeQuestions(a);
  if (alts.length === 0) return { summary: S.noOtherMatches, blocks: [{ kind: 'text', line: tryOtherWords(o.voice) }] };
  return {
    summary: S.didYouMeanOne,
    blocks: [
      { kind: 'text', line: [{ bold: S.didYouMeanOne }] },
      { kind: 'actions', actions: alts.map(ask) },
    ],
  };
}

/** The greeting when respbot is added to a conversation. */
export function welcomeCard(examples: string[], services: string[]): Card {
  return {
    summary: S.welcomeTitle,
    blocks: [
      { kind: 'heading', text: S.welcomeTitle },
      { kind: 'text', line: [welcome(services)] },
      {
        kind: 'text',
        line: [
          examples
            .slice(0, 4)
            .map((e) => `• ${e}`)
            .join('\n'),
        ],
      },
      { kind: 'actions', actions: examples.slice(0, 3).map(ask) },
    ],
  };
}

/** A short reply: one line of text (a command's result, a thank-you). */
export function noticeCard(line: Line): Card {
  return { summary: plain(line), blocks: [{ kind: 'text', line }] };
}

/** The home screen (Slack's App Home): how to ask, then every section with its summary button. */
export function homeCard(sections: SectionRef[], examples: string[], o: Pick<PresentOptions, 'voice' | 'budget'>): Card {
  const blocks: Block[] = [
    { kind: 'heading', text: 'respbot: who is responsible for what' },
    { kind: 'text', line: [o.voice.howToAsk] },
    {
      kind: 'text',
      line: [
        examples
          .slice(0, 5)
          .map((e) => `• ${e}`)
          .join('\n'),
      ],
    },
  ];
  let service = '';
  for (const [i, s] of sections.entries()) {
    if (blocks.length >= o.budget.maxBlocks - 2) {
      blocks.push({ kind: 'context', lines: [[`…and ${sections.length - i} more sections: ask `, { code: o.voice.command('list') }, '.']] });
      break;
    }
    if (s.service !== service) {
      service = s.service;
      blocks.push({ kind: 'text', line: [{ bold: s.service }, s.lastUpdated ? ` · updated ${s.lastUpdated}` : ''] });
    }
    blocks.push({ kind: 'pick', line: [s.title], action: { kind: 'show_section', label: S.summary, doc: s.doc, section: s.id } });
  }
  return { summary: 'respbot', blocks };
}
