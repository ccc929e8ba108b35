// The shipped Event Streams document, as the model the rest of respbot reads.
import { loadKnowledgeBase } from '../src/load/folder.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';

const kb = loadKnowledgeBase([SHIPPED_DATA_DIR]);
const doc = kb.documents[0]!;
const entries = doc.sections.flatMap((s) => s.entries);
const entry = (task: string) => entries.find((e) => e.task === task)!;

test('7 sections, 29 entries, no warnings', () => {
  expect(kb.documents).toHaveLength(1);
  expect(doc.sections).toHaveLength(7);
  expect(entries).toHaveLength(29);
  expect(kb.warnings).toEqual([]);
});

test('task names and parties as the document says', () => {
  expect(entry('Deploy Event Streams environment').party).toBe('provider');
  expect(entry('Security and vulnerability patch updates to cluster').provider).toMatch(/^Event Streams applies the provided security/);
  expect(entry('Supported client').party).toBe('customer');
  expect(entry('Deploy').party).toBe('shared');
  expect(entry('Failover').party).toBe('shared');
  expect(entry('Integrate with select third-party partnership technologies')).toMatchObject({ party: 'provider', customer: null });
  expect(doc.sections[6]).toMatchObject({
    id: 'support_client_libraries',
    entries: [],
    text: expect.stringMatching(/^IBM does not own Kafka client-side libraries/),
  });
});

test('the model snapshot', () => {
  const stable = { ...doc, sourceFile: doc.sourceFile.replace(/.*\//, '') };
  expect(stable).toMatchSnapshot();
});
