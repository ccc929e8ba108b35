// `npm run teams:package`: the zip a Teams admin uploads, with ids from the environment.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What `npm run teams:package` runs, compiled (dist/, built before the tests). */
const PACKAGER = join(ROOT, 'dist', 'adapters', 'teams', 'package', 'main.js');
const BOT = '11111111-2222-3333-4444-555555555555';

function pack(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'respbot-pkg-'));
  const out = join(dir, 'app.zip');
  const r = spawnSync(process.execPath, [PACKAGER, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: '', CLIENT_ID: '', ...env },
  });
  return { ...r, out, dir };
}

/** Width, height, color type and the first pixel's RGBA of a PNG from our encoder (filter 0). */
function png(buf: Buffer) {
  const idat = buf.subarray(8 + 25 + 8, buf.length - 12 - 4);
  const raw = inflateSync(idat);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorType: buf[25], firstPixel: [...raw.subarray(1, 5)] };
}

test('the package holds the manifest with the bot id and both icons', () => {
  const r = pack({ CLIENT_ID: BOT, PUBLIC_URL: 'https://respbot.example.com' });
  expect(r.status).toBe(0);
  const t = spawnSync('unzip', ['-t', r.out], { encoding: 'utf8' });
  expect(t.stdout).toMatch(/No errors detected/);
  spawnSync('unzip', ['-o', '-q', r.out, '-d', r.dir]);
  const m = JSON.parse(readFileSync(join(r.dir, 'manifest.json'), 'utf8'));
  expect(m).toMatchObject({ manifestVersion: '1.22', id: BOT, validDomains: ['respbot.example.com'], icons: { color: 'color.png', outline: 'outline.png' } });
  expect(m.bots[0]).toMatchObject({ botId: BOT, scopes: ['personal', 'team', 'groupChat'] });
  const commands = m.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
  expect(commands.slice(0, 3)).toEqual(['help', 'list', 'schedules']);
  expect(commands).toContain('disaster recovery');
  expect(commands.length).toBeLessThanOrEqual(10);
  expect(m.composeExtensions[0].commands[0]).toMatchObject({ type: 'query', parameters: [{ name: 'searchKeywords' }] });
  const color = png(readFileSync(join(r.dir, 'color.png')));
  expect(color).toMatchObject({ width: 192, height: 192, colorType: 6 });
  expect(color.firstPixel[3]).toBe(255);
  const outline = png(readFileSync(join(r.dir, 'outline.png')));
  expect(outline).toMatchObject({ width: 32, height: 32, colorType: 6, firstPixel: [0, 0, 0, 0] });
});

/** A PNG's IHDR (the chunk every PNG starts with), or null when the bytes are not a PNG. */
function ihdr(buf: Buffer) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(signature)) return null;
  if (buf.readUInt32BE(8) !== 13 || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    bitDepth: buf[24],
    colorType: buf[25],
    endsWithIEND: buf.toString('latin1', buf.length - 8, buf.length - 4) === 'IEND',
  };
}

test('the icons are the PNG files kept in the repo, in the sizes Teams requires, named by the manifest', () => {
  const r = pack({ CLIENT_ID: BOT });
  expect(r.status).toBe(0);
  spawnSync('unzip', ['-o', '-q', r.out, '-d', r.dir]);
  const m = JSON.parse(readFileSync(join(r.dir, 'manifest.json'), 'utf8'));
  // Teams: color is a full-color 192×192 PNG; outline a 32×32 PNG, white on transparent (so with alpha).
  const sizes = { color: 192, outline: 32 } as const;
  for (const kind of ['color', 'outline'] as const) {
    const packed = readFileSync(join(r.dir, m.icons[kind]));
    expect(packed.equals(readFileSync(join(ROOT, 'adapters/teams/package/icons', `${kind}.png`)))).toBe(true);
    expect(ihdr(packed)).toEqual({ width: sizes[kind], height: sizes[kind], bitDepth: 8, colorType: 6, endsWithIEND: true });
  }
});

test('the zip reads back the same with fflate as with unzip: the same names and bytes', () => {
  const r = pack({ CLIENT_ID: BOT });
  expect(r.status).toBe(0);
  spawnSync('unzip', ['-o', '-q', r.out, '-d', r.dir]);
  const entries = unzipSync(readFileSync(r.out));
  expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  for (const [name, data] of Object.entries(entries)) expect(Buffer.from(data).equals(readFileSync(join(r.dir, name)))).toBe(true);
  expect(JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8'))).toMatchObject({ id: BOT });
});

test('without a CLIENT_ID it says what is needed', () => {
  const r = pack({});
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/CLIENT_ID must be the Azure Bot's Microsoft App ID/);
});
