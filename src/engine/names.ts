// Names of several words (service aliases, other clouds) found in a question's words.

export interface NameHit<T> {
  item: T;
  at: number[];
}

/**
 * Names (word sequences) by their first word, longest first: a question's words find theirs without
 * trying every name. A name spelt like one before it is left out: the first always takes its words.
 */
export interface NameTable<T> {
  byFirst: Map<string, Array<{ item: T; words: string[] }>>;
  /** Words in the longest name. */
  longest: number;
}

export function nameTable<T>(names: Array<{ item: T; words: string[] }>): NameTable<T> {
  const byFirst = new Map<string, Array<{ item: T; words: string[] }>>();
  const spelt = new Set<string>();
  let longest = 0;
  for (const n of names) {
    const key = n.words.join(' ');
    if (spelt.has(key)) continue;
    spelt.add(key);
    const list = byFirst.get(n.words[0]!) ?? [];
    list.push(n);
    byFirst.set(n.words[0]!, list);
    longest = Math.max(longest, n.words.length);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, longest };
}

/** Every name found in the words, longest first at each position, each word used once. */
export function findNames<T>(ws: string[], table: NameTable<T>, taken = new Set<number>()): NameHit<T>[] {
  const found: NameHit<T>[] = [];
  // The names each word may start, looked up once.
  const starting = ws.map((w) => table.byFirst.get(w));
  // Longer names first across the whole question, so "event streams" wins over "streams".
  for (let len = table.longest; len >= 1; len--) {
    for (let i = 0; i + len <= ws.length; i++) {
      const names = starting[i];
      if (!names) continue;
      next: for (const { item, words: n } of names) {
        if (n.length !== len) continue;
        for (let k = 1; k < len; k++) if (ws[i + k] !== n[k]) continue next;
        for (let k = 0; k < len; k++) if (taken.has(i + k)) continue next;
        const at: number[] = [];
        for (let k = 0; k < len; k++) {
          taken.add(i + k);
          at.push(i + k);
        }
        found.push({ item, at });
      }
    }
  }
  return found;
}
