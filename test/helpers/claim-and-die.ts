// A bot process that dies between "claimed" and "sent": it claims the due posts in the store
// the environment names (STORE_PATH or DATABASE_URL, as the bot reads them), with the real
// scheduler and Slack poster aimed at argv[2], and SIGKILLs itself before sending anything.
// Used by the restart test; run with node --import tsx.
import { postingClient, slackAdapter } from '../../adapters/slack/adapter.js';
import { posterFor } from '../../src/conversation/posting.js';
import { loadEngine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { coreSettings } from '../../src/config/settings.js';
import { openStore } from '../../src/store/open.js';

const [apiUrl, leaseMs] = process.argv.slice(2);
const store = await openStore(coreSettings().store);
const engine = loadEngine([SHIPPED_DATA_DIR]);
const scheduler = new Scheduler({
  store,
  posters: [posterFor(slackAdapter(postingClient('xoxb-test', apiUrl!)))],
  engine: () => engine,
  log: createLog('error'),
  leaseMs: Number(leaseMs),
  afterClaim: (posts) => {
    process.stdout.write(`claimed ${posts.map((p) => p.key).join(' ')}\n`, () => process.kill(process.pid, 'SIGKILL'));
    return new Promise(() => {}); // never send
  },
});
await scheduler.tick();
