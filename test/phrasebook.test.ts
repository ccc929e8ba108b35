// The phrasebook: questions people asked, labelled with their rows, read as a naive Bayes classifier
// beside the engine's word matching.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../src/config/error.js';
import { engineFor, loadEngine } from '../src/engine/engine.js';
import { buildPhrasebook, OUT_OF_SCOPE, phraseTerms, type LabelledQuestion } from '../src/engine/phrasebook.js';
import { earned, PHRASEBOOK_SIDES } from '../src/engine/phrasebook-answer.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { readPhrasebook } from '../src/load/phrasebook-file.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { folderWith } from './helpers/fs.js';

const kb = loadKnowledgeBase([SHIPPED_DATA_DIR]);
const ES = 'event-streams';
const INFRA = 'IBM Cloud infrastructure and managing the environment';
const INCIDENT = 'Incident, operations, and cluster management';
const row = (q: string, section: string, task: string): LabelledQuestion => ({ q, doc: ES, section, task });
const oos = (q: string, docs = [ES]): LabelledQuestion => ({ q, task: null, docs });

const LABELLED: LabelledQuestion[] = [
  row('who decided how partition replicas are spread over the racks', INCIDENT, 'Deploy Event Streams environment'),
  row('replica placement across zones and racks: set up by ibm?', INCIDENT, 'Deploy Event Streams environment'),
  row('racks and zones the brokers sit in, who picked those', INCIDENT, 'Deploy Event Streams environment'),
  row('who gets paged when a broker node dies at night', INCIDENT, 'Monitor and repair'),
  row('dead broker node overnight, is ibm paged?', INCIDENT, 'Monitor and repair'),
  oos('if event streams misses its SLA, how do we claim the service credit?'),
  oos('who decides the SLA credit after an availability breach'),
  oos('SLA breach: what credit do we get back'),
];

function engineWith(labelled: LabelledQuestion[]) {
  return engineFor(kb, { dataDirs: [SHIPPED_DATA_DIR], labelled });
}

describe('the classifier', () => {
  const engine = engineWith([]);
  const entries = engine.index.entries.map((e) => ({ doc: e.doc, section: e.section.title, task: e.task ?? e.section.title }));
  const book = buildPhrasebook(LABELLED, entries);
  const taskOf = (e: number) => (e === OUT_OF_SCOPE ? 'out of scope' : engine.index.entries[e]!.task);

  test('picks the row whose labelled questions share the words, and knows only their words', () => {
    const g = book.guess('the racks our replicas sit on, who chose them?', null)!;
    expect(taskOf(g.entry)).toBe('Deploy Event Streams environment');
    expect(g.p).toBeGreaterThan(0.9);
    // rack, replica, sit and the pair "the rack": "chose", "them" and the other pairs are no words of theirs.
    expect(g.known).toBe(4);
    expect(book.guess('lorem ipsum dolor', null)).toBeNull();
  });

  test('two words in a row are a term too, function words included', () => {
    const terms = phraseTerms('is that on us, right?');
    expect(terms).toEqual(expect.arrayContaining(['on us', 'is that', 'right']));
    expect(terms).not.toContain('on');
    // The same words in another order are other pairs.
    expect(phraseTerms('us on that')).not.toContain('on us');
  });

  test('a label names its row by document, section and task; one that matches no loaded row is left out', () => {
    const wrongSection = buildPhrasebook([row('who decided the racks', INFRA, 'Deploy Event Streams environment')], entries);
    expect(wrongSection.size).toBe(0);
    const otherDoc = buildPhrasebook(
      [{ q: 'who decided the racks', doc: 'key-protect', section: INCIDENT, task: 'Deploy Event Streams environment' }],
      entries,
    );
    expect(otherDoc.size).toBe(0);
    expect(buildPhrasebook([row('who decided the racks', INCIDENT, '  deploy event  streams environment ')], entries).size).toBe(1);
  });

  test('an out-of-scope question counts only where every loaded document was loaded when it was judged', () => {
    expect(buildPhrasebook([oos('SLA credit?', [ES, 'key-protect'])], entries).size).toBe(1);
    expect(buildPhrasebook([oos('SLA credit?', ['key-protect'])], entries).size).toBe(0);
    expect(taskOf(book.guess('how do we get SLA credit', null)!.entry)).toBe('out of scope');
  });

  test('only the entries allowed are guessed among', () => {
    const deploy = engine.index.entries.findIndex((e) => e.task === 'Deploy Event Streams environment');
    expect(book.guess('racks and replicas, who picked them', null)?.entry).toBe(deploy);
    expect(book.guess('racks and replicas, who picked them', (e) => e !== deploy)?.entry).not.toBe(deploy);
  });
});

