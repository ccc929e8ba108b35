// Every card the renderer makes, for the development questions and every corpus section,
// validates against the Adaptive Card 1.5 schema (shared/schemas) and stays under the size goal.
import { inert, teamsCard } from '../../adapters/teams/render.js';
import { welcomeCard as welcome } from '../../src/present/present.js';
import { renderTeams as renderCards, teamsAlternatives as alternativesCard } from '../helpers/render.js';
const welcomeCard = (examples: string[], services: string[]) => teamsCard(welcome(examples, services));
import { loadEngine } from '../../src/engine/engine.js';
import { SHIPPED_DATA_DIR } from '../../src/paths.js';
import { readQuestions } from '../../bench/evalset.js';
import { CORPUS, SHARED } from '../helpers/fs.js';
import { checkTeamsCard as check, validateCard as validate } from '../helpers/limits.js';

test('the schema rejects what it should (the check is real)', () => {
  expect(validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] })).toBe(false);
});

test('every development question renders valid 1.5 cards', () => {
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  for (const q of readQuestions(`${SHARED}eval/questions.dev.jsonl`)) {
    const a = engine.answer(q.q);
    renderCards(a).forEach(check);
    check(alternativesCard(a));
  }
  check(welcomeCard(engine.index.examples, ['Event Streams']));
});

test('every corpus section, party summary and list renders valid cards, split where long, nothing lost', () => {
  const engine = loadEngine([CORPUS]);
  let split = 0;
  for (const d of engine.kb.documents) {
    for (const s of d.sections) {
      const cards = renderCards(engine.section(d.id, s.id)!);
      cards.forEach(check);
      const all = JSON.stringify(cards.map((c) => c.card));
      for (const e of s.entries)
        expect(all).toContain(
          JSON.stringify(inert(e.task ?? ''))
            .slice(1, -1)
            .slice(0, 30),
        );
    }
  }
  for (const q of ['what are all my responsibilities?', 'what is IBM responsible for?', 'list the sections', 'who handles disaster recovery?']) {
    const cards = renderCards(engine.answer(q));
    cards.forEach(check);
    if (cards.length > 1) split++;
  }
  expect(split).toBeGreaterThan(0);
});

test('user and document text cannot form links or markup', () => {
  expect(inert('[click](https://evil.example) **bold** <at>x</at> (5)')).toBe('\\[click\\](https://evil.example) \\*\\*bold\\*\\* \\<at\\>x\\</at\\> (5)');
  const engine = loadEngine([SHIPPED_DATA_DIR]);
  const a = engine.answer('[click me](https://evil.example) who patches the cluster?');
  // Submit data carries the question back to us unrendered; what Teams displays is inert.
  const shown = (n: unknown): string[] =>
    Array.isArray(n)
      ? n.flatMap(shown)
      : n && typeof n === 'object'
        ? Object.entries(n).flatMap(([k, v]) => (k === 'data' ? [] : typeof v === 'string' && (k === 'text' || k === 'title') ? [v] : shown(v)))
        : [];
  for (const q of [a.question, '[click me](https://evil.example) patches', '**who** patches the # cluster?']) {
    for (const c of [...renderCards(engine.answer(q)), alternativesCard(engine.answer(q))]) {
      for (const t of shown(c.card)) expect(t).not.toMatch(/(^|[^\\])\[click me\]\(/);
    }
  }
});
