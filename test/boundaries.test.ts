// The import rules in biome.jsonc, which `npm test` runs over the whole tree: the core (src/)
// imports no surface and no entry point, and no surface imports another. Checked here on probe
// files in a copy of the layout, so a rule that stops matching fails this test.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { PACKAGE_ROOT } from '../src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'respbot-boundaries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
copyFileSync(join(PACKAGE_ROOT, 'biome.jsonc'), join(dir, 'biome.jsonc'));

const PROBES: Record<string, string> = {
  'src/engine/core-to-adapter.ts': "import { slackMessage } from '../../adapters/slack/render.js';",
  'src/store/core-to-app.ts': "import { readSettings } from '../../app/settings.js';",
  'adapters/slack/slack-to-teams.ts': "import { teamsCard } from '../teams/render.js';",
  'adapters/teams/listeners/teams-to-console.ts': "import { consolePlain } from '../../console/render.js';",
  'adapters/console/console-to-slack.ts': "import { slackMessage } from '../../adapters/slack/render.js';",
  // Allowed: the core within itself, an adapter to the core and to its own files, app/ to anything.
  'src/engine/core-to-core.ts': "import { words } from './words.js';",
  'adapters/slack/slack-to-core.ts': "import { answerCards } from '../../src/present/present.js';\nimport { slackMessage } from './render.js';",
  'adapters/teams/teams-sdk.ts': "import { App } from '@microsoft/teams.apps';",
  'app/app-to-all.ts': "import { slackMessage } from '../adapters/slack/render.js';\nimport { teamsCard } from '../adapters/teams/render.js';",
};
for (const [path, text] of Object.entries(PROBES)) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), `${text}\nexport const used = [${[...text.matchAll(/import \{ (\w+) \}/g)].map((m) => m[1]).join(', ')}];\n`);
}

test('biome reports each import that crosses a boundary, and only those', () => {
  const biome = join(PACKAGE_ROOT, 'node_modules', '.bin', 'biome');
  const r = spawnSync(biome, ['lint', '--max-diagnostics=none', '--only=style/noRestrictedImports', '.'], { cwd: dir, encoding: 'utf8' });
  const flagged = [...`${r.stdout}${r.stderr}`.matchAll(/^(\S+\.ts):\d+:\d+ lint\/style\/noRestrictedImports/gm)].map((m) => m[1]).sort();
  expect(flagged).toEqual([
    'adapters/console/console-to-slack.ts',
    'adapters/slack/slack-to-teams.ts',
    'adapters/teams/listeners/teams-to-console.ts',
    'src/engine/core-to-adapter.ts',
    'src/store/core-to-app.ts',
  ]);
});
