// `npm run teams:package [-- --out FILE]`: writes the zip a Teams admin uploads
// (manifest.json with the ids from the environment, and the two icons from icons/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { coreSettings } from '../../../src/config/settings.js';
import { loadEngine } from '../../../src/engine/engine.js';
import { PACKAGE_ROOT } from '../../../src/paths.js';
import { iconFiles } from './icons.js';
import { buildManifest, manifestSettings } from './manifest.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ?? join(PACKAGE_ROOT, 'dist', 'respbot-teams.zip');
try {
  const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const manifest = buildManifest(manifestSettings(process.env, version), loadEngine([coreSettings().dataDir]));
  mkdirSync(dirname(out), { recursive: true });
  const files = { 'manifest.json': strToU8(JSON.stringify(manifest, null, 2)), ...Object.fromEntries(iconFiles().map((f) => [f.name, f.data])) };
  // A fixed time (zip's earliest) so the same manifest and icons give the same zip.
  writeFileSync(out, zipSync(files, { mtime: new Date(1980, 0, 1) }));
  process.stdout.write(`wrote ${out}: upload it in Teams (Apps → Manage your apps → Upload an app) or the Teams admin center.\n`);
} catch (e) {
  process.stderr.write(`teams:package: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
