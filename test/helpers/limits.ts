// What every rendered message must keep: Slack's limits (SLACK_LIMITS) and escaping, and the
// Adaptive Card 1.5 schema and Teams' size limit. Shared by the renderer tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { SLACK_LIMITS as L } from '../../adapters/slack/limits.js';
import type { SlackMessage } from '../../adapters/slack/render.js';
import { TEAMS_LIMITS } from '../../adapters/teams/limits.js';
import type { TeamsCard } from '../../adapters/teams/render.js';
import { SHARED } from './fs.js';

type Json = Record<string, any>;

/** Every text of a Block Kit payload (button values aside). */
export function slackTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) slackTexts(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'text' && typeof v === 'string') out.push(v);
      else if (k !== 'value') slackTexts(v, out);
    }
  }
  return out;
}

/**
 * Every limit of SLACK_LIMITS, and no raw <, >, & except the links and user mentions we make;
 * `allow`: other markup the test expects (a channel link, a user group mention).
 */
export function checkSlackMessage(m: SlackMessage, { maxBlocks = L.blocks, allow = [] }: { maxBlocks?: number | undefined; allow?: RegExp[] } = {}): void {
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(L.fallbackText);
  // A message of one line has no blocks at all: an empty list is never sent.
  expect(m.blocks).not.toEqual([]);
  const blocks = (m.blocks ?? []) as Json[];
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  let chars = 0;
  // block_id, where set, is unique in a message too.
  const blockIds = blocks.map((b) => b.block_id).filter((id) => id !== undefined);
  expect(new Set(blockIds).size).toBe(blockIds.length);
  for (const b of blocks) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(L.headerText);
    if (b.type === 'section') {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(L.sectionText);
      if (b.fields) {
        expect(b.fields.length).toBeLessThanOrEqual(L.fields);
        for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(L.fieldText);
      }
    }
    if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(L.contextElements);
    const buttons: Json[] = b.type === 'actions' ? b.elements : b.accessory ? [b.accessory] : [];
    if (b.type === 'actions') expect(buttons.length).toBeLessThanOrEqual(L.actionsElements);
    // Slack refuses a block whose elements share an action_id.
    const actionIds = buttons.map((btn) => btn.action_id as string);
    expect(new Set(actionIds).size).toBe(actionIds.length);
    for (const id of actionIds) expect(id.length).toBeLessThanOrEqual(L.actionId);
    for (const btn of buttons) {
      expect(btn.text.text.length).toBeLessThanOrEqual(L.buttonText);
      // A button carries a value back to us, or opens a link.
      if (btn.url === undefined) expect(btn.value.length).toBeLessThanOrEqual(L.actionValue);
      else expect(btn.url.length).toBeLessThanOrEqual(L.buttonUrl);
    }
  }
  for (const t of [m.text, ...slackTexts(m.blocks)]) {
    chars += t.length;
    const bare = [...allow, /<https:\/\/[^|<>\s]+\|[^<>]*>/g, /<@[A-Z0-9]+>/g].reduce((x, re) => x.replace(re, ''), t);
    expect(bare).not.toMatch(/[<>]/);
    expect(bare.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
  }
  expect(chars).toBeLessThanOrEqual(L.messageChars);
}

const require = createRequire(import.meta.url);
// ajv and ajv-formats are CommonJS with a `default` export: take it explicitly.
const Ajv: typeof import('ajv').default = require('ajv').default;
const addFormats: typeof import('ajv-formats').default = require('ajv-formats').default;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
addFormats(ajv);
ajv.removeKeyword('id');
/** The Adaptive Card 1.5 schema (shared/schemas). */
export const validateCard = ajv.compile(JSON.parse(readFileSync(join(SHARED, 'schemas/adaptive-card-1.5.json'), 'utf8')));

/** Schema-valid Adaptive Card 1.5, full width, within Teams' size limit. */
export function checkTeamsCard(c: TeamsCard): void {
  const { msteams, ...card } = c.card;
  expect(msteams?.width).toBe('full');
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  const ok = validateCard(card);
  if (!ok) throw new Error(JSON.stringify(validateCard.errors?.slice(0, 3)) + '\n' + JSON.stringify(card).slice(0, 500));
  expect(Buffer.byteLength(JSON.stringify(c.card))).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
  expect(c.text.length).toBeGreaterThan(0);
}
