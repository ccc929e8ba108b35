// Teams settings: the Teams SDK's names, local testing never in production.
import { teamsConfig } from '../../adapters/teams/config.js';
import { isProduction } from '../../src/production.js';

test('off when absent; credentials or local testing turn it on', () => {
  expect(teamsConfig({})).toBeNull();
  expect(teamsConfig({ CLIENT_ID: 'a', CLIENT_SECRET: 'b', TENANT_ID: 'c' })).toMatchObject({ clientId: 'a', allowUnauthenticated: false });
  expect(teamsConfig({ DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true' })).toMatchObject({ clientId: null, allowUnauthenticated: true });
});

test('half-way credentials say what is missing', () => {
  expect(() => teamsConfig({ CLIENT_ID: 'a' })).toThrow(/CLIENT_SECRET is missing[\s\S]*TENANT_ID is missing/);
});

test.each(['production', 'Production', 'PRODUCTION', 'prod', 'Prod', ' production '])('unauthenticated requests are refused when NODE_ENV=%j', (NODE_ENV) => {
  expect(() => teamsConfig({ DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true', NODE_ENV })).toThrow(/refused in production \(NODE_ENV=/);
});

test.each(['development', 'test', 'staging', ''])('NODE_ENV=%j is not production', (NODE_ENV) => {
  expect(isProduction({ NODE_ENV })).toBe(false);
  expect(teamsConfig({ DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true', NODE_ENV })).toMatchObject({ allowUnauthenticated: true });
});
