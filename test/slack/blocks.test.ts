// Property test of the Block Kit renderer: every message it makes, for the development
// questions and every section of every corpus document, keeps Slack's limits and escapes
// all document and user text.
import { SLACK_VOICE } from '../../adapters/slack/adapter.js';
import { homeView, SLACK_HOME_BUDGET, type SlackMessage } from '../../adapters/slack/render.js';
import { homeCard } from '../../src/present/present.js';
import { renderSlack as renderAnswer, slackAlternatives as alternativesMessage } from '../helpers/render.js';
import { SLACK_LIMITS as L } from '../../adapters/slack/limits.js';
import { loadEngine } from '../../src/engine/engine.js';
import type { Answer } from '../../src/engine/types.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { readQuestions } from '../../bench/evalset.js';
import { CORPUS, folderWith, SHARED } from '../helpers/fs.js';
import { checkSlackMessage, slackTexts as texts } from '../helpers/limits.js';

const checkMessage = (m: SlackMessage, maxBlocks?: number) => checkSlackMessage(m, { maxBlocks });

const checkAll = (a: Answer, opts = {}) => {
  for (const m of renderAnswer(a, opts)) checkMessage(m);
};

test('every development question renders within the limits', () => {
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  for (const q of readQuestions(`${SHARED}eval/questions.dev.jsonl`)) {
    const a = engine.answer(q.q);
    checkAll(a);
    checkAll(a, { private: true, sharedBy: 'U123' });
    checkMessage(alternativesMessage(a));
  }
});

test('every section, party summary and list of the corpus renders within the limits, paged where long', () => {
  const engine = loadEngine([CORPUS]);
  let paged = 0;
  for (const d of engine.kb.documents) {
    for (const s of d.sections) {
      const a = engine.section(d.id, s.id)!;
      const pages = renderAnswer(a, { private: true });
      for (const m of pages) checkMessage(m);
      // Nothing is lost: every entry of the section appears on some page.
      const all = pages.flatMap((p) => texts(p.blocks)).join('\n');
      for (const e of s.entries) expect(all).toContain(`*${(e.task ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, 40)}`);
    }
  }
  for (const q of ['what are all my responsibilities?', 'what is IBM responsible for?', 'list the sections', 'help', 'who handles disaster recovery?']) {
    const pages = renderAnswer(engine.answer(q));
    for (const m of pages) checkMessage(m);
    if (pages.length > 1) paged++;
  }
  expect(paged).toBeGreaterThan(0);
  const sections = engine.index.services.flatMap((g) =>
    g.doc.sections.map((s) => ({ id: s.id, title: s.title, doc: g.doc.id, service: g.service, lastUpdated: g.doc.lastUpdated, url: null, text: '' })),
  );
  checkMessage(
    {
      text: 'home',
      blocks: homeView(homeCard(sections, engine.index.examples, { voice: SLACK_VOICE, budget: SLACK_HOME_BUDGET })).blocks as SlackMessage['blocks'],
    },
    L.homeBlocks,
  );
});

test('document text the loader decoded from HTML references is escaped again for Slack', () => {
  const front = '---\nsubcollection: demo\n---\n\n# Your responsibilities when using Demo\n{: #demo_resp}\n\n## Ops\n{: #ops}\n\n**IBM responsibilities**\n\n';
  const engine = loadEngine([folderWith({ 'demo-responsibilities.md': front + '- <p>IBM pages &lt;!channel&gt; within &lt; 5 minutes &amp; more.</p>\n' })]);
  const d = engine.kb.documents[0]!;
  expect(d.sections[0]!.entries[0]!.provider).toBe('IBM pages <!channel> within < 5 minutes & more.');
  for (const m of renderAnswer(engine.section(d.id, d.sections[0]!.id)!, { private: true })) {
    checkMessage(m);
    const shown = [m.text, ...texts(m.blocks)].join('\n');
    expect(shown).toContain('IBM pages &lt;!channel&gt; within &lt; 5 minutes &amp; more.');
    expect(shown).not.toContain('<!channel>');
  }
});

test('hostile text is escaped: no channel ping, no link, no HTML', () => {
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  for (const q of [
    '<!channel> hi',
    '<!here|here> who patches the cluster? & <https://evil.example|click>',
    '@channel @here <script>alert(1)</script>',
    'x'.repeat(20000),
  ]) {
    const a = engine.answer(q);
    for (const m of [...renderAnswer(a, { private: true }), alternativesMessage(a)]) {
      checkMessage(m);
      // Button values carry the question back to us unrendered; everything Slack displays is escaped.
      const shown = [m.text, ...texts(m.blocks)].join('\n');
      expect(shown).not.toContain('<!channel>');
      expect(shown).not.toContain('<!here');
      expect(shown).not.toContain('<https://evil');
      expect(JSON.stringify(m)).not.toContain('link_names');
    }
  }
});
