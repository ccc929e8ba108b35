// `npm start`: loads the documents and runs respbot on the configured surfaces. With no
// platform credentials it is a chat in the terminal on the shipped data. This file is the
// composition root: the only place that knows every surface.
import { runConsole } from '../adapters/console/console.js';
import { createSlackApp } from '../adapters/slack/app.js';
import { SlackConfigError, slackConfig } from '../adapters/slack/config.js';
import { createTeamsApp } from '../adapters/teams/app.js';
import { TeamsConfigError, teamsConfig } from '../adapters/teams/config.js';
import { outboxClient, slackPoster } from '../adapters/slack/outbox.js';
import { teamsPoster } from '../adapters/teams/outbox.js';
import { coreConfig, schedulerConfig, SettingError } from './config.js';
import type { Poster } from './schedule/poster.js';
import { Scheduler } from './schedule/scheduler.js';
import { describeStore, openStore, storeConfig, StoreConfigError } from './store/open.js';
import { loadEngine } from './engine/engine.js';
import { ConfigError, describeWarning } from './load/folder.js';
import { log } from './log.js';
import { createHttpApp, listen, portFrom } from './server.js';

async function main(): Promise<number> {
  const config = coreConfig();
  const slack = slackConfig(process.env);
  const teams = teamsConfig(process.env);
  const port = portFrom(process.env);
  const storeSettings = storeConfig(process.env);
  const scheduling = schedulerConfig(process.env);
  const engine = loadEngine([config.dataDir]);
  for (const w of engine.kb.warnings) process.stderr.write(`warning: ${describeWarning(w)}\n`);
  if (engine.kb.documents.length === 0) {
    process.stderr.write(`respbot: no responsibility document loaded from ${config.dataDir}; not starting.\n`);
    return 2;
  }
  if (!slack && !teams) {
    await runConsole(engine, { input: process.stdin, output: process.stdout });
    return 0;
  }
  const store = await openStore(storeSettings);
  const http = createHttpApp();
  const logUserIds = process.env.LOG_USER_IDS === 'true';
  const surfaces: string[] = [];
  const posters: Poster[] = [];
  if (slack) {
    const surface = createSlackApp(slack, { expressApp: http, engine: () => engine, logUserIds, store });
    await surface.start();
    posters.push(slackPoster(outboxClient(slack.botToken, slack.apiUrl)));
    surfaces.push(`Slack: ${slack.signingSecret ? 'POST /slack/events' : 'Socket Mode'}`);
  }
  if (teams) {
    if (teams.allowUnauthenticated) {
      log.warn('teams.unauthenticated', { message: 'DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true: /api/messages accepts requests from anyone. For local testing only.' });
      process.stderr.write('\n*** WARNING: Teams requests are NOT authenticated (DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true). Local testing only. ***\n\n');
    }
    const { app } = await createTeamsApp(teams, { expressApp: http, engine: () => engine, logUserIds, store });
    posters.push(teamsPoster(app, store));
    surfaces.push('Teams: POST /api/messages');
  }
  const { port: bound, server } = await listen(http, port);
  // Digests: due and unsent posts (and ticks missed less than SCHEDULE_MAX_LATE_MINUTES ago) go out now.
  const scheduler = new Scheduler({ store, posters, engine: () => engine, ...scheduling });
  scheduler.start();
  const shutdown = async (signal: string) => {
    log.info('stopping', { signal });
    server.close();
    await scheduler.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  log.info('started', { port: bound, documents: engine.kb.documents.map((d) => d.id), surfaces, store: describeStore(storeSettings) });
  process.stderr.write(`respbot listening on http://localhost:${bound} (${surfaces.join('; ')}; GET /healthz)\n`);
  return await new Promise<number>(() => {});
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const known = e instanceof ConfigError || e instanceof SlackConfigError || e instanceof TeamsConfigError || e instanceof StoreConfigError || e instanceof SettingError || (e instanceof Error && /^PORT /.test(e.message));
    process.stderr.write(`respbot: ${known ? (e as Error).message : (e as Error).stack}\n`);
    process.exitCode = 2;
  },
);
