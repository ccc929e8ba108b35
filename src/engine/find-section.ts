// A section named by a user ("disaster recovery", "DR", an id), as for `respbot post` and
// `/responsibility post`: its summary, or the closest section names.
import Fuse from 'fuse.js';
import type { Section } from '../model.js';
import { answer, type AnswerContext } from './answer.js';
import type { ConfidenceModel } from './confidence.js';
import { readQuestion } from './query.js';
import type { KnowledgeIndex, ServiceGroup } from './search-index.js';
import { answerSection } from './section-answers.js';
import { focusTerms, titleFit } from './sections.js';
import type { Answer } from './types.js';

/** A section named by a user ("disaster recovery", "DR", an id): its summary, or the closest section names. */
export function findSection(
  index: KnowledgeIndex,
  model: ConfidenceModel,
  name: string,
  context: AnswerContext = {},
): { answer: Answer } | { suggestions: string[] } {
  const wanted = name.trim().toLowerCase();
  for (const g of index.services) {
    for (const s of g.doc.sections) {
      if (s.id.toLowerCase() === wanted || s.title.toLowerCase() === wanted) return { answer: answerSection(index, g.doc.id, s.id)! };
    }
  }
  const a = answer(index, model, /^(summar|show|overview)/i.test(wanted) ? name : `summarize ${name}`, context);
  if (a.intent === 'section' && a.section) return { answer: answerSection(index, a.section.doc, a.section.id)! };
  // Closest: sections sharing words with the name, else Fuse's fuzzy match on the titles.
  const label = (g: ServiceGroup, s: Section) => (index.services.length > 1 ? `${s.title} (${g.service})` : s.title);
  const f = focusTerms(readQuestion(name, index), index.terms.dict);
  const byWords = index.services
    .flatMap((g) => g.doc.sections.map((s) => ({ title: label(g, s), fit: titleFit(f, index.titles.units[index.titles.classOf.get(s.title)!]!) })))
    .filter((x) => x.fit.query > 0)
    .sort((x, y) => y.fit.query + y.fit.title - (x.fit.query + x.fit.title))
    .map((x) => x.title);
  const titles = index.services.flatMap((g) => g.doc.sections.map((s) => label(g, s)));
  const fuzzy = new Fuse(titles, { threshold: 0.6, ignoreLocation: true }).search(name, { limit: 3 }).map((r) => r.item);
  const close = [...new Set([...byWords, ...fuzzy])].slice(0, 3);
  return { suggestions: close.length ? close : titles.slice(0, 3) };
}
