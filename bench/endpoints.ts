// The chat endpoints under load (issue 15): respbot's Slack slash command against a bare Bolt
// app that acks a constant on the same ExpressReceiver, and respbot's Teams /api/messages
// against a bare Teams SDK app that replies with a constant, each with the shipped document and
// with the corpus loaded. Every server runs in a process of its own, respbot as it runs in
// production (dist/app/main.js, its default log level, lines written to a file); the platforms'
// APIs are one loopback stand-in in another process, answering every call alike; the load is
// autocannon's, from this process. Systems take turns: a warm-up each, then rounds in which each
// runs for a few seconds, the order turning every round. Beside them, the floor: each bare app
// answering with the engine and the same cards and nothing else, the most the ratio could be.
// A benchmark: it reports, never fails.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PACKAGE_ROOT, SHIPPED_DATA_DIR } from '../src/paths.js';
import { readQuestions } from './evalset.js';
import { SHARED } from './kb.js';
import { freePort, NO_SETTINGS } from './env.js';
// dist/ is built (when the sources changed) on import: the servers below run it.
import './built.js';

const SECRET = 'bench-secret';
const CONNECTIONS = 50;

export interface EndpointOptions {
  rounds: number;
  /** Seconds each system is loaded in a round. */
  seconds: number;
  /** Seconds of load before the rounds, per system. */
  warmup: number;
  /** Writes the server's CPU profiles there (node --cpu-prof), for finding what respbot spends. */
  profileDir?: string;
}

export const DEFAULT_ENDPOINT_OPTIONS: EndpointOptions = { rounds: 5, seconds: 4, warmup: 2 };

/** One system's figures: medians over the rounds. The first keys are those `npm run bench --json` always had. */
export interface LoadResult {
  requests: number;
  concurrency: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  /** The server's CPU time per request (user + system, from /proc; null elsewhere), median of rounds. */
  cpu_ms_per_request: number | null;
  rps_rounds: number[];
  p99_rounds_ms: number[];
}

