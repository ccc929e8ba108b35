// A bot process that dies between "claimed" and "sent": it claims the due posts in the store
// the environment names (STORE_PATH or DATABASE_URL, as the bot reads them), with the real
// scheduler and Slack poster aimed at argv[2], and SIGKILLs itself before sending anything.
// Used by the restart test. Plain JavaScript on the compiled modules (dist/, as the bot runs
// them), so it starts as fast as the bot: run it with node.
import { postingClient, slackAdapter } from '../../dist/adapters/slack/adapter.js';
import { coreSettings } from '../../dist/src/config/settings.js';
import { posterFor } from '../../dist/src/conversation/posting.js';
import { loadEngine } from '../../dist/src/engine/engine.js';
import { createLog } from '../../dist/src/log.js';
import { SHIPPED_DATA_DIR } from '../../dist/src/paths.js';
import { Scheduler } from '../../dist/src/schedule/scheduler.js';
import { openStore } from '../../dist/src/store/open.js';

const [apiUrl, leaseMs] = process.argv.slice(2);
const store = await openStore(coreSettings().store);
const engine = loadEngine([SHIPPED_DATA_DIR]);
const scheduler = new Scheduler({
  store,
  posters: [posterFor(slackAdapter(postingClient('xoxb-test', apiUrl)))],
  engine: () => engine,
  log: createLog('error'),
  leaseMs: Number(leaseMs),
  afterClaim: (posts) => {
    process.stdout.write(`claimed ${posts.map((p) => p.key).join(' ')}\n`, () => process.kill(process.pid, 'SIGKILL'));
    return new Promise(() => {}); // never send
  },
});
await scheduler.tick();