describe('answers', () => {
  test('a question in the words people used is answered with their row, where the engine alone declines', () => {
    const q = 'who arranged the partition replica placement across racks on our instance';
    expect(engineWith([]).answer(q).answered).toBe(false);
    const a = engineWith(LABELLED).answer(q);
    expect(a.answered).toBe(true);
    expect(a.matches[0]?.task).toBe('Deploy Event Streams environment');
    // The confidence is what such a posterior earned on left-out questions, not the posterior itself (near 1).
    const p = engineWith(LABELLED).index.phrasebook!.guess(q, null)!.p;
    expect(p).toBeGreaterThan(0.999);
    expect(a.confidence).toBe(earned(p));
    expect(a.confidence).toBeLessThan(p);
  });

  test('the labelled row wins over the engine’s first by as much as the labelled questions are many', () => {
    const q = 'who sets cluster configuration parameters at deployment?';
    const labels = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        row(`${['who sets', 'setting', 'who changes'][i % 3]} cluster configuration parameters`, INFRA, 'Manage and configure'),
      );
    const engine = engineWith([]).answer(q).matches[0]?.task;
    expect(engine).not.toBe('Manage and configure');
    // Three questions of one row, in a document of thirty: the engine's word matching counts for more.
    expect(engineWith(labels(3)).answer(q).matches[0]?.task).toBe(engine);
    const picked = engineWith(labels(600)).answer(q);
    expect(picked.matches[0]?.task).toBe('Manage and configure');
    // Picked, not a tie: no "two entries fit equally" beside it, though the engine's words rank another row above it.
    expect(picked.runnerUp).toBeNull();
    expect(picked.note ?? '').not.toMatch(/about equally/);
  });

  test('a prose section the phrasebook picks keeps the top, with the row that came as close beside it', () => {
    const prose = 'Support of client-side libraries';
    const bugs = [
      'found a bug in the kafka client library we use, will ibm fix it',
      'bug in a third-party client lib: does ibm ship the fix?',
      'client library bug, is ibm on the hook to fix it',
    ];
    const q = 'we hit a nasty bug in librdkafka. will IBM fix it for us?';
    // The engine alone ranks the prose first and gives the top to a row about as close, which names a party.
    const alone = engineWith([]).answer(q);
    expect(alone.matches.map((m) => m.task ?? m.section).slice(0, 2)).toEqual(['Monitor and repair', prose]);
    const a = engineWith(bugs.map((b) => row(b, prose, prose))).answer(q);
    expect(a.matches[0]?.task).toBeNull();
    expect(a.matches[0]?.section).toBe(prose);
    expect(a.party).toBeNull();
    expect(a.runnerUp?.task).toBe('Monitor and repair');
  });

  test('another IBM Cloud service named in passing declines by rule, unless the phrasebook is sure of a loaded row; another cloud always', () => {
    const binding = (q: string) => row(q, 'App orchestration', 'Provide service binding to other IBM services');
    const labels = [
      binding('who lets our other ibm cloud apps bind to the ES instance'),
      binding('binding event streams credentials into another ibm service: provided by ibm?'),
      binding('does ibm offer binding ES to other services in the catalog'),
    ];
    const ibm = 'can our code engine app get its ES credentials through a binding? who offers that';
    const aws = 'can our AWS lambda get its ES credentials through a binding? who offers that';
    expect(engineWith([]).answer(ibm)).toMatchObject({ answered: false, note: expect.stringMatching(/not code engine/) });
    const heard = engineWith(labels);
    expect(heard.answer(ibm)).toMatchObject({ answered: true, party: 'provider' });
    expect(heard.answer(ibm).matches[0]?.task).toBe('Provide service binding to other IBM services');
    expect(heard.answer(ibm).note ?? '').not.toMatch(/not code engine/);
    expect(heard.answer(aws)).toMatchObject({ answered: false, note: expect.stringMatching(/not AWS lambda/) });
    // explain() reads the rules alone.
    expect(heard.explain(ibm).answer.answered).toBe(false);
  });

  test('a fact or money question that asks which side does it yields to a phrasebook sure of a row; one that asks only the fact does not', () => {
    const configure = (q: string) => row(q, INFRA, 'Manage and configure');
    const labels = [
      configure('bumping retention on one topic, do we change that ourselves?'),
      configure('who changes the retention and partition count of our topics'),
      configure('topic retention and partitions: we set those, not ibm?'),
    ];
    const whose = 'raising retention on one topic with the ibmcloud es cli, or a ticket to ibm?';
    const syntax = 'cli syntax for raising retention on one topic?';
    expect(engineWith([]).answer(whose)).toMatchObject({ answered: false, note: expect.stringMatching(/not how to do it/) });
    const heard = engineWith(labels);
    expect(heard.answer(whose)).toMatchObject({ answered: true, party: 'customer' });
    expect(heard.answer(whose).matches[0]?.task).toBe('Manage and configure');
    expect(heard.answer(syntax)).toMatchObject({ answered: false, note: expect.stringMatching(/not how to do it/) });
    // "what … does IBM …" asks a fact of IBM, not which side does it.
    expect(heard.answer('what retention limit does ibm set on one topic?').answered).toBe(false);
    expect(heard.explain(whose).answer.answered).toBe(false);
  });

  test('a question like those judged out of scope is declined, where the engine alone answers', () => {
    const q = 'who decides how much service credit we get if event streams breaches its SLA?';
    expect(engineWith([]).answer(q).answered).toBe(true);
    const a = engineWith(LABELLED).answer(q);
    expect(a.answered).toBe(false);
    expect(a.note).toMatch(/No entry matches/);
  });

  test('a word of the question that neither the documents nor anyone asking about their rows used keeps a decline a decline', () => {
    const versions = [
      row('who keeps our kafka client libraries on a supported version', 'Support of client-side libraries', 'Support of client-side libraries'),
      row('supported client version for our apps: ours to keep current?', 'Support of client-side libraries', 'Support of client-side libraries'),
      row('keeping the client library on a supported version, us?', 'Support of client-side libraries', 'Support of client-side libraries'),
    ];
    const engine = engineWith([...LABELLED, ...versions]);
    expect(engineWith([]).answer('who keeps the printer drivers on a supported version?').answered).toBe(false);
    expect(engine.answer('who keeps the printer drivers on a supported version?').answered).toBe(false);
    expect(engine.answer('who keeps our client libraries on a supported version?').answered).toBe(true);
  });

  test('one English noun no one used stands when the phrasebook is all but certain of the row the engine ranks first; an unknown name does not', () => {
    // The shipped phrasebook without the writer who asked about the fraud team.
    const shipped = readPhrasebook(join(SHIPPED_DATA_DIR, 'phrasebook.jsonl'));
    const engine = engineWith(shipped.filter((l) => l.set !== 'round32-es'));
    const q = 'we want the fraud team to get a bigger share of our ES throughput than marketing. do we manage that split or does ibm?';
    expect(engineWith([]).answer(q).answered).toBe(false);
    expect(engine.explain(q).answer.matches[0]?.task).toBe('Cluster management');
    const a = engine.answer(q);
    expect(a.answered).toBe(true);
    expect(a.matches[0]?.task).toBe('Cluster management');
    // "netsuite" is no English word: another product, whatever the phrasebook thinks of the rest.
    expect(engine.answer('who revokes netsuite access for people leaving finance').answered).toBe(false);
  });

  test('an engine sure enough that the question is in scope keeps it from being declined', () => {
    // Judged out of scope by the phrasebook as surely as the one above (its SLA credit words, and
    // "credits" is no word of the document), but the engine's scope model is above ENGINE_KEEPS
    // here (0.87): it asks who handles high availability.
    const q = 'who handles high availability and SLA credits for a multi-zone region?';
    const book = engineWith(LABELLED);
    expect(book.index.phrasebook!.guess(q.toLowerCase(), null)?.entry).toBe(OUT_OF_SCOPE);
    expect(book.answer(q)).toEqual(engineWith([]).answer(q));
  });

  test('with no labelled question for the loaded documents, answers are the engine’s own', () => {
    const corpus = loadKnowledgeBase([join(SHIPPED_DATA_DIR, '../../shared/corpus/ibm-cloud')]);
    const bare = engineFor(corpus, { dataDirs: [SHIPPED_DATA_DIR], labelled: [] });
    const esOnly = engineFor(corpus, { dataDirs: [SHIPPED_DATA_DIR], labelled: LABELLED });
    expect(esOnly.index.phrasebook?.size ?? 0).toBe(0);
    for (const q of ['who patches the database in cloud databases?', 'key protect: who rotates root keys?']) {
      expect(esOnly.answer(q)).toEqual(bare.answer(q));
    }
  });

  test("it reads a question with the engine's corrections of its typos", () => {
    const access = (q: string) => row(q, 'Security and regulation compliance', 'Manage users and access');
    const mirroring = (q: string) => row(q, 'Mirroring', 'Setup');
    const engine = engineWith([
      access('who sets up the service account for our producers?'),
      access('service account for a new app: do we make it?'),
      mirroring('who creates the binding between the two instances for mirroring?'),
      mirroring('creating the s2s binding for mirroring: us or ibm?'),
    ]);
    const asTyped = engine.answer('who creates the service acount?');
    expect(asTyped.matches[0]?.task).toBe('Manage users and access');
    expect(asTyped.confidence).toBe(engine.answer('who creates the service account?').confidence);
  });

  test('the shipped phrasebook loads with the shipped document', () => {
    expect(loadEngine([SHIPPED_DATA_DIR]).index.phrasebook?.size).toBeGreaterThan(1000);
  });

  test('a question naming only what the document speaks of is not declined for reading like out-of-scope ones', () => {
    // "capacity" is in more out-of-scope labelled questions (capacity units' prices) than in-scope ones.
    const a = loadEngine([SHIPPED_DATA_DIR]).answer('who handles capacity planning?');
    expect(a.answered).toBe(true);
    expect(a.matches[0]?.task).toBe('Cluster management');
  });

  test('words around the question count for less than the question', () => {
    // Context of four words typical of the High availability row, before a question about another.
    const a = loadEngine([SHIPPED_DATA_DIR]).answer('Context: high availability, multi-zone region, data center loss, SLA. Who backs up message payloads?');
    expect(a.matches[0]?.task).toBe('Message payload data backup');
    expect(a.party).toBe('customer');
  });
});

