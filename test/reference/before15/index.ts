// The search index over a knowledge base: every entry (and every prose section, as an
// entry without a task) as weighted term sets, inverse document frequencies, the known
// words for typo correction, and the names people use for each service.
import Fuse from 'fuse.js';
import type { Entry, KnowledgeBase, Party, ResponsibilityDocument, Section } from '../../../src/model.js';
import type { ServiceInfo } from '../../../src/load/folder.js';
import { isStopword, stem, STOPWORDS, words } from '../../../src/engine/words.js';
import type { Vocabulary } from '../../../src/engine/vocabulary.js';
import { examplesFor } from '../../../src/engine/examples.js';
import { nameTable, type NameTable } from './names.js';

export interface Indexed {
  doc: ResponsibilityDocument;
  section: Section;
  /** null for a prose section. */
  entry: Entry | null;
  task: string | null;
  provider: string | null;
  customer: string | null;
  party: Party | null;
  task_terms: Set<string>;
  /** The task's words as term lists (stem + concepts), to tell how much of the task a question names. */
  task_units: string[][];
  section_terms: Set<string>;
  provider_terms: Set<string>;
  customer_terms: Set<string>;
  /** Stems of neighbouring content words in the task and texts ("cluster configur"): a phrase the question may repeat. */
  pairs: Set<string>;
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
}

export interface KnowledgeIndex {
  kb: KnowledgeBase;
  entries: Indexed[];
  services: ServiceGroup[];
  /** Every alias of every loaded service as words, by first word, for finding them in a question. */
  serviceNames: NameTable<ServiceGroup>;
  /** Names of clouds and services no loaded document covers, by first word. */
  foreignNames: NameTable<ForeignName>;
  idf: Map<string, number>;
  /** Terms that some row's task or texts use (a word only in section titles is not among them). */
  rowTerms: Set<string>;
  /** The same rarities within each service's document, for a question asked of one service (several loaded). */
  docRarity: Map<string, Rarity>;
  /** idf given to a term no document uses. */
  unknownIdf: number;
  /** Stems known to the documents or the vocabulary. */
  knownStems: Set<string>;
  /** Fuzzy search over task and section names, for "did you mean" when nothing matches by words. */
  taskFuse: Fuse<{ task: string; doc: string; service: string }>;
  knownWords: Set<string>;
  /** Known words (and question words) by each one-letter deletion: finds one-edit typos, swaps included, in O(word length). */
  deletions: Map<string, string[]>;
  vocabulary: Vocabulary;
  /** Example questions for help, made once from the first document. */
  examples: string[];
  /** Section title words as term lists (stem + concepts), for section intents. */
  sectionUnits: Map<Section, string[][]>;
}

/** Stems (stopwords out) plus the vocabulary's concept terms. */
export function termsOf(text: string | null | undefined, vocab: Vocabulary): Set<string> {
  if (!text) return new Set();
  const ws = words(text);
  const stems = ws.map(stem);
  const out = new Set<string>(vocab.concepts(stems));
  ws.forEach((w, i) => {
    if (!isStopword(w) && w.length > 1) out.add(stems[i]!);
  });
  return out;
}

/** Neighbouring content-word stems of the texts, as "a b". */
export function pairsOf(...texts: Array<string | null | undefined>): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const stems = words(text)
      .filter((w) => !isStopword(w) && w.length > 1)
      .map(stem);
    for (let i = 1; i < stems.length; i++) out.add(`${stems[i - 1]} ${stems[i]}`);
  }
  return out;
}

