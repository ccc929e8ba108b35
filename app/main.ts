// `npm start`: loads the documents and runs respbot on the configured surfaces. With no
// platform credentials it is a chat in the terminal on the shipped data. This file is the
// composition root: the only place that knows every surface.
import type { SlackSurface } from '../adapters/slack/app.js';
import { ConfigError } from '../src/config/error.js';
import { describeStore } from '../src/config/settings.js';
import { loadEngine } from '../src/engine/engine.js';
import { warmUp } from '../src/engine/warm-up.js';
import { describeWarning } from '../src/load/folder.js';
import { log } from '../src/log.js';
import type { Poster } from '../src/schedule/poster.js';
import type { StoreHealth } from '../src/store/types.js';
import { readSettings } from './settings.js';

// Everything past the documents is imported when the settings ask for it: the terminal chat
// does not load Express, a store driver, the scheduler or a platform SDK, and Slack alone
// does not load the Teams SDK (each costs a few hundred milliseconds at start).

/** How long shutdown waits for requests in flight before closing their connections. */
const DRAIN_MS = 25_000;

async function main(): Promise<number> {
  const { core: config, slack, teams, port } = readSettings();
  const first = loadEngine([config.dataDir]);
  for (const w of first.kb.warnings) process.stderr.write(`warning: ${describeWarning(w)}\n`);
  if (first.kb.documents.length === 0) {
    process.stderr.write(`respbot: no responsibility document loaded from ${config.dataDir}; not starting.\n`);
    return 2;
  }
  if (!slack && !teams) {
    const { runConsole } = await import('../adapters/console/console.js');
    await runConsole(first, { input: process.stdin, output: process.stdout });
    return 0;
  }
  const [{ LiveEngine }, { openStore }, { createHttpApp, drain, listen }, { posterFor }, { Scheduler }] = await Promise.all([
    import('../src/reload.js'),
    import('../src/store/open.js'),
    import('./server.js'),
    import('../src/conversation/posting.js'),
    import('../src/schedule/scheduler.js'),
  ]);
  // Documents reload when DATA_DIR changes or on SIGHUP; a broken or truncated one never replaces a good one.
  const live = new LiveEngine({ build: () => loadEngine([config.dataDir]), dataDir: config.dataDir }, first);
  live.watch(config.dataDir);
  process.on('SIGHUP', () => void live.reload('SIGHUP'));
  const engine = live.current;

  const store = await openStore(config.store);
  const platforms: string[] = [];
  let draining = false;
  let slackSurface: SlackSurface | null = null;
  const http = createHttpApp(async () => {
    // A store that answers but cannot keep a write (its file deleted or corrupt) is not ready.
    const health = await Promise.race([
      store.health(),
      new Promise<StoreHealth>((r) => setTimeout(() => r({ ok: false, problem: 'the store did not answer within 2 s' }), 2000).unref()),
    ]);
    const documents = engine().kb.documents.map((d) => d.id);
    const core = {
      ready: !draining && health.ok && documents.length > 0 && platforms.length > 0,
      draining,
      documents,
      store: health.ok ? 'ok' : health.problem,
      platforms,
    };
    // Slack's credentials, checked with auth.test: 'ok', or why not (yet).
    const slackState = slackSurface?.status();
    return slackState === undefined ? core : { ...core, ready: core.ready && slackState === 'ok', slack: slackState };
  });
  const logUserIds = config.logUserIds;
  const surfaces: string[] = [];
  const posters: Poster[] = [];
  if (slack) {
    const [{ createSlackApp }, { postingClient, slackAdapter }] = await Promise.all([
      import('../adapters/slack/app.js'),
      import('../adapters/slack/adapter.js'),
    ]);
    slackSurface = createSlackApp(slack, { expressApp: http, engine, logUserIds, store });
    await slackSurface.start();
    const client = postingClient(slack.botToken, slack.apiUrl);
    posters.push(posterFor(slackAdapter(client, client)));
    surfaces.push(`Slack: ${slack.signingSecret ? 'POST /slack/events' : 'Socket Mode'}`);
    platforms.push('slack');
  }
  if (teams) {
    if (teams.allowUnauthenticated) {
      log.warn('teams.unauthenticated', {
        message: 'DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true: /api/messages accepts requests from anyone. For local testing only.',
      });
      process.stderr.write(
        '\n*** WARNING: Teams requests are NOT authenticated (DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true). Local testing only. ***\n\n',
      );
    }
    const [{ createTeamsApp }, { teamsAdapter }] = await Promise.all([import('../adapters/teams/app.js'), import('../adapters/teams/adapter.js')]);
    const { app } = await createTeamsApp(teams, { expressApp: http, engine, logUserIds, store });
    posters.push(posterFor(teamsAdapter(app, store)));
    surfaces.push('Teams: POST /api/messages');
    platforms.push('teams');
  }
  // Unauthenticated Teams requests are for local testing: only this machine may send them.
  const host = teams?.allowUnauthenticated ? '127.0.0.1' : undefined;
  const { port: bound, server } = await listen(http, port, host, log);
  // Digests: due and unsent posts (and ticks missed less than SCHEDULE_MAX_LATE_MINUTES ago) go out now.
  const scheduler = new Scheduler({ store, posters, engine, ...config.scheduler });
  scheduler.start();

  // SIGTERM/SIGINT: take no new requests, answer those in flight, let the outbox finish the
  // sends under way, then exit 0. A second signal exits at once.
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn('stopped_now', { signal });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    stopping = true;
    draining = true;
    log.info('stopping', { signal });
    live.close();
    await Promise.all([drain(server, DRAIN_MS), scheduler.stop(), slackSurface?.stop()]);
    await store.close();
    log.info('stopped', { signal });
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  log.info('started', { port: bound, host: host ?? 'all', documents: first.kb.documents.map((d) => d.id), surfaces, store: describeStore(config.store) });
  const where = host ? `http://${host}:${bound}, this machine only (DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS)` : `http://localhost:${bound}`;
  process.stderr.write(`respbot listening on ${where} (${surfaces.join('; ')}; GET /healthz, /readyz)\n`);
  // The first questions are answered at full speed: the engine warms up now, in slices between requests.
  void warmUp(engine()).then((w) => log.info('engine.warmed', w));
  return await new Promise<number>(() => {});
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const known = e instanceof ConfigError;
    process.stderr.write(`respbot: ${known ? (e as Error).message : (e as Error).stack}\n`);
    process.exitCode = 2;
  },
);
