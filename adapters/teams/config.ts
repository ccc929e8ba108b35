// Teams settings from the environment (the Teams SDK's names), validated with the core's helpers.
import { z } from 'zod';
import { ConfigError } from '../../src/config/error.js';
import { flag, optionalText, readEnv } from '../../src/config/env.js';
import { isProduction } from '../../src/production.js';

export interface TeamsConfig {
  clientId: string | null;
  clientSecret: string | null;
  tenantId: string | null;
  /** Local testing without an Azure Bot registration (Agents Playground): never in production. */
  allowUnauthenticated: boolean;
  /** Bot Connector base URL override (tests point it at a loopback stand-in). */
  serviceUrl: string | null;
}

const WHERE: Record<string, string> = {
  CLIENT_ID: 'Azure Bot → Configuration → Microsoft App ID',
  CLIENT_SECRET: 'the app registration → Certificates & secrets → a client secret value',
  TENANT_ID: 'the app registration → Overview → Directory (tenant) ID',
};

const TEAMS = z
  .object({
    CLIENT_ID: optionalText(),
    CLIENT_SECRET: optionalText(),
    TENANT_ID: optionalText(),
    DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: flag(),
    SERVICE_URL: optionalText(),
  })
  .superRefine((v, ctx) => {
    // One credential given means all three are needed (with or without the local-testing switch).
    if (!v.CLIENT_ID && !v.CLIENT_SECRET && !v.TENANT_ID) return;
    for (const setting of ['CLIENT_ID', 'CLIENT_SECRET', 'TENANT_ID'] as const)
      if (!v[setting]) ctx.addIssue({ code: 'custom', path: [setting], message: 'is missing' });
  });

const anySet = (env: NodeJS.ProcessEnv, names: string[]) => names.some((n) => env[n]?.trim());

/** null when Teams is not configured; throws a ConfigError when half-configured or unsafe. */
export function teamsConfig(env: NodeJS.ProcessEnv): TeamsConfig | null {
  if (!anySet(env, ['CLIENT_ID', 'CLIENT_SECRET', 'TENANT_ID', 'DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS'])) return null;
  const v = readEnv(TEAMS, env, WHERE);
  if (!v.CLIENT_ID && !v.CLIENT_SECRET && !v.TENANT_ID && !v.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS) return null;
  if (v.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS && isProduction(env)) {
    throw new ConfigError({
      setting: 'DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS',
      problem: `set to true is refused in production (NODE_ENV=${env.NODE_ENV!.trim()}): anyone could post to /api/messages. Set CLIENT_ID, CLIENT_SECRET and TENANT_ID instead.`,
    });
  }
  return {
    clientId: v.CLIENT_ID ?? null,
    clientSecret: v.CLIENT_SECRET ?? null,
    tenantId: v.TENANT_ID ?? null,
    allowUnauthenticated: v.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS,
    serviceUrl: v.SERVICE_URL ?? null,
  };
}
