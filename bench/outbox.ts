// Outbox throughput: digests planned, claimed, "sent" (to a poster that does nothing) and
// recorded, per second, on the SQLite store (and on PostgreSQL when BENCH_DATABASE_URL is
// set). The platform is left out: this is what the store and scheduler cost per post.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../src/engine/engine.js';
import { createLog } from '../src/log.js';
import { Scheduler } from '../src/schedule/scheduler.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/types.js';

export interface OutboxResult {
  store: string;
  posts: number;
  posts_per_s: number;
}

async function run(store: Store, engine: Engine, name: string, channels = 200, minutes = 5): Promise<OutboxResult> {
  const t0 = Date.parse('2026-03-02T00:00:00Z');
  for (let i = 0; i < channels; i++) {
    await store.addSchedule({
      platform: 'slack',
      channel: `C${i}`,
      target: 'rotate',
      label: 'rotation',
      cron: '* * * * *',
      timezone: 'UTC',
      description: 'every minute',
      createdBy: null,
      nextDue: t0,
    });
  }
  const clock = { t: t0 };
  let sent = 0;
  const s = new Scheduler({
    store,
    engine: () => engine,
    now: () => clock.t,
    log: createLog('error', () => {}),
    posters: [
      {
        platform: 'slack',
        send: async (_p, _a, done) => {
          sent++;
          await done(1);
        },
      },
    ],
  });
  const started = performance.now();
  for (let m = 0; m < minutes; m++, clock.t += 60_000) await s.tick();
  const secs = (performance.now() - started) / 1000;
  await store.close();
  return { store: name, posts: sent, posts_per_s: Math.round(sent / secs) };
}

export async function benchOutbox(engine: Engine): Promise<OutboxResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'respbot-bench-'));
  try {
    const out = [await run(openSqliteStore(join(dir, 'bench.db')), engine, 'sqlite')];
    const url = process.env.BENCH_DATABASE_URL;
    if (url) out.push(await run(await openPostgresStore(url, { schema: `bench_${Date.now()}` }), engine, 'postgres'));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
