// "Did you mean": fuzzy search over the names of tasks (a prose section: its title), for a
// question that shares no word with any entry. Each distinct name is searched once, however many
// entries bear it (copies of a row across services, "Applications" in many sections), and the
// names found are spread back over their entries in index order, which gives what a search over
// every entry gives.
//
// Fuse.js (bitap) accepts a name when the pattern matches some stretch of it with at most k
// edits, k the most its threshold allows for the pattern's length. Such a match keeps at least
// (m - 1) - 2k of the pattern's m - 1 letter pairs (an edit breaks at most two), so a name that
// shares fewer of them cannot match and is not handed to Fuse at all. Past MAX_FUZZY_NAMES names
// left, only those sharing the most letter triples with the question are searched, so the cost
// stays bounded (the results can then differ from a search of every name).
import Fuse from 'fuse.js';

/** Fuse's options, as they were for the search over every entry. */
const THRESHOLD = 0.35;
const OPTIONS = { keys: ['task'], includeScore: true, threshold: THRESHOLD, ignoreLocation: true };
/** Fuse reads a longer pattern in pieces of this many characters, which the pair count does not cover. */
const BITAP_MAX = 32;
/** Distinct names searched at most per question. */
export const MAX_FUZZY_NAMES = 4000;

export interface FuzzyNames {
  /** Distinct names, in the order of their first entry. */
  names: string[];
  /** Entry ids bearing name k, ascending: `bearers[bearerStart[k] .. bearerStart[k + 1])`. */
  bearerStart: Int32Array;
  bearers: Int32Array;
  /** Each name's letter pairs (lower case, as Fuse reads it): `pairs[pairStart[k] .. pairStart[k + 1])`. */
  pairStart: Int32Array;
  pairs: Int32Array;
  /** How many names one question's search reads at most. */
  cap: number;
  /** Fuse over every name, for a pattern too short to rule any name out. */
  fuse: Fuse<{ task: string }>;
  /** Letter triple → the names (ascending) holding it; made when first needed, past the cap. */
  triples: Map<string, number[]> | null;
}

const pairCode = (s: string, i: number) => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

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

  const pairStart = new Int32Array(names.length + 1);
  const lower = names.map((n) => n.toLowerCase());
  for (let k = 0; k < lower.length; k++) pairStart[k + 1] = pairStart[k]! + Math.max(0, lower[k]!.length - 1);
  const pairs = new Int32Array(pairStart[names.length]!);
  lower.forEach((n, k) => {
    for (let i = 0; i + 1 < n.length; i++) pairs[pairStart[k]! + i] = pairCode(n, i);
  });
  const fuse = new Fuse(
    names.map((task) => ({ task })),
    OPTIONS,
  );
  return { names, bearerStart, bearers, pairStart, pairs, cap, fuse, triples: null };
}

/** The most edits Fuse lets a match of a pattern of this length have. */
function editsAllowed(m: number): number {
  let k = 0;
  while ((k + 1) / m <= THRESHOLD) k++;
  return k;
}

/** The names whose letter pairs allow a match of the pattern; null when the pattern is too short (or long) to rule any out. */
export function namesThatCanMatch(f: FuzzyNames, pattern: string): number[] | null {
  const p = pattern.toLowerCase();
  const m = p.length;
  const needed = m - 1 - 2 * editsAllowed(m);
  if (m > BITAP_MAX || needed <= 0) return null;
  const slot = new Map<number, number>();
  const want: number[] = [];
  for (let i = 0; i + 1 < m; i++) {
    const code = pairCode(p, i);
    const s = slot.get(code);
    if (s === undefined) {
      slot.set(code, want.length);
      want.push(1);
    } else want[s]!++;
  }
  const left = new Int32Array(want.length);
  const out: number[] = [];
  for (let k = 0; k < f.names.length; k++) {
    const end = f.pairStart[k + 1]!;
    if (end - f.pairStart[k]! < needed) continue;
    for (let s = 0; s < want.length; s++) left[s] = want[s]!;
    let shared = 0;
    for (let i = f.pairStart[k]!; i < end; i++) {
      const s = slot.get(f.pairs[i]!);
      if (s !== undefined && left[s]! > 0) {
        left[s]!--;
        if (++shared >= needed) break;
      }
    }
    if (shared >= needed) out.push(k);
  }
  return out;
}

function triplesOf(s: string): Set<string> {
  const t = ` ${s.toLowerCase()} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

/** The names a search for the pattern reads: those that can match, and past the cap those most like it by shared triples, in name order. */
export function namesSearched(f: FuzzyNames, pattern: string): number[] {
  const can = namesThatCanMatch(f, pattern) ?? f.names.map((_, k) => k);
  if (can.length <= f.cap) return can;
  if (!f.triples) {
    f.triples = new Map();
    f.names.forEach((n, k) => {
      for (const g of triplesOf(n)) {
        const list = f.triples!.get(g);
        if (list) list.push(k);
        else f.triples!.set(g, [k]);
      }
    });
  }
  const allowed = new Set(can);
  const shared = new Map<number, number>();
  for (const g of triplesOf(pattern)) for (const k of f.triples.get(g) ?? []) if (allowed.has(k)) shared.set(k, (shared.get(k) ?? 0) + 1);
  return [...shared]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, f.cap)
    .map(([k]) => k)
    .sort((a, b) => a - b);
}

/** The `limit` entries whose names Fuse finds closest to the pattern, best first (ties in entry order). */
export function fuzzySearch(f: FuzzyNames, pattern: string, limit: number): number[] {
  let keep = namesSearched(f, pattern);
  if (keep.length === 0) return [];
  // Fuse's scores are each name's own; over fewer names only the names' numbering changes, in the
  // same order. Most names left: the names ruled out would not match anyway, so all are searched.
  const all = keep.length > f.names.length / 2 && f.names.length <= f.cap;
  if (all) keep = f.names.map((_, k) => k);
  const fuse = all
    ? f.fuse
    : new Fuse(
        keep.map((k) => ({ task: f.names[k]! })),
        OPTIONS,
      );
  const found = fuse.search(pattern, { limit }).map((r) => ({ k: keep[r.refIndex]!, score: r.score ?? 0 }));
  // The best `limit` entries are among the first `limit` entries of the best `limit` names: a name
  // ranked lower has a worse score, or the same score and a later first entry, than each of them.
  return found
    .flatMap(({ k, score }) =>
      Array.from(f.bearers.subarray(f.bearerStart[k]!, Math.min(f.bearerStart[k + 1]!, f.bearerStart[k]! + limit)), (e) => ({ e, score })),
    )
    .sort((a, b) => a.score - b.score || a.e - b.e)
    .slice(0, limit)
    .map((x) => x.e);
}
