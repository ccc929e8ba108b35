// Structured logs: one JSON object a line on stderr, so feedback and unanswered questions
// can be reviewed with a line filter. LOG_LEVEL: debug | info | warn | error (default info).
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type Level = keyof typeof LEVELS;

export interface Log {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export type Sink = (line: string) => void;

export function createLog(level: string = process.env.LOG_LEVEL ?? 'info', sink: Sink = (l) => process.stderr.write(l + '\n')): Log {
  const min = LEVELS[(level as Level) in LEVELS ? (level as Level) : 'info'];
  const emit = (lvl: Level) => (event: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[lvl] < min) return;
    const err = fields.error instanceof Error ? { error: fields.error.message } : {};
    sink(JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...fields, ...err }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const log: Log = createLog();
