// Answering a chat question the way every surface does: logged with the request id, intent,
// confidence and latency, and kept in the store when the bot abstains, for `respbot report`.
import type { Engine } from '../engine/engine.js';
import type { Answer } from '../engine/types.js';
import type { Log } from '../log.js';
import type { Platform, Signal, Store } from '../store/types.js';
import { unansweredSignal } from '../report/signals.js';

export interface Tracking {
  platform: Platform;
  log: Log;
  store?: Store;
}

/** Keeps a signal; a store that is down costs a log line, never the reply. */
export function recordSignal(t: Tracking, signal: Signal): void {
  t.store?.recordSignal(signal).catch((e: unknown) => t.log.warn('signal.not_recorded', { error: e }));
}

export function answerTracked(engine: Engine, question: string, requestId: string | undefined, t: Tracking): Answer {
  const started = performance.now();
  const a = engine.answer(question);
  track(a, started, requestId, t);
  return a;
}

/** A chat message's answers, one a question when it asks several (`Engine.answerEach`), each logged. */
export function answersTracked(engine: Engine, message: string, requestId: string | undefined, t: Tracking): Answer[] {
  const started = performance.now();
  const answers = engine.answerEach(message);
  for (const a of answers) track(a, started, requestId, t);
  return answers;
}

function track(a: Answer, started: number, requestId: string | undefined, t: Tracking): void {
  const latencyMs = Math.round((performance.now() - started) * 100) / 100;
  t.log.info('answer', {
    platform: t.platform,
    requestId: requestId ?? null,
    intent: a.intent,
    answered: a.answered,
    confidence: a.confidence,
    latencyMs,
    ...(a.answered ? {} : { question: a.question }),
  });
  if (!a.answered && a.question) recordSignal(t, unansweredSignal(a, t.platform, null));
}
