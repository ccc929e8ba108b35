// Signed slash commands over loopback: our Slack surface against a bare Bolt app that
// acknowledges with a constant, same receiver, same load, same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import bolt from '@slack/bolt';
import { createSlackApp } from '../adapters/slack/app.js';
import type { Engine } from '../src/engine/engine.js';
import { createLog } from '../src/log.js';
import { createHttpApp, listen } from '../app/server.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const SECRET = 'bench-secret';

export interface LoadResult {
  requests: number;
  concurrency: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
}

// The load runs in a worker thread: its own event loop, so the client's work does not
// queue behind the server's (or the other way round) on a 2-core machine.
const LOAD_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
const { url, secret, body, requests, concurrency } = workerData;
const lat = []; let errors = 0; let next = 0;
const run = Math.random().toString(36).slice(2); // each load its own trigger_ids: the warm-up's must not come back as replays
const sign = (ts, b) => 'v0=' + createHmac('sha256', secret).update('v0:' + ts + ':' + b).digest('hex');
(async () => {
  const start = performance.now();
  const worker = async () => {
    while (next < requests) {
      // Slack gives every command its own trigger_id: no two signed bodies repeat (a repeat is refused as a replay).
      const b = body + '&trigger_id=' + run + '.' + (++next);
      const ts = Math.floor(Date.now() / 1000);
      const t0 = performance.now();
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(ts, b) }, body: b });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch { errors++; }
      lat.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  parentPort.postMessage({ secs: (performance.now() - start) / 1000, lat, errors });
})();
`;

function load(url: string, text: string, requests: number, concurrency: number): Promise<LoadResult> {
  const body = new URLSearchParams({ command: '/responsibility', text, user_id: 'U1', channel_id: 'C1', team_id: 'T1', response_url: 'http://127.0.0.1:9/r' }).toString();
  return new Promise((resolve, reject) => {
    const w = new Worker(LOAD_SCRIPT, { eval: true, workerData: { url, secret: SECRET, body, requests, concurrency } });
    w.once('error', reject);
    w.once('message', ({ secs, lat, errors }: { secs: number; lat: number[]; errors: number }) => {
      void w.terminate();
      lat.sort((a, b) => a - b);
      const pct = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]! * 100) / 100;
      resolve({ requests, concurrency, rps: Math.round(requests / secs), p50_ms: pct(0.5), p99_ms: pct(0.99), errors });
    });
  });
}

export async function benchSlack(engine: Engine, requests = 3000, concurrency = 50): Promise<{ ours: LoadResult; bare: LoadResult; ratio: number }> {
  const quiet = createLog('error', () => {});
  const ours = createHttpApp();
  // With a store on disk, as the bot runs (request signatures stay in memory on SQLite).
  const dir = mkdtempSync(join(tmpdir(), 'respbot-bench-slack-'));
  const store = openSqliteStore(join(dir, 'store.db'));
  createSlackApp({ botToken: 'xoxb-bench', signingSecret: SECRET, appToken: null, apiUrl: 'http://127.0.0.1:9/api/' }, { expressApp: ours, engine: () => engine, log: quiet, store });
  const bare = createHttpApp();
  const receiver = new bolt.ExpressReceiver({ signingSecret: SECRET, app: bare, logLevel: bolt.LogLevel.ERROR });
  const bareApp = new bolt.App({ receiver, authorize: async () => ({ botToken: 'xoxb-bench' }), logLevel: bolt.LogLevel.ERROR });
  bareApp.command(/.*/, async ({ ack }) => ack('ok'));
  const a = await listen(ours, 0, '127.0.0.1');
  const b = await listen(bare, 0, '127.0.0.1');
  try {
    await load(`http://127.0.0.1:${a.port}/slack/events`, 'who patches the cluster?', 300, concurrency); // warm up
    await load(`http://127.0.0.1:${b.port}/slack/events`, 'who patches the cluster?', 300, concurrency);
    const o = await load(`http://127.0.0.1:${a.port}/slack/events`, 'who patches the cluster?', requests, concurrency);
    const r = await load(`http://127.0.0.1:${b.port}/slack/events`, 'who patches the cluster?', requests, concurrency);
    return { ours: o, bare: r, ratio: Math.round((o.rps / r.rps) * 100) / 100 };
  } finally {
    a.server.closeAllConnections?.();
    b.server.closeAllConnections?.();
    await new Promise((r) => a.server.close(r));
    await new Promise((r) => b.server.close(r));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
