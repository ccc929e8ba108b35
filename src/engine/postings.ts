// The terms of every entry, as interned ids in flat typed arrays, and the inverted index over
// them: for each term, the entries that hold it and in which fields (task, provider text,
// customer text), and the sections whose title holds it. A question looks up its terms here and
// touches only the entries that share one; nothing is kept per entry but a few offsets.
import { pairsOf, termsOf, unitsOf, type ReadWords } from './text-terms.js';
import { words } from './words.js';
import { Interner, IntList, sortedIds } from './terms.js';
import type { Vocabulary } from './vocabulary.js';

/** Field bits of a posting. */
export const IN_TASK = 1;
export const IN_PROVIDER = 2;
export const IN_CUSTOMER = 4;
/** Field slots of an entry, in `fieldAt` / `fieldLen` (entry × 3 + slot). */
export const TASK = 0;
export const PROVIDER = 1;
export const CUSTOMER = 2;
/** The slot of the entry's section title, after its three fields (for `fieldSlice`, not `fieldAt`). */
export const SECTION_TITLE = 3;

export interface EntryTerms {
  /** Terms (stems and concepts) by id. */
  dict: Interner;
  /** Neighbouring stem pairs by id. */
  pairDict: Interner;
  /** Sorted id slices: the entries' fields and the section titles share it. */
  data: Int32Array;
  /** Entry × 3 + slot: where the field's slice starts in `data`, and its length. */
  fieldAt: Int32Array;
  fieldLen: Int32Array;
  /** The entry's section (its ordinal), whose title terms are the entry's section terms. */
  sectionOf: Int32Array;
  sectionAt: Int32Array;
  sectionLen: Int32Array;
  /** The entries of a section: `sectionCount` of them from `sectionFirst` (an entry range). */
  sectionFirst: Int32Array;
  sectionCount: Int32Array;
  /** Sorted pair-id slices per entry. */
  pairData: Int32Array;
  pairAt: Int32Array;
  pairLen: Int32Array;
  /** The task's words as units of term ids: `unitData[unitStart[k] .. unitStart[k + 1])` for the entry's units `entryUnitAt .. + entryUnitCount`. */
  unitData: Int32Array;
  unitStart: Int32Array;
  entryUnitAt: Int32Array;
  entryUnitCount: Int32Array;
  /** Entries with the same content id have the same terms, pairs and task units (a row repeated word for word). */
  content: Int32Array;
  /** Service ordinal of each entry; the entries of service g are `serviceFirst[g] .. serviceFirst[g + 1]`. */
  entryService: Int32Array;
  serviceFirst: Int32Array;
  /** Term → entries (ascending) with the field bits where the entry has it. */
  postStart: Int32Array;
  postEntry: Int32Array;
  postMask: Uint8Array;
  /** Term → sections (ascending) whose title has it. */
  sectionPostStart: Int32Array;
  sectionPost: Int32Array;
  entries: number;
}

/**
 * Collects entries service by service, section by section. The same text (a cell repeated across
 * rows, a title shared by documents) is read once and its slice shared.
 */
export class EntryTermsBuilder {
  private readonly dict = new Interner();
  private readonly pairDict = new Interner();
  private readonly data = new IntList(1 << 16);
  private readonly pairData = new IntList(1 << 16);
  private readonly unitData = new IntList(1 << 12);
  private readonly unitStart = new IntList(1 << 12);
  private readonly fieldAt = new IntList(1 << 14);
  private readonly fieldLen = new IntList(1 << 14);
  private readonly sectionOf = new IntList(1 << 12);
  private readonly pairAt = new IntList(1 << 12);
  private readonly pairLen = new IntList(1 << 12);
  private readonly entryUnitAt = new IntList(1 << 12);
  private readonly entryUnitCount = new IntList(1 << 12);
  private readonly entryService = new IntList(1 << 12);
  private readonly content = new IntList(1 << 12);
  private readonly contents = new Map<string, number>();
  private readonly serviceFirst = new IntList(64);
  private readonly sectionAt = new IntList(256);
  private readonly sectionLen = new IntList(256);
  private readonly sectionFirst = new IntList(256);
  private readonly sectionCount = new IntList(256);
  private readonly textSlices = new Map<string, [number, number]>();
  private readonly pairSlices = new Map<string, [number, number]>();
  private readonly unitSlices = new Map<string, [number, number]>();
  private entries = 0;
  private services = 0;

