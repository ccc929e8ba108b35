// "Did you mean": fuzzy search over the names of tasks (a prose section: its title), for a
// question that shares no word with any entry. Fuse.js reads each distinct name once, however many
// entries bear it (copies of a row across services, "Applications" in many sections), and the
// names it finds are spread back over their entries in index order, which gives what a search
// over every entry gives. Beyond MAX_FUZZY_NAMES distinct names the search reads only the names
// sharing the most letter trigrams with the question, so its cost stays bounded.
import Fuse from 'fuse.js';

/** Fuse's options, as they were for the search over every entry. */
const OPTIONS = { keys: ['task'], includeScore: true, threshold: 0.35, ignoreLocation: true };
/** Distinct names searched at most per question. */
export const MAX_FUZZY_NAMES = 4000;

export interface FuzzyNames {
  /** Distinct names, in the order of their first entry. */
  names: string[];
  /** Entry ids bearing name k, ascending: `bearers[bearerStart[k] .. bearerStart[k + 1])`. */
  bearerStart: Int32Array;
  bearers: Int32Array;
  /** How many names one question's search reads at most. */
  cap: number;
  fuse: Fuse<{ task: string }>;
  /** Letter trigram → the names (ascending) holding it; made when first needed, past the cap. */
  trigrams: Map<string, number[]> | null;
}

export function fuzzyNames(nameOf: (entry: number) => string, entries: number, cap = MAX_FUZZY_NAMES): FuzzyNames {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const nameAt = new Int32Array(entries);
  for (let e = 0; e < entries; e++) {
    const name = nameOf(e);
    let k = ids.get(name);
    if (k === undefined) {
      k = names.length;
      ids.set(name, k);
      names.push(name);
    }
    nameAt[e] = k;
  }
  const bearerStart = new Int32Array(names.length + 1);
  for (let e = 0; e < entries; e++) bearerStart[nameAt[e]! + 1]!++;
  for (let k = 0; k < names.length; k++) bearerStart[k + 1]! += bearerStart[k]!;
  const cursor = bearerStart.slice(0, names.length);
  const bearers = new Int32Array(entries);
  for (let e = 0; e < entries; e++) bearers[cursor[nameAt[e]!]!++] = e;
  const fuse = new Fuse(
    names.map((task) => ({ task })),
    OPTIONS,
  );
  return { names, bearerStart, bearers, cap, fuse, trigrams: null };
}

function trigramsOf(s: string): Set<string> {
  const t = ` ${s.toLowerCase()} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

/** The names a search for the pattern reads: all of them up to the cap, else those most like it by shared trigrams, in name order. */
export function namesSearched(f: FuzzyNames, pattern: string): number[] {
  if (f.names.length <= f.cap) return f.names.map((_, k) => k);
  if (!f.trigrams) {
    f.trigrams = new Map();
    f.names.forEach((n, k) => {
      for (const g of trigramsOf(n)) {
        const list = f.trigrams!.get(g);
        if (list) list.push(k);
        else f.trigrams!.set(g, [k]);
      }
    });
  }
  const shared = new Map<number, number>();
  for (const g of trigramsOf(pattern)) for (const k of f.trigrams.get(g) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
  return [...shared]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, f.cap)
    .map(([k]) => k)
    .sort((a, b) => a - b);
}

/** The `limit` entries whose names Fuse finds closest to the pattern, best first (ties in entry order). */
export function fuzzySearch(f: FuzzyNames, pattern: string, limit: number): number[] {
  let found: Array<{ k: number; score: number }>;
  if (f.names.length <= f.cap) {
    found = f.fuse.search(pattern, { limit }).map((r) => ({ k: r.refIndex, score: r.score ?? 0 }));
  } else {
    const keep = namesSearched(f, pattern);
    const sub = new Fuse(
      keep.map((k) => ({ task: f.names[k]! })),
      OPTIONS,
    );
    found = sub.search(pattern, { limit }).map((r) => ({ k: keep[r.refIndex]!, score: r.score ?? 0 }));
  }
  // The best `limit` entries are among the first `limit` entries of the best `limit` names: a name
  // ranked lower has a worse score, or the same score and a later first entry, than each of them.
  return found
    .flatMap(({ k, score }) => Array.from(f.bearers.subarray(f.bearerStart[k]!, Math.min(f.bearerStart[k + 1]!, f.bearerStart[k]! + limit)), (e) => ({ e, score })))
    .sort((a, b) => a.score - b.score || a.e - b.e)
    .slice(0, limit)
    .map((x) => x.e);
}
