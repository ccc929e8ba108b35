#!/usr/bin/env node
// dist/ is what runs, everywhere (npm start, the respbot command, the tests, the Docker image):
// the TypeScript sources compiled once by tsc. In a checkout, every entry point calls
// ensureBuilt() first: dist/ carries a fingerprint of the sources it was built from, and a
// mismatch builds again, so stale code never runs. An installed copy without the sources (the
// Docker image) runs its dist/ as it is.
//
// `node bin/build.js` (npm run build): build if the sources changed since the last build.
// `--force` builds anyway; `--prepare` (npm's prepare script) only notes a missing TypeScript
// (an install without dev dependencies) instead of failing the install.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const CONFIG = 'tsconfig.build.json';
/** The fingerprint of the sources dist/ was last built from. */
const STAMP = join(DIST, '.sources');
/** tsc's incremental record: a rebuild after a small change compiles less. */
const BUILD_INFO = join(DIST, '.tsbuildinfo');
const require = createRequire(import.meta.url);

/** A checkout has the sources and the build config; an installed copy has dist/ only. */
export function isCheckout() {
  return existsSync(join(ROOT, CONFIG));
}

/** The source folders the build compiles (tsconfig.build.json's include). */
function sourceDirs() {
  return JSON.parse(readFileSync(join(ROOT, CONFIG), 'utf8')).include;
}

function typescript() {
  try {
    return { tsc: require.resolve('typescript/bin/tsc'), version: require('typescript/package.json').version };
  } catch {
    return null;
  }
}

function sourceFiles() {
  return sourceDirs()
    .flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true }).map((f) => join(dir, String(f))))
    .filter((f) => f.endsWith('.ts'))
    .sort();
}

/** A hash of everything the output depends on: each .ts source (path and text), the configs, tsc's version. */
export function fingerprint(files = sourceFiles()) {
  const hash = createHash('sha256');
  hash.update(`typescript ${typescript()?.version ?? 'none'}\n`);
  for (const config of ['tsconfig.json', CONFIG]) hash.update(`${config}\n`).update(readFileSync(join(ROOT, config)));
  for (const f of files) hash.update(`\0${f}\0`).update(readFileSync(join(ROOT, f)));
  return hash.digest('hex');
}

/** A source whose compiled file is missing (dist/ partly deleted): tsc's incremental record would not notice. */
const missingOutput = (files) => files.some((f) => !existsSync(join(DIST, f.replace(/\.ts$/, '.js'))));

function builtFrom() {
  try {
    return readFileSync(STAMP, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Compiled files whose source is gone (tsc leaves them): removed, so dist/ holds only what the sources make. */
function pruneOrphans() {
  for (const dir of sourceDirs()) {
    const out = join(DIST, dir);
    if (!existsSync(out)) continue;
    for (const f of readdirSync(out, { recursive: true }).map(String)) {
      if (!f.endsWith('.js')) continue;
      if (!existsSync(join(ROOT, dir, f.replace(/\.js$/, '.ts')))) rmSync(join(out, f));
    }
  }
}

/** Compiles the sources into dist/ and records their fingerprint; throws with tsc's report when it fails. */
export function build() {
  const ts = typescript();
  if (!ts) throw new Error('dist/ is missing or older than the sources, and TypeScript is not installed to build it: run `npm install` (dev dependencies included).');
  const print = fingerprint(); // before compiling: a file edited during the build makes the next check build again
  process.stderr.write(`respbot: building dist/ from the sources (tsc -p ${CONFIG})…\n`);
  mkdirSync(DIST, { recursive: true });
  // tsc reports on stdout; our stdout may be a chat's answers, so its report goes to stderr.
  if (missingOutput(sourceFiles())) rmSync(BUILD_INFO, { force: true });
  const r = spawnSync(process.execPath, [ts.tsc, '-p', CONFIG, '--incremental', '--tsBuildInfoFile', BUILD_INFO], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`the build failed (tsc -p ${CONFIG}, exit ${r.status ?? r.signal}); nothing stale is run.`);
  pruneOrphans();
  writeFileSync(STAMP, `${print}\n`);
}

/** Builds dist/ when the sources changed since it was built (in a checkout); else does nothing. */
export function ensureBuilt() {
  if (!isCheckout()) return;
  const files = sourceFiles();
  if (builtFrom() !== fingerprint(files) || missingOutput(files)) build();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const args = process.argv.slice(2);
  try {
    if (args.includes('--prepare') && (!isCheckout() || !typescript())) {
      if (isCheckout()) process.stderr.write('respbot: TypeScript is not installed (no dev dependencies): dist/ not built.\n');
    } else if (args.includes('--force')) build();
    else ensureBuilt();
  } catch (e) {
    process.stderr.write(`respbot: ${e.message}\n`);
    process.exitCode = 1;
  }
}