  constructor(
    private readonly vocab: Vocabulary,
    private readonly read: ReadWords = words,
  ) {}

  /** The term id of a string, made if new (section-title units use it too). */
  term(t: string): number {
    return this.dict.add(t);
  }

  /** A text's terms as a slice of `data`. */
  private textSlice(text: string | null): [number, number] {
    if (!text) return [0, 0];
    let s = this.textSlices.get(text);
    if (!s) {
      const ids = sortedIds(this.dict, termsOf(text, this.vocab, this.read));
      s = [this.data.append(ids), ids.length];
      this.textSlices.set(text, s);
    }
    return s;
  }

  startService(): void {
    this.serviceFirst.push(this.entries);
    this.services++;
  }

  /** A section, by its title; its entries follow. Returns its ordinal. */
  startSection(title: string): number {
    const [at, len] = this.textSlice(title);
    this.sectionAt.push(at);
    this.sectionLen.push(len);
    this.sectionFirst.push(this.entries);
    this.sectionCount.push(0);
    return this.sectionAt.length - 1;
  }

  /** An entry of the section last started: its task (null for a prose section) and the two texts. */
  addEntry(task: string | null, provider: string | null, customer: string | null): number {
    for (const t of [task, provider, customer]) {
      const [at, len] = this.textSlice(t);
      this.fieldAt.push(at);
      this.fieldLen.push(len);
    }
    const section = this.sectionAt.length - 1;
    this.sectionOf.push(section);
    this.sectionCount.data[section]!++;
    this.entryService.push(this.services - 1);

    const key = `${task ?? ''}\u0000${provider ?? ''}\u0000${customer ?? ''}`;
    let p = this.pairSlices.get(key);
    if (!p) {
      const ids = sortedIds(this.pairDict, [...pairsOf(task, this.read), ...pairsOf(provider, this.read), ...pairsOf(customer, this.read)]);
      p = [this.pairData.append(ids), ids.length];
      this.pairSlices.set(key, p);
    }
    this.pairAt.push(p[0]);
    this.pairLen.push(p[1]);

    let u = task ? this.unitSlices.get(task) : undefined;
    if (!u) {
      const units = task ? unitsOf(task, this.vocab, this.read) : [];
      u = [this.unitStart.length, units.length];
      for (const unit of units) {
        this.unitStart.push(this.unitData.length);
        for (const t of unit) this.unitData.push(this.dict.add(t));
      }
      if (task) this.unitSlices.set(task, u);
    }
    this.entryUnitAt.push(u[0]);
    this.entryUnitCount.push(u[1]);
    // The three texts give the fields' terms, the pairs and the task units; the title slice the rest.
    const same = `${this.sectionAt.data[section]},${this.sectionLen.data[section]},${key}`;
    let id = this.contents.get(same);
    if (id === undefined) {
      id = this.contents.size;
      this.contents.set(same, id);
    }
    this.content.push(id);
    return this.entries++;
  }

