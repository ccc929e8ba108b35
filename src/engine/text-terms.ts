// A text's terms, as the index and the questions read them: its stems (stop words out) with the
// vocabulary's concepts, the pairs of neighbouring words, and per word its stem and concepts.
import type { Vocabulary } from './vocabulary.js';
import { wordNet } from './wordnet.js';
import { isStopword, stem, words } from './words.js';

/** A text's words: `words`, or a copy of it that remembers the texts it has read. */
export type ReadWords = (text: string) => readonly string[];

/** `words` remembering every text it reads, for building an index where texts repeat (read-only results). */
export function rememberedWords(): ReadWords {
  const seen = new Map<string, readonly string[]>();
  return (text) => {
    let ws = seen.get(text);
    if (!ws) {
      ws = words(text);
      seen.set(text, ws);
    }
    return ws;
  };
}

/** Prepositions after which a plain word is no verb ("integrate with select partners": an adjective). */
const PREPOSITION = new Set(['with', 'for', 'of', 'from', 'by', 'in', 'on', 'at', 'about', 'into', 'without', 'among', 'between']);
/** A concept whose head word is a verb and nothing else ("~decide"): an action. */
const verbOnly = new Map<string, boolean>();
function isAction(concept: string): boolean {
  let v = verbOnly.get(concept);
  if (v === undefined) {
    const head = concept.slice(1).split('-');
    v = head.length === 1 && wordNet().onlyAs(head[0]!, ['verb']);
    verbOnly.set(concept, v);
  }
  return v;
}

/**
 * The vocabulary's concepts per word of a document's text, less an action's concept for a word
 * right after a preposition that can be an adjective: "with select third-party technologies"
 * selects nothing.
 * ("for deciding …" still decides: an -ing or -ed form after a preposition is the verb's.)
 */
function textConceptsAt(ws: readonly string[], stems: string[], vocab: Vocabulary): string[][] {
  const at = vocab.conceptsAt(stems);
  for (let i = 1; i < ws.length; i++) {
    if (!PREPOSITION.has(ws[i - 1]!) || /(?:ing|ed)$/.test(ws[i]!) || at[i]!.length === 0) continue;
    // Only a word that can be an adjective ("select"), not a noun of the action ("of configuration data").
    if (
      !wordNet()
        .lemmas(ws[i]!)
        .some((l) => l.pos === 'adj')
    )
      continue;
    const own = new Set(vocab.conceptsAt([stems[i]!])[0]);
    at[i] = at[i]!.filter((c) => !(own.has(c) && isAction(c)));
  }
  return at;
}

/** Stems (stopwords out) plus the vocabulary's concept terms. */
export function termsOf(text: string | null | undefined, vocab: Vocabulary, read: ReadWords = words): Set<string> {
  if (!text) return new Set();
  const ws = read(text);
  const stems = ws.map(stem);
  const out = new Set<string>(textConceptsAt(ws, stems, vocab).flat());
  ws.forEach((w, i) => {
    if (!isStopword(w) && w.length > 1) out.add(stems[i]!);
  });
  return out;
}

/** Neighbouring content-word stems of a text, as "a b". */
export function pairsOf(text: string | null | undefined, read: ReadWords = words): string[] {
  if (!text) return [];
  const stems = read(text)
    .filter((w) => !isStopword(w) && w.length > 1)
    .map(stem);
  const out: string[] = [];
  for (let i = 1; i < stems.length; i++) out.push(`${stems[i - 1]} ${stems[i]}`);
  return out;
}

/** Per content word: its stem and the concepts it takes part in. */
export function unitsOf(text: string, vocab: Vocabulary, read: ReadWords = words): string[][] {
  const ws = read(text);
  const stems = ws.map(stem);
  const at = textConceptsAt(ws, stems, vocab);
  return ws.flatMap((w, i) => (isStopword(w) || w.length < 2 ? [] : [[stems[i]!, ...at[i]!]]));
}
