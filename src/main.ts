// `npm start`: loads the documents and runs respbot on the configured surfaces. With no
// platform credentials it is a chat in the terminal on the shipped data. This file is the
// composition root: the only place that knows every surface.
import { runConsole } from '../adapters/console/console.js';
import { createSlackApp } from '../adapters/slack/app.js';
import { SlackConfigError, slackConfig } from '../adapters/slack/config.js';
import { createTeamsApp } from '../adapters/teams/app.js';
import { TeamsConfigError, teamsConfig } from '../adapters/teams/config.js';
import { coreConfig } from './config.js';
import { loadEngine } from './engine/engine.js';
import { ConfigError, describeWarning } from './load/folder.js';
import { log } from './log.js';
import { createHttpApp, listen, portFrom } from './server.js';

async function main(): Promise<number> {
  const config = coreConfig();
  const slack = slackConfig(process.env);
  const teams = teamsConfig(process.env);
  const port = portFrom(process.env);
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
  const http = createHttpApp();
  const logUserIds = process.env.LOG_USER_IDS === 'true';
  const surfaces: string[] = [];
  if (slack) {
    const surface = createSlackApp(slack, { expressApp: http, engine: () => engine, logUserIds });
    await surface.start();
    surfaces.push(`Slack: ${slack.signingSecret ? 'POST /slack/events' : 'Socket Mode'}`);
  }
  if (teams) {
    if (teams.allowUnauthenticated) {
      log.warn('teams.unauthenticated', { message: 'DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true: /api/messages accepts requests from anyone. For local testing only.' });
      process.stderr.write('\n*** WARNING: Teams requests are NOT authenticated (DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true). Local testing only. ***\n\n');
    }
    await createTeamsApp(teams, { expressApp: http, engine: () => engine, logUserIds });
    surfaces.push('Teams: POST /api/messages');
  }
  const { port: bound } = await listen(http, port);
  log.info('started', { port: bound, documents: engine.kb.documents.map((d) => d.id), surfaces });
  process.stderr.write(`respbot listening on http://localhost:${bound} (${surfaces.join('; ')}; GET /healthz)\n`);
  return await new Promise<number>(() => {});
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const known = e instanceof ConfigError || e instanceof SlackConfigError || e instanceof TeamsConfigError || (e instanceof Error && /^PORT /.test(e.message));
    process.stderr.write(`respbot: ${known ? (e as Error).message : (e as Error).stack}\n`);
    process.exitCode = 2;
  },
);
