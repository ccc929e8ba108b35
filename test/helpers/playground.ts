// Microsoft 365 Agents Playground on loopback, against a Teams bot of ours, for the
// Playground test and the UI end-to-end run.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { App } from '@microsoft/teams.apps';
import { createTeamsApp } from '../../adapters/teams/app.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { PACKAGE_ROOT, SHIPPED_DATA_DIR } from '../../src/paths.js';
import { createHttpApp, listen } from '../../app/server.js';

const CLI = join(PACKAGE_ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');

export interface Running {
  /** The Playground's base URL (its UI and its conversation API). */
  base: string;
  /** The bot's store (conversation references, schedules) and Teams app, for proactive posts. */
  store: Store;
  app: App;
  stop(): Promise<void>;
}

/** Our Teams bot (local-testing mode, the shipped data unless told) and the Playground pointed at it. */
export async function startBotAndPlayground(dataDir: string = SHIPPED_DATA_DIR): Promise<Running> {
  const http = createHttpApp();
  const engine = loadEngine([dataDir]);
  const store = openSqliteStore(':memory:');
  const { app } = await createTeamsApp(
    { clientId: null, clientSecret: null, tenantId: null, allowUnauthenticated: true, serviceUrl: null },
    { expressApp: http, engine: () => engine, store, log: createLog('error', () => {}) },
  );
  const bot = await listen(http, 0, '127.0.0.1');
  const port = 20000 + Math.floor(Math.random() * 30000);
  const playground: ChildProcess = spawn(
    process.execPath,
    [CLI, '-e', `http://127.0.0.1:${bot.port}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
    {
      env: { ...process.env, APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = async () => {
    playground.kill();
    await new Promise((r) => bot.server.close(r));
    await store.close();
  };
  try {
    const listening = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Agents Playground did not start:\n${out}`)), 45_000);
      const onData = (d: Buffer) => {
        out += d;
        const m = /Listening on (\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      playground.stdout!.on('data', onData);
      playground.stderr!.on('data', onData);
      playground.once('exit', (code) => reject(new Error(`Agents Playground exited (${code}):\n${out}`)));
    });
    return { base: `http://127.0.0.1:${listening}`, store, app, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
