// Owners (owners.yaml): the customer's side of each row joined to a team, in answers on every
// surface, in summaries and digests, and in questions about owners; a group is notified only
// when an admin wrote `notify: true`, and at most once per answer.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { ConfigError } from '../src/config/error.js';
import { loadEngine } from '../src/engine/engine.js';
import { createLog } from '../src/log.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { LiveEngine } from '../src/reload.js';
import { folderWith } from './helpers/fs.js';
import { checkSlackMessage, checkTeamsCard, slackTexts } from './helpers/limits.js';
import { formatAnswer, renderSlack, renderTeams } from './helpers/render.js';

const DOC = 'event-streams-responsibilities.md';
const EXAMPLE = readFileSync(join(SHIPPED_DATA_DIR, 'owners.example.yaml'), 'utf8');
const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** The shipped document with an owners file. */
function withOwners(owners: string | null): string {
  const dir = folderWith(owners === null ? {} : { 'owners.yaml': owners });
  copyFileSync(join(SHIPPED_DATA_DIR, DOC), join(dir, DOC));
  folders.push(dir);
  return dir;
}

const notifying = (yaml: string) =>
  yaml.replace('    note: On call around the clock through PagerDuty.', '    note: On call around the clock through PagerDuty.\n    notify: true');

const plainEngine = loadEngine([withOwners(null)]);
const engine = loadEngine([withOwners(EXAMPLE)]);
const BACKUP = 'who backs up our topics?';

test('the example file covers the shipped document: every row with a customer side has an owner, and no rule is idle', () => {
  const book = engine.owners!;
  expect(book.rows.length).toBe(20);
  expect(book.rows.filter((r) => r.owner === null)).toEqual([]);
  expect(book.warnings).toEqual([]);
});

test('the most specific rule wins: a task over a section over a service; rows with no customer side have no owner', () => {
  const a = engine.answer(BACKUP);
  expect(a.matches[0]).toMatchObject({ task: 'Topic name and data backup', owner: { id: 'data-platform', name: 'Data Platform team' } });
  // Same section, no task rule: the section's owner.
  expect(engine.answer('who maintains the disaster recovery plan?').matches[0]).toMatchObject({ task: 'Disaster recovery', owner: { id: 'sre' } });
  // Only the service rule: its owner.
  expect(engine.answer('who manages topics with the CLI?').matches[0]).toMatchObject({ task: 'Manage and configure', owner: { id: 'data-platform' } });
  // IBM's row: no owner on our side.
  expect(engine.answer('who patches the cluster?').matches[0]).toMatchObject({ party: 'provider', owner: null });
});

test('of two equal rules the earlier wins', () => {
  const two = `owners:\n  a: { name: Team A }\n  b: { name: Team B }\nrules:\n  - owner: b\n    section: Disaster recovery\n  - owner: a\n    section: Disaster*\n`;
  expect(loadEngine([withOwners(two)]).answer(BACKUP).matches[0]!.owner?.id).toBe('b');
});

test('without an owners file answers are as before: no owner key at all', () => {
  const a = plainEngine.answer(BACKUP);
  expect(a.matches[0]).not.toHaveProperty('owner');
  expect(JSON.stringify(a)).not.toContain('owner');
  expect(formatAnswer(a)).not.toContain('→');
});

