// Example questions for help and empty input, made from the loaded documents themselves.
import type { ResponsibilityDocument } from '../model.js';

/** Example questions from the first document's own tasks and sections (built once per index). */
export function examplesFor(doc: ResponsibilityDocument | undefined): string[] {
  const tasks = doc ? doc.sections.flatMap((s) => s.entries).filter((e) => e.task && e.task.length < 40) : [];
  const pick = (i: number) => tasks[Math.floor((i * tasks.length) / 3)]?.task;
  const out = [pick(0), pick(1), pick(2)].filter((t): t is string => !!t).map((t) => `who is responsible for "${t.toLowerCase()}"?`);
  const sec = doc?.sections.find((s) => s.entries.length > 0);
  if (sec) out.push(`summarize ${sec.title.toLowerCase()}`, `what am I responsible for in ${sec.title.toLowerCase()}?`);
  out.push('what is IBM responsible for?', 'list the sections');
  return out;
}