export interface EndpointFigures {
  ours: LoadResult;
  bare: LoadResult;
  /** The bare app answering with the engine and the same cards, nothing else (see FLOOR_BOLT). */
  floor: LoadResult;
  /** Median of the rounds' floor / bare: the most respbot's ratio could be on this framework and engine. */
  floor_ratio: number;
  /** Median of the rounds' ratios (ours / bare, each round's pair loaded back to back). */
  ratio: number;
  ratio_rounds: number[];
  data: 'seed' | 'corpus';
  rounds: number;
  seconds: number;
  /** Log lines respbot wrote (production logging), to show it was on. */
  log_bytes: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const r2 = (x: number) => Math.round(x * 100) / 100;

// The platforms' side: Slack's Web API (auth.test at start) and response_url, Teams' Bot
// Connector. One answer for every call, so it costs both systems the same.
const STAND_IN = `const http = require('node:http');
const reply = JSON.stringify({ ok: true, id: '1', user_id: 'U0BENCH', bot_id: 'B0BENCH', team_id: 'T0BENCH' });
const s = http.createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(reply)); });
s.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));`;

// A bare Bolt app: Bolt's ExpressReceiver on an Express app, a slash command acked with a constant.
const BARE_BOLT = `const express = require('express'); const http = require('node:http'); const bolt = require('@slack/bolt');
const app = express();
const receiver = new bolt.ExpressReceiver({ signingSecret: '${SECRET}', app });
const bot = new bolt.App({ receiver, authorize: async () => ({ botToken: 'xoxb-bench' }) });
bot.command(/.*/, async ({ ack }) => ack('ok'));
http.createServer(app).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));`;

// A bare Teams SDK app: the SDK's ExpressAdapter on an Express app, a message answered with a constant.
const BARE_TEAMS = `const express = require('express'); const http = require('node:http'); const { App, ExpressAdapter } = require('@microsoft/teams.apps');
const app = express();
const bot = new App({ httpServerAdapter: new ExpressAdapter(app), dangerouslyAllowUnauthenticatedRequests: true });
bot.on('message', async ({ send }) => { await send('ok'); });
bot.initialize().then(() => http.createServer(app).listen(Number(process.env.PORT), '127.0.0.1'));
process.on('SIGTERM', () => process.exit(0));`;

// The floor: the bare app answering as respbot answers, and nothing else: the engine's answer,
// the same cards (the first in the ack, the rest through response_url; on Teams each sent),
// no request checks of ours, no log, no store. What the frameworks and the answer cost.
const FLOOR_IMPORTS = `import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const require = createRequire(process.cwd() + '/package.json');
const dist = (p) => import(pathToFileURL(process.cwd() + '/dist/' + p).href);
const express = require('express'); const http = require('node:http');
const { loadEngine } = await dist('src/engine/engine.js');
const { answerCards } = await dist('src/present/present.js');
const engine = loadEngine([process.env.DATA_DIR]);
process.on('SIGTERM', () => process.exit(0));`;

const FLOOR_BOLT = `${FLOOR_IMPORTS}
const bolt = require('@slack/bolt');
const { slackMessage, SLACK_BUDGET } = await dist('adapters/slack/render.js');
const { SLACK_VOICE } = await dist('adapters/slack/adapter.js');
const app = express();
const receiver = new bolt.ExpressReceiver({ signingSecret: '${SECRET}', app });
const bot = new bolt.App({ receiver, authorize: async () => ({ botToken: 'xoxb-bench' }) });
bot.command(/.*/, async ({ command, ack, respond }) => {
  const [first, ...rest] = answerCards(engine.answer(command.text), { voice: SLACK_VOICE, budget: SLACK_BUDGET, private: true }).map(slackMessage);
  await ack({ response_type: 'ephemeral', ...first });
  for (const m of rest) await respond({ response_type: 'ephemeral', ...m });
});
http.createServer(app).listen(Number(process.env.PORT), '127.0.0.1');`;

const FLOOR_TEAMS = `${FLOOR_IMPORTS}
const { App, ExpressAdapter } = require('@microsoft/teams.apps');
const { teamsActivity, TEAMS_BUDGET } = await dist('adapters/teams/render.js');
const { TEAMS_VOICE } = await dist('adapters/teams/adapter.js');
const app = express();
const bot = new App({ httpServerAdapter: new ExpressAdapter(app), dangerouslyAllowUnauthenticatedRequests: true });
bot.on('message', async ({ activity, send }) => {
  for (const c of answerCards(engine.answer(activity.text), { voice: TEAMS_VOICE, budget: TEAMS_BUDGET })) await send(teamsActivity(c));
});
await bot.initialize();
http.createServer(app).listen(Number(process.env.PORT), '127.0.0.1');`;

interface Served {
  name: string;
  url: string;
  child: ChildProcess;
  logFile: string;
}

/** Starts a server process and waits until `path` answers; its output goes to a file (the log). */
async function serve(name: string, args: string[], env: Record<string, string>, dir: string, path: string): Promise<Served> {
  const port = await freePort();
  const logFile = join(dir, `${name}.log`);
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, ...NO_SETTINGS, ...env, PORT: String(port) },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bench: ${name} exited before serving (see ${logFile})`);
    if (performance.now() - started > 60_000) throw new Error(`bench: ${name} did not serve within 60 s`);
    const res = await fetch(url + path).catch(() => null);
    if (res) {
      await res.arrayBuffer();
      return { name, url, child, logFile };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stop(s: Served): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise<void>((r) => s.child.once('exit', () => r()));
  s.child.kill('SIGTERM');
  const t = setTimeout(() => s.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(t);
}

type Request = { method: string; path: string; headers: Record<string, string>; body: string };
type MakeRequest = (n: number) => Request;

let runs = 0;

/** Signed slash commands, the questions in turn; each its own trigger_id (no two signed bodies repeat, as a replay would be refused). */
function slashCommands(questions: string[], responseUrl: string): MakeRequest {
  const run = `${process.pid}-${++runs}`;
  return (n) => {
    const body = new URLSearchParams({
      command: '/responsibility',
      text: questions[n % questions.length]!,
      user_id: `U${n % 20}`,
      channel_id: `C${n % 7}`,
      team_id: 'T1',
      response_url: responseUrl,
      trigger_id: `${run}.${n}`,
    }).toString();
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = 'v0=' + createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex');
    return {
      method: 'POST',
      path: '/slack/events',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': sig },
      body,
    };
  };
}

/** Personal-chat messages as Teams sends them, the questions in turn, from a few conversations; replies go to the stand-in. */
function teamsMessages(questions: string[], serviceUrl: string): MakeRequest {
  return (n) => {
    const conv = n % 10;
    const activity = {
      type: 'message',
      id: `${Date.now()}${n}`,
      text: questions[n % questions.length]!,
      textFormat: 'plain',
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl,
      from: { id: `29:user-${conv}`, name: 'Bench User', aadObjectId: `00000000-0000-0000-0000-00000000000${conv}` },
      conversation: { conversationType: 'personal', tenantId: 'tenant-bench', id: `a:bench-conversation-${conv}` },
      recipient: { id: '28:bench-bot', name: 'respbot' },
      channelData: { tenant: { id: 'tenant-bench' } },
      locale: 'en-US',
    };
    return { method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) };
  };
}

/**
 * CPU milliseconds a process has used (user + system), from /proc; null where there is none.
 * Per request, it shows what a system costs even when another process takes CPU from it.
 */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ, 100 on Linux)
  } catch {
    return null;
  }
}

interface Run {
  requests: number;
  cpuPerRequest: number | null;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** `seconds` of load at CONNECTIONS connections, each request made fresh. */
async function load(s: Served, make: MakeRequest, seconds: number): Promise<Run> {
  let n = 0;
  const cpu0 = cpuMs(s.child.pid);
  const r = await autocannon({
    url: s.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...make(n++) }) }],
  });
  const cpu1 = cpuMs(s.child.pid);
  const cpuPerRequest = cpu0 === null || cpu1 === null || !r.requests.total ? null : (cpu1 - cpu0) / r.requests.total;
  return {
    requests: r.requests.total,
    cpuPerRequest,
    rps: r.requests.total / (r.duration || seconds),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

function summary(runs: Run[]): LoadResult {
  return {
    requests: runs.reduce((a, r) => a + r.requests, 0),
    concurrency: CONNECTIONS,
    rps: Math.round(median(runs.map((r) => r.rps))),
    p50_ms: median(runs.map((r) => r.p50)),
    p99_ms: median(runs.map((r) => r.p99)),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    cpu_ms_per_request: runs.every((r) => r.cpuPerRequest !== null) ? Math.round(median(runs.map((r) => r.cpuPerRequest!)) * 1000) / 1000 : null,
    rps_rounds: runs.map((r) => Math.round(r.rps)),
    p99_rounds_ms: runs.map((r) => r.p99),
  };
}

/**
 * One platform: the bare app and respbot with the seed and with the corpus, alternated.
 * Returns the figures with each data set, ours against the same bare runs.
 */
async function platform(
  kind: 'slack' | 'teams',
  opts: EndpointOptions,
  dir: string,
  standIn: string,
  questions: string[],
): Promise<Record<'seed' | 'corpus', EndpointFigures>> {
  const prof = (name: string) => (opts.profileDir ? ['--cpu-prof', '--cpu-prof-dir', opts.profileDir, '--cpu-prof-name', `${name}.cpuprofile`] : []);
  // A store on disk, as the bot runs.
  const ourEnv = (label: string, data: string): Record<string, string> => ({
    ...(kind === 'slack'
      ? { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: `${standIn}/api/` }
      : { DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true' }),
    STORE_PATH: join(dir, `${kind}-${label}.db`),
    DATA_DIR: data,
  });
  const bare = await serve(`${kind}-bare`, [...prof(`${kind}-bare`), '--input-type=commonjs', '-e', kind === 'slack' ? BARE_BOLT : BARE_TEAMS], {}, dir, '/');
  const seed = await serve(`${kind}-seed`, [...prof(`${kind}-seed`), 'dist/app/main.js'], ourEnv('seed', SHIPPED_DATA_DIR), dir, '/healthz');
  const corpus = await serve(`${kind}-corpus`, [...prof(`${kind}-corpus`), 'dist/app/main.js'], ourEnv('corpus', `${SHARED}corpus/ibm-cloud`), dir, '/healthz');
  const floorScript = kind === 'slack' ? FLOOR_BOLT : FLOOR_TEAMS;
  const floorSeed = await serve(
    `${kind}-floor-seed`,
    [...prof(`${kind}-floor-seed`), '--input-type=module', '-e', floorScript],
    { DATA_DIR: SHIPPED_DATA_DIR },
    dir,
    '/',
  );
  const floorCorpus = await serve(
    `${kind}-floor-corpus`,
    [...prof(`${kind}-floor-corpus`), '--input-type=module', '-e', floorScript],
    { DATA_DIR: `${SHARED}corpus/ibm-cloud` },
    dir,
    '/',
  );
  const systems = [seed, bare, corpus, floorSeed, floorCorpus];
  const make = () => (kind === 'slack' ? slashCommands(questions, `${standIn}/response`) : teamsMessages(questions, `${standIn}/`));
  try {
    for (const s of systems) await load(s, make(), opts.warmup);
    const got = new Map<Served, Run[]>(systems.map((s) => [s, []]));
    for (let round = 0; round < opts.rounds; round++) {
      // The order turns each round, so no system always follows the same one.
      const order = systems.map((_, i) => systems[(i + round) % systems.length]!);
      for (const s of order) got.get(s)!.push(await load(s, make(), opts.seconds));
    }
    const bareRuns = got.get(bare)!;
    const ratios = (s: Served) => got.get(s)!.map((r, i) => r2(r.rps / bareRuns[i]!.rps));
    const figures = (ours: Served, floor: Served, data: 'seed' | 'corpus'): EndpointFigures => ({
      ours: summary(got.get(ours)!),
      bare: summary(bareRuns),
      floor: summary(got.get(floor)!),
      floor_ratio: r2(median(ratios(floor))),
      ratio: r2(median(ratios(ours))),
      ratio_rounds: ratios(ours),
      data,
      rounds: opts.rounds,
      seconds: opts.seconds,
      log_bytes: 0,
    });
    const result = { seed: figures(seed, floorSeed, 'seed'), corpus: figures(corpus, floorCorpus, 'corpus') };
    await Promise.all(systems.map(stop)); // before the log sizes: the last lines are written
    result.seed.log_bytes = statSync(seed.logFile).size;
    result.corpus.log_bytes = statSync(corpus.logFile).size;
    return result;
  } finally {
    await Promise.all(systems.map(stop));
  }
}

export interface EndpointsResult {
  slack: EndpointFigures;
  slack_corpus: EndpointFigures;
  teams: EndpointFigures;
  teams_corpus: EndpointFigures;
}

export async function benchEndpoints(opts: EndpointOptions = DEFAULT_ENDPOINT_OPTIONS): Promise<EndpointsResult> {
  const questions = readQuestions(`${SHARED}eval/questions.dev.jsonl`).map((q) => q.q);
  const dir = mkdtempSync(join(tmpdir(), 'respbot-bench-endpoints-'));
  const standIn = await serve('stand-in', ['--input-type=commonjs', '-e', STAND_IN], {}, dir, '/');
  try {
    const slack = await platform('slack', opts, dir, standIn.url, questions);
    const teams = await platform('teams', opts, dir, standIn.url, questions);
    return { slack: slack.seed, slack_corpus: slack.corpus, teams: teams.seed, teams_corpus: teams.corpus };
  } finally {
    await stop(standIn);
    if (!opts.profileDir) rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines `npm run bench` prints, with ✓ when respbot serves at least 0.8× the bare app. */
export function formatEndpoints(r: EndpointsResult): string[] {
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const line = (label: string, bareName: string, f: EndpointFigures) =>
    `${label} ${f.ours.rps} req/s, p99 ${f.ours.p99_ms} ms (rounds ${Math.min(...f.ours.p99_rounds_ms)}–${Math.max(...f.ours.p99_rounds_ms)}); ${bareName} ${f.bare.rps} req/s, p99 ${f.bare.p99_ms} ms (${Math.min(...f.bare.p99_rounds_ms)}–${Math.max(...f.bare.p99_rounds_ms)}); ratio ${f.ratio} (rounds ${Math.min(...f.ratio_rounds)}–${Math.max(...f.ratio_rounds)}) ${mark(f.ratio >= 0.8)}${cpu(f)}`;
  const cpu = (f: EndpointFigures) =>
    f.ours.cpu_ms_per_request === null ? '' : `; server CPU ${f.ours.cpu_ms_per_request} ms/request against ${f.bare.cpu_ms_per_request}`;
  const floor = (label: string, f: EndpointFigures) =>
    `${label} the bare app answering with the engine and the same cards, nothing else: ${f.floor.rps} req/s, p99 ${f.floor.p99_ms} ms, ${f.floor_ratio}× bare${f.floor.cpu_ms_per_request === null ? '' : `, CPU ${f.floor.cpu_ms_per_request} ms/request`} (the most the ratio could be)`;
  const s = r.slack;
  return [
    `endpoints: ${CONNECTIONS} connections from autocannon in another process, servers in processes of their own, ${s.rounds} alternated rounds of ${s.seconds} s, medians; dev-set questions in turn, production logging; goal ≥ 0.8× the bare app`,
    line('slack  seed:  ', 'bare Bolt', r.slack),
    floor('               ', r.slack),
    line('slack  corpus:', 'bare Bolt', r.slack_corpus),
    floor('               ', r.slack_corpus),
    line('teams  seed:  ', 'bare Teams SDK', r.teams),
    floor('               ', r.teams),
    line('teams  corpus:', 'bare Teams SDK', r.teams_corpus),
    floor('               ', r.teams_corpus),
  ];
}
