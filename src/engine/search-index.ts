// The search index over a knowledge base: every entry (and every prose section, as an entry
// without a task) with its terms as interned ids and the inverted index over them (postings.ts),
// the section titles (sections.ts), inverse document frequencies, the known words for typo
// correction, the task names for "did you mean" (fuzzy.ts), and the names people use for each
// service.
import type { Entry, KnowledgeBase, Party, ResponsibilityDocument, Section } from '../model.js';
import type { OtherServices, ServiceInfo } from '../load/folder.js';
import { stem, STOPWORDS, words } from './words.js';
import type { Vocabulary } from './vocabulary.js';
import { examplesFor } from './examples.js';
import { buildPhrasebook, type LabelledQuestion, type Phrasebook } from './phrasebook.js';
import { fuzzyNames, type FuzzyNames } from './fuzzy.js';
import { nameTable, type NameTable } from './names.js';
import { documentFrequencies, EntryTermsBuilder, type EntryTerms } from './postings.js';
import { rememberedWords, unitsOf, type ReadWords } from './text-terms.js';
import { sectionTitles, type SectionTitles } from './sections.js';
import { deletionsOf, knownWordsIndex, type KnownWords } from './spelling.js';
import { wordNet } from './wordnet.js';

export interface Indexed {
  doc: ResponsibilityDocument;
  section: Section;
  /** null for a prose section. */
  entry: Entry | null;
  task: string | null;
  provider: string | null;
  customer: string | null;
  party: Party | null;
  /** Position in `KnowledgeIndex.entries`, and the entry's id in `terms`. */
  at: number;
}

export interface ServiceGroup {
  service: string;
  /** The newest document of the service; older versions stay loaded but are not searched. */
  doc: ResponsibilityDocument;
  aliases: string[][];
}

/** A cloud or service the loaded documents do not cover, by one of its names. */
export interface ForeignName {
  name: string;
  /** An alias of three letters or fewer from services.yaml ("COS", "ES"): a name only when typed in capitals. */
  short: boolean;
  /**
   * The loaded documents mention it ("integrates with Activity Tracker"): it is another service
   * only where a question puts it as the one asked about ("Activity Tracker: who …", "in Activity Tracker").
   */
  mentioned: boolean;
  /** Another cloud or a product of one ("AWS", "Confluent"), not an IBM Cloud service whose document is not loaded. */
  cloud: boolean;
}

/** Inverse document frequencies over a set of entries, and the one given to a term none of them uses. */
export interface Rarity {
  idf: Map<string, number>;
  unknownIdf: number;
}

export interface KnowledgeIndex {
  kb: KnowledgeBase;
  entries: Indexed[];
  services: ServiceGroup[];
  /** A service by its name (lower case), document id or an alias: the first service so called. */
  serviceByName: Map<string, ServiceGroup>;
  /** The positions in `services` of the services whose document has this id. */
  servicesByDoc: Map<string, number[]>;
  /** Every alias of every loaded service as words, by first word, for finding them in a question. */
  serviceNames: NameTable<ServiceGroup>;
  /** Names of clouds and services no loaded document covers, by first word. */
  foreignNames: NameTable<ForeignName>;
  /** The entries' terms as ids, and the postings from term to entries and section titles. */
  terms: EntryTerms;
  /** Distinct section titles, with postings from term to title. */
  titles: SectionTitles;
  idf: Map<string, number>;
  /** Terms that some row's task or texts use (a word only in section titles is not among them). */
  rowTerms: Set<string>;
  /**
   * The same rarities within one service's document, for a question asked of one service when
   * several are loaded (undefined with one service); worked out when first asked for.
   */
  rarityOf(docId: string): Rarity | undefined;
  /** idf given to a term no document uses. */
  unknownIdf: number;
  /** Stems known to the documents or the vocabulary. */
  knownStems: Set<string>;
  /** Fuzzy search over task and section names, for "did you mean" when nothing matches by words. */
  fuzzy: FuzzyNames;
  knownWords: Set<string>;
  /** The same, sorted, for the longer forms of a word. */
  known: KnownWords;
  /** Known words (and question words) by each one-letter deletion: finds one-edit typos, swaps included, in O(word length). */
  deletions: Map<string, string[]>;
  vocabulary: Vocabulary;
  /** Example questions for help, made once from the first document. */
  examples: string[];
  /** What questions people asked of these documents say about a new one; null when none apply. */
  phrasebook: Phrasebook | null;
}

