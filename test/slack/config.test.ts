// Slack settings: off when absent, clear messages when half-way or malformed.
import { slackConfig } from '../../adapters/slack/config.js';
import { portFrom } from '../../app/settings.js';

test('no Slack variables: Slack is off', () => {
  expect(slackConfig({})).toBeNull();
});

test('HTTP mode and Socket Mode', () => {
  expect(slackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toEqual({
    botToken: 'xoxb-1',
    signingSecret: 's',
    appToken: null,
    apiUrl: null,
  });
  expect(slackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'http://127.0.0.1:9/api' })).toMatchObject({
    appToken: 'xapp-1',
    apiUrl: 'http://127.0.0.1:9/api/',
  });
});

test.each([
  [{ SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN is missing/],
  [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET or SLACK_APP_TOKEN must be set/],
  [{ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' }, /must be a bot token starting with xoxb-/],
  [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'nope' }, /SLACK_APP_TOKEN must be an app-level token/],
  [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'ftp://x' }, /SLACK_API_URL must be an http\(s\) URL/],
])('%j is refused with a clear message', (env, message) => {
  expect(() => slackConfig(env)).toThrow(message);
});

test('PORT is validated', () => {
  expect(portFrom({})).toBe(3000);
  expect(portFrom({ PORT: '8080' })).toBe(8080);
  expect(() => portFrom({ PORT: 'eighty' })).toThrow('PORT must be a whole number');
});