describe('sides', () => {
  // The Mirroring section's Clusters row: IBM checks the pair is viable, you provision both clusters.
  const asked = (q: string, party: 'provider' | 'customer' | 'shared'): LabelledQuestion => ({ ...row(q, 'Mirroring', 'Clusters'), party });
  const buyers = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      asked(`${['who buys', 'we buy', 'buying'][i % 3]} the ${['two', 'pair of', 'both'][i % 3]} clusters for mirroring ${i}`, 'customer'),
    );
  const checkers = Array.from({ length: 10 }, (_, i) => asked(`who checks the mirroring pair is viable ${i}`, 'provider'));
  const q = 'who buys the two clusters for mirroring';

  test('on a row both sides have a part in, the side its labelled questions asked of, where enough did', () => {
    const bare = engineWith([]).answer(q);
    expect(bare.matches[0]?.task).toBe('Clusters');
    expect(bare.party).toBe('provider');
    const a = engineWith([...buyers(10), ...checkers]).answer(q);
    expect(a.matches[0]?.task).toBe('Clusters');
    expect([a.party, a.side]).toEqual(['customer', 'customer']);
    // Nine questions asked of that side are too few to say it.
    expect(engineWith([...buyers(9), ...checkers]).answer(q).party).toBe('provider');
    // The other side's words get the other side.
    expect(engineWith([...buyers(10), ...checkers]).answer('who checks that the mirroring clusters are a viable pair?').party).toBe('provider');
  });

  test('a question that asks how the row is divided still gets both sides', () => {
    const a = engineWith([...buyers(10), ...checkers]).answer('mirroring clusters: who buys them and who checks the pair?');
    expect([a.party, a.side]).toEqual(['shared', null]);
  });

  test('the side model speaks of a row only as its labels did, and explain() reads the engine alone', () => {
    const engine = engineWith([...buyers(10), ...checkers]);
    const clusters = engine.index.entries.findIndex((e) => e.section.title === 'Mirroring' && e.task === 'Clusters');
    const side = engine.index.phrasebook!.side(clusters, q)!;
    expect(side.party).toBe('customer');
    expect(side.p).toBeGreaterThanOrEqual(PHRASEBOOK_SIDES);
    const failover = engine.index.entries.findIndex((e) => e.section.title === 'Mirroring' && e.task === 'Failover');
    expect(engine.index.phrasebook!.side(failover, q)).toBeNull();
    expect(engine.explain(q).answer.party).toBe('provider');
  });
});

