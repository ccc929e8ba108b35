// The loader, quirk by quirk, on small documents written for the tests.
import { loadKnowledgeBase } from '../src/load/folder.js';
import type { Entry } from '../src/model.js';
import { folderWith } from './helpers/fs.js';

const FRONT =
  '---\nlastupdated: "2025-01-02"\nsubcollection: demo\n---\n\n# Your responsibilities when using {{site.data.keyword.messagehub}}\n{: #demo_resp}\n\n';

function load(body: string, name = 'demo-responsibilities.md') {
  const kb = loadKnowledgeBase([folderWith({ [name]: FRONT + body })]);
  const entries: Entry[] = kb.documents.flatMap((d) => d.sections.flatMap((s) => s.entries));
  return { kb, doc: kb.documents[0], entries, warnings: kb.warnings };
}

const TABLE_HEAD = '| Task | {{site.data.keyword.IBM_notm}} responsibilities | Your responsibilities |\n|---|---|---|\n';

describe('document metadata', () => {
  test('id from the file name, service from the title, page URL from subcollection and title id', () => {
    const { doc } = load('## Ops\n{: #ops}\n\n' + TABLE_HEAD + '| Patch | IBM patches. | |\n');
    expect(doc).toMatchObject({
      id: 'demo',
      service: 'Event Streams',
      lastUpdated: '2025-01-02',
      subcollection: 'demo',
      url: 'https://cloud.ibm.com/docs/demo?topic=demo-demo_resp',
    });
    expect(doc!.sections[0]).toMatchObject({
      id: 'ops',
      title: 'Ops',
      level: 2,
      providerLabel: 'IBM responsibilities',
      customerLabel: 'Your responsibilities',
    });
  });
});

describe('keywords and attribute lines', () => {
  test('an unknown keyword gets a readable fallback and a warning with its line', () => {
    const { entries, warnings } = load('## Ops\n{: #ops}\n\n' + TABLE_HEAD + '| Run {{site.data.keyword.mq_nope_full}} | IBM runs it. | |\n');
    expect(entries[0]!.task).toBe('Run MQ Nope');
    expect(warnings).toContainEqual({
      file: expect.stringMatching(/demo-responsibilities\.md$/),
      line: 14,
      message: expect.stringContaining('unknown keyword "mq_nope_full"'),
    });
  });

  test('captions, summaries, row-headers and old-style definitions are consumed, not read as rows or text', () => {
    const { doc, entries } = load(
      '{:shortdesc: .shortdesc}\n\n## Ops\n{: #ops}\n\nIntro text.\n{: shortdesc}\n\n' +
        TABLE_HEAD +
        '| Patch | IBM patches [the cluster](/docs/x?topic=y){: external}. | |\n' +
        '{: row-headers}\n{: caption="Table 1. Ops for {{site.data.keyword.IBM_notm}}" caption-side="top"}\n{: summary="rows are read from left to right"}\n',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.provider).toBe('IBM patches the cluster.');
    expect(entries[0]!.links).toEqual(['https://cloud.ibm.com/docs/x?topic=y']);
    expect(doc!.sections[0]!.caption).toBe('Table 1. Ops for IBM');
    expect(doc!.sections[0]!.text).toBe('Intro text.');
  });
});

