// What people type around a question, taken off before it is read, on every surface: Slack
// markup (mentions, channel and user-group links, labelled links), terminal escapes and
// control characters, emoji codes, and chat spellings ("u", "4", "w/", "pls").

/** Longest question we read; longer input is cut here (and the answer says so). */
export const MAX_QUESTION_CHARS = 500;
/** Raw input beyond this is not even cleaned: a bound on the work one message can cause. */
const MAX_RAW_CHARS = 8_000;

const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/**
 * Slack's markup: `<@U123>`, `<!here>`, `<!subteam^S1|@sre>` and `<#C1|sre>` are addresses,
 * not words of the question; a link keeps its label as a clause of its own
 * (`see <https://x|the runbook>` → "see — the runbook —"), so that "link" or "here" is context.
 */
function stripSlackMarkup(s: string): string {
  return s.replace(/<([^<>\s][^<>]*)>/g, (_, inner: string) => {
    const [target, label] = inner.split('|', 2) as [string, string | undefined];
    if (/^[@#!]/.test(target)) return ' ';
    if (/^(https?|mailto|tel):/i.test(target)) return label ? ` — ${label} — ` : ' ';
    return ` ${inner} `;
  });
}

/** Slack's codes for the emoji that answer rather than ask (the reply to them reads the emoji). */
const EMOJI: Record<string, string> = {
  '+1': '👍',
  thumbsup: '👍',
  pray: '🙏',
  wave: '👋',
  ok_hand: '👌',
  white_check_mark: '✅',
  raised_hands: '🙌',
  tada: '🎉',
  slightly_smiling_face: '🙂',
  smile: '🙂',
};

/** "cc <@U1> <@U2>", "fyi: @sre": the word that hands a message to the addresses after it goes with them. */
const CC_ADDRESSES = /(^|[\s,;.!?(])(?:\/?cc|fyi)\s*:?\s*(?:(?:<[@!#][^<>]*>|@[\w.-]+)[\s,&]*(?:and\s+)?)+(?=[\s,;.!?)]|$)/gi;

/** Chat spellings, word for word. Only whole tokens, and only where the token has no other reading here. */
const CHAT_WORDS: Record<string, string> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  '4': 'for',
  '2': 'to',
  'w/': 'with',
  'w/o': 'without',
  'b/c': 'because',
  bc: 'because',
  cuz: 'because',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thanks',
  tia: 'thanks',
  gotta: 'have to',
  gonna: 'going to',
  wanna: 'want to',
  gimme: 'give me',
  dunno: "don't know",
  abt: 'about',
  thru: 'through',
  wrt: 'about',
  re: 'about',
  smth: 'something',
  sth: 'something',
  ppl: 'people',
  msg: 'message',
  msgs: 'messages',
  cfg: 'config',
  env: 'environment',
  envs: 'environments',
  prod: 'production',
  info: 'information',
  im: "i'm",
  whos: "who's",
  // Spelt out, so that "we're" does not leave a word 're' to read as a prefix ('re-establish').
  "we're": 'we are',
  "they're": 'they are',
  "you're": 'you are',
  'who’s': "who's",
  dont: "don't",
  // Engineers' short forms of words the documents spell out.
  cert: 'certificate',
  certs: 'certificates',
  creds: 'credentials',
  perms: 'permissions',
  auth: 'authentication',
  infra: 'infrastructure',
  repo: 'repository',
  repos: 'repositories',
  lib: 'library',
  libs: 'libraries',
  db: 'database',
  dbs: 'databases',
  svc: 'service',
  svcs: 'services',
  deps: 'dependencies',
  acct: 'account',
  accts: 'accounts',
  pwd: 'password',
  passwd: 'password',
  maint: 'maintenance',
  notifs: 'notifications',
  k8s: 'kubernetes',
  ops: 'operations',
  sla: 'SLA',
  vuln: 'vulnerability',
  vulns: 'vulnerabilities',
  upgr: 'upgrade',
  mgmt: 'management',
  mgr: 'manager',
  mgrs: 'managers',
  regs: 'regulations',
  qmgr: 'queue manager',
  qmgrs: 'queue managers',
  reqs: 'requirements',
  s2s: 'service to service',
  os: 'operating system',
  authn: 'authentication',
  authz: 'authorization',
  perf: 'performance',
  repl: 'replication',
  avail: 'availability',
  compat: 'compatibility',
  notif: 'notification',
  cred: 'credential',
  perm: 'permission',
  pw: 'password',
  bkp: 'backup',
  bkup: 'backup',
  bkups: 'backups',
  hw: 'hardware',
  sw: 'software',
  nw: 'network',
  conn: 'connection',
  conns: 'connections',
  upg: 'upgrade',
  sched: 'schedule',
  mgd: 'managed',
  admin: 'administration',
  dr: 'DR',
  ha: 'HA',
  doesnt: "doesn't",
  isnt: "isn't",
  // Other contractions typed without their apostrophe: "whats" must read as "what" for a clause to start there.
  whats: "what's",
  thats: "that's",
  theres: "there's",
  wheres: "where's",
  arent: "aren't",
  wasnt: "wasn't",
  werent: "weren't",
  didnt: "didn't",
  shouldnt: "shouldn't",
  wouldnt: "wouldn't",
  couldnt: "couldn't",
  havent: "haven't",
  hasnt: "hasn't",
  ya: 'you',
  em: 'them',
  "'em": 'them',
  yall: 'you all',
  "y'all": 'you all',
  'big blue': 'IBM',
};

/**
 * A whole token (a run of letters, digits, / and apostrophes after a space, a slash or the start,
 * before a space, punctuation, a slash or the end) that is a chat spelling. Matching the spellings
 * themselves, not every token, keeps the replacing to the few tokens that change.
 */
const CHAT_TOKEN = new RegExp(
  `(^|[\\s/])(${Object.keys(CHAT_WORDS)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/'/g, "['’]"))
    .join('|')})(?=([\\s,.!?:;/]|$))`,
  'giu',
);

/** A spelling typed with a typographic apostrophe ("we’re", as phones and Macs type it) is the same spelling. */
function chatSpelling(s: string): string {
  return s.replace(CHAT_TOKEN, (m, pre: string, tok: string, next: string) => {
    // Beside a slash only a word, not a letter or two: "infra/env", not the "r" of "r/w access".
    if ((pre === '/' || next === '/') && tok.length < 3) return m;
    const lower = tok.toLowerCase();
    const to = CHAT_WORDS[lower] ?? CHAT_WORDS[lower.replace(/’/g, "'")];
    return to === undefined ? m : pre + to;
  });
}

/**
 * A side said twice, the second time as its role: "we as the customer own …", "all of our (customer)
 * obligations", "on us, the tenant, …", "IBM (the provider)". The pronoun already says the side;
 * the role word would otherwise be read as a topic beside it. Not "client" or "consumer": Kafka's
 * words ("our (client) libraries", "lag for us as consumers").
 */
const SIDE_APPOSITION =
  /\b(we|us|i|me|our|my|ibm)(?:\s+as\s+(?:the\s+|a\s+|an\s+)?(?:customers?|tenants?|subscribers?)\b|\s*\(\s*(?:as\s+)?(?:the\s+|a\s+)?(?:customers?|tenants?|subscribers?|provider|vendor|cloud provider)\s*\)|\s*,\s*(?:the|as the)\s+(?:customers?|tenants?|provider|vendor)\s*,)/gi;

export interface Cleaned {
  /** What is read: markup and escapes off, chat spellings as the words they stand for. */
  text: string;
  /** The question as asked, markup and escapes off, its own words kept: what answers echo. */
  asked: string;
  truncated: boolean;
}

/** NFKC, markup and escapes off, chat spellings read, single spaces, at most MAX_QUESTION_CHARS. */
export function cleanQuestion(raw: unknown): Cleaned {
  let s = typeof raw === 'string' ? raw : String(raw ?? '');
  const overlong = s.length > MAX_RAW_CHARS;
  s = s.slice(0, MAX_RAW_CHARS).normalize('NFKC').replace(ANSI, ' ').replace(CONTROL, ' ');
  s = stripSlackMarkup(s.replace(CC_ADDRESSES, '$1 '))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    // Emoji codes (:pray:) are no words; the few that say thanks, yes or bye become their emoji.
    .replace(/(^|\s):([a-z0-9_+-]+):(?=\s|$)/g, (_, pre: string, code: string) => `${pre}${EMOJI[code] ?? ''} `)
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/(^|\s)@[\w.-]+/g, '$1 '); // a plain @handle is an address too
  const asked = s.replace(/\s+/g, ' ').trim();
  // "tl;dr" is a summary, or as a verb ("can someone tl;dr the DR part") to summarize.
  s = chatSpelling(
    asked.replace(/\btl;? ?dr\b(?= (?:the|this|that|these|those|a|an|our|my|its|it|me|us)(?=[\s,.!?]|$))/gi, 'summarize').replace(/\btl;? ?dr\b/gi, 'summary'),
  );
  s = s.replace(SIDE_APPOSITION, '$1');
  if (!overlong && s.length <= MAX_QUESTION_CHARS) return { text: s, asked: asked.slice(0, MAX_QUESTION_CHARS), truncated: false };
  return { text: s.slice(0, MAX_QUESTION_CHARS), asked: asked.slice(0, MAX_QUESTION_CHARS), truncated: true };
}
