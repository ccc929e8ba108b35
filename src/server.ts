// The one HTTP server every web surface shares (one PORT): Slack at /slack/events, Teams at
// /api/messages, /healthz (the process is up) and /readyz (it can serve: documents loaded,
// store reachable, a platform configured; 503 while it drains for shutdown).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';

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

/** Listen on `port` (0: any free port) on `host`; resolves once listening. */
export function listen(app: Express, port: number, host?: string): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once('error', reject);
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

/** PORT as a number, with a clear error for anything else. */
export function portFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT?.trim();
  if (!raw) return 3000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be a whole number from 0 to 65535, not "${raw}"`);
  return n;
}
