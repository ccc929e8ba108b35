// The core API: load documents, build the index, answer questions. No chat platform here.
import type { KnowledgeBase } from '../model.js';
import { ownerAnswer, withOwners } from '../owners/answers.js';
import { ownerBookFor, type OwnerBook } from '../owners/book.js';
import { ownerQuestion } from '../owners/questions.js';
import { dataFile, loadKnowledgeBase, readOtherServices, readServices } from '../load/folder.js';
import { answer, explain, type AnswerContext } from './answer.js';
import { findSection } from './find-section.js';
import { answersFor, questionsIn } from './questions.js';
import { emptyAnswer } from './matches.js';
import { answerSection } from './section-answers.js';
import { MAX_QUESTION_CHARS } from './clean.js';
import { readModel, type ConfidenceModel, type Features } from './confidence.js';
import { buildIndex, type KnowledgeIndex } from './search-index.js';
import type { Answer } from './types.js';
import { buildVocabulary, readSynonyms } from './vocabulary.js';
import { log } from '../log.js';
import { readPhrasebook } from '../load/phrasebook-file.js';
import type { LabelledQuestion } from './phrasebook.js';

export interface Engine {
  kb: KnowledgeBase;
  index: KnowledgeIndex;
  model: ConfidenceModel;
  /** The customer side's owners (owners.yaml), or null when there is no owners file. */
  owners: OwnerBook | null;
  answer(question: unknown, context?: AnswerContext): Answer;
  /** The message's answers, one a question when it asks two or more that stand alone (what chat surfaces show). */
  answerEach(question: string, context?: AnswerContext): Answer[];
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
  /** Labelled questions to use instead of the data folder's phrasebook.jsonl (an evaluation leaves one set out). */
  labelled?: LabelledQuestion[];
}

export function engineFor(kb: KnowledgeBase, opts: EngineOptions = {}): Engine {
  const dirs = opts.dataDirs ?? [];
  const vocab = buildVocabulary(readSynonyms(dataFile('synonyms.yaml', dirs)));
  const index = buildIndex(
    kb,
    vocab,
    readServices(dataFile('services.yaml', dirs)),
    readOtherServices(dataFile('other-services.yaml', dirs)),
    opts.labelled ?? readPhrasebook(dataFile('phrasebook.jsonl', dirs)),
  );
  const model = opts.model ?? readModel(dataFile('confidence.json', dirs));
  const owners = ownerBookFor(kb, dirs);
  const engine: Engine = {
    kb,
    index,
    model,
    owners,
    section: (docId, sectionId) => {
      const a = answerSection(index, docId, sectionId);
      return a && withOwners(a, owners);
    },
    findSection: (name) => {
      const found = findSection(index, model, name);
      return 'answer' in found ? { answer: withOwners(found.answer, owners) } : found;
    },
    explain: (question, context) => explain(index, question, context),
    answer: (question, context) => {
      try {
        const text = typeof question === 'string' ? question.slice(0, MAX_QUESTION_CHARS) : null;
        const asked = owners && text !== null ? ownerQuestion(text, owners) : null;
        if (asked && text !== null) return ownerAnswer(text, asked, owners!);
        return withOwners(answer(index, model, question, owners ? { ...context, ownersKnown: true } : context), owners);
      } catch (e) {
        // Never let one odd question take a chat surface down: abstain, and say so without the
        // error's own text (it may name files or internals); the log has it.
        const a = emptyAnswer(null, typeof question === 'string' ? question.slice(0, MAX_QUESTION_CHARS) : '');
        log.error('engine.failed', { question: typeof question === 'string' ? question.slice(0, 200) : typeof question, error: e });
        return { ...a, note: 'Something went wrong while reading this question; it has been logged. Try rephrasing it.' };
      }
    },
    answerEach: (question, context) => {
      const whole = engine.answer(question, context);
      // A message cut at the limit is answered as one, so that the note saying so is not lost to its parts.
      if (question.length > MAX_QUESTION_CHARS) return [whole];
      return answersFor(
        whole,
        () => questionsIn(question),
        (q) => engine.answer(q, context),
      );
    },
  };
  return engine;
}

/** Load a data folder (or files) and build the engine over it. */
export function loadEngine(paths: string[]): Engine {
  const kb = loadKnowledgeBase(paths);
  return engineFor(kb, { dataDirs: paths });
}
