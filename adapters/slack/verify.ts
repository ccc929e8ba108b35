// Checks on a signed Slack request before Bolt sees it. Bolt's own check would refuse only
// timestamps more than 5 minutes in the past; here a timestamp more than 5 minutes
// off either way is refused, and so is a signature already used (a replayed request), across
// replicas through the store. Bolt then reads the body we read (req.rawBody); it does not check
// the signature again (signatureVerification: false in app.ts: this guard is the check).
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import type { Log } from '../../src/log.js';
import type { Seen } from './seen.js';

/** Slack's window for a request's timestamp, either way. */
export const SIGNATURE_WINDOW_S = 5 * 60;
/** Bolt's own body limit. */
const BODY_LIMIT = '4mb';

export interface GuardOptions {
  signingSecret: string;
  seen: Seen;
  log: Log;
  /** Milliseconds since the epoch (tests move the clock). */
  now?: () => number;
}

export type Refusal = 'missing headers' | 'bad timestamp' | 'timestamp out of window' | 'bad signature' | 'replayed';

/** Why a request is refused, or null when its signature and timestamp are good. */
export function signatureProblem(secret: string, body: Buffer, timestamp: string | undefined, sig: string | undefined, nowMs: number): Refusal | null {
  if (!timestamp || !sig) return 'missing headers';
  if (!/^\d{1,12}$/.test(timestamp)) return 'bad timestamp';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_S) return 'timestamp out of window';
  const expected = Buffer.from('v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex'));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'bad signature';
}

export function slackRequestGuard(opts: GuardOptions): RequestHandler[] {
  const now = opts.now ?? Date.now;
  const check: RequestHandler = async (req, res, next) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const timestamp = req.header('x-slack-request-timestamp');
    const sig = req.header('x-slack-signature');
    const t = now();
    let refusal = signatureProblem(opts.signingSecret, body, timestamp, sig, t);
    // Only a genuine signature is remembered, until its timestamp leaves the window.
    if (!refusal && !(await opts.seen.first(`slack:sig:${sig}`, (Number(timestamp) + SIGNATURE_WINDOW_S) * 1000 - t + 1000))) refusal = 'replayed';
    if (refusal) {
      opts.log.warn('slack.request_refused', { reason: refusal, path: req.path });
      res.status(401).json({ error: `not a genuine Slack request: ${refusal}` });
      return;
    }
    (req as typeof req & { rawBody?: Buffer }).rawBody = body;
    next();
  };
  return [express.raw({ type: () => true, limit: BODY_LIMIT }), check];
}
