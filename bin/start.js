#!/usr/bin/env node
// `npm start` and the Docker image's command: the bot (dist/bundle/main.js), built first if the sources
// changed (in a checkout). It runs in this process, so SIGTERM, SIGINT and SIGHUP reach the bot.
import { runBuilt } from './build.js';

await runBuilt('bundle/main.js');
