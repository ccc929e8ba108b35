// The shape of every data file kept beside the documents, in one place: keywords.yaml,
// synonyms.yaml, services.yaml, other-services.yaml and sources.yaml. Messages finish the
// sentence "<key> …" that readDataFile writes with the file and line.
import { basename } from 'node:path';
import { z } from 'zod';

/** A word or phrase; YAML reads `2` or `27001` as numbers, which are words here too. */
const word = z.union([z.string(), z.number()], { error: 'must be a word or phrase' }).transform(String);
const words = z.array(word, { error: 'must be a list of words, like [patch, patching]' });
const table = (what: string) => z.record(z.string(), word, { error: `must be a map of ${what}` });

/** keywords.yaml: values for {{site.data.keyword.NAME}}, globally and per subcollection. */
export const KEYWORDS_FILE = z.object({
  keywords: table('keyword names to their text').default({}),
  bySubcollection: z.record(z.string(), table('keyword names to their text'), { error: 'must be a map of subcollections to keyword maps' }).default({}),
  drop: words.default([]),
});

/** synonyms.yaml: groups of words that mean one thing, and combinations that mean another. */
export const SYNONYMS_FILE = z.object({
  groups: z.array(words, { error: 'must be a list of groups, each a list of words' }).default([]),
  combinations: z
    .array(z.object({ when: words.refine((w) => w.length > 1, 'must name two concepts or more'), means: word }), {
      error: 'must be a list of { when: [...], means: ... }',
    })
    .default([]),
});

/** services.yaml: display names and aliases keyed by the documents' subcollection. */
export const SERVICES_FILE = z.object({
  services: z
    .record(
      z.string(),
      z
        .object({ name: word.optional(), aliases: words.optional() })
        .nullable()
        .transform((s) => s ?? {}),
      { error: 'must be a map of subcollections' },
    )
    .default({}),
});

/** other-services.yaml: clouds and services a question may name that no document covers. */
export const OTHER_SERVICES_FILE = z.object({
  clouds: z.array(words, { error: 'must be a list of name lists' }).default([]),
  services: z.array(words, { error: 'must be a list of name lists' }).default([]),
});

/** sources.yaml: where each document is published upstream (`respbot sync`). */
export const SOURCES_FILE = z.object({
  documents: z.array(
    z.object({
      file: z.string({ error: 'needs a file name' }).refine((f) => basename(f) === f && f.endsWith('.md'), 'must be a .md file name in this folder'),
      url: z.string({ error: 'needs a url' }).refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
    }),
    { error: 'must be a list of { file, url }' },
  ),
});

const httpsUrl = z.string().refine((u) => /^https?:\/\/\S+$/.test(u), 'must be an http(s) URL');

/** One owner: a team (or person) on the customer's side, and how to reach it on each surface. */
const OWNER = z.object({
  name: z.string({ error: 'needs a name' }).min(1, 'needs a name'),
  /** The channel as people say it ("#data-platform"), shown where no platform id is given. */
  channel: z.string().optional(),
  url: httpsUrl.optional(),
  note: z.string().optional(),
  /** Mention the group (Slack user group, Teams tag) rather than naming it: off unless an admin turns it on. */
  notify: z.boolean({ error: 'must be true or false' }).default(false),
  slack: z
    .object({
      channel: z
        .string()
        .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id (C0123…)')
        .optional(),
      group: z
        .string()
        .regex(/^S[A-Z0-9]{2,}$/, 'must be a Slack user group id (S0123…)')
        .optional(),
      handle: z.string().optional(),
    })
    .strict()
    .optional(),
  teams: z
    .object({
      channelUrl: httpsUrl.optional(),
      tag: z.object({ id: z.string().min(1), name: z.string().min(1) }, { error: 'must be { id, name } of a Teams tag' }).optional(),
    })
    .strict()
    .optional(),
});

/** A rule: the rows it covers (every field a name or a pattern with *), and their owner. */
const RULE = z
  .object({
    owner: z.string({ error: 'needs an owner (a key under owners)' }),
    service: z.string().optional(),
    section: z.string().optional(),
    task: z.string().optional(),
  })
  .strict();

/** owners.yaml: who on the customer's side does the customer's part of each row. */
export const OWNERS_FILE = z
  .object({
    owners: z.record(z.string(), OWNER, { error: 'must be a map of owner keys to owners' }),
    rules: z.array(RULE, { error: 'must be a list of { owner, service, section, task }' }).default([]),
  })
  .superRefine((v, ctx) => {
    v.rules.forEach((r, i) => {
      if (!(r.owner in v.owners)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'owner'], message: `names no owner under owners: "${r.owner}"` });
    });
  });