function aliasesFor(doc: ResponsibilityDocument, info: ServiceInfo | undefined): string[][] {
  // The name without "IBM Cloud" ("Key Protect"), unless that leaves one ordinary English word
  // ("IBM Cloud Logs" → "logs", as in "VPC flow logs"): services.yaml can still name it so.
  const short = doc.service.replace(/^IBM( Cloud)? /, '').replace(/ (for|on) IBM Cloud$/, '');
  const plainWord = short !== doc.service && words(short).length === 1 && wordNet().lemmas(short.toLowerCase()).length > 0;
  const names = [doc.service, ...(plainWord ? [] : [short]), doc.id.replace(/-/g, ' '), ...(info?.aliases ?? [])];
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const n of names) {
    const ws = words(n);
    const key = ws.join(' ');
    if (ws.length && !seen.has(key)) {
      seen.add(key);
      out.push(ws);
    }
  }
  return out;
}

/** The texts of a document in reading order: per section its title, its text, then each row's task and texts. */
function textsOf(doc: ResponsibilityDocument): Array<string | null> {
  return doc.sections.flatMap((s) => [s.title, s.text, ...s.entries.flatMap((e) => [e.task, e.provider, e.customer])]);
}

/**
 * Which of the names the documents' text says, word for word: read as one run of words over all
 * documents in order, where an empty text breaks the run (as the text joined with spaces would).
 * A document's own run is read once however many services share it (copies share their sections);
 * only the few words on each side of a seam between documents are read again.
 */
function mentionedIn(docs: ResponsibilityDocument[], names: string[][], read: ReadWords): Set<string> {
  const found = new Set<string>();
  const byFirst = new Map<string, string[][]>();
  for (const n of names) {
    const list = byFirst.get(n[0]!);
    if (list) list.push(n);
    else byFirst.set(n[0]!, [n]);
  }
  const edge = Math.max(0, ...names.map((n) => n.length)) - 1;
  /** Names starting at `from` .. `to` - 1 of the run; null breaks it. */
  const scan = (run: Array<string | null>, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const w = run[i];
      if (w == null) continue;
      for (const n of byFirst.get(w) ?? []) if (n.every((x, k) => run[i + k] === x)) found.add(n.join(' '));
    }
  };
  const perDoc = new WeakMap<object, { head: Array<string | null>; tail: Array<string | null>; length: number }>();
  let carry: Array<string | null> = [];
  for (const doc of docs) {
    let d = perDoc.get(doc.sections);
    if (!d) {
      const run: Array<string | null> = [];
      for (const t of textsOf(doc)) {
        const ws = t ? read(t) : [];
        if (ws.length === 0) run.push(null);
        else for (const w of ws) run.push(w);
      }
      scan(run, 0, run.length);
      d = { head: run.slice(0, edge), tail: edge ? run.slice(-edge) : [], length: run.length };
      perDoc.set(doc.sections, d);
    }
    if (edge > 0) {
      const seam = [...carry, ...d.head];
      scan(seam, 0, carry.length);
      carry = d.length >= edge ? d.tail : [...carry, ...d.head].slice(-edge);
    }
  }
  return found;
}

/**
 * Names a question may use for something the loaded documents do not cover: other clouds and
 * services (other-services.yaml), and the services of services.yaml whose document is not loaded;
 * a name the loaded documents themselves mention is marked so.
 */
