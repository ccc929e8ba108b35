// The core API: load documents, build the index, answer questions. No chat platform here.
import type { KnowledgeBase } from '../model.js';
import { dataFile, loadKnowledgeBase, readServices } from '../load/folder.js';
import { answer, answerSection, emptyAnswer, findSection, type AnswerContext } from './answer.js';
import { MAX_QUESTION_CHARS } from './text.js';
import { buildIndex, type KnowledgeIndex } from './index.js';
import type { Answer } from './types.js';
import { buildVocabulary, readSynonymGroups } from './vocabulary.js';

export interface Engine {
  kb: KnowledgeBase;
  index: KnowledgeIndex;
  answer(question: unknown, context?: AnswerContext): Answer;
  /** A section summary by document and section id; null when there is no such section. */
  section(docId: string, sectionId: string): Answer | null;
  /** A section by name or id for posting; the closest names when there is none. */
  findSection(name: string): { answer: Answer } | { suggestions: string[] };
}

export interface EngineOptions {
  /** Folders whose synonyms.yaml / services.yaml win over the shipped ones. */
  dataDirs?: string[];
}

export function engineFor(kb: KnowledgeBase, opts: EngineOptions = {}): Engine {
  const dirs = opts.dataDirs ?? [];
  const vocab = buildVocabulary(readSynonymGroups(dataFile('synonyms.yaml', dirs)));
  const index = buildIndex(kb, vocab, readServices(dataFile('services.yaml', dirs)));
  return {
    kb,
    index,
    section: (docId, sectionId) => answerSection(index, docId, sectionId),
    findSection: (name) => findSection(index, name),
    answer: (question, context) => {
      try {
        return answer(index, question, context);
      } catch (e) {
        // Never let one odd question take a chat surface down: abstain and say why.
        const a = emptyAnswer(null, typeof question === 'string' ? question.slice(0, MAX_QUESTION_CHARS) : '');
        return { ...a, note: `Internal error: ${(e as Error).message}` };
      }
    },
  };
}

/** Load a data folder (or files) and build the engine over it. */
export function loadEngine(paths: string[]): Engine {
  const kb = loadKnowledgeBase(paths);
  return engineFor(kb, { dataDirs: paths });
}
