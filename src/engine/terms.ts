// Terms as small integers: each distinct term string gets an id once, and the index keeps ids in
// flat typed arrays instead of a Set of strings per entry.

/** Distinct strings numbered in the order first seen. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  /** The string's id, given it a new one if it has none yet. */
  add(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(s, id);
      this.names.push(s);
    }
    return id;
  }

  /** The string's id, or -1 when it has none. */
  get(s: string): number {
    return this.ids.get(s) ?? -1;
  }

  get size(): number {
    return this.names.length;
  }
}

/** An Int32Array that grows as it is written, then trimmed to its length. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }

  /** Appends the ids and returns where they start. */
  append(xs: ArrayLike<number>): number {
    const at = this.length;
    for (let i = 0; i < xs.length; i++) this.push(xs[i]!);
    return at;
  }

  trimmed(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Ids of the strings, sorted and without repeats. */
export function sortedIds(interner: Interner, strings: Iterable<string>): Int32Array {
  const ids: number[] = [];
  for (const s of strings) ids.push(interner.add(s));
  ids.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[n++] = ids[i]!;
  return Int32Array.from(ids.slice(0, n));
}

/** Whether the sorted slice data[from, from + len) holds x. */
export function sliceHas(data: Int32Array, from: number, len: number, x: number): boolean {
  let lo = from;
  let hi = from + len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = data[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid;
  }
  return false;
}
