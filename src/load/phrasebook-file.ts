// Reads phrasebook.jsonl: one labelled question a line, {"q", "doc", "section", "task"} for a question a row
// answers, {"q", "task": null, "docs"} for one none of `docs` answers, {"q", "intent"} for a request
// for help, the list of sections or (with "party") one side's duties. A bad line is a ConfigError
// naming the file and the line.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../config/error.js';
import type { LabelledQuestion } from '../engine/phrasebook.js';

const DOCS = z.array(z.string().min(1)).min(1);
const LINE = z.union([
  z.object({
    q: z.string().min(1),
    doc: z.string().min(1),
    section: z.string().min(1),
    task: z.string().min(1),
    party: z.enum(['provider', 'customer', 'shared']).optional(),
    set: z.string().optional(),
  }),
  z.object({ q: z.string().min(1), task: z.null(), docs: DOCS, set: z.string().optional() }),
  z.union([
    z.object({ q: z.string().min(1), intent: z.enum(['help', 'list']), docs: DOCS.optional(), set: z.string().optional() }),
    z.object({
      q: z.string().min(1),
      intent: z.literal('party'),
      party: z.enum(['provider', 'customer', 'shared']),
      docs: DOCS.optional(),
      set: z.string().optional(),
    }),
  ]),
]);

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
      const r = LINE.safeParse(value);
      if (!r.success) {
        throw new ConfigError({
          file,
          line: i + 1,
          setting: '',
          problem: 'must be {"q", "doc", "section", "task"}, {"q", "task": null, "docs": [...]} or {"q", "intent"}',
        });
      }
      out.push(r.data);
    });
  read.set(file, { stamp, lines: out });
  return out;
}