/** The word and every string one deletion away from it. */
export function deletionsOf(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Per content word: its stem and the concepts it takes part in. */
export function unitsOf(text: string, vocab: Vocabulary): string[][] {
  const ws = words(text);
  const stems = ws.map(stem);
  const at = vocab.conceptsAt(stems);
  return ws.flatMap((w, i) => (isStopword(w) || w.length < 2 ? [] : [[stems[i]!, ...at[i]!]]));
}

function aliasesFor(doc: ResponsibilityDocument, info: ServiceInfo | undefined): string[][] {
  const names = [doc.service, doc.service.replace(/^IBM( Cloud)? /, '').replace(/ (for|on) IBM Cloud$/, ''), doc.id.replace(/-/g, ' '), ...(info?.aliases ?? [])];
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

/**
 * Names a question may use for something the loaded documents do not cover: other clouds and
 * services (other-services.yaml), and the services of services.yaml whose document is not loaded;
 * a name the loaded documents themselves mention is marked so.
 */
function foreignNamesFor(services: ServiceGroup[], serviceInfo: Record<string, ServiceInfo>, others: string[][], kb: KnowledgeBase): Array<{ item: ForeignName; words: string[] }> {
  const loaded = new Set(services.flatMap((g) => [g.doc.subcollection ?? '', g.doc.id]));
  const unloaded = Object.entries(serviceInfo)
    .filter(([key]) => !loaded.has(key))
    .flatMap(([, info]) => [...(info.name ? [info.name] : []), ...(info.aliases ?? [])]);
  const text = ` ${kb.documents
    .filter((d) => services.some((g) => g.doc === d))
    .flatMap((d) => d.sections.flatMap((s) => [s.title, s.text, ...s.entries.flatMap((e) => [e.task, e.provider, e.customer])]))
    .map((t) => (t ? words(t).join(' ') : ''))
    .join(' ')} `;
  const own = new Set(services.flatMap((g) => g.aliases.map((a) => a.join(' '))));
  const out: Array<{ item: ForeignName; words: string[] }> = [];
  const seen = new Set<string>();
  const names = [...others.flat().map((n) => ({ n, curated: true })), ...unloaded.map((n) => ({ n, curated: false }))];
  for (const { n, curated } of names) {
    const ws = words(n);
    const key = ws.join(' ');
    if (ws.length === 0 || key.length < 2 || seen.has(key) || own.has(key)) continue;
    seen.add(key);
    out.push({ item: { name: key, short: !curated && key.length <= 3, mentioned: text.includes(` ${key} `) }, words: ws });
  }
  return out.sort((a, b) => b.words.length - a.words.length);
}

/** Inverse document frequencies over a set of entries, and the one given to a term none of them uses. */
export interface Rarity {
  idf: Map<string, number>;
  unknownIdf: number;
}

function rarity(entries: Indexed[]): Rarity {
  const df = new Map<string, number>();
  for (const e of entries) {
    const all = new Set([...e.task_terms, ...e.section_terms, ...e.provider_terms, ...e.customer_terms]);
    for (const t of all) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, entries.length);
  const idf = new Map<string, number>();
  for (const [t, f] of df) idf.set(t, Math.log(1 + n / f));
  return { idf, unknownIdf: Math.log(1 + n / 0.5) };
}

/** One document per service: the newest, so an older copy never answers twice (in the order services first appear). */
export function newestDocuments(kb: KnowledgeBase): ResponsibilityDocument[] {
  const byService = new Map<string, ResponsibilityDocument>();
  for (const d of kb.documents) {
    const cur = byService.get(d.service);
    if (!cur || (d.lastUpdated ?? '') > (cur.lastUpdated ?? '')) byService.set(d.service, d);
  }
  return [...byService.values()];
}

export function buildIndex(kb: KnowledgeBase, vocab: Vocabulary, serviceInfo: Record<string, ServiceInfo> = {}, otherServices: string[][] = []): KnowledgeIndex {
  const services: ServiceGroup[] = newestDocuments(kb).map((doc) => ({
    service: doc.service,
    doc,
    aliases: aliasesFor(doc, serviceInfo[doc.subcollection ?? ''] ?? serviceInfo[doc.id]),
  }));

  const entries: Indexed[] = [];
  const sectionUnits = new Map<Section, string[][]>();
  for (const { doc } of services) {
    for (const section of doc.sections) {
      const st = termsOf(section.title, vocab);
      sectionUnits.set(section, unitsOf(section.title, vocab));
      if (section.entries.length === 0) {
        if (!section.text) continue;
        // A prose section has no task: its title counts as a section title, its text as the text of an entry.
        entries.push({ doc, section, entry: null, task: null, provider: section.text, customer: null, party: null, task_terms: new Set(), task_units: [], section_terms: st, provider_terms: termsOf(section.text, vocab), customer_terms: new Set(), pairs: pairsOf(section.text) });
        continue;
      }
      for (const e of section.entries) {
        entries.push({
          doc,
          section,
          entry: e,
          task: e.task,
          provider: e.provider,
          customer: e.customer,
          party: e.party,
          task_terms: termsOf(e.task, vocab),
          task_units: e.task ? unitsOf(e.task, vocab) : [],
          section_terms: st,
          provider_terms: termsOf(e.provider, vocab),
          customer_terms: termsOf(e.customer, vocab),
          pairs: pairsOf(e.task, e.provider, e.customer),
        });
      }
    }
  }

  // Terms some row (or prose section) says something about, as opposed to words only in headings.
  const rowTerms = new Set<string>();
  for (const e of entries) for (const set of [e.task_terms, e.provider_terms, e.customer_terms]) for (const t of set) rowTerms.add(t);
  const { idf, unknownIdf } = rarity(entries);
  // Within one service a word can be common that is rare across all ("database" in Cloud Databases).
  const docRarity = new Map<string, Rarity>();
  if (services.length > 1) for (const { doc } of services) docRarity.set(doc.id, rarity(entries.filter((e) => e.doc === doc)));

  const knownWords = new Set<string>();
  for (const { doc } of services) {
    for (const s of doc.sections) {
      for (const text of [s.title, s.text, ...s.entries.flatMap((e) => [e.task, e.provider, e.customer])]) {
        if (text) words(text).forEach((w) => w.length > 2 && knownWords.add(w));
      }
    }
  }
  vocab.words.forEach((w) => knownWords.add(w));
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
  const taskFuse = new Fuse(
    entries.map((e) => ({ task: e.task ?? e.section.title, doc: e.doc.id, service: e.doc.service })),
    { keys: ['task'], includeScore: true, threshold: 0.35, ignoreLocation: true },
  );

  // Longest aliases first, so "event streams" wins over a shorter alias inside it.
  const serviceNames = nameTable(services.flatMap((g) => g.aliases.map((a) => ({ item: g, words: a }))));
  const foreignNames = nameTable(foreignNamesFor(services, serviceInfo, otherServices, kb));

  return { kb, entries, services, serviceNames, foreignNames, rowTerms, docRarity, idf, unknownIdf, knownStems, taskFuse, knownWords, deletions, vocabulary: vocab, sectionUnits, examples: examplesFor(services[0]?.doc) };
}
