// New documents reach the running bot without a restart: SIGHUP, and `respbot sync`.
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PACKAGE_ROOT, SHIPPED_DATA_DIR } from '../../src/paths.js';
import { CLI } from '../helpers/entry.js';
import { useService, dir, startBot, asker } from '../helpers/service.js';

useService();

const withQuantumRow = (text: string) =>
  text.replace(
    /(\|Security and vulnerability patch updates to cluster\|[^\n]*\n)/,
    '$1|Quantum key rotation| IBM rotates the quantum-safe keys every week. | |\n',
  );

/** The bot's log line that says the new documents are in (a reload from file events waits for 2 s of quiet first). */
const RELOADED = /"event":"documents\.reloaded"/;

/** An upstream copy of the Event Streams document on loopback, and data/sources.yaml pointing `respbot sync` at it. */
async function serveUpstream(data: string, text: string): Promise<Server> {
  const upstream = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(text));
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  writeFileSync(
    join(data, 'sources.yaml'),
    `documents:\n  - file: event-streams-responsibilities.md\n    url: http://127.0.0.1:${(upstream.address() as AddressInfo).port}/responsibilities.md\n`,
  );
  return upstream;
}

test('SIGHUP reloads the documents in DATA_DIR', async () => {
  const data = join(dir, 'data');
  cpSync(SHIPPED_DATA_DIR, data, { recursive: true });
  const bot = await startBot({ DATA_DIR: data });
  const ask = asker(bot);
  try {
    expect(await ask('who rotates the quantum keys?')).not.toMatch(/Quantum/);
    const doc = join(data, 'event-streams-responsibilities.md');
    // The watcher would see this too; SIGHUP is for setups where file events do not arrive (network mounts).
    writeFileSync(doc, withQuantumRow(readFileSync(doc, 'utf8')));
    bot.child.kill('SIGHUP');
    await bot.logged(RELOADED);
    expect(await ask('who rotates the quantum keys?')).toBe('IBM: Quantum key rotation');
    expect(bot.stderr()).toContain('"event":"documents.reloaded"');
  } finally {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }
});

test('respbot sync brings a changed upstream document to the running bot, with no restart', async () => {
  const data = join(dir, 'data');
  cpSync(SHIPPED_DATA_DIR, data, { recursive: true });
  const upstream = await serveUpstream(data, withQuantumRow(readFileSync(join(SHIPPED_DATA_DIR, 'event-streams-responsibilities.md'), 'utf8')));
  const bot = await startBot({ DATA_DIR: data });
  const ask = asker(bot);
  try {
    expect(await ask('who rotates the quantum keys?')).not.toMatch(/Quantum/);
    const sync = spawn(process.execPath, [CLI, 'sync'], { cwd: PACKAGE_ROOT, env: { ...process.env, DATA_DIR: data } });
    let out = '';
    sync.stdout.on('data', (d) => (out += d));
    expect(await new Promise((r) => sync.on('exit', r))).toBe(0);
    expect(out).toMatch(/^event-streams-responsibilities\.md: updated \(\+1 rows/);
    await bot.logged(RELOADED);
    expect(await ask('who rotates the quantum keys?')).toBe('IBM: Quantum key rotation');
  } finally {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    await new Promise((r) => upstream.close(r));
  }
});

test('a truncated upstream copy: sync refuses it and the bot keeps its sections; with --accept-removals both take it', async () => {
  const data = join(dir, 'data');
  cpSync(SHIPPED_DATA_DIR, data, { recursive: true });
  const full = readFileSync(join(SHIPPED_DATA_DIR, 'event-streams-responsibilities.md'), 'utf8');
  const upstream = await serveUpstream(data, full.slice(0, Math.floor(full.length * 0.7)));
  const bot = await startBot({ DATA_DIR: data });
  const ask = asker(bot);
  const sync = async (...args: string[]) => {
    const child = spawn(process.execPath, [CLI, 'sync', ...args], { cwd: PACKAGE_ROOT, env: { ...process.env, DATA_DIR: data } });
    return new Promise((r) => child.on('exit', r));
  };
  const MIRRORING = 'who checks clusters are viable mirroring pairs?';
  try {
    expect(await ask(MIRRORING)).toMatch(/Clusters/);
    expect(await sync()).toBe(1);
    expect(await sync('--accept-removals')).toBe(0);
    await bot.logged(RELOADED);
    expect(await ask(MIRRORING)).not.toMatch(/Clusters/);
    const reloaded = bot
      .stderr()
      .split('\n')
      .find((l) => l.includes('"event":"documents.reloaded"'))!;
    expect(JSON.parse(reloaded)).toMatchObject({
      removalsAcceptedBy: join(data, '.accept-removals'),
      losses: [expect.objectContaining({ lostSections: ['App orchestration', 'Mirroring', 'Support of client-side libraries'] })],
    });
  } finally {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    await new Promise((r) => upstream.close(r));
  }
});