function foreignNamesFor(
  services: ServiceGroup[],
  serviceInfo: Record<string, ServiceInfo>,
  others: OtherServices,
  kb: KnowledgeBase,
  read: ReadWords,
): Array<{ item: ForeignName; words: string[] }> {
  const loaded = new Set(services.flatMap((g) => [g.doc.subcollection ?? '', g.doc.id]));
  const unloaded = Object.entries(serviceInfo)
    .filter(([key]) => !loaded.has(key))
    .flatMap(([, info]) => [...(info.name ? [info.name] : []), ...(info.aliases ?? [])]);
  const own = new Set(services.flatMap((g) => g.aliases.map((a) => a.join(' '))));
  const out: Array<{ item: Omit<ForeignName, 'mentioned'>; words: string[] }> = [];
  const seen = new Set<string>();
  const names = [
    ...others.clouds.flat().map((n) => ({ n, curated: true, cloud: true })),
    ...others.services.flat().map((n) => ({ n, curated: true, cloud: false })),
    ...unloaded.map((n) => ({ n, curated: false, cloud: false })),
  ];
  for (const { n, curated, cloud } of names) {
    const ws = words(n);
    const key = ws.join(' ');
    if (ws.length === 0 || key.length < 2 || seen.has(key) || own.has(key)) continue;
    seen.add(key);
    out.push({ item: { name: key, short: !curated && key.length <= 3, cloud }, words: ws });
  }
  const searched = new Set(services.map((g) => g.doc));
  const mentioned = mentionedIn(
    kb.documents.filter((d) => searched.has(d)),
    out.map((o) => o.words),
    read,
  );
  return out.map((o) => ({ item: { ...o.item, mentioned: mentioned.has(o.item.name) }, words: o.words })).sort((a, b) => b.words.length - a.words.length);
}

function rarityOver(terms: EntryTerms, from: number, to: number): Rarity {
  const n = Math.max(1, to - from);
  const idf = new Map<string, number>();
  for (const [t, f] of documentFrequencies(terms, from, to)) idf.set(t, Math.log(1 + n / f));
  return { idf, unknownIdf: Math.log(1 + n / 0.5) };
}

/** Services' rarities kept at most, most recently asked first out last. */
const RARITIES_KEPT = 256;

/** One document per service: the newest, so an older copy never answers twice (in the order services first appear). */
export function newestDocuments(kb: KnowledgeBase): ResponsibilityDocument[] {
  const byService = new Map<string, ResponsibilityDocument>();
  for (const d of kb.documents) {
    const cur = byService.get(d.service);
    if (!cur || (d.lastUpdated ?? '') > (cur.lastUpdated ?? '')) byService.set(d.service, d);
  }
  return [...byService.values()];
}

