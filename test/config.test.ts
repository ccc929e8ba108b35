// One configuration: every data file is validated against its schema, and a wrong one is
// reported with its file, line and key; the documents' loader and the bot's start stop there.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { ConfigError } from '../src/config/error.js';
import { coreSettings } from '../src/config/settings.js';
import { loadEngine } from '../src/engine/engine.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { PACKAGE_ROOT, SHIPPED_DATA_DIR } from '../src/paths.js';
import { readSources } from '../src/sync/sync.js';

const dir = mkdtempSync(join(tmpdir(), 'respbot-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A data folder holding the seed document and the given data files. */
function folder(name: string, files: Record<string, string>): string {
  const d = join(dir, name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d);
  copyFileSync(join(SHIPPED_DATA_DIR, 'event-streams-responsibilities.md'), join(d, 'event-streams-responsibilities.md'));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return d;
}

const thrown = (f: () => unknown): ConfigError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('no ConfigError');
};

test('the shipped data files are valid', () => {
  expect(() => loadEngine([SHIPPED_DATA_DIR])).not.toThrow();
  expect(readSources(SHIPPED_DATA_DIR).length).toBeGreaterThan(0);
});

test('a keyword that is a list, not text, is reported with the file, its line and the key', () => {
  const d = folder('keywords', { 'keywords.yaml': 'keywords:\n  messagehub: Event Streams\n  cloud: [IBM, Cloud]\n' });
  const e = thrown(() => loadKnowledgeBase([d]));
  expect(e.message).toBe(`${join(d, 'keywords.yaml')}:3: keywords.cloud must be a word or phrase`);
});

test('a synonym group that is not a list, and a combination of one concept, are both reported', () => {
  const d = folder('synonyms', {
    'synonyms.yaml': 'groups:\n  - [patch, patching]\n  - backup\ncombinations:\n  - when: [region]\n    means: disaster recovery\n',
  });
  const e = thrown(() => loadEngine([d]));
  expect(e.problems.map((p) => [p.line, p.setting])).toEqual([
    [3, 'groups.1'],
    [5, 'combinations.0.when'],
  ]);
  expect(e.message).toContain('groups.1 must be a list of words, like [patch, patching]');
});

test('YAML that does not parse names its line', () => {
  const d = folder('broken', { 'services.yaml': 'services:\n  EventStreams:\n    aliases: [es, kafka\n' });
  const e = thrown(() => loadKnowledgeBase([d]));
  expect(e.problems[0]).toMatchObject({ file: join(d, 'services.yaml'), setting: '' });
  expect(e.problems[0]!.line).toBeGreaterThanOrEqual(3);
  expect(e.message).toMatch(/services\.yaml:\d+: not valid YAML/);
});

test('numbers in word lists are words (YAML reads "27001" as a number)', () => {
  const d = folder('numbers', { 'synonyms.yaml': 'groups:\n  - [iso, 27001]\n' });
  expect(() => loadEngine([d])).not.toThrow();
});

test('sources.yaml entries need a .md file in the folder and an http(s) url', () => {
  const d = folder('sources', {
    'sources.yaml': 'documents:\n  - file: ../x.md\n    url: https://example.com/x.md\n  - file: y.md\n    url: ftp://example.com/y.md\n',
  });
  const e = thrown(() => readSources(d));
  expect(e.problems.map((p) => `${p.line} ${p.setting} ${p.problem}`)).toEqual([
    '2 documents.0.file must be a .md file name in this folder',
    '5 documents.1.url must be an http(s) URL',
  ]);
});

test('environment: blank is unset, flags read as people write them, nonsense is named', () => {
  expect(coreSettings({ LOG_USER_IDS: ' ', SCHEDULE_MAX_LATE_MINUTES: '' })).toMatchObject({ logUserIds: false, scheduler: { maxLateMs: 3_600_000 } });
  expect(coreSettings({ LOG_USER_IDS: 'Yes', LOG_LEVEL: 'WARN' })).toMatchObject({ logUserIds: true, logLevel: 'warn' });
  const e = thrown(() => coreSettings({ LOG_USER_IDS: 'ja', LOG_LEVEL: 'loud' }));
  expect(e.message).toBe(
    'the configuration is not right:\n  - LOG_LEVEL must be one of debug, info, warn, error (got "loud")\n  - LOG_USER_IDS must be true or false (got "ja")',
  );
});

test('every environment variable the code reads is explained in .env.example', () => {
  const files = ['src', 'adapters', 'app'].flatMap((d) =>
    (readdirSync(join(PACKAGE_ROOT, d), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(PACKAGE_ROOT, d, f)),
  );
  const read = new Set<string>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]{2,})/g)) read.add(m[1]!);
    for (const m of text.matchAll(/\b([A-Z][A-Z0-9_]{2,}): (?:optionalText|positiveNumber|flag|httpUrl|oneOf|port)\(/g)) read.add(m[1]!);
  }
  const example = readFileSync(join(PACKAGE_ROOT, '.env.example'), 'utf8');
  expect(read.size).toBeGreaterThan(15);
  expect([...read].filter((name) => !new RegExp(`^# ${name}=`, 'm').test(example))).toEqual([]);
});
