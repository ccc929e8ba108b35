// Cards as plain text, for the terminal chat and `respbot ask`: headings as lines, entries as
// "IBM — task" with what each party does indented, buttons that ask something as a list.
import { plain, type Block, type Card, type Line } from '../../src/present/card.js';
import { PARTY_LABEL, S } from '../../src/present/sentences.js';

function indent(text: string, pad = '  '): string {
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** Spans as text: emphasis dropped, a link as its label and address. */
export function plainText(line: Line): string {
  return line
    .map((s) => (typeof s === 'string' ? s : 'code' in s ? `"${s.code}"` : 'link' in s ? `${s.link} (${s.url})` : 'channel' in s ? s.channel : plain([s])))
    .join('');
}

function block(b: Block, inSummary: boolean, shown: string): string | null {
  switch (b.kind) {
    case 'heading':
      return b.restates ? null : b.text;
    case 'text':
      return inSummary ? indent(plainText(b.line)) : plainText(b.line);
    case 'entry': {
      const who = b.party ? `${PARTY_LABEL[b.party]} — ` : '';
      const head = `${b.also ? `${S.alsoFits}: ` : ''}${b.service ? `${b.service}: ` : ''}${who}${b.title}${b.qualifier ? ` (${b.qualifier})` : ''}${b.where ? ` (${b.where})` : ''}`;
      const duties = [...b.duties.map((d) => (d.who ? `${d.who}: ${d.text}` : d.text)), ...(b.owner ? [plainText(b.owner)] : [])].join('\n');
      const pad = b.also || inSummary ? '    ' : '  ';
      return `${inSummary || b.also ? `  ${head}` : head}${duties ? `\n${indent(duties, pad)}` : ''}`;
    }
    case 'group':
      return `  ${b.text}`;
    case 'facts': {
      const line = b.facts.map((f) => (f.key === 'section' ? `${f.title}: ${f.value}` : f.key === 'updated' ? `updated ${f.value}` : f.value)).join(' · ');
      return `${indent(line)}${b.url ? `\n${indent(b.url)}` : ''}`;
    }
    case 'context':
      return b.lines.map((l) => indent(plainText(l))).join('\n');
    case 'pick':
      return `  • ${plainText(b.line)}`;
    case 'actions': {
      // Only questions to ask next make sense in a terminal; other buttons have no meaning here,
      // and a question the card's text already lists (the help's examples) is not listed twice.
      const asks = b.actions.filter((a) => a.kind === 'ask' && !shown.includes(a.label));
      return asks.length ? asks.map((a) => `  • ${a.label}`).join('\n') : null;
    }
  }
}

export function consoleText(cards: Card[]): string {
  return cards
    .map((c) => {
      const summary = c.blocks.some((b) => b.kind === 'group' || b.kind === 'pick');
      const shown = c.blocks.map((b) => (b.kind === 'text' ? plainText(b.line) : '')).join('\n');
      return c.blocks
        .map((b) => block(b, summary, shown))
        .filter((x): x is string => x !== null && x !== '')
        .join('\n');
    })
    .join('\n\n');
}

/** A line of the core's (a command's reply) as plain text. */
export const consolePlain = plainText;
