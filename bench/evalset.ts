// Scoring of a question file as shared/eval/README.md says, for our engine and the baselines.
import { readFileSync } from 'node:fs';

export interface Question {
  q: string;
  kind: 'entry' | 'section' | 'party' | 'list' | 'help' | 'oos';
  task?: string[];
  section?: string;
  party?: string;
  hard?: boolean;
  /** For `entry`: the document the top match must come from (generated sets, where tasks repeat across services). */
  doc?: string;
}

/** The answer fields the scoring reads (the Answer contract's subset). */
export interface Scorable {
  answered?: boolean;
  intent?: string;
  party?: string | null;
  section?: { title?: string } | null;
  matches?: Array<{ task?: string | null; section?: string | null; doc?: string }>;
}

export function readQuestions(file: string): Question[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Question);
}

export function isCorrect(q: Question, a: Scorable): boolean {
  let ok: boolean;
  if (q.kind === 'oos') return a.answered === false;
  if (q.kind === 'entry') {
    const top = a.matches?.[0] ?? {};
    ok =
      !!a.answered &&
      ((q.task ?? []).some((p) => new RegExp(p, 'i').test(top.task ?? '')) || (!!q.section && new RegExp(q.section, 'i').test(top.section ?? ''))) &&
      (q.doc === undefined || top.doc === q.doc);
  } else if (q.kind === 'section') {
    ok = a.intent === 'section' && new RegExp(q.section ?? '$^', 'i').test(a.section?.title ?? '');
  } else {
    ok = a.intent === q.kind;
  }
  if (ok && q.party !== undefined && a.party !== q.party) ok = false;
  return ok;
}

export interface Score {
  inScope: number;
  inScopeN: number;
  party: number;
  partyN: number;
  oos: number;
  oosN: number;
  hardOos: number;
  hardOosN: number;
  misses: Array<{ q: Question; a: Scorable }>;
}

export function score(questions: Question[], answers: Scorable[]): Score {
  const s: Score = { inScope: 0, inScopeN: 0, party: 0, partyN: 0, oos: 0, oosN: 0, hardOos: 0, hardOosN: 0, misses: [] };
  questions.forEach((q, i) => {
    const a = answers[i] ?? {};
    const ok = isCorrect(q, a);
    if (!ok) s.misses.push({ q, a });
    if (q.kind === 'oos') {
      s.oosN++;
      s.oos += +ok;
      if (q.hard) {
        s.hardOosN++;
        s.hardOos += +ok;
      }
    } else {
      s.inScopeN++;
      s.inScope += +ok;
    }
    if (q.party !== undefined) {
      s.partyN++;
      s.party += +(a.party === q.party && ok);
    }
  });
  return s;
}

export const pct = (n: number, d: number) => (d ? (100 * n) / d : 100);
