// Build once, never run stale code: bin/start.js (npm start) and bin/respbot.js run dist/,
// and in a checkout they first compare dist/'s fingerprint with the sources and build again on
// a change. Checked in a small checkout of its own (the real bin/ scripts, a one-file app), so
// the project's own dist/ is not touched.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { PACKAGE_ROOT } from '../src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'respbot-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'bin'));
mkdirSync(join(dir, 'app'));
for (const f of ['build.js', 'start.js']) copyFileSync(join(PACKAGE_ROOT, 'bin', f), join(dir, 'bin', f));
symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(dir, 'node_modules'));
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      skipLibCheck: true,
      lib: ['es2022'],
      types: [],
      outDir: 'dist',
    },
  }),
);
writeFileSync(join(dir, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { rootDir: '.' }, include: ['app'] }));
// No @types/node: a declared `process` keeps each tsc run short.
const PROCESS = 'declare const process: { stdout: { write(s: string): void } };\n';
const main = (says: string) =>
  writeFileSync(join(dir, 'app', 'main.ts'), `${PROCESS}const said: string = ${JSON.stringify(says)};\nprocess.stdout.write(said + '\\n');\n`);
const start = () => spawnSync(process.execPath, ['bin/start.js'], { cwd: dir, encoding: 'utf8' });

test('npm start builds dist/ on a fresh checkout, then runs it without building again', () => {
  main('first');
  writeFileSync(join(dir, 'app', 'extra.ts'), 'export const extra = 1;\n');
  const fresh = start();
  expect(fresh.stderr).toMatch(/building dist\//);
  expect(fresh.stdout).toBe('first\n');
  expect(existsSync(join(dir, 'dist', 'app', 'extra.js'))).toBe(true);
  const again = start();
  expect(again.stderr).toBe('');
  expect(again.stdout).toBe('first\n');
});

test('a changed source is built before it runs; a deleted one leaves no compiled file behind', () => {
  main('second');
  rmSync(join(dir, 'app', 'extra.ts'));
  const r = start();
  expect(r.stderr).toMatch(/building dist\//);
  expect(r.stdout).toBe('second\n');
  expect(existsSync(join(dir, 'dist', 'app', 'extra.js'))).toBe(false);
});

test('a source that does not compile stops the start with the reason; the last good build is not run', () => {
  writeFileSync(join(dir, 'app', 'main.ts'), `${PROCESS}const n: number = 'not a number';\nprocess.stdout.write(String(n));\n`);
  const r = start();
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/TS2322[\s\S]*the build failed/);
  // Nor the next time: the failed build left dist/ marked as not matching the sources.
  expect(start().stdout).toBe('');
});
