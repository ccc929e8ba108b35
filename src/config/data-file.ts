// Reads a data file (YAML, or JSON, which YAML reads too) against a zod schema. A wrong value is
// a ConfigError naming the file, the line and the key, so the file's owner can go straight to it.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError, type ConfigProblem } from './error.js';

/** The first problems are enough to fix a file; the rest would bury them. */
const MAX_PROBLEMS = 8;

/** A data file's value, and the line of any key path in it (for warnings about a valid file). */
export interface DataFile<T> {
  value: T;
  lineOf(path: PropertyKey[]): number | undefined;
}

export function readDataFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  return readDataFileWithLines(file, schema).value;
}

export function readDataFileWithLines<S extends z.ZodType>(file: string, schema: S): DataFile<z.output<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError({ file, setting: '', problem: `cannot be read: ${(e as Error).message}` });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const broken = doc.errors[0];
  if (broken) throw new ConfigError({ file, line: broken.linePos?.[0].line, setting: '', problem: `not valid YAML: ${broken.message.split('\n')[0]}` });
  const lineOf = (path: PropertyKey[]): number | undefined => {
    // The value's own line, or its nearest parent's when the key is missing.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return { value: result.data, lineOf };
  const problems: ConfigProblem[] = result.error.issues.slice(0, MAX_PROBLEMS).map((i) => ({
    file,
    line: lineOf(i.path),
    setting: i.path.length ? i.path.join('.') : 'the file',
    problem: i.message,
  }));
  throw new ConfigError(problems, `${file} has ${result.error.issues.length} problems`);
}
