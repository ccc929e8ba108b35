// Ranking a question's entries without scoring every entry. The question's terms are looked up in
// the postings: only entries that share a term can score above zero, and while walking the
// postings each entry's matched weight (`got` of the score) is summed exactly, unit by unit as the
// full score sums it. That gives every candidate a floor (the score without task coverage) and a
// ceiling (the floor plus the most task coverage can add, when a task word matched). Entries are
// then scored in full only down to a bar: all entries scoring at or above the bar have a ceiling
// at or above it, so the ones scored and sorted there are exactly the head of the full ranking. A
// caller that reads further lowers the bar; most read five entries or fewer.
import type { Indexed, KnowledgeIndex, ServiceGroup } from './search-index.js';
import { IN_TASK, type EntryTerms } from './postings.js';
import type { Query } from './query.js';
import {
  asksAbout,
  compile,
  COVERAGE_SHARE,
  FIELD_WEIGHT,
  fitOf,
  MATCH_SHARE,
  PAIR_SHARE,
  rankWeight,
  type CompiledQuery,
  type EntryFit,
  type Scored,
} from './score.js';

/** The largest field weight among a posting's field bits (task; provider or customer text). */
const MASK_WEIGHT = Float64Array.from({ length: 8 }, (_, m) => (m & IN_TASK ? FIELD_WEIGHT.task : m ? FIELD_WEIGHT.body : 0));
/** Far above any rounding difference, far below any difference of scores that matters. */
const SLACK = 1e-9;

/** Scratch arrays of one index, one slot per entry, reused by every question (ranking is synchronous). */
interface Scratch {
  unitMark: Int32Array;
  unitBest: Float64Array;
  queryMark: Int32Array;
  got: Float64Array;
  taskHit: Uint8Array;
  candidates: Int32Array;
  touched: Int32Array;
  ceiling: Float64Array;
  bandOf: Uint8Array;
  /** Candidates by band, for the ranking that owns it (the last made). */
  order: Int32Array;
  owner: Ranking | null;
  unitGen: number;
  queryGen: number;
}

const scratches = new WeakMap<EntryTerms, Scratch>();

function scratchOf(t: EntryTerms): Scratch {
  let s = scratches.get(t);
  if (!s || s.unitGen > 0x7fff0000 || s.queryGen > 0x7fff0000) {
    const n = t.entries;
    s = {
      unitMark: new Int32Array(n),
      unitBest: new Float64Array(n),
      queryMark: new Int32Array(n),
      got: new Float64Array(n),
      taskHit: new Uint8Array(n),
      candidates: new Int32Array(n),
      touched: new Int32Array(n),
      ceiling: new Float64Array(n),
      bandOf: new Uint8Array(n),
      order: new Int32Array(n),
      owner: null,
      unitGen: 0,
      queryGen: 0,
    };
    scratches.set(t, s);
  }
  return s;
}

/** Candidates are sorted into this many bands of their ceilings (by counting), read top band first. */
const BANDS = 256;

/**
 * The question's entries, best first, as the full scan would order them (score, then index
 * order), scored only as far as they are read. The candidates are sorted into bands by their
 * ceilings; the top band is scored first, and an entry is given out once its score beats every
 * ceiling of the bands not yet scored, so no entry left behind can come before it.
 */
export class Ranking {
  /** Entries that share a term with the question: the only ones that can score. */
  readonly candidates: number;
  /** Entries scored in full so far (an entry worded as one scored before is not scored again). */
  scored = 0;
  private readonly emitted: Scored[] = [];
  private pending: Scored[] = [];
  /**
   * Candidates ordered by band, top band last: band b is `order[bandStart[b] .. bandStart[b + 1])`.
   * The index's scratch array while this is its latest ranking; a copy of what is left once a later one takes it.
   */
  private order: Int32Array;
  private readonly bandStart: Int32Array;
  /** The highest ceiling in the bands below b. */
  private readonly below: Float64Array;
  private band: number;
  private readonly strengths: Float64Array;
  private readonly fits = new Map<number, EntryFit>();

  constructor(
    private readonly q: Query,
    private readonly c: CompiledQuery,
    private readonly entries: Indexed[],
    private readonly t: EntryTerms,
    s: Scratch,
    n: number,
  ) {
    const { candidates: ids, ceiling, bandOf, order } = s;
    this.candidates = n;
    this.strengths = new Float64Array(4 * q.units.length);
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < n; j++) {
      const x = ceiling[j]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    // A few candidates are scored all at once; more are banded, a band for every few of them.
    const bands = Math.min(BANDS, Math.ceil(n / 8));
    const scale = hi > lo ? bands / (hi - lo) : 0;
    const start = new Int32Array(bands + 1);
    const top = new Float64Array(bands).fill(-Infinity);
    for (let j = 0; j < n; j++) {
      const x = ceiling[j]!;
      let b = Math.floor((x - lo) * scale);
      if (b >= bands) b = bands - 1;
      bandOf[j] = b;
      start[b + 1]!++;
      if (x > top[b]!) top[b] = x;
    }
    for (let b = 0; b < bands; b++) start[b + 1]! += start[b]!;
    this.bandStart = start.slice();
    for (let j = 0; j < n; j++) order[start[bandOf[j]!]!++] = ids[j]!;
    this.order = order;
    s.owner = this;
    this.below = new Float64Array(bands).fill(-Infinity);
    for (let b = 1; b < bands; b++) this.below[b] = Math.max(this.below[b - 1]!, top[b - 1]!);
    this.band = bands - 1;
  }