describe('requests that name no row', () => {
  const ask = (q: string, intent: 'help' | 'list' | 'party', party?: 'provider' | 'customer'): LabelledQuestion => ({ q, intent, ...(party ? { party } : {}) });
  const REQUESTS: LabelledQuestion[] = [
    ask('gimme the lay of the land of this matrix', 'list'),
    ask('what is the lay of the land in the matrix', 'list'),
    ask('lay of the land pls', 'list'),
    ask('first time here, what is your deal', 'help'),
    ask('what is your deal, bot', 'help'),
    ask('so what is your deal exactly', 'help'),
    ask('examples of what i can ask', 'help'),
    ask('give me examples of questions i can ask', 'help'),
    ask('some examples i can ask pls', 'help'),
    ask('tally every duty that lands on our side', 'party', 'customer'),
    ask('tally every duty that lands on ibm', 'party', 'provider'),
    ask('tally up the duties, everything', 'party', 'customer'),
  ];

  test('asked in words the rules do not know, as people asked before', () => {
    const bare = engineWith([]);
    const heard = engineWith([...LABELLED, ...REQUESTS]);
    for (const [q, intent] of [
      ['gimme the lay of the land of the matrix', 'list'],
      ['so what is your deal, bot?', 'help'],
      // "example" is also a word of a row's cell ("for example, replication factor"): the request's words decide.
      ['examples of stuff i can ask', 'help'],
    ] as const) {
      expect(bare.answer(q).intent).not.toBe(intent);
      const a = heard.answer(q);
      expect(a).toMatchObject({ answered: true, intent });
      expect(a.confidence).toBeLessThan(1);
    }
  });

  test("one side's duties only for the side the question names, and not when it names a row's topic", () => {
    const heard = engineWith([...LABELLED, ...REQUESTS]);
    expect(heard.answer('tally every duty that lands on our team')).toMatchObject({ answered: true, intent: 'party', party: 'customer' });
    expect(heard.answer('tally every duty that lands on IBM')).toMatchObject({ answered: true, intent: 'party', party: 'provider' });
    // No side named: nothing to list.
    expect(heard.answer('tally every duty').intent).not.toBe('party');
    // A topic the rows speak of: a question of that row, however like the requests it reads.
    expect(heard.answer('tally every duty that lands on IBM for disaster recovery').intent).not.toBe('party');
  });

  test('chat filler around a request is no topic the requests never used', () => {
    const heard = engineWith([...LABELLED, ...REQUESTS]);
    for (const q of ['tmrw pls, literally tally every duty that lands on our team', 'tally every duty that lands on our team today, seriously']) {
      expect(heard.answer(q)).toMatchObject({ answered: true, intent: 'party', party: 'customer' });
    }
  });

  test('explain() reads the rules alone', () => {
    expect(engineWith([...LABELLED, ...REQUESTS]).explain('gimme the lay of the land of the matrix').answer.intent).not.toBe('list');
  });
});

