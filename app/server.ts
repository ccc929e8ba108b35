// The one HTTP server every web surface shares (one PORT): Slack at /slack/events, Teams at
// /api/messages, /healthz (the process is up) and /readyz (it can serve: documents loaded,
// store reachable, a platform configured; 503 while it drains for shutdown).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { ConfigError } from '../src/config/error.js';
import { log as defaultLog, type Log } from '../src/log.js';

export interface Readiness {
  ready: boolean;
  [detail: string]: unknown;
}

export function createHttpApp(readiness?: () => Promise<Readiness>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const r = readiness ? await readiness().catch((e: unknown) => ({ ready: false, error: (e as Error).message })) : { ready: true };
    res.status(r.ready ? 200 : 503).json(r);
  });
  return app;
}

/**
 * The last word on a request that failed (a body that is not JSON, a handler that threw):
 * a JSON error without stack or file paths for the client, one JSON log line for us.
 * Express's own handler would answer with an HTML stack trace unless NODE_ENV=production.
 */
export function jsonErrors(log: Log): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const e = (err ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
    const given = Number(e.status ?? e.statusCode);
    const status = given >= 400 && given < 500 ? given : 500;
    const reason = typeof e.message === 'string' ? e.message.split('\n')[0]!.slice(0, 200) : String(err);
    (status >= 500 ? log.error : log.warn)('http.error', {
      status,
      method: req.method,
      path: req.path,
      type: typeof e.type === 'string' ? e.type : null,
      error: reason,
    });
    if (res.headersSent) return;
    const error =
      e.type === 'entity.parse.failed'
        ? 'the request body is not valid JSON'
        : status === 413
          ? 'the request body is too large'
          : status >= 500
            ? 'internal error'
            : 'bad request';
    res.status(status).json({ error });
  };
}

/** Why the server cannot listen, said with the setting to change (no stack trace). */
function listenProblem(e: NodeJS.ErrnoException, port: number, host: string | undefined): Error {
  const on = host ? ` on ${host}` : '';
  const problem = (text: string) => new ConfigError({ setting: 'PORT', problem: text });
  if (e.code === 'EADDRINUSE') return problem(`${port} is already in use${on}: stop the process that holds it, or set PORT to a free port.`);
  if (e.code === 'EACCES') return problem(`${port} needs privileges${on}: ports below 1024 do; set PORT to 1024 or above.`);
  if (e.code === 'EADDRNOTAVAIL') return problem(`${port} cannot be listened on${on}: that address is not on this machine.`);
  return e;
}

/**
 * Listen on `port` (0: any free port) on `host`; resolves once listening. Requests go to
 * `app`, which every surface has mounted its routes on by now; errors end in jsonErrors.
 */
export function listen(app: Express, port: number, host?: string, log: Log = defaultLog): Promise<{ server: Server; port: number }> {
  // The error handler goes last on the app itself: an app mounted inside another would cost
  // every request a second pass through Express's router and its request set-up.
  // A path no surface serves: 404 in JSON too (Express's own is an HTML page).
  app.use((req, res) => {
    res.status(404).json({ error: `no such endpoint: ${req.method} ${req.path.slice(0, 100)}` });
  });
  app.use(jsonErrors(log));
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once('error', (e: NodeJS.ErrnoException) => reject(listenProblem(e, port, host)));
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

/** Stops taking connections and resolves when the requests in flight are answered (or after `ms`). */
export function drain(server: Server, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, ms);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    // Idle keep-alive connections would hold close() open: end them; busy ones finish first.
    server.closeIdleConnections();
  });
}
