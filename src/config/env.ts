// Environment variables read through zod schemas: blank means unset, every value is trimmed,
// and a wrong one becomes a ConfigProblem naming the variable and where its value is found.
import { z } from 'zod';
import { ConfigError } from './error.js';

type Env = Record<string, string | undefined>;

const unsetIfBlank = (v: unknown): unknown => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v);

/** A variable that may be unset. */
export const optionalText = () => z.preprocess(unsetIfBlank, z.string().optional());

/** A positive number (seconds, minutes); `fallback` when unset. */
export const positiveNumber = (fallback: number) =>
  optionalText().transform((raw, ctx) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (Number.isFinite(n) && n > 0) return n;
    ctx.addIssue({ code: 'custom', message: `must be a positive number (got "${raw}")` });
    return z.NEVER;
  });

const TRUE = /^(1|true|yes|on)$/i;
const FALSE = /^(0|false|no|off)$/i;

/** true/false (also 1/0, yes/no, on/off); false when unset. */
export const flag = () =>
  optionalText().transform((raw, ctx) => {
    if (raw === undefined || FALSE.test(raw)) return false;
    if (TRUE.test(raw)) return true;
    ctx.addIssue({ code: 'custom', message: `must be true or false (got "${raw}")` });
    return z.NEVER;
  });

/** An http(s) URL, or null when unset. */
export const httpUrl = () =>
  optionalText().transform((raw, ctx) => {
    if (raw === undefined) return null;
    try {
      if (/^https?:$/.test(new URL(raw).protocol)) return raw;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: `must be an http(s) URL (got "${raw}")` });
    return z.NEVER;
  });

/** One of a few words, case-insensitive; `fallback` when unset. */
export const oneOf = <const W extends string>(words: readonly W[], fallback: W) =>
  optionalText().transform((raw, ctx) => {
    if (raw === undefined) return fallback;
    const w = words.find((x) => x === raw.toLowerCase());
    if (w) return w;
    ctx.addIssue({ code: 'custom', message: `must be one of ${words.join(', ')} (got "${raw}")` });
    return z.NEVER;
  });

/**
 * Validates `env` against a schema of variables. Every problem is reported at once, each with its
 * variable's name and, from `where`, where a right value is found.
 */
export function readEnv<S extends z.ZodType>(schema: S, env: Env, where: Record<string, string> = {}): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((i) => {
      const setting = String(i.path[0] ?? 'the environment');
      return { setting, problem: i.message, where: where[setting] };
    }),
  );
}

/** A TCP port (0: any free one); `fallback` when unset. */
export const port = (fallback: number) =>
  optionalText().transform((raw, ctx) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 0 && n <= 65535) return n;
    ctx.addIssue({ code: 'custom', message: `must be a whole number from 0 to 65535 (got "${raw}")` });
    return z.NEVER;
  });
