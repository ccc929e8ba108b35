// Reads phrasebook.jsonl: one labelled question a line, {"q", "doc", "section", "task"} for a question a row
// answers, {"q", "task": null, "docs"} for one none of `docs` answers, {"q", "intent"} for a request
// for help, the list of sections or (with "party") one side's duties. A bad line is a ConfigError
// naming the file and the line.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ConfigError } from '../config/error.js';
import type { LabelledQuestion } from '../engine/phrasebook.js';

const PARTIES = new Set(['provider', 'customer', 'shared']);
const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const optionalText = (v: unknown) => v === undefined || typeof v === 'string';
const docs = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(text);

/**
 * The line as a labelled question, or null when it is none of the three shapes. Checked by hand,
 * not by a schema library: the shipped file has thousands of lines, read at every start.
 */
function labelled(v: unknown): LabelledLine | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const l = v as Record<string, unknown>;
  if (!text(l.q) || !optionalText(l.set)) return null;
  const party = l.party === undefined || PARTIES.has(l.party as string);
  // A question a row answers.
  if (text(l.task)) return text(l.doc) && text(l.section) && party ? pick(l, ['q', 'doc', 'section', 'task', 'party', 'set']) : null;
  // A question none of `docs` answers.
  if (l.task === null) return docs(l.docs) ? pick(l, ['q', 'task', 'docs', 'set']) : null;
  // A request that names no row: help, the list of sections, or (with its party) one side's duties.
  if (l.task !== undefined || (l.docs !== undefined && !docs(l.docs))) return null;
  if (l.intent === 'help' || l.intent === 'list') return pick(l, ['q', 'intent', 'docs', 'set']);
  if (l.intent === 'party' && l.party !== undefined && party) return pick(l, ['q', 'intent', 'party', 'docs', 'set']);
  return null;
}

/** The known keys of a line, as a schema would keep them. */
function pick(l: Record<string, unknown>, keys: string[]): LabelledLine {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (l[k] !== undefined) out[k] = l[k];
  return out as unknown as LabelledLine;
}

export interface LabelledLine extends LabelledQuestion {
  /** Where the question came from (a writer's set), for evaluations that leave one set out. */
  set?: string;
}

/** Files read, by path, with the modification time and size they were read at: every engine built reads the same 1 MB file. */
const read = new Map<string, { stamp: string; lines: LabelledLine[] }>();

export function readPhrasebook(file: string): LabelledLine[] {
  if (!existsSync(file)) return [];
  const st = statSync(file);
  const stamp = `${st.mtimeMs}:${st.size}`;
  const seen = read.get(file);
  if (seen?.stamp === stamp) return seen.lines;
  const out: LabelledLine[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new ConfigError({ file, line: i + 1, setting: '', problem: `not valid JSON: ${(e as Error).message}` });
      }
      const line = labelled(value);
      if (!line) {
        throw new ConfigError({
          file,
          line: i + 1,
          setting: '',
          problem: 'must be {"q", "doc", "section", "task"}, {"q", "task": null, "docs": [...]} or {"q", "intent"}',
        });
      }
      out.push(line);
    });
  read.set(file, { stamp, lines: out });
  return out;
}
