// The answer engine as it was before issue 15 (commit 58d4c13), frozen: every entry scored for
// every question. Kept only as the reference that test/equivalence.test.ts compares the engine
// with; nothing else may import it.
// The core API: load documents, build the index, answer questions. No chat platform here.
import type { KnowledgeBase } from '../../../src/model.js';
import { dataFile, loadKnowledgeBase, readOtherServices, readServices } from '../../../src/load/folder.js';
import { answer, answerSection, emptyAnswer, explain, findSection, type AnswerContext } from './answer.js';
import { MAX_QUESTION_CHARS } from '../../../src/engine/clean.js';
import { readModel, type ConfidenceModel, type Features } from './confidence.js';
import { buildIndex, type KnowledgeIndex } from './index.js';
import type { Answer } from '../../../src/engine/types.js';
import { buildVocabulary, readSynonyms } from '../../../src/engine/vocabulary.js';

export interface Engine {
  kb: KnowledgeBase;
  index: KnowledgeIndex;
  model: ConfidenceModel;
  answer(question: unknown, context?: AnswerContext): Answer;
  /** The best entry's answer whatever the model says, and the features it reads (for fitting the model). */
  explain(question: unknown, context?: AnswerContext): { answer: Answer; features: Features | null };
  /** A section summary by document and section id; null when there is no such section. */
  section(docId: string, sectionId: string): Answer | null;
  /** A section by name or id for posting; the closest names when there is none. */
  findSection(name: string): { answer: Answer } | { suggestions: string[] };
}

export interface EngineOptions {
  /** Folders whose synonyms.yaml / services.yaml / confidence.json win over the shipped ones. */
  dataDirs?: string[];
  /** A confidence model to use instead of the data folder's (the evaluation fits one per fold). */
  model?: ConfidenceModel;
}

export function engineFor(kb: KnowledgeBase, opts: EngineOptions = {}): Engine {
  const dirs = opts.dataDirs ?? [];
  const vocab = buildVocabulary(readSynonyms(dataFile('synonyms.yaml', dirs)));
  const index = buildIndex(kb, vocab, readServices(dataFile('services.yaml', dirs)), readOtherServices(dataFile('other-services.yaml', dirs)));
  const model = opts.model ?? readModel(dataFile('confidence.json', dirs));
  return {
    kb,
    index,
    model,
    section: (docId, sectionId) => answerSection(index, docId, sectionId),
    findSection: (name) => findSection(index, model, name),
    explain: (question, context) => explain(index, question, context),
    answer: (question, context) => {
      try {
        return answer(index, model, question, context);
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
