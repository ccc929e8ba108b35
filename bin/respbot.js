#!/usr/bin/env node
// The `respbot` command line (npm run cli, npm link, the Docker image's PATH): dist/bundle/cli.js,
// built first if the sources changed (in a checkout). One process: no child, signals reach it.
import { ensureBuilt } from './build.js';

try {
  ensureBuilt();
} catch (e) {
  process.stderr.write(`respbot: ${e.message}\n`);
  process.exit(2);
}
await import('../dist/bundle/cli.js');
