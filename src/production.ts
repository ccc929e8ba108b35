// Whether this process runs in production, from NODE_ENV as people write it: `production`,
// `Production`, `prod`… all mean production (Express itself only knows the exact `production`).
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^prod(uction)?$/i.test(env.NODE_ENV?.trim() ?? '');
}
