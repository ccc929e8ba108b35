// `respbot sync` against a loopback server serving a good update, a truncated copy, garbage,
// an HTML page and a 404: good ones replace the local copy, bad ones are rejected with the
// reason and the old copy stays, and --dry-run writes nothing.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT, SHIPPED_DATA_DIR } from '../src/paths.js';
import { syncDocuments } from '../src/sync/sync.js';
import { CLI } from './helpers/entry.js';

const SEED = readFileSync(join(SHIPPED_DATA_DIR, 'event-streams-responsibilities.md'), 'utf8');
const UPDATED = SEED.replace('lastupdated: "2025-03-11"', 'lastupdated: "2026-06-01"')
  .replace(/(\|Security and vulnerability patch updates to cluster\|[^\n]*\n)/, '$1|Quantum key rotation| IBM rotates the quantum-safe keys every week. | |\n')
  .replace('according to IBM X-Force timeframes', 'within 48 hours');
const TRUNCATED = SEED.split('\n').slice(0, 60).join('\n');
const BODIES: Record<string, { type: string; body: string | Buffer }> = {
  '/good.md': { type: 'text/plain; charset=utf-8', body: UPDATED },
  '/same.md': { type: 'text/plain; charset=utf-8', body: SEED },
  '/truncated.md': { type: 'text/plain; charset=utf-8', body: TRUNCATED },
  '/garbage.md': { type: 'application/octet-stream', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]) },
  '/page.md': { type: 'text/html', body: '<!DOCTYPE html><html><body>Sign in</body></html>' },
  '/noresp.md': { type: 'text/plain', body: '---\ntitle: Nothing\n---\n\n# Nothing here\n\nJust prose.\n' },
};

let server: Server;
let base: string;
let data: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const b = BODIES[req.url ?? ''];
    if (!b) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': b.type }).end(b.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  data = mkdtempSync(join(tmpdir(), 'respbot-sync-'));
  cpSync(SHIPPED_DATA_DIR, data, { recursive: true });
  const names = ['good', 'same', 'truncated', 'garbage', 'page', 'noresp', 'missing'];
  for (const n of names) writeFileSync(join(data, `${n}.md`), SEED);
  rmSync(join(data, 'event-streams-responsibilities.md'));
  writeFileSync(
    join(data, 'sources.yaml'),
    `documents:\n${names.map((n) => `  - file: ${n}.md\n    url: ${base}/${n}.md\n`).join('')}  - file: brand-new.md\n    url: ${base}/good.md\n`,
  );
});
afterEach(() => rmSync(data, { recursive: true, force: true }));

test('good documents replace the local copy; bad ones are rejected with the reason and the old copy stays', async () => {
  const outcomes = await syncDocuments({ dataDir: data });
  const byFile = Object.fromEntries(outcomes.map((o) => [o.file, o]));
  expect(byFile['good.md']).toMatchObject({
    status: 'updated',
    diff: { added: ['Security and regulation compliance › Quantum key rotation'], removed: [], lastUpdated: { before: '2025-03-11', after: '2026-06-01' } },
  });
  expect((byFile['good.md'] as { diff: { changed: string[] } }).diff.changed).toEqual([
    'Security and regulation compliance › Security and vulnerability patch updates to cluster',
  ]);
  expect(byFile['brand-new.md']).toMatchObject({ status: 'added' });
  expect(byFile['same.md']).toEqual({ file: 'same.md', status: 'unchanged' });
  expect(byFile['truncated.md']).toMatchObject({
    status: 'rejected',
    reason: expect.stringMatching(
      /^it would lose \d sections \(.*Mirroring.*\) and \d+ of 29 rows; check the upstream page, or run with --accept-removals if that is meant$/,
    ),
  });
  expect(byFile['garbage.md']).toMatchObject({ status: 'rejected', reason: 'the response is binary, not markdown' });
  expect(byFile['page.md']).toMatchObject({ status: 'rejected', reason: 'the response is an HTML page, not markdown' });
  expect(byFile['noresp.md']).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^it does not load: /) });
  expect(byFile['missing.md']).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/answered HTTP 404$/) });
  expect(readFileSync(join(data, 'good.md'), 'utf8')).toBe(UPDATED);
  expect(readFileSync(join(data, 'brand-new.md'), 'utf8')).toBe(UPDATED);
  for (const kept of ['truncated', 'garbage', 'page', 'noresp', 'missing']) expect(readFileSync(join(data, `${kept}.md`), 'utf8')).toBe(SEED);
  expect(readdirSync(data).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('a body past the 2 MB limit is refused while it streams: the download stops soon after the limit', async () => {
  // An endless markdown-looking body, written with back-pressure: what the server counts as
  // written is what the client's socket took.
  const LIMIT = 2_000_000;
  const OFFERED = 256 * 1024 * 1024;
  let written = 0;
  let closed!: () => void;
  const done = new Promise<void>((r) => (closed = r));
  const big = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, '| row | IBM does it | |\n');
    const pump = () => {
      while (written < OFFERED) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => closed());
    pump();
  });
  await new Promise<void>((r) => big.listen(0, '127.0.0.1', r));
  try {
    writeFileSync(join(data, 'sources.yaml'), `documents:\n  - file: good.md\n    url: http://127.0.0.1:${(big.address() as AddressInfo).port}/huge.md\n`);
    const [outcome] = await syncDocuments({ dataDir: data });
    expect(outcome).toEqual({ file: 'good.md', status: 'rejected', reason: 'the response is larger than 2 MB' });
    await done;
    // Socket buffers on loopback hold a few MB; reading the whole body would take all 256 MB.
    expect(written).toBeGreaterThan(LIMIT);
    expect(written).toBeLessThan(32 * 1024 * 1024);
    expect(readFileSync(join(data, 'good.md'), 'utf8')).toBe(SEED);
  } finally {
    big.closeAllConnections();
    await new Promise((r) => big.close(r));
  }
});

