// npm run eval -- --phrasebook: how the phrasebook does on questions its writer never saw. Each
// writer's set of labelled questions is left out in turn, the phrasebook built from the others, and
// the left-out questions answered; beside it, the engine with no phrasebook at all.
import { join } from 'node:path';
import { engineFor, type Engine } from '../src/engine/engine.js';
import { buildPhrasebook } from '../src/engine/phrasebook.js';
import { loadKnowledgeBase } from '../src/load/folder.js';
import { readPhrasebook, type LabelledLine } from '../src/load/phrasebook-file.js';
import { SHIPPED_DATA_DIR } from '../src/paths.js';
import type { Answer } from '../src/engine/types.js';
import { pct } from './evalset.js';

/** The documents the labelled questions were written against: the shipped one, and the corpus. */
const FOLDERS = [SHIPPED_DATA_DIR, join(SHIPPED_DATA_DIR, '../../shared/corpus/ibm-cloud')];

export interface CvScore {
  folder: string;
  sets: number;
  inScope: number;
  inScopeN: number;
  oos: number;
  oosN: number;
  /** Requests that name no row (help, the list of sections, one side's duties): answered as asked. */
  requests: number;
  requestsN: number;
  /** Who-answers by the confidence they reported: how many, and how many were right. */
  calibration: Array<{ from: number; answers: number; right: number }>;
}

/** Lower bounds of the confidence bands the calibration is read in. */
const BANDS = [0, 0.5, 0.7, 0.8, 0.9, 0.95];

function right(l: LabelledLine, a: Answer): boolean {
  if (l.intent) return a.answered && a.intent === l.intent && (l.intent !== 'party' || a.party === l.party);
  if (l.task === null) return !a.answered;
  const top = a.matches[0];
  return (
    !!top &&
    a.answered &&
    a.intent === 'who' &&
    top.doc === l.doc &&
    top.section === l.section &&
    (top.task ?? top.section) === l.task &&
    (!l.party || a.party === l.party)
  );
}

function scoreOf(folder: string, engine: Engine, lines: LabelledLine[], book: (out: string) => void): CvScore {
  const s: CvScore = {
    folder,
    sets: 0,
    inScope: 0,
    inScopeN: 0,
    oos: 0,
    oosN: 0,
    requests: 0,
    requestsN: 0,
    calibration: BANDS.map((from) => ({ from, answers: 0, right: 0 })),
  };
  const sets = [...new Set(lines.map((l) => l.set ?? ''))];
  for (const set of sets) {
    book(set);
    s.sets++;
    for (const l of lines) {
      if ((l.set ?? '') !== set) continue;
      const a = engine.answer(l.q);
      const ok = right(l, a);
      if (a.answered && a.intent === 'who') {
        const band = [...s.calibration].reverse().find((b) => a.confidence >= b.from)!;
        band.answers++;
        if (l.task && ok) band.right++;
      }
      if (l.intent) [s.requests, s.requestsN] = [s.requests + +ok, s.requestsN + 1];
      else if (l.task === null) [s.oos, s.oosN] = [s.oos + +ok, s.oosN + 1];
      else [s.inScope, s.inScopeN] = [s.inScope + +ok, s.inScopeN + 1];
    }
  }
  return s;
}

export function phrasebookReport(file = join(SHIPPED_DATA_DIR, 'phrasebook.jsonl')): { with: CvScore[]; without: CvScore[] } {
  const all = readPhrasebook(file);
  const out = { with: [] as CvScore[], without: [] as CvScore[] };
  for (const folder of FOLDERS) {
    const kb = loadKnowledgeBase([folder]);
    const engine = engineFor(kb, { dataDirs: [folder], labelled: [] });
    // Out-of-scope questions count where they were judged: with exactly these documents loaded.
    const docs = new Set(engine.index.services.map((g) => g.doc.id));
    const judgedHere = (l: LabelledLine) => !!l.docs && l.docs.length === docs.size && l.docs.every((d) => docs.has(d));
    const mine = all.filter((l) => (l.intent || l.task === null ? judgedHere(l) : docs.has(l.doc!)));
    const entries = engine.index.entries.map((e) => ({ doc: e.doc, section: e.section.title, task: e.task ?? e.section.title }));
    out.with.push(
      scoreOf(
        folder,
        engine,
        mine,
        (set) =>
          (engine.index.phrasebook = buildPhrasebook(
            all.filter((l) => (l.set ?? '') !== set),
            entries,
          )),
      ),
    );
    out.without.push(scoreOf(folder, engine, mine, () => (engine.index.phrasebook = null)));
  }
  return out;
}

export function formatPhrasebookReport(r: ReturnType<typeof phrasebookReport>): string {
  const line = (s: CvScore) =>
    `in-scope ${s.inScope}/${s.inScopeN} (${pct(s.inScope, s.inScopeN).toFixed(1)}%)  out-of-scope declined ${s.oos}/${s.oosN} (${pct(s.oos, s.oosN).toFixed(1)}%)  ` +
    `help, list, a side's duties ${s.requests}/${s.requestsN} (${pct(s.requests, s.requestsN).toFixed(1)}%)`;
  const calibration = (s: CvScore) =>
    s.calibration
      .filter((b) => b.answers)
      .map((b) => `≥${b.from}: ${b.right}/${b.answers} right (${pct(b.right, b.answers).toFixed(0)}%)`)
      .join(', ');
  return r.with
    .map(
      (w, i) =>
        `${w.folder}: ${w.sets} sets, each left out in turn\n  with the phrasebook  ${line(w)}\n  without              ${line(r.without[i]!)}\n` +
        `  who-answers by confidence, with: ${calibration(w)}\n`,
    )
    .join('');
}