  /** Keeps the bands not yet read in an array of its own: another ranking takes the scratch array. */
  detach(): void {
    this.order = this.order.slice(0, this.bandStart[this.band + 1]);
  }

  /** The i-th best entry, or undefined past the last. */
  at(i: number): Scored | undefined {
    while (this.emitted.length <= i && this.band >= 0) this.next();
    return this.emitted[i];
  }

  /** The n best (fewer when fewer entries score). */
  take(n: number): Scored[] {
    this.at(n - 1);
    return this.emitted.slice(0, n);
  }

  /** Scores the next band down, and gives out every entry scored so far that beats all ceilings below it. */
  private next(): void {
    const b = this.band--;
    for (let k = this.bandStart[b]!; k < this.bandStart[b + 1]!; k++) {
      const e = this.order[k]!;
      // Entries of the same words (a row repeated word for word) fit alike.
      const key = this.t.content[e]!;
      let fit = this.fits.get(key);
      if (!fit) {
        fit = fitOf(this.q, this.c, this.t, e, this.strengths);
        this.fits.set(key, fit);
        this.scored++;
      }
      this.pending.push({ item: this.entries[e]!, score: fit.score, fit });
    }
    const bar = this.below[b]!;
    const now = this.pending.filter((r) => r.score > bar);
    if (now.length === 0) return;
    this.pending = this.pending.filter((r) => r.score <= bar);
    now.sort((x, y) => y.score - x.score || x.item.at - y.item.at);
    for (const r of now) this.emitted.push(r);
  }
}

/**
 * The question's entries in `scope` (all services when it is the index's own list), ranked. Only
 * the postings of the question's terms are read.
 */
export function rank(q: Query, index: KnowledgeIndex, scope: ServiceGroup[] = index.services): Ranking {
  const t = index.terms;
  const c = compile(q, t);
  const s = scratchOf(t);
  // A ranking still being read keeps what it has left of the scratch before this one writes over it.
  s.owner?.detach();
  s.owner = null;
  let allowed: Uint8Array | null = null;
  if (scope !== index.services) {
    // As the full scan filtered: by document id (two services could share one).
    allowed = new Uint8Array(index.services.length);
    for (const g of scope) for (const k of index.servicesByDoc.get(g.doc.id) ?? []) allowed[k] = 1;
  }
  const qGen = ++s.queryGen;
  let total = 0;
  let nc = 0;
  const { postStart, postEntry, postMask, sectionPostStart, sectionPost, sectionFirst, sectionCount, entryService } = t;
  const { unitMark, unitBest, queryMark, got, taskHit, candidates, touched } = s;
  for (let k = 0; k < q.units.length; k++) {
    const cu = c.units[k];
    if (!cu) continue;
    const u = q.units[k]!;
    const w = rankWeight(u);
    total += w;
    const gen = ++s.unitGen;
    const taskBit = asksAbout(u) ? IN_TASK : 0;
    let nt = 0;
    for (let j = 0; j < cu.ids.length; j++) {
      const id = cu.ids[j]!;
      const strength = cu.strengths[j]!;
      for (let p = postStart[id]!; p < postStart[id + 1]!; p++) {
        const e = postEntry[p]!;
        if (allowed && !allowed[entryService[e]!]) continue;
        const m = postMask[p]!;
        const v = strength * MASK_WEIGHT[m]!;
        if (queryMark[e] !== qGen) {
          queryMark[e] = qGen;
          got[e] = 0;
          taskHit[e] = 0;
          candidates[nc++] = e;
        }
        if (unitMark[e] !== gen) {
          unitMark[e] = gen;
          unitBest[e] = v;
          touched[nt++] = e;
        } else if (v > unitBest[e]!) unitBest[e] = v;
        if (m & taskBit) taskHit[e] = 1;
      }
      // The section-title postings touch their entries as the loop above does, written out again
      // rather than called: this is the loop every question runs over every matching entry.
      const v = strength * FIELD_WEIGHT.section;
      for (let p = sectionPostStart[id]!; p < sectionPostStart[id + 1]!; p++) {
        const sec = sectionPost[p]!;
        const first = sectionFirst[sec]!;
        const end = first + sectionCount[sec]!;
        for (let e = first; e < end; e++) {
          if (allowed && !allowed[entryService[e]!]) continue;
          if (queryMark[e] !== qGen) {
            queryMark[e] = qGen;
            got[e] = 0;
            taskHit[e] = 0;
            candidates[nc++] = e;
          }
          if (unitMark[e] !== gen) {
            unitMark[e] = gen;
            unitBest[e] = v;
            touched[nt++] = e;
          } else if (v > unitBest[e]!) unitBest[e] = v;
        }
      }
    }
    for (let i = 0; i < nt; i++) {
      const e = touched[i]!;
      got[e] = got[e]! + w * unitBest[e]!;
    }
  }
  const { ceiling } = s;
  for (let j = 0; j < nc; j++) {
    const e = candidates[j]!;
    // The score's first term, summed in the same order as the full score sums it; task coverage
    // adds at most COVERAGE_SHARE, and only where a word asked about is in the task; word pairs at most
    // PAIR_SHARE, when the question has any. SLACK covers rounding.
    ceiling[j] = (got[e]! / total) * MATCH_SHARE + (taskHit[e] ? COVERAGE_SHARE : 0) + (q.pairs.length ? PAIR_SHARE : 0) + SLACK;
  }
  return new Ranking(q, c, index.entries, t, s, nc);
}
