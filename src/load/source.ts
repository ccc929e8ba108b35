// First pass over a document's text, line by line so that line numbers stay true:
// splits off the YAML front matter, resolves keyword placeholders, and lifts kramdown
// attribute lines ({: #id}, {: caption="…"}, {:name: .class}) out of the markdown,
// remembering where they stood. Left in, GFM would read a caption under a table as
// one more row, and a heading id as paragraph text.
import { parse as parseYaml } from 'yaml';
import type { KeywordMap } from './keywords.js';
import { keywordResolver } from './keywords.js';
import type { LoadWarning } from '../model.js';

export interface FrontMatter {
  title?: string;
  lastupdated?: string;
  keywords?: string;
  subcollection?: string;
  [key: string]: unknown;
}

export interface Attribute {
  line: number;
  id: string | null;
  caption: string | null;
  raw: string;
}

export interface PreparedSource {
  front: FrontMatter;
  /** Markdown with placeholders resolved and attribute lines blanked; same line count as the file. */
  markdown: string;
  /** Attribute lines by 1-based line number. */
  attributes: Map<number, Attribute>;
}

const ATTRIBUTE_LINE = /^\s*\{:(?:[^{}]|\{[^{}]*\})*\}\s*$/;
const INLINE_ATTRIBUTE = /\{:[^{}\n]*\}/g;

export function parseAttribute(raw: string, line: number): Attribute {
  const id = /(?:^|[\s{:])#([A-Za-z0-9_.:-]+)/.exec(raw.replace(/^\s*\{:\s*/, ' '))?.[1] ?? null;
  const caption = /caption\s*=\s*"([^"]*)"/.exec(raw)?.[1] ?? /caption\s*=\s*'([^']*)'/.exec(raw)?.[1] ?? null;
  return { line, id, caption, raw: raw.trim() };
}

export function prepareSource(text: string, file: string, keywords: KeywordMap, warnings: LoadWarning[]): PreparedSource {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let front: FrontMatter = {};
  let bodyStart = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end < 0) {
      warnings.push({ file, line: 1, message: 'front matter opened with --- is never closed; reading the file as markdown' });
    } else {
      try {
        const parsed = parseYaml(lines.slice(1, end).join('\n')) as unknown;
        if (parsed && typeof parsed === 'object') front = parsed as FrontMatter;
      } catch (e) {
        const at = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
        warnings.push({ file, line: at ? at + 1 : 1, message: `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
      }
      bodyStart = end + 1;
    }
  }
  const subcollection = typeof front.subcollection === 'string' ? front.subcollection : null;
  const resolver = keywordResolver(keywords, subcollection);
  const reported = new Set<string>();
  const resolveAt = (s: string, line: number) =>
    resolver.resolve(s, (name, ns) => {
      const key = `${ns}.${name}`;
      if (reported.has(key)) return;
      reported.add(key);
      warnings.push({
        file,
        line,
        message: ns === 'keyword' ? `unknown keyword "${name}": add it to data/keywords.yaml` : `content placeholder "site.data.${ns}.${name}" dropped`,
      });
    });

  for (const [k, v] of Object.entries(front)) {
    if (typeof v === 'string') front[k] = resolveAt(v, 1);
  }

  const attributes = new Map<number, Attribute>();
  const out: string[] = [];
  lines.forEach((raw, i) => {
    if (i < bodyStart) {
      out.push('');
      return;
    }
    const lineNo = i + 1;
    const resolved = resolveAt(raw, lineNo);
    if (ATTRIBUTE_LINE.test(resolved)) {
      attributes.set(lineNo, parseAttribute(resolved, lineNo));
      out.push('');
      return;
    }
    out.push(resolved.replace(INLINE_ATTRIBUTE, ''));
  });
  return { front, markdown: out.join('\n'), attributes };
}

/** Attribute lines that follow a block ending at `endLine`, skipping blank lines. */
export function attributesAfter(src: PreparedSource, endLine: number, lines: string[]): Attribute[] {
  const found: Attribute[] = [];
  for (let n = endLine + 1; n <= lines.length; n++) {
    const attr = src.attributes.get(n);
    if (attr) found.push(attr);
    else if ((lines[n - 1] ?? '').trim() !== '') break;
  }
  return found;
}
