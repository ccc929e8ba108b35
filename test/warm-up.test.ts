// The start-up warm-up: questions from the loaded documents' own rows, asked in slices that let
// a real request through meanwhile.
import { loadEngine } from '../src/engine/engine.js';
import { readQuestion } from '../src/engine/query.js';
import { warmUp, warmUpQuestions } from '../src/engine/warm-up.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import { CORPUS } from './helpers/fs.js';

const seed = loadEngine([SHIPPED_DATA_DIR]);

test('the warm-up asks about the loaded rows, and the engine answers most of them', () => {
  const qs = warmUpQuestions(seed);
  expect(qs.length).toBeGreaterThan(50);
  expect(qs).toContain('who handles failback?');
  const answered = qs.filter((q) => seed.answer(q).answered).length;
  expect(answered / qs.length).toBeGreaterThan(0.5);
});

test('the warm-up takes the question-reading paths real questions take, so they are compiled before them', () => {
  const units = warmUpQuestions(seed).flatMap((q) => readQuestion(q, seed.index).units);
  // A pronoun pointing back at a clause that tells of an event, a phrase of place, a contrast.
  expect(units.some((u) => u.referred && u.inEvent)).toBe(true);
  expect(units.some((u) => u.place)).toBe(true);
  expect(units.some((u) => u.contrast)).toBe(true);
});

test('other work runs between its slices, and it ends', async () => {
  let done = false;
  let ranDuring = false;
  const warming = warmUp(seed, 60).then((w) => {
    done = true;
    return w.answers;
  });
  await new Promise<void>((r) => setImmediate(r));
  ranDuring = !done;
  expect(ranDuring).toBe(true);
  expect(await warming).toBeGreaterThan(0);
});

test('a large knowledge base gives a bounded list', () => {
  expect(warmUpQuestions(loadEngine([CORPUS])).length).toBeLessThanOrEqual(240);
});

test('a question the engine fails on is asked once, not on every pass', async () => {
  const failing = 'who handles failback?';
  let failures = 0;
  const engine = {
    ...seed,
    answer: (q: unknown) => {
      if (q !== failing) return seed.answer(q);
      failures++;
      return { ...seed.answer(q), note: 'Something went wrong while reading this question; it has been logged. Try rephrasing it.' };
    },
  };
  // Three questions for 400 ms: many passes over them, a fraction of a millisecond each (with room
  // for a loaded machine: at 50 ms a busy CI runner gave one answer and failed).
  const { answers } = await warmUp(engine, 400, [failing, 'who patches the cluster?', 'list the sections']);
  expect(answers).toBeGreaterThan(3);
  expect(failures).toBe(1);
});
