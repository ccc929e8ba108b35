// Signed requests: forged, stale, future or replayed ones get 401 and run no handler.
import { useSlackApp, api, answered, logs, post, slash } from '../helpers/slack-app.js';

useSlackApp();

describe('forged requests get 401 and run no handler', () => {
  test.each([
    ['a forged signature', { sig: 'v0=' + '0'.repeat(64) }],
    ['a wrong secret', { secret: 'not-the-secret' }],
    ['a timestamp older than 5 minutes', { ts: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a timestamp more than 5 minutes ahead', { ts: Math.floor(Date.now() / 1000) + 6 * 60 }],
    ['a timestamp that is not a number', { ts: 'soon' as unknown as number }],
  ])('%s', async (_name, opts) => {
    const res = await post(slash('who patches the cluster?'), 'application/x-www-form-urlencoded', opts);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as { error: string }).error).toMatch(/^not a genuine Slack request: (bad signature|timestamp out of window|bad timestamp)$/);
    expect(answered).toBe(0);
    expect(api.calls).toHaveLength(0);
    // A signed command after it is answered in its acknowledgement; a handler the refused one
    // had started would have answered by then too.
    expect((await post(slash('who patches the cluster?'), 'application/x-www-form-urlencoded')).status).toBe(200);
    expect(answered).toBe(1);
    expect(api.calls).toHaveLength(0);
  });
});

test('a replayed request (same signature, inside the 5 minutes) is refused; the first one was answered', async () => {
  const body = slash('who patches the cluster?');
  const ts = Math.floor(Date.now() / 1000);
  expect((await post(body, 'application/x-www-form-urlencoded', { ts })).status).toBe(200);
  expect(answered).toBe(1);
  const replay = await post(body, 'application/x-www-form-urlencoded', { ts });
  expect(replay.status).toBe(401);
  expect(answered).toBe(1);
  expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', event: 'slack.request_refused', reason: 'replayed' }));
});
