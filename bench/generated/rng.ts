// A seeded random source (mulberry32), so a generated question set is the same on every run.
export interface Rng {
  next(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  int(lo: number, hi: number): number;
  shuffle<T>(items: T[]): T[];
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r: Rng = {
    next,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
  return r;
}

/** A stable seed from a string (FNV-1a), to give each document its own stream. */
export function seedOf(text: string, base = 0): number {
  let h = 0x811c9dc5 ^ base;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
