// Teams settings from the environment (the Teams SDK's names), validated at start.
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

export class TeamsConfigError extends Error {}

/** null when Teams is not configured; throws when half-configured or unsafe. */
export function teamsConfig(env: NodeJS.ProcessEnv): TeamsConfig | null {
  const clientId = env.CLIENT_ID?.trim() || null;
  const clientSecret = env.CLIENT_SECRET?.trim() || null;
  const tenantId = env.TENANT_ID?.trim() || null;
  const allowUnauthenticated = /^(1|true|yes)$/i.test(env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS?.trim() ?? '');
  const serviceUrl = env.SERVICE_URL?.trim() || null;
  if (!clientId && !clientSecret && !tenantId && !allowUnauthenticated) return null;
  if (allowUnauthenticated && isProduction(env)) {
    throw new TeamsConfigError(
      `DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true is refused in production (NODE_ENV=${env.NODE_ENV!.trim()}): anyone could post to /api/messages. Set CLIENT_ID, CLIENT_SECRET and TENANT_ID instead.`,
    );
  }
  const problems: string[] = [];
  if (!allowUnauthenticated || clientId || clientSecret || tenantId) {
    if (!clientId) problems.push('CLIENT_ID is missing (Azure Bot → Configuration → Microsoft App ID)');
    if (!clientSecret) problems.push('CLIENT_SECRET is missing (the app registration → Certificates & secrets → a client secret value)');
    if (!tenantId) problems.push('TENANT_ID is missing (the app registration → Overview → Directory (tenant) ID)');
  }
  if (problems.length) throw new TeamsConfigError(`Teams is not configured correctly:\n  - ${problems.join('\n  - ')}`);
  return { clientId, clientSecret, tenantId, allowUnauthenticated, serviceUrl };
}
