// Teams settings: the Teams SDK's names, local testing never in production.
import { teamsConfig } from '../../adapters/teams/config.js';

test('off when absent; credentials or local testing turn it on', () => {
  expect(teamsConfig({})).toBeNull();
  expect(teamsConfig({ CLIENT_ID: 'a', CLIENT_SECRET: 'b', TENANT_ID: 'c' })).toMatchObject({ clientId: 'a', allowUnauthenticated: false });
  expect(teamsConfig({ DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true' })).toMatchObject({ clientId: null, allowUnauthenticated: true });
});

test('half-way credentials say what is missing', () => {
  expect(() => teamsConfig({ CLIENT_ID: 'a' })).toThrow(/CLIENT_SECRET is missing[\s\S]*TENANT_ID is missing/);
});

test('unauthenticated requests are refused in production', () => {
  expect(() => teamsConfig({ DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true', NODE_ENV: 'production' })).toThrow(/refused when NODE_ENV=production/);
});
