// `respbot report [--since 7d] [--limit 20] [--json]`: what users could not get answered, from
// the bot's store (STORE_PATH or DATABASE_URL, as the bot uses them).
import { parseArgs } from 'node:util';
import { coreSettings } from '../../src/config/settings.js';
import { loadEngine } from '../../src/engine/engine.js';
import { buildReport, formatReport, parseSince } from '../../src/report/report.js';
import { openStore } from '../../src/store/open.js';

export async function runReport(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { since: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, data: { type: 'string' } },
  });
  const window = parseSince(values.since ?? '7d');
  const limit = Number(values.limit ?? 20);
  if (window === null || !Number.isInteger(limit) || limit < 1) {
    process.stderr.write('usage: respbot report [--since 7d|24h|2w] [--limit 20] [--json]\n');
    return 2;
  }
  const since = Date.now() - window;
  const settings = coreSettings();
  const store = await openStore(settings.store);
  try {
    const signals = await store.listSignals(since);
    const report = buildReport(signals, loadEngine([values.data ?? settings.dataDir]), since, limit);
    process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
    return 0;
  } finally {
    await store.close();
  }
}
