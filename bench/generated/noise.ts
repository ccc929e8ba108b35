// Chat around a question, as people type it: greetings, context, sign-offs, Slack markup,
// typos, chat spelling, case and stray control characters. Seeded, so a set is the same
// on every run. These lists are written for the evaluation only: the engine does not read them.
import type { Rng } from './rng.js';

const OPENERS = [
  'hey team, quick one: ',
  'hi all! ',
  'morning folks — ',
  'yo ',
  'hello, ',
  'hey <@U024BE7LH> ',
  '<!here> ',
  '<!channel> quick q: ',
  'sorry to bother, ',
  'random q: ',
  'question for the group: ',
  'ok so ',
  'hmm, ',
  'hey, ',
  'Hi there. ',
  'good morning! ',
  '<@U0123ABC> ',
  'quick sanity check: ',
  'dumb question maybe but ',
  'newbie here, ',
  'hey <!subteam^S0614TZR7|@platform> ',
];
const CONTEXT = [
  'for our payments pipeline in prod, ',
  'audit is asking: ',
  "context: we're onboarding the orders team next sprint. ",
  'security review came back with a few questions. ',
  "we're writing the runbook for the new environment and ",
  'customer success wants to know: ',
  'our SOC2 auditor asked ',
  "following up on yesterday's postmortem, ",
  'for the Q3 architecture review — ',
  'in staging and prod both, ',
  'the risk team needs this in writing: ',
  'before we sign off the design doc, ',
  'my manager asked me and I was not sure. ',
];
/** The environment, inside the question: "who patches the cluster in prod?". It does not change who does it. */
const SETTINGS = [
  ' in prod',
  ' in our staging env',
  ' across all our environments',
  ' for the new tenant',
  ' in production',
  ' in both regions',
  ' in dev and test',
];
const CLOSERS = [
  ' thx!',
  ' thanks!!',
  ' ty',
  ' cheers',
  ' cc @platform-oncall',
  ' cc <@U0123ABC>',
  ' <!subteam^S1|@sre>',
  ' :pray:',
  ' lol',
  ' asap pls',
  ' (asking for a friend)',
  ' see <https://wiki.example.com/runbook|runbook>',
  ' posting in <#C123|sre> too',
  ' 🙏',
  ' thanks in advance',
  ' much appreciated',
  ' :thinking_face:',
  ' tia',
  ' — J.',
  ' no rush',
];
const LONG_BEFORE = [
  "So we've been going back and forth on this in the channel for a while and nobody seems sure, and the page we found last time was out of date. ",
  'Background: the platform team is splitting ownership between three squads next quarter and we are mapping every operational task to an owner. ',
];
const LONG_AFTER = [
  " Would be great to settle this before Friday's change board.",
  ' We need it for the ownership matrix in the wiki, so a pointer to the source would help too.',
];
const CHAT: Array<[RegExp, string]> = [
  [/\byou\b/g, 'u'],
  [/\byour\b/g, 'ur'],
  [/\bfor\b/g, '4'],
  [/\bwith\b/g, 'w/'],
  [/\bare\b/g, 'r'],
  [/\bplease\b/g, 'pls'],
  [/\bhave to\b/g, 'gotta'],
  [/\bgoing to\b/g, 'gonna'],
  [/\bbecause\b/g, 'bc'],
  [/\bthanks\b/g, 'thx'],
  [/\bto\b/g, '2'],
];
const KEYS = 'qwertyuiopasdfghjklzxcvbnm';

/** A typo in one longer word: a letter dropped, doubled, swapped with the next, or hit beside. */
export function typo(text: string, r: Rng, keep: Set<string> = new Set()): string {
  const ws = text.split(' ');
  const long = ws.map((w, i) => ({ w, i })).filter(({ w }) => /^[a-z]{5,}$/i.test(w) && !keep.has(w.toLowerCase()));
  if (long.length === 0) return text;
  const { w, i } = r.pick(long);
  const k = r.int(1, w.length - 2);
  const kinds = [
    () => w.slice(0, k) + w.slice(k + 1),
    () => w.slice(0, k) + w[k] + w.slice(k),
    () => w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2),
    () => w.slice(0, k) + KEYS[(KEYS.indexOf(w[k]!.toLowerCase()) + 1) % KEYS.length] + w.slice(k + 1),
  ];
  ws[i] = r.pick(kinds)();
  return ws.join(' ');
}

export interface NoiseLevel {
  /** Probability of each kind of noise. */
  opener: number;
  context: number;
  closer: number;
  typo: number;
  chat: number;
  long: number;
  control: number;
}

export const CHAT_NOISE: NoiseLevel = { opener: 0.3, context: 0.2, closer: 0.3, typo: 0.3, chat: 0.2, long: 0.05, control: 0.03 };

/**
 * The question as somebody might type it in a chat. Words of `name` (a cloud or service the
 * question is about) keep their spelling: people rarely misspell the product they ask about.
 */
export function chatty(question: string, r: Rng, level: NoiseLevel = CHAT_NOISE, name = ''): string {
  let q = question;
  if (r.chance(level.typo)) q = typo(q, r, new Set(name.toLowerCase().split(/\s+/)));
  if (r.chance(level.chat)) {
    const [re, to] = r.pick(CHAT);
    q = q.replace(re, to);
  }
  if (r.chance(level.context / 2)) q = q.replace(/(\?)?$/, (m) => r.pick(SETTINGS) + m);
  if (r.chance(0.5)) q = q.toLowerCase();
  if (r.chance(0.3)) q = q.replace(/\?$/, '');
  if (r.chance(level.context)) q = r.pick(CONTEXT) + q;
  if (r.chance(level.opener)) q = r.pick(OPENERS) + q;
  if (r.chance(level.closer)) q = q + r.pick(CLOSERS);
  if (r.chance(level.long)) q = r.pick(LONG_BEFORE) + q + (/[?.!]$/.test(q) ? '' : '.') + r.pick(LONG_AFTER);
  if (r.chance(0.02)) q = q.toUpperCase();
  if (r.chance(level.control)) q = r.chance(0.5) ? `\u001b[1m${q}\u001b[0m` : `${q}\u0007\t`;
  return q;
}
