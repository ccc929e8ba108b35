// What a row is about, as phrases a question can be built from: the task as a noun phrase,
// and each sentence of a cell as a verb phrase ("applies the patch updates to the cluster")
// with the side it belongs to. Verb forms come from WordNet, so "Provisioning both
// clusters" becomes provision / provisions / provisioning.
import { wordNet } from '../../src/engine/wordnet.js';

export type Side = 'provider' | 'customer';

export interface VerbPhrase {
  kind: 'vp';
  /** Base form of the verb ("set up"), its object and the rest ("the patch updates"). */
  verb: string;
  rest: string;
  /** The cell it comes from; null when it comes from the task. */
  side: Side | null;
}

export interface NounPhrase {
  kind: 'np';
  text: string;
  side: Side | null;
}

export type Phrase = VerbPhrase | NounPhrase;

export interface RowText {
  task: string | null;
  provider: string | null;
  customer: string | null;
  /** The service the document is about, as written there (its subject in "Event Streams applies …"). */
  service: string;
  /** A row of an overview grid: its cells are made up from the grid, not written by IBM. */
  grid: boolean;
}

const CUT =
  /[,;:(]| such as | for example| e\.g\.| according to | as described| as stated| to ensure | so that | that | which | by using | by following | including | if | when | where | unless | while /i;
const SKIP =
  /^(for more information|for example|see |note|this way|depending|when |if |after |before |once |in addition|it is |ibm never|there |these |this |the following|n\/a|none)/i;
const SUBJECT = (service: string) =>
  new RegExp(`^(?:the )?(?:customer|client|clients|customers|you|ibm cloud|ibm|we|it|the service|${escapeRe(service.toLowerCase())})\\b`, 'i');

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function sentencesOf(cell: string): string[] {
  return cell
    .split(/\n|(?<=[.!?])\s+(?=[A-Z])/)
    .map((s) =>
      s
        .replace(/^[•*\-\s]+/, '')
        .replace(/[.\s]+$/, '')
        .trim(),
    )
    .filter((s) => s.length > 3 && !SKIP.test(s));
}

/** The base form of a verb word, or null when WordNet does not know it as a verb. */
export function verbBase(word: string): string | null {
  const lemmas = wordNet()
    .lemmas(word.toLowerCase())
    .filter((l) => l.pos === 'verb');
  if (lemmas.length === 0) return null;
  return lemmas.find((l) => l.lemma !== word.toLowerCase())?.lemma ?? lemmas[0]!.lemma;
}

function clip(words: string[], max: number): string {
  return words.slice(0, max).join(' ');
}

/** One sentence of a cell as a verb phrase (or a noun phrase), with the subject taken off. */
export function phraseOf(sentence: string, service: string, side: Side): Phrase | null {
  if (SKIP.test(sentence.trim())) return null;
  let s = sentence.replace(SUBJECT(service), '').trim();
  const subjectless = s !== sentence.trim();
  const responsible = /^(?:is|are)?\s*(?:also\s+)?(?:responsible|accountable)\s+for\s+/i.exec(s);
  const modal = /^(?:also\s+)?(?:must|should|can|will|may|needs? to|has to|have to)\s+/i.exec(s);
  if (responsible) s = s.slice(responsible[0].length);
  else if (modal) s = s.slice(modal[0].length);
  s = s.split(CUT)[0]!.trim();
  const ws = s.split(/\s+/).filter(Boolean);
  if (ws.length < 2) return null;
  const first = ws[0]!.toLowerCase();
  const base = /^[a-z]+$/.test(first) ? verbBase(first) : null;
  const isVerb =
    base !== null &&
    (first.endsWith('ing') || (subjectless && !responsible && !modal && first.endsWith('s')) || modal !== null || (!subjectless && first === base));
  const rest = ws.slice(1);
  if (/^(is|are|was|were|has|have|does|do|not)$/.test(first)) return null;
  if (isVerb) {
    // "monitor and manage the health": the first verb with the shared object.
    while ((rest[0] === 'and' || rest[0] === 'or') && rest[1] && verbBase(rest[1].toLowerCase().replace(/,$/, ''))) rest.splice(0, 2);
    while (rest.length && /^(for|to|across|and|or|of|with|by|in|on|at|the|a|an)$/i.test(rest.at(-1)!)) rest.pop();
    // Phrasal verbs ("set up", "back up") keep their particle with the verb.
    const particle = /^(up|out|off|over|down|in|on)$/i.test(rest[0] ?? '') ? ` ${rest.shift()!.toLowerCase()}` : '';
    if (rest.length === 0) return null;
    return { kind: 'vp', verb: base + particle, rest: ours(clip(rest, 8)), side };
  }
  if (ws.length > 7) return null;
  return { kind: 'np', text: ours(ws.join(' ')), side };
}

/** The customer's words as the asker says them: "your"/"their" → "our". */
function ours(text: string): string {
  return text.replace(/\b(your|their)\b/gi, 'our').replace(/\byou\b/gi, 'us');
}

/** All phrases of a row: its task (when short and specific) and a phrase per cell sentence. */
export function phrasesOfRow(row: RowText): Phrase[] {
  const out: Phrase[] = [];
  const task = row.task?.replace(/[….\s]+$/, '').trim();
  // A task is asked about as it is named ("who is responsible for monitor environment?"), however it is worded.
  if (task && task.split(/\s+/).length <= 7) out.push({ kind: 'np', text: task, side: null });
  else if (task) {
    // A long task ("Maintaining SLAs as stated in …") read as a phrase: it names the row, not a side of it.
    const p = phraseOf(task, row.service, row.provider ? 'provider' : 'customer');
    if (p) out.push({ ...p, side: null } as Phrase);
  }
  if (row.grid) return out;
  for (const [cell, side] of [
    [row.provider, 'provider'],
    [row.customer, 'customer'],
  ] as const) {
    if (!cell) continue;
    for (const s of sentencesOf(cell).slice(0, 3)) {
      const p = phraseOf(s, row.service, side);
      if (p) out.push(p);
    }
  }
  return out;
}

// English verb forms from the base form.
export function third(verb: string): string {
  const [v, ...particle] = verb.split(' ');
  const w = v!;
  const t = /(s|sh|ch|x|z|o)$/.test(w) ? w + 'es' : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ies' : w + 's';
  return [t, ...particle].join(' ');
}

export function gerund(verb: string): string {
  const [v, ...particle] = verb.split(' ');
  const w = v!;
  let g: string;
  if (w.endsWith('ie')) g = w.slice(0, -2) + 'ying';
  else if (/[^aeioy]e$/.test(w) && w !== 'be') g = w.slice(0, -1) + 'ing';
  else if (/^[^aeiou]*[aeiou][b-df-hj-np-tv-z]$/.test(w) && !/[wxy]$/.test(w) && w.length <= 4) g = w + w.at(-1) + 'ing';
  else g = w + 'ing';
  return [g, ...particle].join(' ');
}
