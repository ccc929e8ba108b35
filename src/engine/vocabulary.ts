// The domain vocabulary (data/synonyms.yaml) applied to a stream of words: every member of
// a synonym group found in the text adds the group's concept term, for questions and
// documents alike, so "DR" meets "disaster recovery" and "colleagues" meets "users".
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { stem, words } from './text.js';

export interface Vocabulary {
  /** Concept terms ("~disaster-recovery") for the phrases found in the stemmed word list. */
  concepts(stems: string[]): string[];
  /** The same, with where each phrase stands: concept terms per word position. */
  conceptsAt(stems: string[]): string[][];
  /** Multi-word phrases found: where they start, how many words, and their concept. */
  phrases(stems: string[]): Array<{ start: number; length: number; concept: string }>;
  /** Every word the vocabulary knows, for typo correction. */
  words: string[];
}

export function readSynonymGroups(file: string): string[][] {
  if (!existsSync(file)) return [];
  const raw = parseYaml(readFileSync(file, 'utf8')) as { groups?: unknown } | null;
  const groups = Array.isArray(raw?.groups) ? raw.groups : [];
  return groups.filter((g): g is unknown[] => Array.isArray(g)).map((g) => g.map((x) => String(x)).filter(Boolean));
}

export function buildVocabulary(groups: string[][]): Vocabulary {
  // first stem → the phrases (as stem sequences) starting with it, longest first
  const byFirst = new Map<string, Array<{ seq: string[]; concept: string }>>();
  const known = new Set<string>();
  for (const group of groups) {
    if (group.length === 0) continue;
    const concept = '~' + words(group[0]!).join('-');
    for (const member of group) {
      const ws = words(member);
      ws.forEach((w) => known.add(w));
      const seq = ws.map(stem);
      if (seq.length === 0) continue;
      const list = byFirst.get(seq[0]!) ?? [];
      list.push({ seq, concept });
      byFirst.set(seq[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.seq.length - a.seq.length);
  return {
    words: [...known],
    concepts(stems) {
      return [...new Set(this.conceptsAt(stems).flat())];
    },
    phrases(stems) {
      const out: Array<{ start: number; length: number; concept: string }> = [];
      for (let i = 0; i < stems.length; i++) {
        for (const { seq, concept } of byFirst.get(stems[i]!) ?? []) {
          if (seq.length > 1 && seq.every((s, k) => stems[i + k] === s)) out.push({ start: i, length: seq.length, concept });
        }
      }
      return out;
    },
    conceptsAt(stems) {
      const at: string[][] = stems.map(() => []);
      for (let i = 0; i < stems.length; i++) {
        for (const { seq, concept } of byFirst.get(stems[i]!) ?? []) {
          if (!seq.every((s, k) => stems[i + k] === s)) continue;
          for (let k = 0; k < seq.length; k++) if (!at[i + k]!.includes(concept)) at[i + k]!.push(concept);
        }
      }
      return at;
    },
  };
}
