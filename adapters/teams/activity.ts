// The shape an incoming activity must have before the Teams SDK and our handlers see it.
// Teams itself never sends less; anything else (a test client, a fuzzer, a broken proxy) gets
// 400 with the reason, instead of a 500 from deep inside a handler.
import express, { type RequestHandler } from 'express';
import type { Log } from '../../src/log.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;

function isHttpUrl(s: string): boolean {
  try {
    return /^https?:$/.test(new URL(s).protocol);
  } catch {
    return false;
  }
}

const members = (v: unknown) => absent(v) || (Array.isArray(v) && v.every((m) => isObj(m) && typeof m.id === 'string'));

/** null when `body` is an activity we can handle; otherwise what is wrong with it. */
export function activityProblem(body: unknown): string | null {
  if (!isObj(body)) return 'the body must be a JSON object (an activity)';
  if (typeof body.type !== 'string' || !body.type) return '"type" must be a string';
  const conv = body.conversation;
  if (!isObj(conv) || typeof conv.id !== 'string' || !conv.id) return '"conversation.id" must be a string';
  for (const k of ['tenantId', 'conversationType']) if (!absent(conv[k]) && typeof conv[k] !== 'string') return `"conversation.${k}" must be a string`;
  if (typeof body.serviceUrl !== 'string' || !isHttpUrl(body.serviceUrl)) return '"serviceUrl" must be an http(s) URL';
  for (const k of ['id', 'name', 'text', 'textFormat', 'locale', 'localTimezone', 'channelId', 'replyToId'])
    if (!absent(body[k]) && typeof body[k] !== 'string') return `"${k}" must be a string`;
  for (const k of ['from', 'recipient']) {
    const who = body[k];
    if (!absent(who) && (!isObj(who) || typeof who.id !== 'string')) return `"${k}" must be an object with a string id`;
  }
  if (!absent(body.channelData) && !isObj(body.channelData)) return '"channelData" must be an object';
  if (!members(body.membersAdded)) return '"membersAdded" must be a list of members with an id';
  if (!members(body.membersRemoved)) return '"membersRemoved" must be a list of members with an id';
  if (body.type === 'invoke') {
    const value = body.value;
    if (!isObj(value)) return '"value" of an invoke must be an object';
    if (body.name === 'composeExtension/query') {
      const params = value.parameters;
      const fine =
        absent(params) ||
        (Array.isArray(params) && params.every((p) => isObj(p) && typeof p.name === 'string' && ['string', 'number', 'boolean'].includes(typeof p.value)));
      if (!fine) return '"value.parameters" must be a list of {name, value}';
    }
    if (body.name === 'adaptiveCard/action' && !absent(value.action) && !isObj(value.action)) return '"value.action" must be an object';
  }
  return null;
}

/** Express middleware for the messaging endpoint, mounted before the SDK's route. */
export function checkActivities(log: Log): RequestHandler[] {
  const check: RequestHandler = (req, res, next) => {
    const problem = activityProblem(req.body);
    if (!problem) return next();
    const type = isObj(req.body) && typeof req.body.type === 'string' ? req.body.type.slice(0, 40) : null;
    log.warn('teams.bad_activity', { problem, type });
    res.status(400).json({ error: `not a valid activity: ${problem}` });
  };
  // The SDK's own express.json() leaves a body parsed here as it is.
  return [express.json(), check];
}
