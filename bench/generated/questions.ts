// Questions made from the rows of responsibility documents: templates over each row's task
// and cell phrases, asked the way people type in chat (noise.ts), with the expected answer
// taken from the row itself. Negatives: the same kind of questions about a service that is
// not loaded (named), about another cloud, about everyday things, and chit-chat.
import type { ResponsibilityDocument } from '../../src/model.js';
import type { Question } from '../evalset.js';
import { chatty } from './noise.js';
import { gerund, phrasesOfRow, third, verbBase, type Phrase } from './phrases.js';
import { rng, seedOf, type Rng } from './rng.js';

export interface GeneratedQuestion extends Question {
  /** Where it came from: the document, and the template family. */
  from: string;
  family: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Template = (p: Phrase) => string | null;

const vp =
  (f: (verb: string, rest: string) => string): Template =>
  (p) =>
    p.kind === 'vp' ? f(p.verb, p.rest) : null;
const np =
  (f: (text: string) => string): Template =>
  (p) =>
    p.kind === 'np' ? f(p.text.toLowerCase()) : p.kind === 'vp' ? f(`${gerund(p.verb)} ${p.rest}`) : null;

/** Templates that ask who does it, whoever the asker expects. */
const WHO: Template[] = [
  vp((v, o) => `who ${third(v)} ${o}?`),
  vp((v, o) => `who is supposed to ${v} ${o}?`),
  vp((v, o) => `whose job is it to ${v} ${o}?`),
  vp((v, o) => `who needs to ${v} ${o}?`),
  np((t) => `who is responsible for ${t}?`),
  np((t) => `who owns ${t}?`),
  np((t) => `who handles ${t}?`),
  np((t) => `${t} — us or IBM?`),
  np((t) => `who's on the hook for ${t}?`),
  np((t) => `who takes care of ${t}?`),
  np((t) => `${t}: is that on us or on IBM?`),
  vp((v, o) => `who's meant to ${v} ${o}?`),
  vp((v, o) => `whose call is it to ${v} ${o}?`),
  np((t) => `${t} — ours or IBM's?`),
  np((t) => `whose problem is ${t}?`),
];
/** How a shared row's task is divided, asked as such: the answer is both sides. */
const BOTH: Template[] = [
  np((t) => `${t}: who does what?`),
  np((t) => `how is ${t} split between us and IBM?`),
  np((t) => `who does what for ${t}?`),
  np((t) => `which parts of ${t} are ours and which are IBM's?`),
  np((t) => `how do we and IBM divide up ${t}?`),
];
/** Yes/no questions and statements naming one side. */
const YES_NO: Template[] = [
  vp((v, o) => `do we have to ${v} ${o}?`),
  vp((v, o) => `does IBM ${v} ${o}?`),
  vp((v, o) => `is it on us to ${v} ${o}?`),
  vp((v, o) => `IBM ${third(v)} ${o}, correct?`),
  vp((v, o) => `we ${v} ${o} ourselves, right?`),
  np((t) => `is ${t} on us?`),
  np((t) => `is ${t} IBM's job?`),
  np((t) => `${t} is on us, right?`),
  np((t) => `does IBM cover ${t}?`),
  np((t) => `do we own ${t}?`),
  vp((v, o) => `do we need to ${v} ${o} ourselves?`),
  vp((v, o) => `are we expected to ${v} ${o}?`),
  vp((v, o) => `can we rely on IBM to ${v} ${o}?`),
  np((t) => `is ${t} something our team has to do?`),
];
/**
 * Verbs people put in front of a task whatever the document's own verb is ("who installs the
 * security updates?"): the object names the row, the verb may be one no document uses.
 */
const CHAT_VERBS = [
  'install',
  'sort out',
  'run',
  'put in place',
  'roll out',
  'arrange',
  'carry out',
  'look into',
  'organise',
  'kick off',
  'implement',
  'execute',
  'apply',
  'perform',
  'do',
];

const SERVICE_SLOT: Array<(q: string, service: string) => string> = [
  (q, s) => q.replace(/\?$/, ` in ${s}?`),
  (q, s) => `for ${s}, ${q}`,
  (q, s) => q.replace(/\?$/, ` on ${s}?`),
  (q, s) => `${s}: ${q}`,
];
const OTHER_CLOUDS = [
  'AWS',
  'Amazon MSK',
  'Azure',
  'Azure Event Hubs',
  'GCP',
  'Google Cloud',
  'Confluent Cloud',
  'Oracle Cloud',
  'Alibaba Cloud',
  'DigitalOcean',
  'our on-prem data center',
  'EKS',
  'AKS',
  'GKE',
  'Aiven',
  'Heroku',
  'Snowflake',
];
const EVERYDAY = [
  'the printer',
  'our laptops',
  'the office wifi',
  'the coffee machine',
  'the payroll system',
  'expense reports',
  'the badge readers',
  'meeting room bookings',
  'the intranet homepage',
  'the team offsite',
  'the onboarding wiki',
  'employee phones',
  'the parking permits',
  'the marketing newsletter',
  'the sales CRM',
  'the office plants',
  'the holiday calendar',
  'the vending machine',
  'the lunch order',
];
const CHITCHAT = [
  'how was your weekend?',
  'anyone up for lunch?',
  "what's the wifi password?",
  'can you book a meeting room for 3pm?',
  'tell me a joke',
  'who won the game last night?',
  'is the office open on friday?',
  "what's the capital of france?",
  'how do I expense a taxi?',
  'when is the next all-hands?',
  'what time is standup?',
  'where is the coffee?',
  'happy friday everyone!',
  'lol that demo was wild',
  'can someone review my PR?',
  "what's for dinner",
  'who is coming to the party?',
  'how many vacation days do I have left?',
  'what is the meaning of life?',
  'remind me to call mom',
  'translate hello into german',
  'is it going to rain tomorrow?',
];

export interface RowOf {
  doc: ResponsibilityDocument;
  section: string;
  task: string;
  party: 'provider' | 'customer' | 'shared';
  phrases: Phrase[];
  /** The task names the document gives one row only. */
  unique: boolean;
  /** Words of the document that at most two of its rows use: what can name this row on its own. */
  rare: Set<string>;
}

const phraseKey = (p: Phrase) => (p.kind === 'vp' ? `${p.verb} ${p.rest}` : p.text).toLowerCase();

export function rowsOf(doc: ResponsibilityDocument): RowOf[] {
  const count = new Map<string, number>();
  for (const s of doc.sections) for (const e of s.entries) if (e.task) count.set(e.task.toLowerCase(), (count.get(e.task.toLowerCase()) ?? 0) + 1);
  const rows = doc.sections.flatMap((s) =>
    s.entries
      .filter((e) => e.task)
      .map((e) => ({
        doc,
        section: s.title,
        task: e.task!,
        party: e.party,
        unique: count.get(e.task!.toLowerCase()) === 1,
        rare: new Set<string>(),
        phrases: phrasesOfRow({ task: e.task, provider: e.provider, customer: e.customer, service: doc.service, grid: s.grid.length > 0 }),
      })),
  );
  const rowsOfWord = new Map<string, number>();
  for (const sct of doc.sections)
    for (const e of sct.entries)
      for (const w of new Set(`${e.task ?? ''} ${e.provider ?? ''} ${e.customer ?? ''}`.toLowerCase().split(/[^a-z0-9]+/)))
        rowsOfWord.set(w, (rowsOfWord.get(w) ?? 0) + 1);
  const rare = new Set([...rowsOfWord].filter(([, n]) => n <= 2).map(([w]) => w));
  // A phrase that several rows share ("use the provided tools") does not tell them apart: no question is made from it.
  const rowsWith = new Map<string, number>();
  for (const r of rows) for (const k of new Set(r.phrases.map(phraseKey))) rowsWith.set(k, (rowsWith.get(k) ?? 0) + 1);
  return rows.map((r) => ({ ...r, rare, phrases: r.phrases.filter((p) => rowsWith.get(phraseKey(p)) === 1) }));
}

/** The party the question is about: a cell's side for a shared row, else the row's party. */
/**
 * The party the question is about: a cell's side for a shared row, else the row's party. A
 * shared row asked about by its task name has no known side (a reader may answer "shared", or
 * the side whose cell does what the task names), so the party is not scored.
 */
function expectedParty(row: RowOf, p: Phrase): string | undefined {
  if (row.party !== 'shared') return row.party;
  return p.side ?? undefined;
}

/** Ordinary words people put before a thing, which no document needs to use ("the latest patch updates"). */
const ADJECTIVES = [
  'actual',
  'whole',
  'main',
  'current',
  'existing',
  'usual',
  'latest',
  'underlying',
  'regular',
  'basic',
  'default',
  'relevant',
  'overall',
  'day-to-day',
  'ongoing',
];

const FUNCTION_WORDS = /^(a|an|the|any|all|some|our|their|its|this|that|these|those|provided|required|appropriate|and|or)$/i;
const PREPOSITION = /^(to|for|of|with|in|on|at|from|by|across|into|through|about|between|within|via|as)$/i;

/**
 * A shorter object, as people say it: the last one to three words of the phrase's first noun
 * phrase ("the provided security and vulnerability patch updates to the client cluster" →
 * "patch updates"). People name the thing; they do not copy the sentence.
 */
export function shorten(p: Phrase, r: Rng, rare: Set<string>): Phrase {
  const ws = (p.kind === 'vp' ? p.rest : p.text).split(/\s+/);
  const cut = ws.findIndex((w, i) => i > 0 && PREPOSITION.test(w));
  const head = (cut > 0 ? ws.slice(0, cut) : ws).filter((w) => !FUNCTION_WORDS.test(w));
  const kept = head.slice(-r.int(1, Math.min(3, head.length)));
  // Too vague to name the row ("provide the service"): keep the phrase whole.
  if (!kept.some((w) => rare.has(w.toLowerCase()))) return p;
  const words = kept.join(' ');
  return p.kind === 'vp' ? { ...p, rest: r.chance(0.5) ? `the ${words}` : words } : { ...p, text: words };
}

function render(p0: Phrase, templates: Template[], r: Rng, rare: Set<string> = new Set()): string | null {
  // Task names are asked as they are; phrases from the cells are usually shortened, sometimes dressed.
  let p = p0.kind === 'vp' && r.chance(0.6) ? shorten(p0, r, rare) : p0;
  if (p.kind === 'vp' && r.chance(0.25)) p = { ...p, rest: p.rest.replace(/^(the )?/, `the ${r.pick(ADJECTIVES)} `) };
  for (const t of r.shuffle([...templates])) {
    const q = t(p);
    if (q) return q.replace(/\s+/g, ' ').trim();
  }
  return null;
}

/**
 * Questions a loaded document answers. `name` gives the service's name to put in a question
 * (always with several documents loaded, sometimes with one); the answer must come from `row`.
 */
export function positives(rows: RowOf[], r: Rng, opts: { perRow: number; name: (doc: ResponsibilityDocument) => string | null }): GeneratedQuestion[] {
  const out: GeneratedQuestion[] = [];
  for (const row of rows) {
    // Some shared rows are also asked how they are divided, from a stream of their own, so the
    // questions drawn from `r` stay the same as before these were added.
    const own = rng(seedOf(`${row.doc.id}/${row.section}/${row.task}`, 2));
    const task = row.phrases.find((p) => p.kind === 'np' && p.side === null);
    if (row.party === 'shared' && row.unique && task && own.chance(0.3)) {
      const q = render(task, BOTH, own);
      if (q)
        out.push({
          q: chatty(q, own),
          kind: 'entry',
          task: [`^${escapeRe(row.task)}$`],
          party: 'shared',
          doc: row.doc.id,
          from: row.doc.id,
          family: 'both/np',
        });
    }
    // A task named in several rows of a document is asked about only through its cells' words.
    const usable = row.phrases.filter((p) => row.unique || p.side !== null);
    if (usable.length === 0) continue;
    for (let i = 0; i < opts.perRow; i++) {
      const picked = r.pick(usable);
      const p = picked.kind === 'vp' && r.chance(0.15) ? { ...picked, verb: r.pick(CHAT_VERBS) } : picked;
      const family = r.chance(0.65) ? 'who' : 'yes-no';
      let q = render(p, family === 'who' ? WHO : YES_NO, r, row.rare);
      if (!q) continue;
      const name = opts.name(row.doc);
      if (name) q = r.pick(SERVICE_SLOT)(q, name);
      out.push({
        q: chatty(q, r),
        kind: 'entry',
        task: [`^${escapeRe(row.task)}$`],
        ...(expectedParty(row, p) ? { party: expectedParty(row, p) } : {}),
        doc: row.doc.id,
        from: row.doc.id,
        family: `${family}/${p.kind}${name ? '+service' : ''}`,
      });
    }
  }
  return out;
}

/** Questions about a document that is not loaded, naming its service: must be declined. */
export function namedElsewhere(rows: RowOf[], names: (doc: ResponsibilityDocument) => string[], r: Rng, n: number): GeneratedQuestion[] {
  const out: GeneratedQuestion[] = [];
  for (const row of r.shuffle([...rows]).slice(0, n)) {
    const q = render(r.pick(row.phrases.length ? row.phrases : [{ kind: 'np', text: row.task, side: null }]), r.chance(0.65) ? WHO : YES_NO, r);
    if (!q) continue;
    const name = r.pick(names(row.doc));
    out.push({ q: chatty(r.pick(SERVICE_SLOT)(q, name), r, undefined, name), kind: 'oos', hard: true, from: row.doc.id, family: 'oos/other-service' });
  }
  return out;
}

/** Questions about a loaded document's rows, but on another cloud: must be declined. */
export function otherCloud(rows: RowOf[], r: Rng, n: number): GeneratedQuestion[] {
  const out: GeneratedQuestion[] = [];
  for (const row of r.shuffle([...rows]).slice(0, n)) {
    if (row.phrases.length === 0) continue;
    const q = render(r.pick(row.phrases), r.chance(0.65) ? WHO : YES_NO, r);
    if (!q) continue;
    const cloud = r.pick(OTHER_CLOUDS);
    out.push({ q: chatty(r.pick(SERVICE_SLOT)(q, cloud), r, undefined, cloud), kind: 'oos', hard: true, from: row.doc.id, family: 'oos/other-cloud' });
  }
  return out;
}

/** A loaded row's verb applied to an everyday thing ("who patches the printer?"): must be declined. */
export function everyday(rows: RowOf[], r: Rng, n: number): GeneratedQuestion[] {
  // The rows' verbs, and (most of the time) the task words that are verbs too ("patch", "mirror"):
  // the strongest words a wrong answer could hang on.
  const rowVerbs = rows.flatMap((row) => row.phrases.filter((p) => p.kind === 'vp')).map((p) => (p.kind === 'vp' ? p.verb : ''));
  const taskVerbs = rows.flatMap((row) =>
    row.task
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 3 && verbBase(w) === w),
  );
  const verbs = { length: rowVerbs.length + taskVerbs.length };
  const pickVerb = () => (taskVerbs.length && (r.chance(0.7) || !rowVerbs.length) ? r.pick(taskVerbs) : r.pick(rowVerbs));
  const out: GeneratedQuestion[] = [];
  for (let i = 0; i < n && verbs.length; i++) {
    const v = pickVerb();
    const thing = r.chance(0.2) ? r.pick(EVERYDAY).replace(/^the /, 'my ') : r.pick(EVERYDAY);
    const q = r.pick([`who ${third(v)} ${thing}?`, `do we have to ${v} ${thing}?`, `does IBM ${v} ${thing}?`, `who is responsible for ${gerund(v)} ${thing}?`]);
    out.push({ q: chatty(q, r), kind: 'oos', hard: true, from: 'everyday', family: 'oos/everyday' });
  }
  return out;
}

export function chitchat(r: Rng, n: number): GeneratedQuestion[] {
  return r
    .shuffle([...CHITCHAT])
    .slice(0, n)
    .map((q) => ({ q: chatty(q, r), kind: 'oos' as const, from: 'chitchat', family: 'oos/chitchat' }));
}
