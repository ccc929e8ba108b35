// `npm run teams:package [-- --out FILE]`: writes the zip a Teams admin uploads
// (manifest.json with the ids from the environment, and the two icons from icons/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { coreConfig } from '../../../src/config.js';
import { loadEngine } from '../../../src/engine/engine.js';
import { PACKAGE_ROOT } from '../../../src/paths.js';
import { iconFiles } from './icons.js';
import { buildManifest, manifestSettings } from './manifest.js';
import { zip } from './zip.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ?? join(PACKAGE_ROOT, 'dist', 'respbot-teams.zip');
try {
  const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const manifest = buildManifest(manifestSettings(process.env, version), loadEngine([coreConfig().dataDir]));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    ...iconFiles(),
  ]));
  process.stdout.write(`wrote ${out}: upload it in Teams (Apps → Manage your apps → Upload an app) or the Teams admin center.\n`);
} catch (e) {
  process.stderr.write(`teams:package: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
