// Start-up figures for `npm run bench` (issue 16), each a fresh process timed from spawn:
// - the README's piped question, `printf 'who patches the cluster?\n' | npm start`, until it
//   exits with the answer printed: median of three (goal: under 1 s);
// - the bot with Slack's HTTP settings, started as the image starts it (node bin/start.js), until
//   its server answers GET /healthz, beside a bare Bolt app (the same SDK, nothing of ours) until
//   it answers any request, in the same run, alternating, median of three each (goal: within 2×
//   the bare app); the same bot through `npm start` is shown beside them.
// Both on a built checkout (dist/ up to date first). A benchmark: it reports, it does not fail.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { freePort, NO_SETTINGS } from './env.js';

const RUNS = 3;
const PIPED_GOAL_MS = 1000;
const HTTP_GOAL_RATIO = 2;

// Written with a template so a literal backslash-n reaches printf, as in the README.
const PIPED = `printf 'who patches the cluster?\\n' | npm start`;

export interface StartupFigures {
  npm_start_piped_ms: number;
  npm_start_piped_runs_ms: number[];
  healthz_ms: number;
  healthz_npm_start_ms: number;
  bare_bolt_ms: number;
  healthz_ratio: number;
  goals: { npm_start_piped_under_1s: boolean; healthz_within_2x_bare_bolt: boolean };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (since: number) => Math.round(performance.now() - since);

/** The README's command once: milliseconds from spawn to exit, and whether the answer was printed. */
function pipedQuestion(): Promise<{ ms: number; answered: boolean }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('sh', ['-c', PIPED], { cwd: PACKAGE_ROOT, env: { ...process.env, ...NO_SETTINGS }, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('error', reject);
    // 'close', not 'exit': the process may exit before its last output has been read. The answer
    // may be the first line: under `npm run -s`, npm's silence reaches `npm start` and it prints no banner.
    child.once('close', () => {
      clearTimeout(guard);
      resolve({ ms: ms(started), answered: /(^|\n)IBM — Security and vulnerability patch updates to cluster\n/.test(out) });
    });
  });
}

/** Milliseconds from spawning `command` until GET `path` on `port` gets any HTTP answer; its process group is stopped after. */
async function untilAnswering(command: string[], env: Record<string, string>, port: number, path: string): Promise<number> {
  const started = performance.now();
  const [file, ...args] = command;
  // A group of its own: `npm start` runs the bot as its child, and the signal is for both.
  const child = spawn(file!, args, { cwd: PACKAGE_ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore', detached: true });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited before answering`);
      if (performance.now() - started > 30_000) throw new Error(`${command.join(' ')} did not answer within 30 s`);
      const res = await fetch(`http://127.0.0.1:${port}${path}`).catch(() => null);
      if (res) {
        await res.arrayBuffer();
        return ms(started);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

/** A Slack Web API stand-in: every method answers ok (auth.test tells the bot who it is). */
async function slackApi(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, user_id: 'U0BENCH', bot_id: 'B0BENCH', team_id: 'T0BENCH' })),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/` };
}

// Bolt's own HTTP receiver with the same settings, nothing else loaded.
const BARE_BOLT = `const { App } = require('@slack/bolt');
new App({ signingSecret: 'bench', token: 'xoxb-bench', tokenVerificationEnabled: false }).start(Number(process.env.PORT));`;

export async function benchStartup(print: boolean): Promise<StartupFigures> {
  const build = spawnSync(process.execPath, ['bin/build.js'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('bench: the build failed');
  await pipedQuestion(); // warm the file cache: the goal is for a built checkout, not a cold disk
  const piped: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await pipedQuestion();
    if (!r.answered) throw new Error(`bench: ${PIPED} did not print the answer`);
    piped.push(r.ms);
  }

  const api = await slackApi();
  const dir = mkdtempSync(join(tmpdir(), 'respbot-bench-startup-'));
  const ours: number[] = [];
  const viaNpm: number[] = [];
  const bare: number[] = [];
  try {
    const bot = {
      ...NO_SETTINGS,
      SLACK_SIGNING_SECRET: 'bench',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: api.url,
      STORE_PATH: join(dir, 'store.db'),
      LOG_LEVEL: 'warn',
    };
    for (let i = 0; i < RUNS; i++) {
      ours.push(await untilAnswering([process.execPath, 'bin/start.js'], bot, await freePort(), '/healthz'));
      bare.push(await untilAnswering([process.execPath, '--input-type=commonjs', '-e', BARE_BOLT], {}, await freePort(), '/'));
      viaNpm.push(await untilAnswering(['npm', 'start'], bot, await freePort(), '/healthz'));
    }
  } finally {
    await new Promise((r) => api.server.close(r));
    rmSync(dir, { recursive: true, force: true });
  }

  const figures: StartupFigures = {
    npm_start_piped_ms: median(piped),
    npm_start_piped_runs_ms: piped,
    healthz_ms: median(ours),
    healthz_npm_start_ms: median(viaNpm),
    bare_bolt_ms: median(bare),
    healthz_ratio: Math.round((median(ours) / median(bare)) * 100) / 100,
    goals: { npm_start_piped_under_1s: median(piped) < PIPED_GOAL_MS, healthz_within_2x_bare_bolt: median(ours) <= HTTP_GOAL_RATIO * median(bare) },
  };
  if (print) {
    const mark = (ok: boolean) => (ok ? '✓' : '✗');
    process.stdout.write(
      [
        `start:  ${PIPED}: ${figures.npm_start_piped_ms} ms, median of ${RUNS} (${piped.join(', ')} ms) ${mark(figures.goals.npm_start_piped_under_1s)} goal < 1 s`,
        `        node bin/start.js with Slack over HTTP answers /healthz after ${figures.healthz_ms} ms; a bare Bolt app answers after ${figures.bare_bolt_ms} ms (${figures.healthz_ratio}×) ${mark(figures.goals.healthz_within_2x_bare_bolt)} goal ≤ 2× bare Bolt`,
        `        (through npm start, which adds npm's own start: ${figures.healthz_npm_start_ms} ms)`,
        '',
      ].join('\n'),
    );
  }
  return figures;
}