describe('tables', () => {
  test('parties come from which cells have text; a missing last cell counts as empty', () => {
    const { entries } = load(
      '## Ops\n{: #ops}\n\n' + TABLE_HEAD + '|A| IBM does A. | |\n|B|   | You do B. |\n|C| IBM does C. | You do C. |\n|D| IBM does D, two cells only. |\n',
    );
    expect(entries.map((e) => [e.task, e.party, e.customer])).toEqual([
      ['A', 'provider', null],
      ['B', 'customer', 'You do B.'],
      ['C', 'shared', 'You do C.'],
      ['D', 'provider', null],
    ]);
    expect(entries.map((e) => e.id)).toEqual(['ops/a', 'ops/b', 'ops/c', 'ops/d']);
  });

  test.each([
    ['| | IBM Responsibilities | Your Responsibilities |'],
    ['| Resource | How IBM helps | What you can do |'],
    ['| Item | IBM Cloud responsibilities | Your responsibilities |'],
    ['|Task     |IBM Responsibilities |Your Responsibilities |'],
  ])('header %s is a responsibility table', (header) => {
    const { entries } = load(`## Ops\n{: #ops}\n\n${header}\n|:---|:---|:---|\n|   Padded task   |   IBM pads.   |   You pad.   |   \n`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ task: 'Padded task', provider: 'IBM pads.', customer: 'You pad.', party: 'shared' });
  });

  test('lists inside cells, written with \\n, <br> or <ul><li>, become bullet lines', () => {
    const { entries } = load(
      '## Ops\n{: #ops}\n\n' +
        TABLE_HEAD +
        '| A | - one \\n - two | * three  \\n * four |\n' +
        '| B | five<br>six | <ul><li>seven <code>cmd</code></li><li><a href="/docs/z">eight</a> <img src="x.png" alt="icon"></li></ul> |\n',
    );
    expect(entries[0]!.provider).toBe('• one\n• two');
    expect(entries[0]!.customer).toBe('• three\n• four');
    expect(entries[1]!.provider).toBe('five\nsix');
    expect(entries[1]!.customer).toBe('• seven cmd\n• eight icon');
    expect(entries[1]!.links).toEqual(['https://cloud.ibm.com/docs/z']);
  });

  test('a table that is not about responsibilities is kept out of the entries', () => {
    const { entries } = load(
      '## Ops\n{: #ops}\n\n' + TABLE_HEAD + '| A | IBM. | |\n\n| Entity | Endpoint | Description |\n|---|---|---|\n| topics | `/v1/topics` | All topics |\n',
    );
    expect(entries.map((e) => e.task)).toEqual(['A']);
  });

  test('an overview grid gives party facts per resource and area, and an entry per resource', () => {
    const { doc, entries } = load(
      '## Overview\n{: #overview}\n\n| Resource | [Change management](#chg) | Disaster Recovery |\n| - | - | - |\n| Data | You | Customer |\n| Hypervisor | IBM | {{site.data.keyword.IBM_notm}} |\n| Worker | [Shared](#chg) | IBM |\n| Other | N/A | IBM Cloud |\n',
    );
    expect(doc!.sections[0]!.grid).toEqual([
      { resource: 'Data', area: 'Change management', party: 'customer' },
      { resource: 'Data', area: 'Disaster Recovery', party: 'customer' },
      { resource: 'Hypervisor', area: 'Change management', party: 'provider' },
      { resource: 'Hypervisor', area: 'Disaster Recovery', party: 'provider' },
      { resource: 'Worker', area: 'Change management', party: 'shared' },
      { resource: 'Worker', area: 'Disaster Recovery', party: 'provider' },
      { resource: 'Other', area: 'Disaster Recovery', party: 'provider' },
    ]);
    expect(entries.map((e) => [e.task, e.party])).toEqual([
      ['Data', 'customer'],
      ['Hypervisor', 'provider'],
      ['Worker', 'shared'],
      ['Other', 'provider'],
    ]);
  });

  test('"None" and "not responsible" cells count as empty', () => {
    const { entries } = load(
      '## Ops\n{: #ops}\n\n' + TABLE_HEAD + '| A | None | You do A. |\n| B | IBM does B. | The Client is not responsible for, nor has access to, B. |\n',
    );
    expect(entries.map((e) => e.party)).toEqual(['customer', 'provider']);
  });
});

