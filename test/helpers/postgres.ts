// A throwaway PostgreSQL server on loopback for the store tests: Debian's binaries
// (/usr/lib/postgresql/<version>/bin), a fresh cluster in a temporary folder, a free port,
// gone after the tests. TEST_DATABASE_URL uses a server you run instead. Null when neither
// exists (`.ci/run` installs Debian's postgresql package so CI always has it).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  url: string;
  /** A fresh schema name per test file or case, so tests do not see each other's rows. */
  schema(prefix: string): string;
  stop(): Promise<void>;
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

let counter = 0;
const schemaNamer = (prefix: string) => `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;

async function waitReady(url: string, child: ChildProcess | null, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      return;
    } catch (e) {
      await c.end().catch(() => {});
      if (child && child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode})`);
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startPostgres(): Promise<TestPostgres | null> {
  const given = process.env.TEST_DATABASE_URL?.trim();
  if (given) {
    await waitReady(given, null, 5000);
    return { url: given, schema: schemaNamer, stop: async () => {} };
  }
  const bin = binDir();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'respbot-pg-'));
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  execFileSync(...run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'respbot', '-E', 'UTF8', '--no-sync']), { stdio: 'ignore' });
  const port = await freePort();
  const [cmd, args] = run(join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'max_connections=60',
  ]);
  const child = spawn(cmd, args, { stdio: 'ignore' });
  const url = `postgres://respbot@127.0.0.1:${port}/postgres`;
  await waitReady(url, child);
  return {
    url,
    schema: schemaNamer,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        // Signal the server itself (runuser does not pass signals on): SIGINT is a fast shutdown.
        const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
        process.kill(pid, 'SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
