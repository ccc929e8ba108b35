// The buttons of respbot's cards, and the payload they carry back: defined once, encoded
// once and checked once when a click comes back, whatever the surface.

/** What a button does. `open` opens a link; the others come back to respbot as a click. */
export type Action =
  | { kind: 'show_section'; label: string; doc: string; section: string }
  | { kind: 'ask'; label: string; question: string }
  | { kind: 'alternatives'; label: string; question: string }
  | { kind: 'share'; label: string; question: string }
  | { kind: 'feedback'; label: string; vote: 'up' | 'down'; question: string; entry: string | null }
  | { kind: 'open'; label: string; url: string };

/** A click as respbot receives it: a button's action without its label (links are not clicks). */
export type Click = Action extends infer A ? (A extends { kind: 'open' } ? never : Omit<A, 'label'>) : never;

/** What a button carries (Slack's value, Teams' submit data): short keys, small JSON. */
export interface Payload {
  respbot: Click['kind'];
  q?: string;
  d?: string;
  s?: string;
  e?: string | null;
  vote?: 'up' | 'down';
}

/** A question carried back is cut here: buttons have small values (Slack: 2,000 characters). */
export const MAX_CARRIED_QUESTION = 500;

export function payloadOf(a: Exclude<Action, { kind: 'open' }>): Payload {
  const q = (s: string) => s.slice(0, MAX_CARRIED_QUESTION);
  switch (a.kind) {
    case 'show_section':
      return { respbot: a.kind, d: a.doc, s: a.section };
    case 'feedback':
      return { respbot: a.kind, vote: a.vote, q: q(a.question), e: a.entry };
    default:
      return { respbot: a.kind, q: q(a.question) };
  }
}

const text = (v: unknown, max = MAX_CARRIED_QUESTION): string | null => (typeof v === 'string' && v.length <= max * 2 ? v.slice(0, max) : null);

/** A payload that came back with a click, checked: null for anything that is not one of ours. */
export function clickFrom(raw: unknown): Click | null {
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Record<string, unknown>;
  switch (p.respbot) {
    case 'show_section': {
      const doc = text(p.d, 200);
      const section = text(p.s, 200);
      return doc && section ? { kind: 'show_section', doc, section } : null;
    }
    case 'ask':
    case 'alternatives':
    case 'share': {
      const question = text(p.q ?? '');
      return question === null ? null : { kind: p.respbot, question };
    }
    case 'feedback': {
      if (p.vote !== 'up' && p.vote !== 'down') return null;
      const entry = p.e === null || p.e === undefined ? null : text(p.e, 200);
      return { kind: 'feedback', vote: p.vote, question: text(p.q ?? '') ?? '', entry };
    }
    default:
      return null;
  }
}
