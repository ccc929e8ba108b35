// Plain-text rendering of an Answer, for the terminal chat and `respbot ask`.
import type { Party } from '../model.js';
import type { Answer, Match } from '../engine/types.js';

export const PARTY_LABEL: Record<Party, string> = { provider: 'IBM', customer: 'You', shared: 'Shared' };

function indent(text: string, pad = '  '): string {
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** Counts per party, e.g. "IBM 4 · You 2 · Shared 1". */
export function partyCounts(matches: Pick<Match, 'party'>[]): string {
  const n = (p: Party) => matches.filter((m) => m.party === p).length;
  return (['provider', 'customer', 'shared'] as Party[]).map((p) => `${PARTY_LABEL[p]} ${n(p)}`).join(' · ');
}

function duty(m: Match, side: Party | null): string {
  if (m.task === null) return m.provider ?? '';
  if (m.party === 'shared') {
    const p = `IBM: ${m.provider ?? ''}`;
    const c = `You: ${m.customer ?? ''}`;
    return side === 'customer' ? `${c}\n${p}` : `${p}\n${c}`;
  }
  return (m.party === 'customer' ? m.customer : m.provider) ?? '';
}

function source(a: Answer): string {
  const s = a.section;
  if (!s) return '';
  const bits = [`Section: ${s.title}`, s.service, s.lastUpdated ? `updated ${s.lastUpdated}` : null].filter(Boolean);
  return `\n${indent(bits.join(' · '))}${s.url ? `\n${indent(s.url)}` : ''}`;
}

export function formatAnswer(a: Answer): string {
  switch (a.intent) {
    case 'help':
      return [
        'Ask me who is responsible for something in the shared-responsibility matrix. For example:',
        ...a.examples.map((e) => `  • ${e}`),
        'Also: "list the sections", "summarize <section>", "what am I responsible for in <section>?".',
      ].join('\n');
    case 'list': {
      const out: string[] = ['Sections:'];
      let service = '';
      for (const s of a.sections) {
        if (s.service !== service && new Set(a.sections.map((x) => x.service)).size > 1) out.push(`${s.service}:`);
        service = s.service;
        out.push(`  • ${s.title}`);
      }
      return out.join('\n');
    }
    case 'section': {
      const s = a.section!;
      const who = a.party ? ` — what ${a.party === 'customer' ? 'you do' : a.party === 'provider' ? 'IBM does' : 'is shared'}` : '';
      const lines = [`${s.title} (${s.service})${who}: ${partyCounts(a.matches)}`];
      if (s.text) lines.push(indent(s.text));
      if (a.party && a.matches.length === 0) lines.push(`  ${PARTY_LABEL[a.party] === 'You' ? 'You have' : 'IBM has'} no task in this section. Ask "summarize ${s.title.toLowerCase()}" for who does what.`);
      for (const g of groupByParty(a.matches)) {
        lines.push(`  ${g.heading}`);
        for (const m of g.matches) lines.push(`    • ${m.task}\n${indent(duty(m, a.party), '      ')}`);
      }
      return lines.join('\n') + source(a) + (a.note ? `\n${a.note}` : '');
    }
    case 'party': {
      const lines = [`${a.party === 'customer' ? 'Your' : 'IBM'} responsibilities (${a.matches.length}, shared ones included):`];
      let sec = '';
      for (const m of a.matches) {
        if (m.section !== sec) lines.push(`${a.services.length > 1 ? `${m.service} — ` : ''}${m.section}`);
        sec = m.section;
        lines.push(`  ${PARTY_LABEL[m.party ?? 'shared'].padEnd(6)} ${m.task}`);
      }
      return lines.join('\n');
    }
    case 'who': {
      if (a.services.length > 1) {
        return [a.note ?? '', ...a.matches.map((m) => `${m.service}: ${PARTY_LABEL[m.party ?? 'shared']} — ${m.task ?? m.section}\n${indent(duty(m, null))}`)].join('\n');
      }
      const m = a.matches[0]!;
      const head = m.task === null ? `${m.section}` : `${PARTY_LABEL[a.party ?? m.party ?? 'shared']}${a.side ? ` (shared task: ${a.side === 'customer' ? 'your side' : "IBM's side"})` : ''} — ${m.task}`;
      const r = a.runnerUp;
      const also = r ? `\n  Also fits: ${r.task === null ? r.section : `${PARTY_LABEL[r.party ?? 'shared']} — ${r.task}`}\n${indent(duty(r, null), '    ')}` : '';
      return `${head}\n${indent(duty(m, a.side))}${also}${source(a)}${a.note ? `\n${a.note}` : ''}`;
    }
    default: {
      const lines = [`I don't know that one from the responsibility documents.${a.note ? ` ${a.note}` : ''}`];
      if (a.suggestions.length) lines.push('Did you mean:', ...a.suggestions.map((s) => `  • ${s}`));
      else lines.push('Type "help" for what I can answer.');
      return lines.join('\n');
    }
  }
}

/** One line that says the answer: chat notifications, screen readers, card fallbacks. */
export function summaryLine(a: Answer): string {
  const m = a.matches[0];
  switch (a.intent) {
    case 'who':
      return a.services.length > 1 ? `It depends on the service: ${a.services.join(', ')}` : `${PARTY_LABEL[a.party ?? m?.party ?? 'shared']}: ${m?.task ?? m?.section ?? ''}`;
    case 'section':
      return `${a.section?.title ?? ''} (${a.section?.service ?? ''}): ${partyCounts(a.matches)}`;
    case 'party':
      return `${a.party === 'customer' ? 'Your' : "IBM's"} responsibilities: ${a.matches.length}`;
    case 'list':
      return `${a.sections.length} sections`;
    case 'help':
      return 'How to ask respbot';
    default:
      return "I don't know that one from the responsibility documents.";
  }
}

export interface PartyGroup<M> {
  party: Party;
  /** "What IBM does (4)" */
  heading: string;
  matches: M[];
}

const GROUP_HEADING: Record<Party, string> = { provider: 'What IBM does', customer: 'What you do', shared: 'Shared' };

/** A section's entries grouped IBM, you, shared (document order within a group); empty groups left out. */
export function groupByParty<M extends Pick<Match, 'party'>>(matches: M[]): PartyGroup<M>[] {
  return (['provider', 'customer', 'shared'] as Party[])
    .map((party) => ({ party, matches: matches.filter((m) => (m.party ?? 'shared') === party) }))
    .filter((g) => g.matches.length > 0)
    .map((g) => ({ ...g, heading: `${GROUP_HEADING[g.party]} (${g.matches.length})` }));
}

/** Other questions to offer after "Not what I asked": the runner-up entries, or the suggestions. */
export function alternativeQuestions(a: Answer): string[] {
  const alts = a.answered ? a.matches.slice(1, 4).map((m) => `Who is responsible for "${m.task ?? m.section}"?`) : a.suggestions;
  return alts.slice(0, 3);
}
