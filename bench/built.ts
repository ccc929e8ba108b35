// The engine as production runs it: tsc's output in dist/, built first when the sources changed
// (bin/build.js). Timed from the sources under tsx instead, every closure a question creates
// passes through esbuild's keepNames wrapper (`__name`), which production never runs: seed
// questions took 40% longer that way (p50 0.162 against 0.116 ms, 2026-12-01).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../src/paths.js';

const build = spawnSync(process.execPath, ['bin/build.js'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('bench: the build failed');

const dist = <T>(file: string): Promise<T> => import(pathToFileURL(join(PACKAGE_ROOT, 'dist', file)).href) as Promise<T>;

export const { engineFor, loadEngine } = await dist<typeof import('../src/engine/engine.js')>('src/engine/engine.js');
export const { warmUp, WARM_UP_MS } = await dist<typeof import('../src/engine/warm-up.js')>('src/engine/warm-up.js');
export const { loadKnowledgeBase } = await dist<typeof import('../src/load/folder.js')>('src/load/folder.js');
