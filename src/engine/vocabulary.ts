// The domain vocabulary (data/synonyms.yaml) applied to a stream of words: every member of
// a synonym group found in the text adds the group's concept term, for questions and
// documents alike, so "DR" meets "disaster recovery" and "colleagues" meets "users".
import { existsSync } from 'node:fs';
import { readDataFile } from '../config/data-file.js';
import { SYNONYMS_FILE } from '../config/data-files.js';
import { stem, words } from './words.js';

/** Concepts that together mean another ("region" + "failure" → "disaster recovery"). */
export interface Combination {
  when: string[];
  means: string;
}

export interface Vocabulary {
  /** Pairs (or more) of concepts that mean a further one when a question names them together. */
  combinations: Combination[];
  /** Concept terms ("~disaster-recovery") for the phrases found in the stemmed word list. */
  concepts(stems: string[]): string[];
  /** The same, with where each phrase stands: concept terms per word position. */
  conceptsAt(stems: string[]): string[][];
  /** Multi-word phrases found: where they start, how many words, and their concept. */
  phrases(stems: string[]): Array<{ start: number; length: number; concept: string }>;
  /** Every word the vocabulary knows, for typo correction. */
  words: string[];
}

export interface Synonyms {
  groups: string[][];
  /** Each names its concepts by a member of their group. */
  combinations: Array<{ when: string[]; means: string }>;
}

export function readSynonyms(file: string): Synonyms {
  if (!existsSync(file)) return { groups: [], combinations: [] };
  const { groups, combinations } = readDataFile(file, SYNONYMS_FILE);
  return { groups: groups.map((g) => g.filter(Boolean)), combinations };
}

/** The concept term of a group ("~disaster-recovery"), from any of its members. */
function conceptOf(groups: string[][], member: string): string | null {
  const key = words(member).join(' ');
  const g = groups.find((gr) => gr.some((m) => words(m).join(' ') === key));
  return g ? '~' + words(g[0]!).join('-') : null;
}

export function buildVocabulary(synonyms: Synonyms | string[][]): Vocabulary {
  const { groups, combinations } = Array.isArray(synonyms) ? { groups: synonyms, combinations: [] } : synonyms;
  // first stem → the phrases (as stem sequences) starting with it, longest first
  const byFirst = new Map<string, Array<{ seq: string[]; concept: string }>>();
  const known = new Set<string>();
  for (const group of groups) {
    if (group.length === 0) continue;
    const concept = '~' + words(group[0]!).join('-');
    for (const member of group) {
      const ws = words(member);
      for (const w of ws) known.add(w);
      const seq = ws.map(stem);
      if (seq.length === 0) continue;
      const list = byFirst.get(seq[0]!) ?? [];
      list.push({ seq, concept });
      byFirst.set(seq[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.seq.length - a.seq.length);
  const combos: Combination[] = [];
  for (const c of combinations) {
    const when = c.when.map((m) => conceptOf(groups, m));
    const means = conceptOf(groups, c.means);
    if (means && when.length > 1 && when.every((w): w is string => w !== null)) combos.push({ when, means });
  }
  return {
    combinations: combos,
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