test('a Content-Length past the limit is refused before the body is read', async () => {
  let written = 0;
  const big = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50_000_000) });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (written < 50_000_000) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((r) => big.listen(0, '127.0.0.1', r));
  try {
    writeFileSync(join(data, 'sources.yaml'), `documents:\n  - file: good.md\n    url: http://127.0.0.1:${(big.address() as AddressInfo).port}/huge.md\n`);
    expect(await syncDocuments({ dataDir: data })).toEqual([
      { file: 'good.md', status: 'rejected', reason: 'the response is larger than 2 MB (Content-Length 50000000)' },
    ]);
    expect(written).toBeLessThan(32 * 1024 * 1024);
  } finally {
    big.closeAllConnections();
    await new Promise((r) => big.close(r));
  }
});

test('a copy cut to 70% upstream is rejected with the sections and rows it would lose; --accept-removals takes it and leaves the marker a running bot reads', async () => {
  const cut = SEED.slice(0, Math.floor(SEED.length * 0.7));
  const upstream = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(cut));
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  try {
    writeFileSync(join(data, 'sources.yaml'), `documents:\n  - file: good.md\n    url: http://127.0.0.1:${(upstream.address() as AddressInfo).port}/cut.md\n`);
    const refused = await cli(['sync', '--data', data]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(
      /^good\.md: rejected, kept the old copy: it would lose 3 sections \(App orchestration, Mirroring, Support of client-side libraries\) and 11 of 29 rows; check the upstream page, or run with --accept-removals if that is meant$/m,
    );
    expect(readFileSync(join(data, 'good.md'), 'utf8')).toBe(SEED);
    expect(readdirSync(data)).not.toContain('.accept-removals');

    const forced = await cli(['sync', '--accept-removals', '--data', data]);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/^good\.md: updated \(\+0 rows, −\d+/);
    expect(readFileSync(join(data, 'good.md'), 'utf8')).toBe(cut);
    // A running bot watching this folder accepts the same removals for a while.
    expect(readdirSync(data)).toContain('.accept-removals');
  } finally {
    await new Promise((r) => upstream.close(r));
  }
});

/** The CLI as its own process; not spawnSync, which would block this process's server. */
function cli(args: string[]): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: PACKAGE_ROOT });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('exit', (status) => resolve({ status, stdout }));
  });
}

test('respbot sync --dry-run shows the changes and writes nothing; the exit code says something was rejected', async () => {
  const r = await cli(['sync', '--dry-run', '--data', data]);
  expect(r.status).toBe(1);
  expect(r.stdout).toContain(
    'good.md: would update (+1 rows, −0, ~1 changed; lastupdated 2025-03-11 → 2026-06-01)\n    + Security and regulation compliance › Quantum key rotation\n    ~ Security and regulation compliance › Security and vulnerability patch updates to cluster',
  );
  expect(r.stdout).toContain('garbage.md: rejected, kept the old copy: the response is binary, not markdown');
  expect(r.stdout).toContain('(dry run: nothing written)');
  expect(readFileSync(join(data, 'good.md'), 'utf8')).toBe(SEED);
  expect(readdirSync(data)).not.toContain('brand-new.md');
});

test('a missing or malformed sources.yaml is a clear error', () => {
  rmSync(join(data, 'sources.yaml'));
  const r = spawnSync(process.execPath, [CLI, 'sync', '--data', data], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/sources\.yaml is missing: list each document's file and upstream url there/);
  writeFileSync(join(data, 'sources.yaml'), 'documents:\n  - file: ../../etc/passwd\n    url: http://x/\n');
  expect(spawnSync(process.execPath, [CLI, 'sync', '--data', data], { cwd: PACKAGE_ROOT, encoding: 'utf8' }).stderr).toMatch(
    /sources\.yaml:2: documents\.0\.file must be a \.md file name in this folder/,
  );
});
