// `npm start`: loads the documents and runs respbot on the configured surfaces. With no
// platform credentials it is a chat in the terminal on the shipped data. This file is the
// composition root: the only place that knows every surface.
import { runConsole } from '../adapters/console/console.js';
import { createSlackApp } from '../adapters/slack/app.js';
import { SlackConfigError, slackConfig } from '../adapters/slack/config.js';
import { coreConfig } from './config.js';
import { loadEngine } from './engine/engine.js';
import { ConfigError, describeWarning } from './load/folder.js';
import { log } from './log.js';
import { createHttpApp, listen, portFrom } from './server.js';

async function main(): Promise<number> {
  const config = coreConfig();
  const slack = slackConfig(process.env);
  const port = portFrom(process.env);
  const engine = loadEngine([config.dataDir]);
  for (const w of engine.kb.warnings) process.stderr.write(`warning: ${describeWarning(w)}\n`);
  if (engine.kb.documents.length === 0) {
    process.stderr.write(`respbot: no responsibility document loaded from ${config.dataDir}; not starting.\n`);
    return 2;
  }
  if (!slack) {
    await runConsole(engine, { input: process.stdin, output: process.stdout });
    return 0;
  }
  const http = createHttpApp();
  const surface = createSlackApp(slack, { expressApp: http, engine: () => engine, logUserIds: process.env.LOG_USER_IDS === 'true' });
  await surface.start();
  const { port: bound } = await listen(http, port);
  log.info('started', {
    port: bound,
    documents: engine.kb.documents.map((d) => d.id),
    slack: slack.signingSecret ? 'http /slack/events' : 'socket mode',
  });
  process.stderr.write(`respbot listening on http://localhost:${bound} (Slack: ${slack.signingSecret ? 'POST /slack/events' : 'Socket Mode'}; GET /healthz)\n`);
  return await new Promise<number>(() => {});
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const known = e instanceof ConfigError || e instanceof SlackConfigError || (e instanceof Error && /^PORT /.test(e.message));
    process.stderr.write(`respbot: ${known ? (e as Error).message : (e as Error).stack}\n`);
    process.exitCode = 2;
  },
);