describe('phrasebook.jsonl', () => {
  test('a line that is not JSON, or not a labelled question, is an error naming the file and line', () => {
    const dir = folderWith({});
    const file = join(dir, 'phrasebook.jsonl');
    writeFileSync(file, `${JSON.stringify(LABELLED[0])}\n\n{"q": "who patches"\n`);
    expect(() => readPhrasebook(file)).toThrow(ConfigError);
    expect(() => readPhrasebook(file)).toThrow(/phrasebook\.jsonl:3: not valid JSON/);
    writeFileSync(file, `${JSON.stringify({ q: 'who patches', doc: ES, task: 'Deploy' })}\n`);
    expect(() => readPhrasebook(file)).toThrow(/phrasebook\.jsonl:1: must be/);
    // A request for one side's duties names the side.
    writeFileSync(file, `${JSON.stringify({ q: 'list our duties', intent: 'help' })}\n${JSON.stringify({ q: 'all our duties', intent: 'party' })}\n`);
    expect(() => readPhrasebook(file)).toThrow(/phrasebook\.jsonl:2: must be/);
    // Each shape checked in full: an unknown party, an empty list of documents, a question that is not text.
    for (const bad of [
      { q: 'who patches', doc: ES, section: INFRA, task: 'Deploy', party: 'ibm' },
      { q: 'who pays', task: null, docs: [] },
      { q: 42, intent: 'list' },
      { q: 'help', intent: 'help', docs: 'event-streams' },
      ['who patches'],
    ]) {
      writeFileSync(file, `${JSON.stringify(bad)}\n`);
      expect(() => readPhrasebook(file)).toThrow(/phrasebook\.jsonl:1: must be/);
    }
    // What a line holds beyond its shape is left out.
    writeFileSync(file, `${JSON.stringify({ q: 'who pays', task: null, docs: [ES], set: 'r1', note: 'x' })}\n`);
    expect(readPhrasebook(file)).toEqual([{ q: 'who pays', task: null, docs: [ES], set: 'r1' }]);
  });

  test('no file is no labelled question', () => {
    expect(readPhrasebook(join(folderWith({}), 'phrasebook.jsonl'))).toEqual([]);
  });
});