  finish(): EntryTerms {
    const n = this.entries;
    const terms = this.dict.size;
    const data = this.data.trimmed();
    const fieldAt = this.fieldAt.trimmed();
    const fieldLen = this.fieldLen.trimmed();
    this.unitStart.push(this.unitData.length);
    this.serviceFirst.push(n);

    // Postings: count each (term, entry) once, then fill with the fields' bits.
    const count = new Int32Array(terms + 1);
    const seen = new Int32Array(terms).fill(-1);
    for (let e = 0; e < n; e++) {
      for (let f = 0; f < 3; f++) {
        const at = fieldAt[e * 3 + f]!;
        const end = at + fieldLen[e * 3 + f]!;
        for (let i = at; i < end; i++) {
          const t = data[i]!;
          if (seen[t] !== e) {
            seen[t] = e;
            count[t]!++;
          }
        }
      }
    }
    const postStart = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) postStart[t + 1] = postStart[t]! + count[t]!;
    const postEntry = new Int32Array(postStart[terms]!);
    const postMask = new Uint8Array(postStart[terms]!);
    const cursor = postStart.slice(0, terms);
    const last = new Int32Array(terms);
    seen.fill(-1);
    for (let e = 0; e < n; e++) {
      for (let f = 0; f < 3; f++) {
        const bit = 1 << f;
        const at = fieldAt[e * 3 + f]!;
        const end = at + fieldLen[e * 3 + f]!;
        for (let i = at; i < end; i++) {
          const t = data[i]!;
          if (seen[t] !== e) {
            seen[t] = e;
            const pos = cursor[t]!++;
            postEntry[pos] = e;
            postMask[pos] = bit;
            last[t] = pos;
          } else postMask[last[t]!]! |= bit;
        }
      }
    }

    const sectionAt = this.sectionAt.trimmed();
    const sectionLen = this.sectionLen.trimmed();
    const sections = sectionAt.length;
    const sCount = new Int32Array(terms + 1);
    for (let s = 0; s < sections; s++) for (let i = sectionAt[s]!; i < sectionAt[s]! + sectionLen[s]!; i++) sCount[data[i]!]!++;
    const sectionPostStart = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) sectionPostStart[t + 1] = sectionPostStart[t]! + sCount[t]!;
    const sectionPost = new Int32Array(sectionPostStart[terms]!);
    const sCursor = sectionPostStart.slice(0, terms);
    for (let s = 0; s < sections; s++) for (let i = sectionAt[s]!; i < sectionAt[s]! + sectionLen[s]!; i++) sectionPost[sCursor[data[i]!]!++] = s;

    return {
      dict: this.dict,
      pairDict: this.pairDict,
      data,
      fieldAt,
      fieldLen,
      sectionOf: this.sectionOf.trimmed(),
      sectionAt,
      sectionLen,
      sectionFirst: this.sectionFirst.trimmed(),
      sectionCount: this.sectionCount.trimmed(),
      pairData: this.pairData.trimmed(),
      pairAt: this.pairAt.trimmed(),
      pairLen: this.pairLen.trimmed(),
      unitData: this.unitData.trimmed(),
      unitStart: this.unitStart.trimmed(),
      entryUnitAt: this.entryUnitAt.trimmed(),
      entryUnitCount: this.entryUnitCount.trimmed(),
      content: this.content.trimmed(),
      entryService: this.entryService.trimmed(),
      serviceFirst: this.serviceFirst.trimmed(),
      postStart,
      postEntry,
      postMask,
      sectionPostStart,
      sectionPost,
      entries: n,
    };
  }
}

/** Whether the entry's field (TASK, PROVIDER, CUSTOMER) or, for slot 3, its section title holds the term. */
export function fieldSlice(t: EntryTerms, entry: number, slot: number): [number, number] {
  if (slot === 3) {
    const s = t.sectionOf[entry]!;
    return [t.sectionAt[s]!, t.sectionLen[s]!];
  }
  return [t.fieldAt[entry * 3 + slot]!, t.fieldLen[entry * 3 + slot]!];
}

/**
 * Inverse document frequencies over the entries from..to: each term counted once per entry over
 * its task, texts and section title.
 */
export function documentFrequencies(t: EntryTerms, from: number, to: number): Map<string, number> {
  const df = new Int32Array(t.dict.size);
  const seen = new Int32Array(t.dict.size).fill(-1);
  for (let e = from; e < to; e++) {
    for (let slot = 0; slot < 4; slot++) {
      const [at, len] = fieldSlice(t, e, slot);
      for (let i = at; i < at + len; i++) {
        const id = t.data[i]!;
        if (seen[id] !== e) {
          seen[id] = e;
          df[id]!++;
        }
      }
    }
  }
  const out = new Map<string, number>();
  for (let id = 0; id < df.length; id++) if (df[id]! > 0) out.set(t.dict.names[id]!, df[id]!);
  return out;
}
