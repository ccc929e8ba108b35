// Loopback helpers for Slack tests: signed requests as Slack sends them, and a stand-in for
// the Web API and response_url that records what our app sends.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export function signature(secret: string, timestamp: number, body: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

/** A slash command's form body as Slack sends it: `/responsibility <text>` from U1 in C1 of T1, with a trigger_id of its own. */
export function slashBody(text: string, fields: Record<string, string> = {}): string {
  return new URLSearchParams({
    command: '/responsibility',
    text,
    user_id: 'U1',
    channel_id: 'C1',
    team_id: 'T1',
    trigger_id: triggerId(),
    ...fields,
  }).toString();
}

/** A form body POSTed to a Slack endpoint, signed with `secret` at this second. */
export function postSigned(url: string, secret: string, body: string): Promise<Response> {
  const ts = Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature(secret, ts, body) },
    body,
  });
}

let triggers = 0;
/** A fresh trigger_id: Slack gives every slash command and click its own, so no two signed bodies repeat. */
export function triggerId(): string {
  return `${Date.now()}.${process.pid}.${++triggers}`;
}

export interface Recorded {
  path: string;
  body: Record<string, unknown>;
  at: number;
}

export interface StandIn {
  url: string;
  calls: Recorded[];
  /** Every request with the status it got, failures included. */
  served: Array<{ path: string; status: number; at: number }>;
  /** Rate-limit `path` as Slack does: from the next call on, 429 with Retry-After until `seconds` have passed. */
  rateLimit(path: string, seconds: number): void;
  /** Answer the next calls to `path` with these statuses first (e.g. 429), then 200. */
  failNext(path: string, status: number, headers?: Record<string, string>, times?: number, error?: string): void;
  /** A JSON reply for `path` (instead of {ok:true}): fixed, or made from the request's fields (pagination). */
  replyWith(path: string, body: Record<string, unknown> | ((request: Record<string, unknown>) => Record<string, unknown>)): void;
  /** Answer calls to `path` only after `ms` (they are recorded when they arrive). */
  delay(path: string, ms: number): void;
  /** Leave calls to `path` unanswered (they are recorded when they arrive) until release() is called. */
  hold(path: string): () => void;
  waitFor(pred: (c: Recorded[]) => boolean, ms?: number): Promise<Recorded[]>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });
}

function parse(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = k === 'blocks' || k === 'view' || k === 'attachments' ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/** `now`: the clock for Retry-After windows and the `at` of each call (a test's fake clock, or real time). */
export async function slackStandIn({ now = Date.now }: { now?: () => number } = {}): Promise<StandIn> {
  const calls: Recorded[] = [];
  type Reply = Record<string, unknown> | ((request: Record<string, unknown>) => Record<string, unknown>);
  const replies = new Map<string, Reply>();
  const failures = new Map<string, Array<{ status: number; headers: Record<string, string>; error?: string }>>();
  const delays = new Map<string, number>();
  const holds = new Map<string, Promise<void>>();
  const served: StandIn['served'] = [];
  const limits = new Map<string, { seconds: number; until: number | null }>();
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = (req.url ?? '').replace(/^\/(api\/)?/, '').replace(/\?.*$/, '');
    const limit = limits.get(path);
    if (limit) {
      limit.until ??= now() + limit.seconds * 1000;
      if (now() < limit.until) {
        served.push({ path, status: 429, at: now() });
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.ceil((limit.until - now()) / 1000)) });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      limits.delete(path);
    }
    const queue = failures.get(path);
    const fail = queue?.shift();
    served.push({ path, status: fail?.status ?? 200, at: now() });
    if (fail) {
      res.writeHead(fail.status, { 'content-type': 'application/json', ...fail.headers });
      res.end(JSON.stringify({ ok: false, error: fail.error ?? (fail.status === 429 ? 'ratelimited' : 'fatal_error') }));
      return;
    }
    const body = parse(raw, req.headers['content-type']);
    calls.push({ path, body, at: now() });
    const wait = delays.get(path);
    if (wait) await new Promise((r) => setTimeout(r, wait).unref());
    await holds.get(path);
    const reply = replies.get(path);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify((typeof reply === 'function' ? reply(body) : reply) ?? { ok: true, ts: '1700000000.000100', channel: 'C1' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    calls,
    served,
    rateLimit(path, seconds) {
      limits.set(path, { seconds, until: null });
    },
    failNext(path, status, headers = {}, times = 1, error) {
      failures.set(path, [...(failures.get(path) ?? []), ...Array.from({ length: times }, () => ({ status, headers, error }))]);
    },
    replyWith(path, body) {
      replies.set(path, body);
    },
    delay(path, ms) {
      delays.set(path, ms);
    },
    hold(path) {
      let release!: () => void;
      holds.set(path, new Promise<void>((r) => (release = r)));
      return () => {
        holds.delete(path);
        release();
      };
    },
    async waitFor(pred, ms = 5000) {
      const end = Date.now() + ms;
      while (!pred(calls)) {
        if (Date.now() > end) throw new Error(`stand-in: condition not met; calls: ${JSON.stringify(calls.map((c) => c.path))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return calls;
    },
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
