// The answer engine on the shipped data and on the corpus: intents, abstention,
// typo tolerance, multi-document scoping and hostile input.
import { loadEngine } from '../src/engine/engine.js';
import { MAX_QUESTION_CHARS } from '../src/engine/clean.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { CORPUS } from './helpers/fs.js';

const seed = loadEngine([SHIPPED_DATA_DIR]);
const ask = (q: string) => seed.answer(q);

describe('who', () => {
  test.each([
    ['who patches the cluster?', 'Security and vulnerability patch updates to cluster', 'provider'],
    ['am I on the hook for backups of message payloads?', 'Message payload data backup', 'customer'],
    ['does IBM handle DR?', 'Disaster recovery', 'customer'],
    ['where should I keep my schemas?', 'Schema Registry', 'customer'],
    ['who pathces the clustr', 'Security and vulnerability patch updates to cluster', 'provider'],
    ['who handles HA?', 'High availability', 'provider'],
  ])('%s → %s (%s)', (q, task, party) => {
    const a = ask(q);
    expect(a).toMatchObject({ answered: true, intent: 'who', party });
    expect(a.matches[0]!.task).toBe(task);
    expect(a.section?.title).toBe(a.matches[0]!.section);
    expect(a.confidence).toBeGreaterThan(0);
  });

  test('a shared entry says which side the question is about', () => {
    const a = ask('who decides which region to deploy in?');
    expect(a.matches[0]!.task).toBe('Deploy');
    expect(a.matches[0]!.party).toBe('shared');
    expect(a.side).toBe('customer');
    expect(a.party).toBe('customer');
    expect(a.matches[0]!.provider).toBeTruthy();
    expect(a.matches[0]!.customer).toBeTruthy();
  });

  test('a shared entry asked about as a whole stays shared', () => {
    expect(ask('who does the failback?')).toMatchObject({ party: 'shared', side: null });
  });

  test('the prose section answers as an entry without a task', () => {
    const a = ask('will IBM fix bugs in kafka client libraries?');
    expect(a.answered).toBe(true);
    expect(a.matches.map((m) => m.section)).toContain('Support of client-side libraries');
  });
});

describe('other intents', () => {
  test('section summaries, filtered by party', () => {
    expect(ask('summarize disaster recovery')).toMatchObject({ intent: 'section', party: null, section: { title: 'Disaster recovery' } });
    const a = ask('what does IBM do for mirroring?');
    expect(a).toMatchObject({ intent: 'section', party: 'provider', section: { id: 'mirroring_responsibilities' } });
    expect(a.matches.every((m) => m.party === 'provider' || m.party === 'shared')).toBe(true);
    expect(ask('what am I responsible for in DR?')).toMatchObject({ intent: 'section', party: 'customer', section: { title: 'Disaster recovery' } });
    expect(ask('app orchestration')).toMatchObject({ intent: 'section', section: { title: 'App orchestration' } });
  });

  test('party, list and help', () => {
    const mine = ask('what are all my responsibilities?');
    expect(mine).toMatchObject({ intent: 'party', party: 'customer' });
    expect(mine.matches.every((m) => m.party !== 'provider')).toBe(true);
    expect(ask('what is IBM responsible for?')).toMatchObject({ intent: 'party', party: 'provider' });
    const list = ask('what sections are there?');
    expect(list.intent).toBe('list');
    expect(list.sections.map((s) => s.title)).toHaveLength(7);
    expect(ask('what can you do?')).toMatchObject({ intent: 'help', answered: true });
    expect(ask('help').examples.length).toBeGreaterThan(2);
  });
});

