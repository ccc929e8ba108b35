#!/usr/bin/env node
// Runs the respbot command line from the TypeScript sources (tsx), so a checkout needs no build step.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cli = fileURLToPath(new URL('../app/cli/main.ts', import.meta.url));
const tsx = require.resolve('tsx/cli');
const r = spawnSync(process.execPath, [tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
