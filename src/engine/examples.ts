// Example questions for help and empty input, made from the loaded documents themselves.
import type { ResponsibilityDocument } from '../model.js';
import { whoQuestion } from './suggestions.js';

/** Example questions from the first document's own tasks and sections (built once per index). */
export function examplesFor(doc: ResponsibilityDocument | undefined): string[] {
  const tasks = doc ? doc.sections.flatMap((s) => s.entries).filter((e) => e.task && e.task.length < 40) : [];
  const pick = (i: number) => tasks[Math.floor((i * tasks.length) / 3)]?.task;
  // Written as the suggestions are ("Who is responsible for "Deploy"?"): names as the document spells them.
  const out = [pick(0), pick(1), pick(2)].filter((t): t is string => !!t).map((t) => whoQuestion(t));
  const sec = doc?.sections.find((s) => s.entries.length > 0);
  if (sec) out.push(`Summarize ${sec.title}`, `What am I responsible for in ${sec.title}?`);
  out.push('What is IBM responsible for?', 'List the sections');
  return out;
}
