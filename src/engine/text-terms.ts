// A text's terms, as the index and the questions read them: its stems (stop words out) with the
// vocabulary's concepts, the pairs of neighbouring words, and per word its stem and concepts.
import type { Vocabulary } from './vocabulary.js';
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

/** Stems (stopwords out) plus the vocabulary's concept terms. */
export function termsOf(text: string | null | undefined, vocab: Vocabulary, read: ReadWords = words): Set<string> {
  if (!text) return new Set();
  const ws = read(text);
  const stems = ws.map(stem);
  const out = new Set<string>(vocab.concepts(stems));
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
  const at = vocab.conceptsAt(stems);
  return ws.flatMap((w, i) => (isStopword(w) || w.length < 2 ? [] : [[stems[i]!, ...at[i]!]]));
}
