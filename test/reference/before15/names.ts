// Names of several words (service aliases, other clouds) found in a question's words.

export interface NameHit<T> {
  item: T;
  at: number[];
}

/** Names (word sequences) by their first word, longest first: a question's words find theirs without trying every name. */
export type NameTable<T> = Map<string, Array<{ item: T; words: string[] }>>;

export function nameTable<T>(names: Array<{ item: T; words: string[] }>): NameTable<T> {
  const table: NameTable<T> = new Map();
  for (const n of names) {
    const list = table.get(n.words[0]!) ?? [];
    list.push(n);
    table.set(n.words[0]!, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

/** Every name found in the words, longest first at each position, each word used once. */
export function findNames<T>(ws: string[], table: NameTable<T>, taken = new Set<number>()): NameHit<T>[] {
  const found: NameHit<T>[] = [];
  const maxLen = Math.max(0, ...[...table.values()].map((l) => l[0]!.words.length));
  // Longer names first across the whole question, so "event streams" wins over "streams".
  for (let len = maxLen; len >= 1; len--) {
    for (let i = 0; i + len <= ws.length; i++) {
      for (const { item, words: n } of table.get(ws[i]!) ?? []) {
        if (n.length !== len || !n.every((w, k) => ws[i + k] === w)) continue;
        const at = n.map((_, k) => i + k);
        if (at.some((k) => taken.has(k))) continue;
        at.forEach((k) => taken.add(k));
        found.push({ item, at });
      }
    }
  }
  return found;
}