describe('abstention', () => {
  test.each([
    'who patches my laptop?',
    'how much does it cost?',
    'who wrote Hamlet?',
    'who is responsible for the office plants?',
    'qwerty uiop',
    'who cleans the kitchen?',
  ])('%s → not answered', (q) => {
    const a = ask(q);
    expect(a).toMatchObject({ answered: false, intent: 'unknown', party: null, section: null, matches: [] });
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });

  test('"what is X?" asks for a definition, which the documents do not give', () => {
    expect(ask('what is kafka?')).toMatchObject({ answered: false, intent: 'unknown' });
    expect(ask('what is the RPO?').answered).toBe(false);
    expect(ask('what is IBM responsible for?').intent).toBe('party');
    expect(ask('what are the mirroring tasks?')).toMatchObject({ intent: 'section', section: { title: 'Mirroring' } });
  });

  test('a close miss offers "did you mean" suggestions', () => {
    expect(ask('who patches the printer?').suggestions[0]).toMatch(/patch updates/);
  });
});

describe('bad input never throws', () => {
  test.each([
    ['empty', ''],
    ['whitespace', '   \t  '],
    ['emoji', '🔥🔥 who patches 🧯 the cluster? 🙏'],
    ['control characters', 'who\u0000 patches\u0007 the\u001b[31m cluster'],
    ['other languages', 'wer patcht den Cluster? 誰がクラスタにパッチを適用しますか'],
    ['markdown and HTML', '<script>alert(1)</script> **who** [patches](http://x) `the cluster`'],
    ['SQL', "'; DROP TABLE entries; -- who patches the cluster"],
    ['mentions', '<!channel> @here who patches the cluster?'],
  ])('%s', (_name, q) => {
    const a = ask(q);
    expect(typeof a.answered).toBe('boolean');
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  test('10,000+ characters are cut to the input cap, and said so', () => {
    const a = ask('who patches the cluster? ' + 'x'.repeat(20_000));
    expect(a.question.length).toBe(MAX_QUESTION_CHARS);
    expect(a.note).toMatch(/first 500 characters/);
  });

  test('non-string input', () => {
    expect(seed.answer(undefined).answered).toBe(false);
    expect(seed.answer(42).answered).toBe(false);
  });
});

describe('several documents', () => {
  const corpus = loadEngine([CORPUS]);

  test('a question that names a service is answered from that service', () => {
    const kp = corpus.answer('who is responsible for disaster recovery in Key Protect?');
    expect(kp.answered).toBe(true);
    expect(kp.matches[0]!.service).toBe('Key Protect');
    const cos = corpus.answer('who backs up data for object storage?');
    expect(cos.matches[0]!.doc).toBe('cos');
    expect(corpus.answer('for Cloud Databases, who runs major version upgrades?').matches[0]).toMatchObject({
      service: 'Cloud Databases',
      task: 'Version management',
    });
  });

  test('an unscoped question that several services answer alike names them instead of picking one', () => {
    const a = corpus.answer('who handles disaster recovery?');
    expect(a.services.length).toBeGreaterThan(1);
    expect(new Set(a.matches.map((m) => m.service)).size).toBe(a.matches.length);
    expect(a.note).toMatch(/depends on the service/);
  });

  test('an older copy of a service does not answer twice', () => {
    const a = corpus.answer('who patches the Event Streams cluster?');
    expect(a.matches.filter((m) => m.service === 'Event Streams').map((m) => m.doc)).not.toContain('eventstreams-2024-10-09');
  });

  test('a context service scopes unnamed questions', () => {
    expect(corpus.answer('who handles disaster recovery?', { service: 'Event Streams' }).matches[0]!.service).toBe('Event Streams');
  });
});

test('a party filter that leaves a section empty says so in the text', async () => {
  const { formatAnswer } = await import('./helpers/render.js');
  const a = ask('what does IBM do for disaster recovery?');
  expect(a).toMatchObject({ intent: 'section', party: 'provider', matches: [] });
  expect(formatAnswer(a)).toMatch(/IBM has no task in this section/);
});

test('the terminal lists each example of the help once: the buttons that ask them are the same questions', async () => {
  const { formatAnswer } = await import('./helpers/render.js');
  const a = ask('help');
  const text = formatAnswer(a);
  for (const e of a.examples) expect(text.split(e).length - 1).toBe(1);
});
