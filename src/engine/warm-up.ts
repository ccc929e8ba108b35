// A server's first questions are slow: V8 compiles the engine's hot functions while they are
// answered, and on a small machine its compiler's thread takes the CPU from them (p99 4 ms over
// the first two thousand answers, 0.1 ms after). A server warms the engine up at start with
// questions made from its own documents, in slices short enough that a real question arriving
// meanwhile waits at most one slice.
import type { Engine } from './engine.js';

/** Long enough for V8's optimizing compiler to settle (measured on this project's 2-core machines). */
export const WARM_UP_MS = 1500;
/** The longest a real question waits behind the warm-up. */
const SLICE_MS = 4;

/** Questions as people ask them, about the loaded documents' own rows and sections, typos and chat noise included. */
export function warmUpQuestions(engine: Engine, max = 240): string[] {
  const entries = engine.index.entries;
  const step = Math.max(1, Math.floor(entries.length / (max / 7)));
  const out: string[] = ['help', 'list the sections', 'what are we responsible for?', 'what does IBM do?'];
  for (let i = 0; i < entries.length && out.length < max; i += step) {
    const e = entries[i]!;
    const topic = (e.task ?? e.section.title).toLowerCase();
    const typo = topic.replace(/([a-z])([a-z])(?=[a-z]{2})/, '$2$1');
    // The kinds of question people ask, so that every path the engine takes is compiled: who,
    // yes-no with noise and a typo, a pointing clause, a section, a side's share, another cloud,
    // and a pronoun pointing back at an event, with a place and a contrast.
    out.push(
      `who handles ${topic}?`,
      `hey team, is ${typo} on us or on IBM? thx`,
      `for our prod cluster, ${topic}: whose call is that?`,
      `summarize ${e.section.title}`,
      `what's on us in ${e.section.title.toLowerCase()}?`,
      `who does ${topic} on aws?`,
      `we lost the ${topic} on our cluster, beyond the defaults. who should have backed it up?`,
    );
  }
  return out.slice(0, max);
}

/** Answers the warm-up questions (the documents' own, unless given) for `ms`, yielding to other work between slices; resolves with how many it asked and how long it took. */
export async function warmUp(engine: Engine, ms = WARM_UP_MS, questions: string[] = warmUpQuestions(engine)): Promise<{ answers: number; ms: number }> {
  const start = performance.now();
  let asked = 0;
  let next = 0;
  while (questions.length && performance.now() - start < ms) {
    const slice = performance.now() + SLICE_MS;
    while (questions.length && performance.now() < slice) {
      next %= questions.length;
      asked++;
      // A question the engine fails on is logged once (engine.failed), not on every pass.
      if (engine.answer(questions[next]!).note?.startsWith('Something went wrong')) questions.splice(next, 1);
      else next++;
    }
    await new Promise<void>((r) => setImmediate(r));
  }
  return { answers: asked, ms: Math.round(performance.now() - start) };
}
