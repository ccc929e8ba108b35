// A SQLite store file deleted or corrupted under the running bot: /readyz says so, and nothing
// is said to be done that was not.
import Database from 'better-sqlite3';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { useService, api, dir, startBot, slash } from '../helpers/service.js';

useService();

test('a SQLite file deleted under the bot: /readyz says so, and a schedule command says it was not scheduled', async () => {
  const path = join(dir, 'store.db');
  const bot = await startBot({ STORE_PATH: path });
  try {
    expect((await fetch(`${bot.base}/readyz`)).status).toBe(200);
    expect(await slash(bot, 'schedule disaster recovery daily 09:00 UTC')).toMatch(/^Scheduled `s-\w+`/);
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    const ready = await fetch(`${bot.base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, store: expect.stringMatching(/store file .*store\.db was deleted/) });
    const announced = api.calls.filter((c) => c.path === 'chat.postMessage').length;
    const reply = await slash(bot, 'schedule mirroring daily 10:00 UTC');
    expect(reply).not.toMatch(/Scheduled/);
    expect(reply).toMatch(/schedule store is not working.*nothing was scheduled/i);
    expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(announced); // no announcement of a schedule that does not exist
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
});

test("a SQLite file corrupted under the bot: /readyz reports SQLite's finding", async () => {
  const path = join(dir, 'store.db');
  const bot = await startBot({ STORE_PATH: path });
  try {
    expect((await fetch(`${bot.base}/readyz`)).status).toBe(200);
    // Pages on disk, then garbage over them (a bad disk, a copy taken mid-write).
    const db = new Database(path);
    db.exec('CREATE TABLE filler (x TEXT)');
    for (let i = 0; i < 100; i++) db.prepare('INSERT INTO filler VALUES (?)').run('x'.repeat(500));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, 4096);
    closeSync(fd);
    const ready = await fetch(`${bot.base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, store: expect.stringMatching(/is corrupt: /) });
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
});
