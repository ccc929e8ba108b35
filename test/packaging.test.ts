// What ships: the Docker image is not built on these machines (no Docker engine), so what it
// depends on is checked here by reading: its build stage has every source folder the build
// compiles, its last stage has what `node bin/start.js` and `respbot …` need, and the production
// dependencies hold every package the compiled code imports and no build tool.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { PACKAGE_ROOT } from '../src/paths.js';

const read = (f: string) => readFileSync(join(PACKAGE_ROOT, f), 'utf8');
const stages = read('Dockerfile')
  .split(/^FROM /m)
  .slice(1);
/** The sources (COPY <src> <dest>) of a stage's plain COPY lines, and of its COPY --from lines. */
const copies = (stage: string) => [...stage.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(' '));
const copiedFrom = (stage: string) => [...stage.matchAll(/^COPY --from=\S+ \/app\/(\S+) /gm)].map((m) => m[1]!);

const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { dev?: boolean; optional?: boolean }> };
const production = new Set(
  Object.entries(lock.packages)
    .filter(([path, p]) => path.startsWith('node_modules/') && !p.dev)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
);

test('the image builds every folder the build compiles, on a supported Node', () => {
  const include = (JSON.parse(read('tsconfig.build.json')) as { include: string[] }).include;
  const build = stages[0]!;
  for (const dir of [...include, 'bin', 'tsconfig.json', 'tsconfig.build.json']) expect(copies(build)).toContain(dir);
  for (const stage of stages) expect(stage).toMatch(/^node:24-/);
});

test('the last stage has what `node bin/start.js` and the respbot command run: dist/, bin/, data/, production modules', () => {
  const last = stages.at(-1)!;
  expect(copiedFrom(last).sort()).toEqual(['dist', 'node_modules']);
  expect(copies(last)).toEqual(expect.arrayContaining(['package.json', 'bin', 'data']));
  expect(last).toMatch(/^CMD \["node", "bin\/start\.js"\]$/m);
  expect(last).toMatch(/ln -s \/app\/bin\/respbot\.js \/usr\/local\/bin\/respbot/);
  // The modules come from an install without dev dependencies.
  expect(stages.find((s) => s.includes('AS deps'))).toMatch(/npm ci --omit=dev/);
});

test('production dependencies hold no build tool: no TypeScript, tsx or esbuild', () => {
  for (const tool of ['typescript', 'tsx', 'esbuild', '@swc/core', 'jest']) expect(production.has(tool)).toBe(false);
});

test('every package the shipped code imports is a production dependency', () => {
  const shipped = (JSON.parse(read('tsconfig.build.json')) as { include: string[] }).include;
  const imported = new Set<string>();
  for (const dir of shipped) {
    for (const f of readdirSync(join(PACKAGE_ROOT, dir), { recursive: true }).map(String)) {
      if (!f.endsWith('.ts')) continue;
      // Value imports only: `import type` is erased by the build.
      for (const m of read(join(dir, f)).matchAll(/(?:^import (?!type )[^'"]*?from |import\()'([^'.][^']*)'/gm)) {
        const name = m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!;
        if (!name.startsWith('node:') && !builtinModules.includes(name)) imported.add(name);
      }
    }
  }
  expect(imported.size).toBeGreaterThan(10);
  expect([...imported].filter((name) => !production.has(name))).toEqual([]);
});

test("the README's table of what ships names exactly the production dependencies", () => {
  const readme = read('README.md');
  const table = readme.slice(readme.indexOf('**What ships.**'), readme.indexOf('`tsc` compiles'));
  const named = [...table.matchAll(/^\| (`[^|]+`) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!));
  const deps = Object.keys((JSON.parse(read('package.json')) as { dependencies: Record<string, string> }).dependencies);
  expect(named.sort()).toEqual(deps.sort());
});
