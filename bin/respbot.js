#!/usr/bin/env node
// The `respbot` command line (npm run cli, npm link, the Docker image's PATH): dist/bundle/cli.js,
// built first if the sources changed (in a checkout). One process: no child, signals reach it.
import { runBuilt } from './build.js';

await runBuilt('bundle/cli.js');