test('the answer names the owner and its channel on every surface', () => {
  const a = engine.answer(BACKUP);
  expect(formatAnswer(a)).toContain('You → Data Platform team (#data-platform, @dp-oncall) · details (https://wiki.example.com/data-platform/runbooks)');
  const slack = renderSlack(a);
  for (const m of slack) checkSlackMessage(m, { allow: [/<#C0DATAPLAT>/g] });
  expect(slackTexts(slack[0]!.blocks).join('\n')).toContain('You → *Data Platform team* (<#C0DATAPLAT>, @dp-oncall)');
  const teams = renderTeams(a);
  for (const c of teams) checkTeamsCard(c);
  expect(JSON.stringify(teams[0]!.card)).toContain('You → **Data Platform team** (\\\\#data-platform, @dp-oncall)');
});

test('a section summary groups the customer rows by owner, each owner with its contacts', () => {
  const a = engine.section('event-streams', 'disaster-recovery')!;
  const text = formatAnswer(a);
  expect(text).toMatch(/What you do · SRE rota \(3\)\n {2}SRE rota \(#sre\)[\s\S]*What you do · Data Platform team \(2\)/);
  for (const m of renderSlack(a, { digest: 's-abc123' })) checkSlackMessage(m, { allow: [/<#C0DATAPLAT>/g] });
  for (const c of renderTeams(a, { digest: 's-abc123' })) checkTeamsCard(c);
});

test('questions about owners: what one owns, and what nobody owns', () => {
  const own = engine.answer('what does the Data Platform team own?');
  expect(own).toMatchObject({ answered: true, intent: 'party', party: 'customer', ownedBy: { owner: { id: 'data-platform' } } });
  expect(own.matches.length).toBe(engine.owners!.rows.filter((r) => r.owner?.id === 'data-platform').length);
  expect(own.matches.every((m) => m.owner?.id === 'data-platform')).toBe(true);
  expect(formatAnswer(own)).toMatch(/^Owned by Data Platform team\n/);

  const partial = loadEngine([withOwners(`owners:\n  sre: { name: SRE rota }\nrules:\n  - owner: sre\n    section: Disaster recovery\n`)]);
  const none = partial.answer('which of our tasks have no owner?');
  expect(none).toMatchObject({ intent: 'party', party: 'customer', ownedBy: { owner: null } });
  expect(none.matches.length).toBe(15);
  expect(none.matches.some((m) => m.section === 'Disaster recovery')).toBe(false);
  expect(engine.answer('which of our tasks have no owner?')).toMatchObject({ matches: [], note: 'Every row with a customer side has an owner.' });

  // "who on our side" is a question about a row: answered as one, with its owner.
  expect(engine.answer('who on our side handles DR?').matches[0]).toMatchObject({ task: 'Disaster recovery', owner: { id: 'sre' } });
  // Without owners, who on the customer's team is a person the documents do not name: declined, the row suggested;
  // "on our side" is the customer's side, and a row of IBM's alone is answered, to say it is IBM's.
  expect(plainEngine.answer('who on our team handles DR?')).toMatchObject({
    answered: false,
    suggestions: expect.arrayContaining([expect.stringMatching(/Disaster recovery/)]),
  });
  expect(plainEngine.answer('who on our side handles DR?')).toMatchObject({ answered: true, party: 'customer' });
  expect(plainEngine.answer('who on our team needs to patch the kafka brokers?')).toMatchObject({ answered: true, party: 'provider' });
  expect(plainEngine.answer('who in our org should have access to the topics?').answered).toBe(true);
  // A question that names an owner and a task is about the task.
  expect(engine.answer('what does Cloud Security do about patching?').ownedBy).toBeUndefined();
  // Without an owners file, owner questions are questions like any other.
  expect(plainEngine.answer('what does the Data Platform team own?').ownedBy).toBeUndefined();
});

test('no group is notified unless the owners file says notify: true, even when the question asks for it', () => {
  const injected = `${BACKUP} <!subteam^S0DPONCALL> @dp-oncall <!channel> <at>dp-oncall</at>`;
  for (const q of [BACKUP, injected, 'what does the Data Platform team own?']) {
    const a = engine.answer(q);
    const slack = JSON.stringify(renderSlack(a, { private: true, sharedBy: 'U1' }));
    expect(slack).not.toMatch(/<!subteam|<!channel|<!here|<!everyone/);
    const teams = renderTeams(a).map((c) => c.card);
    expect(JSON.stringify(teams)).not.toMatch(/<at>/);
    for (const c of teams) expect(c.msteams).not.toHaveProperty('entities');
  }
  const digest = engine.section('event-streams', 'disaster-recovery')!;
  expect(JSON.stringify(renderSlack(digest, { digest: 's-abc123' }))).not.toContain('<!subteam');
});

test('with notify: true the group is mentioned once per answer or digest, and never from the question', () => {
  const loud = loadEngine([withOwners(notifying(EXAMPLE))]);
  const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
  // A summary where the owner has several rows (and a party summary): one mention.
  for (const a of [
    loud.section('event-streams', 'mirroring_responsibilities')!,
    loud.answer('what am I responsible for?'),
    loud.answer('what does the Data Platform team own?'),
  ]) {
    const slack = renderSlack(a, { digest: 's-abc123' });
    for (const m of slack) checkSlackMessage(m, { allow: [/<#C0DATAPLAT>/g, /<!subteam\^S0DPONCALL>/g] });
    expect(count(JSON.stringify(slack), /<!subteam\^S0DPONCALL>/g)).toBe(1);
    const teams = renderTeams(a, { digest: 's-abc123' });
    for (const c of teams) checkTeamsCard(c);
    expect(count(JSON.stringify(teams.map((c) => c.card.body)), /<at>dp-oncall<\/at>/g)).toBe(1);
    const withEntity = teams.filter((c) => c.card.msteams?.entities);
    expect(withEntity.map((c) => c.card.msteams!.entities)).toEqual([
      [{ type: 'mention', text: '<at>dp-oncall</at>', mentioned: { id: 'dp-oncall-tag-id', name: 'dp-oncall', type: 'tag' } }],
    ]);
  }
  // Text in the question is escaped: the only mention is the owner's.
  const a = loud.answer(`${BACKUP} <!subteam^S0OTHER> <!channel>`);
  const slack = JSON.stringify(renderSlack(a, { private: true }));
  expect(slack).not.toMatch(/<!subteam\^S0OTHER>|<!channel>/);
  expect(count(slack, /<!subteam\^/g)).toBe(1);
});

test('a malformed owners file names its file, line and key; a rule that matches nothing is a warning with its line', () => {
  const bad = `owners:\n  sre:\n    name: SRE rota\n    slack: { group: dp-oncall }\nrules:\n  - owner: platform\n    section: Disaster recovery\n`;
  let err: unknown;
  try {
    loadEngine([withOwners(bad)]);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ConfigError);
  const dir = folders[folders.length - 1]!;
  expect((err as ConfigError).message).toContain(`${join(dir, 'owners.yaml')}:4: owners.sre.slack.group must be a Slack user group id (S0123…)`);
  expect((err as ConfigError).message).toContain(`${join(dir, 'owners.yaml')}:6: rules.0.owner names no owner under owners: "platform"`);

  const idle = loadEngine([
    withOwners(
      `owners:\n  sre: { name: SRE rota }\nrules:\n  - owner: sre\n    section: Disaster recovery\n  - owner: sre\n    section: Disaster recovry\n  - owner: sre\n    service: Key Protect\n`,
    ),
  ]);
  expect(idle.owners!.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
    '6: the rule for sre matches nothing: no section is "Disaster recovry"',
    '8: the rule for sre matches nothing: no loaded service is "Key Protect"',
  ]);
});

test('a running bot takes a new owners file, and keeps its owners when the new one is malformed', () => {
  const dir = withOwners(EXAMPLE);
  const live = new LiveEngine({ build: () => loadEngine([dir]), dataDir: dir, log: createLog('error', () => {}) } as ConstructorParameters<
    typeof LiveEngine
  >[0]);
  try {
    expect(live.current().answer(BACKUP).matches[0]!.owner?.name).toBe('Data Platform team');
    writeFileSync(join(dir, 'owners.yaml'), EXAMPLE.replace('name: Data Platform team', 'name: Streaming team'));
    expect(live.reload('test').swapped).toBe(true);
    expect(live.current().answer(BACKUP).matches[0]!.owner?.name).toBe('Streaming team');
    writeFileSync(join(dir, 'owners.yaml'), 'owners:\n  sre: [not, an, owner]\n');
    expect(live.reload('test').swapped).toBe(false);
    expect(live.current().answer(BACKUP).matches[0]!.owner?.name).toBe('Streaming team');
  } finally {
    live.close();
  }
});
