#!/usr/bin/env node
// `npm start` and the Docker image's command: the bot (dist/bundle/main.js), built first if the sources
// changed (in a checkout). It runs in this process, so SIGTERM, SIGINT and SIGHUP reach the bot.
import { ensureBuilt } from './build.js';

try {
  ensureBuilt();
} catch (e) {
  process.stderr.write(`respbot: ${e.message}\n`);
  process.exit(2);
}
await import('../dist/bundle/main.js');
