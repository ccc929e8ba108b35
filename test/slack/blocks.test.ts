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

type Json = Record<string, any>;

function texts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'text' && typeof v === 'string') out.push(v);
      else if (k !== 'value') texts(v, out);
    }
  }
  return out;
}

/** Every limit of SLACK_LIMITS, and no raw <, >, & except the links and mentions we make. */
function checkMessage(m: SlackMessage, maxBlocks: number = L.blocks): void {
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(L.fallbackText);
  expect(m.blocks.length).toBeLessThanOrEqual(maxBlocks);
  let chars = 0;
  // block_id, where set, is unique in a message too.
  const blockIds = (m.blocks as Json[]).map((b) => b.block_id).filter((id) => id !== undefined);
  expect(new Set(blockIds).size).toBe(blockIds.length);
  for (const b of m.blocks as Json[]) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(L.headerText);
    if (b.type === 'section') {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(L.sectionText);
      if (b.fields) {
        expect(b.fields.length).toBeLessThanOrEqual(L.fields);
        for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(L.fieldText);
      }
    }
    if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(L.contextElements);
    const buttons: Json[] = b.type === 'actions' ? b.elements : b.accessory ? [b.accessory] : [];
    if (b.type === 'actions') expect(buttons.length).toBeLessThanOrEqual(L.actionsElements);
    // Slack refuses a block whose elements share an action_id.
    const actionIds = buttons.map((btn) => btn.action_id as string);
    expect(new Set(actionIds).size).toBe(actionIds.length);
    for (const id of actionIds) expect(id.length).toBeLessThanOrEqual(L.actionId);
    for (const btn of buttons) {
      expect(btn.text.text.length).toBeLessThanOrEqual(L.buttonText);
      // A button carries a value back to us, or opens a link.
      if (btn.url === undefined) expect(btn.value.length).toBeLessThanOrEqual(L.actionValue);
      else expect(btn.url.length).toBeLessThanOrEqual(L.buttonUrl);
    }
  }
  for (const t of [m.text, ...texts(m.blocks)]) {
    chars += t.length;
    const bare = t.replace(/<https:\/\/[^|<>\s]+\|[^<>]*>/g, '').replace(/<@[A-Z0-9]+>/g, '');
    expect(bare).not.toMatch(/[<>]/);
    expect(bare.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
  }
  expect(chars).toBeLessThanOrEqual(L.messageChars);
}

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
  const sections = engine.index.services.flatMap((g) => g.doc.sections.map((s) => ({ id: s.id, title: s.title, doc: g.doc.id, service: g.service, lastUpdated: g.doc.lastUpdated, url: null, text: '' })));
  checkMessage({ text: 'home', blocks: homeView(homeCard(sections, engine.index.examples, { voice: SLACK_VOICE, budget: SLACK_HOME_BUDGET })).blocks as SlackMessage['blocks'] }, L.homeBlocks);
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
  for (const q of ['<!channel> hi', '<!here|here> who patches the cluster? & <https://evil.example|click>', '@channel @here <script>alert(1)</script>', 'x'.repeat(20000)]) {
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
