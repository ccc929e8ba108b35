// Structured logs through pino: one JSON object a line on stderr, named by `event`, so
// feedback, unanswered questions and outbox retries can be followed with a line filter.
// LOG_LEVEL: debug | info | warn | error (default info).
import pino from 'pino';

export interface Log {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  /** A log whose lines all carry `fields` (a request id, the platform). */
  child(fields: Record<string, unknown>): Log;
}

/** Where lines go (tests collect them); default stderr. */
export type Sink = (line: string) => void;

const LEVELS = new Set(['debug', 'info', 'warn', 'error']);

function wrap(logger: pino.Logger): Log {
  // An Error in `error` is logged as its message: stack traces stay out of the line format.
  const fix = (fields: Record<string, unknown> = {}) => (fields.error instanceof Error ? { ...fields, error: fields.error.message } : fields);
  return {
    debug: (event, fields) => logger.debug(fix(fields), event),
    info: (event, fields) => logger.info(fix(fields), event),
    warn: (event, fields) => logger.warn(fix(fields), event),
    error: (event, fields) => logger.error(fix(fields), event),
    child: (fields) => wrap(logger.child(fields)),
  };
}

export function createLog(level: string = process.env.LOG_LEVEL ?? 'info', sink?: Sink): Log {
  const logger = pino(
    {
      level: LEVELS.has(level) ? level : 'info',
      base: null,
      messageKey: 'event',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Written asynchronously: lines that come while a write is under way go out together in the
    // next one, instead of a system call per line on a busy endpoint. Pino writes what is left
    // synchronously when the process exits (process.exit, an uncaught error).
    sink ? { write: (line: string) => sink(line.replace(/\n$/, '')) } : pino.destination({ dest: 2, sync: false }),
  );
  return wrap(logger);
}

export const log: Log = createLog();