export function buildIndex(
  kb: KnowledgeBase,
  vocab: Vocabulary,
  serviceInfo: Record<string, ServiceInfo> = {},
  otherServices: OtherServices = { clouds: [], services: [] },
  labelled: LabelledQuestion[] = [],
): KnowledgeIndex {
  const services: ServiceGroup[] = newestDocuments(kb).map((doc) => ({
    service: doc.service,
    doc,
    aliases: aliasesFor(doc, serviceInfo[doc.subcollection ?? ''] ?? serviceInfo[doc.id]),
  }));
  const serviceByName = new Map<string, ServiceGroup>();
  for (const g of services) {
    for (const name of [g.service.toLowerCase(), g.doc.id, ...g.aliases.map((a) => a.join(' '))]) if (!serviceByName.has(name)) serviceByName.set(name, g);
  }
  const servicesByDoc = new Map<string, number[]>();
  services.forEach((g, k) => {
    const list = servicesByDoc.get(g.doc.id);
    if (list) list.push(k);
    else servicesByDoc.set(g.doc.id, [k]);
  });

  const entries: Indexed[] = [];
  // Every text's words read once for the whole build (terms, pairs, task units, known words, names mentioned).
  const read = rememberedWords();
  const builder = new EntryTermsBuilder(vocab, read);
  for (const { doc } of services) {
    builder.startService();
    for (const section of doc.sections) {
      if (section.entries.length === 0) {
        if (!section.text) continue;
        // A prose section has no task: its title counts as a section title, its text as the text of an entry.
        builder.startSection(section.title);
        const at = builder.addEntry(null, section.text, null);
        entries.push({ doc, section, entry: null, task: null, provider: section.text, customer: null, party: null, at });
        continue;
      }
      builder.startSection(section.title);
      for (const e of section.entries) {
        const at = builder.addEntry(e.task, e.provider, e.customer);
        entries.push({ doc, section, entry: e, task: e.task, provider: e.provider, customer: e.customer, party: e.party, at });
      }
    }
  }
  const titles = sectionTitles(
    services,
    (title) => unitsOf(title, vocab, read),
    (t) => builder.term(t),
  );
  const terms = builder.finish();

  // Terms some row (or prose section) says something about, as opposed to words only in headings.
  const rowTerms = new Set<string>();
  for (let id = 0; id < terms.dict.size; id++) if (terms.postStart[id + 1]! > terms.postStart[id]!) rowTerms.add(terms.dict.names[id]!);
  const { idf, unknownIdf } = rarityOver(terms, 0, entries.length);
  // Within one service a word can be common that is rare across all ("database" in Cloud Databases).
  const rarities = new Map<number, Rarity>();
  const rarityOf = (docId: string): Rarity | undefined => {
    if (services.length <= 1) return undefined;
    const list = servicesByDoc.get(docId);
    if (!list) return undefined;
    const g = list[list.length - 1]!;
    let r = rarities.get(g);
    if (r) rarities.delete(g);
    else r = rarityOver(terms, terms.serviceFirst[g]!, terms.serviceFirst[g + 1]!);
    rarities.set(g, r);
    if (rarities.size > RARITIES_KEPT) rarities.delete(rarities.keys().next().value!);
    return r;
  };

  const knownWords = new Set<string>();
  const seen = new Set<string>();
  for (const { doc } of services) {
    for (const text of textsOf(doc)) {
      if (!text || seen.has(text)) continue; // a text read before adds no word
      seen.add(text);
      for (const w of read(text)) if (w.length > 2) knownWords.add(w);
    }
  }
  for (const w of vocab.words) knownWords.add(w);
  const knownStems = new Set([...knownWords].map(stem));
  const deletions = new Map<string, string[]>();
  for (const w of [...knownWords, ...STOPWORDS]) {
    if (w.length < 4 || !/^[a-z]+$/.test(w)) continue;
    for (const d of deletionsOf(w)) {
      const list = deletions.get(d);
      if (!list) deletions.set(d, [w]);
      else if (!list.includes(w)) list.push(w);
    }
  }
  const fuzzy = fuzzyNames((e) => entries[e]!.task ?? entries[e]!.section.title, entries.length);

  // Longest aliases first, so "event streams" wins over a shorter alias inside it.
  const serviceNames = nameTable(services.flatMap((g) => g.aliases.map((a) => ({ item: g, words: a }))));
  const foreignNames = nameTable(foreignNamesFor(services, serviceInfo, otherServices, kb, read));

  return {
    kb,
    entries,
    services,
    serviceByName,
    servicesByDoc,
    serviceNames,
    foreignNames,
    terms,
    titles,
    rowTerms,
    rarityOf,
    idf,
    unknownIdf,
    knownStems,
    fuzzy,
    knownWords,
    known: knownWordsIndex(knownWords),
    deletions,
    vocabulary: vocab,
    examples: examplesFor(services[0]?.doc),
    phrasebook: labelled.length
      ? buildPhrasebook(
          labelled,
          entries.map((e) => ({ doc: e.doc, section: e.section.title, task: e.task ?? e.section.title })),
        )
      : null,
  };
}
