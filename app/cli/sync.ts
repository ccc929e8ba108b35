// `respbot sync [--dry-run] [--json] [--accept-removals] [--data DIR]`: bring the documents in
// DATA_DIR up to date with their upstream copies (DATA_DIR/sources.yaml). A running bot picks
// up the new files by itself. Exit 1 when any document was rejected.
import { parseArgs } from 'node:util';
import { coreSettings } from '../../src/config/settings.js';
import { describeDiff } from '../../src/sync/diff.js';
import { ConfigError } from '../../src/config/error.js';
import { syncDocuments, type SyncOutcome } from '../../src/sync/sync.js';

function describe(o: SyncOutcome): string {
  switch (o.status) {
    case 'unchanged':
      return `${o.file}: unchanged`;
    case 'rejected':
      return `${o.file}: rejected, kept the old copy: ${o.reason}`;
    default: {
      const verb = { updated: 'updated', added: 'added', 'would-update': 'would update', 'would-add': 'would add' }[o.status];
      const rows = [...o.diff.added.map((r) => `    + ${r}`), ...o.diff.removed.map((r) => `    − ${r}`), ...o.diff.changed.map((r) => `    ~ ${r}`)];
      return [`${o.file}: ${verb} (${describeDiff(o.diff)})`, ...rows].join('\n');
    }
  }
}

export async function runSync(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, 'accept-removals': { type: 'boolean' }, data: { type: 'string' } },
  });
  const dataDir = values.data ?? coreSettings().dataDir;
  const tty = process.stderr.isTTY && !values.json;
  let done = 0;
  let outcomes: SyncOutcome[];
  try {
    outcomes = await syncDocuments({
      dataDir,
      dryRun: values['dry-run'],
      acceptRemovals: values['accept-removals'],
      // On a terminal, one line that counts up; in a log, nothing until the results.
      progress: ({ total, file, outcome }) => {
        if (!tty) return;
        if (outcome) done++;
        process.stderr.write(`\r\x1b[2K[${done}/${total}] ${outcome ? 'checked' : 'fetching'} ${file}`);
      },
    });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`respbot sync: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (tty) process.stderr.write('\r\x1b[2K');
  if (values.json) process.stdout.write(JSON.stringify(outcomes, null, 2) + '\n');
  else {
    for (const o of outcomes) process.stdout.write(describe(o) + '\n');
    if (values['dry-run']) process.stdout.write('(dry run: nothing written)\n');
  }
  return outcomes.some((o) => o.status === 'rejected') ? 1 : 0;
}