describe('documents without tables', () => {
  test('bold party labels over bullet lists', () => {
    const { entries } = load(
      '## Operations\n{: #operations}\n\n**IBM responsibilities**\n\n- Keep the lights on.\n- Monitor health.\n\n**Your responsibilities**\n\n- Back up your data, if necessary.\n',
    );
    expect(entries.map((e) => [e.task, e.party])).toEqual([
      ['Keep the lights on', 'provider'],
      ['Monitor health', 'provider'],
      ['Back up your data, if necessary', 'customer'],
    ]);
  });

  test('"Topic - text" bullets', () => {
    const { entries } = load(
      'Day 2 includes:\n\n* Service Support - IBM provides support for issues that you report. You must raise tickets.\n* Capacity Management - You are responsible for capacity.\n* Component updates - Updates are applied automatically.\n\n## Related links\n{: #links}\n\n* [Notifications](/docs/n)\n',
    );
    expect(entries.map((e) => [e.task, e.party])).toEqual([
      ['Service Support', 'shared'],
      ['Capacity Management', 'customer'],
      ['Component updates', 'provider'],
    ]);
    expect(entries[0]!.customer).toBe('You must raise tickets.');
  });

  test('a prose-only section keeps its text', () => {
    const { doc } = load(
      '## Ops\n{: #ops}\n\n' +
        TABLE_HEAD +
        '| A | IBM. | |\n\n## Client libraries\n{: #libs}\n\nIBM does not own client libraries.\n\nIt helps on a best effort basis.\n',
    );
    expect(doc!.sections[1]).toMatchObject({ id: 'libs', entries: [], text: 'IBM does not own client libraries.\n\nIt helps on a best effort basis.' });
  });
});

describe('character references', () => {
  // The corpus writes ’ — ™ as characters; IBM's docs sources also use references like these.
  test('named and numeric references in raw HTML decode, each once', () => {
    const { doc, entries } = load(
      '## Ops\n{: #ops}\n\n**IBM responsibilities**\n\n' +
        '- <p>IBM&rsquo;s patches &mdash; all of them&trade;, the OS&#8217;s &amp; the broker&#x2019;s.</p>\n\n' +
        '> <div>Writes &amp;lt;b&amp;gt; literally,&nbsp;within &lt; 5 minutes; ?a=1&region=us stays.</div>\n',
    );
    expect(entries[0]!.provider).toBe('IBM’s patches — all of them™, the OS’s & the broker’s.');
    expect(doc!.sections[0]!.text).toBe('Writes &lt;b&gt; literally, within < 5 minutes; ?a=1&region=us stays.');
  });

  test('in table cells too, markdown text or HTML lists', () => {
    const { entries } = load(
      '## Ops\n{: #ops}\n\n' + TABLE_HEAD + '| Patch&trade; | <ul><li>IBM&rsquo;s &#8212; &amp;lt;</li></ul> | You&#x2019;re on call&nbsp;24/7 |\n',
    );
    expect(entries[0]).toMatchObject({ task: 'Patch™', provider: '• IBM’s — &lt;', customer: 'You’re on call 24/7' });
  });
});

describe('bad input', () => {
  test('bad documents are reported by file (and line) and the good ones still load', () => {
    const dir = folderWith({
      'good.md': FRONT + '## Ops\n{: #ops}\n\n' + TABLE_HEAD + '| A | IBM. | |\n',
      'empty.md': '',
      'latin1.md': Buffer.concat([Buffer.from('# Title\n\nline two caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      'nothing.md': '# Just a title\n\nSome words.\n',
      'broken.md': FRONT + '## Ops\n\n| Task | IBM | You |\n| A | IBM does | you do |\n',
    });
    const kb = loadKnowledgeBase([dir]);
    expect(kb.documents.map((d) => d.id)).toEqual(['good']);
    const said = kb.warnings.map((w) => `${w.file.replace(/.*\//, '')}:${w.line ?? ''} ${w.message}`);
    expect(said).toEqual(
      expect.arrayContaining([
        'empty.md: not loaded: the file is empty',
        'latin1.md:3 not loaded: the file is not UTF-8 text',
        'nothing.md: not loaded: the document holds no responsibilities',
        'broken.md:11 malformed table: rows written with | but no header delimiter row (| --- |); skipped',
      ]),
    );
  });

  test('a missing folder is a clear error', () => {
    expect(() => loadKnowledgeBase(['/no/such/folder'])).toThrow('/no/such/folder: no such file or folder (check the path given, or DATA_DIR)');
  });
});
