// The command line and the terminal chat as a user runs them (real processes of the compiled
// code, piped input).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PACKAGE_ROOT as ROOT } from '../src/paths.js';
import { BOT, CLI } from './helpers/entry.js';
import { CORPUS } from './helpers/fs.js';

function run(script: string, args: string[], input = '', env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, DATA_DIR: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('ask --json with no question answers each line of standard input, in order, one JSON object a line', () => {
  const qs = ['who patches the cluster?', '', 'how is the weather?', 'what sections are there?'];
  const r = run(CLI, ['ask', '--json'], qs.join('\n') + '\n');
  expect(r.code).toBe(0);
  const lines = r.out
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines.map((a) => a.question)).toEqual(qs);
  expect(lines[0]).toMatchObject({ answered: true, intent: 'who', party: 'provider', section: { id: 'security_compliance' }, suggestions: [] });
  expect(lines[0].matches[0]).toMatchObject({
    doc: 'event-streams',
    sectionId: 'security_compliance',
    task: 'Security and vulnerability patch updates to cluster',
    customer: null,
    party: 'provider',
  });
  expect(lines[2]).toMatchObject({ answered: false, matches: [] });
  expect(lines[3].intent).toBe('list');
});

test('output piped into a reader that stops early ends quietly, not with a stack trace', () => {
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" ask --data "${CORPUS}" "what is IBM responsible for?" | head -1`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: '' },
  });
  expect(r.stdout).toMatch(/^IBM's responsibilities/);
  expect(r.stderr).not.toMatch(/EPIPE|Error/);
});

test('ask prints a readable answer with the party in front', () => {
  const r = run(CLI, ['ask', 'who patches the cluster?']);
  expect(r.out).toMatch(/^IBM — Security and vulnerability patch updates to cluster\n {2}Event Streams applies/);
});

test('the respbot command runs in its own process: no child process, and a signal reaches it', async () => {
  const { spawn } = await import('node:child_process');
  const { readFileSync } = await import('node:fs');
  const child = spawn(process.execPath, ['bin/respbot.js', 'ask', '--json'], { cwd: ROOT, env: { ...process.env, DATA_DIR: '' } });
  const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
  let out = '';
  const answered = new Promise<void>((r) =>
    child.stdout.on('data', (d) => {
      out += d;
      if (out.endsWith('\n')) r();
    }),
  );
  try {
    child.stdin.write('who patches the cluster?\n');
    await answered;
    expect(JSON.parse(out)).toMatchObject({ answered: true, intent: 'who' });
    // Linux lists a process's children here: the answer came from this process, not one it started.
    expect(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim()).toBe('');
  } finally {
    child.kill('SIGTERM');
    child.stdin.end();
  }
  expect(await exited).toBe('SIGTERM');
});

test('inspect --json prints the seed model', () => {
  const r = run(CLI, ['inspect', '--json', 'data']);
  const j = JSON.parse(r.out);
  expect(j.documents).toHaveLength(1);
  expect(j.documents[0].sections.flatMap((s: { entries: unknown[] }) => s.entries)).toHaveLength(29);
  expect(j.warnings).toEqual([]);
});

test('npm start with piped input answers each line and exits at end of input, or at "quit"', () => {
  const r = run('bin/start.js', [], 'who patches the cluster?\nwhat am I responsible for in DR?\nthx, that helps!\nquit.\nwho patches the cluster?\n');
  expect(r.code).toBe(0);
  // Thanks get a pleasantry, not a row ("helps" is not support); nothing after "quit." is read.
  expect(r.out).toMatch(/You're welcome\./);
  expect(r.out).not.toMatch(/Support of client-side libraries/);
  expect(r.out.match(/IBM — Security and vulnerability patch updates to cluster/g)).toHaveLength(1);
  // The section summary, what you do in it, with its counts.
  expect(r.out).toMatch(/Disaster recovery — Event Streams — what you do\n[\s\S]*IBM 0 · You 5 · Shared 0/);
});

test('the bot refuses to start when no document loads, and says why', () => {
  const r = run(BOT, [], '', { DATA_DIR: '/no/such/dir' });
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/\/no\/such\/dir: no such file or folder/);
});

test('with Slack settings, npm start serves signed slash commands and refuses forged ones', async () => {
  const { spawn } = await import('node:child_process');
  const { signature, slashBody } = await import('./helpers/slack.js');
  const child = spawn(process.execPath, [BOT], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: '',
      PORT: '0',
      STORE_PATH: ':memory:',
      SLACK_SIGNING_SECRET: 'test',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    },
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d) => {
        err += d;
        const m = /listening on http:\/\/localhost:(\d+)/.exec(err);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', () => reject(new Error(err)));
    });
    const body = slashBody('who patches the cluster?', { response_url: 'http://127.0.0.1:9/r' });
    const ts = Math.floor(Date.now() / 1000);
    const send = (sig: string) =>
      fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig },
        body,
      });
    const ok = await send(signature('test', ts, body));
    expect(ok.status).toBe(200);
    expect(JSON.stringify(await ok.json())).toMatch(/IBM is responsible.*Security and vulnerability patch updates to cluster/);
    expect((await send(signature('forged', ts, body))).status).toBe(401);
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ ok: true });
  } finally {
    child.kill();
  }
});

test('a PORT already in use stops the start with the port and what to do, without a stack trace', async () => {
  const { createServer } = await import('node:net');
  const holder = createServer();
  await new Promise<void>((r) => holder.listen(0, r));
  const port = (holder.address() as { port: number }).port;
  try {
    const r = run(BOT, [], '', {
      PORT: String(port),
      STORE_PATH: ':memory:',
      SLACK_SIGNING_SECRET: 'test',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`respbot: PORT ${port} is already in use: stop the process that holds it, or set PORT to a free port.`);
    expect(r.err).not.toMatch(/\n\s+at /);
  } finally {
    await new Promise((r) => holder.close(r));
  }
});

test('half-way Slack settings stop the start with what is missing', () => {
  const r = run(BOT, [], '', { SLACK_BOT_TOKEN: 'xoxb-test' });
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^respbot: SLACK_SIGNING_SECRET or SLACK_APP_TOKEN must be set: .* \(Basic Information → Signing Secret/);
});

test('every wrong setting is reported by one start, each with its name, and without a stack trace', () => {
  const r = run(BOT, [], '', {
    SLACK_BOT_TOKEN: 'xoxp-user',
    SLACK_SIGNING_SECRET: 's',
    CLIENT_ID: 'app',
    PORT: 'eighty',
    LOG_USER_IDS: 'ja',
    SCHEDULE_MAX_LATE_MINUTES: '-5',
  });
  expect(r.code).toBe(2);
  const listed = r.err
    .split('\n')
    .filter((l) => l.startsWith('  - '))
    .map((l) => l.slice(4).split(' ')[0]);
  expect(r.err).toMatch(/^respbot: the settings are not right:\n/);
  expect(listed.sort()).toEqual(['CLIENT_SECRET', 'LOG_USER_IDS', 'PORT', 'SCHEDULE_MAX_LATE_MINUTES', 'SLACK_BOT_TOKEN', 'TENANT_ID']);
  expect(r.err).toContain('CLIENT_SECRET is missing (the app registration → Certificates & secrets → a client secret value)');
  expect(r.err).not.toMatch(/\n\s+at /);
});

test('respbot post --platform slack posts a section summary through the Web API (SLACK_API_URL)', async () => {
  const { slackStandIn } = await import('./helpers/slack.js');
  const api = await slackStandIn();
  try {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'post', '--platform', 'slack', '--channel', 'C0SRE0001', '--section', 'mirroring'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: '', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: api.url + 'api/' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(0);
    expect(out).toBe('Posted the Mirroring summary to #C0SRE0001.\n');
    expect(api.calls.filter((c) => c.path === 'chat.postMessage').map((c) => c.body.channel)).toEqual(['C0SRE0001']);
  } finally {
    await api.close();
  }
});

test('respbot post --platform slack with Slack out of reach says so after one try, without retry warnings', async () => {
  const { createServer } = await import('node:net');
  // Takes each connection and drops it once the request arrives: Slack "down", with the tries counted.
  let connections = 0;
  const down = createServer((socket) => {
    connections++;
    socket.once('data', () => socket.destroy());
  });
  await new Promise<void>((r) => down.listen(0, '127.0.0.1', r));
  try {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'post', '--platform', 'slack', '--channel', 'C0SRE0001', '--section', 'mirroring'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: '', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: `http://127.0.0.1:${(down.address() as { port: number }).port}/api/` },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    expect(await new Promise((r) => child.on('exit', r))).toBe(1);
    expect(err).toMatch(/^Slack could not be reached \(.+\): check the network, or SLACK_API_URL if it is set\. Nothing was posted\.\n$/);
    expect(connections).toBe(1);
  } finally {
    await new Promise((r) => down.close(r));
  }
});

test('respbot post --platform slack waits out a rate limit and posts once', async () => {
  const { slackStandIn } = await import('./helpers/slack.js');
  const api = await slackStandIn();
  api.failNext('chat.postMessage', 429, { 'retry-after': '1' });
  try {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'post', '--platform', 'slack', '--channel', 'C0SRE0001', '--section', 'mirroring'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: '', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: api.url + 'api/' },
    });
    expect(await new Promise((r) => child.on('exit', r))).toBe(0);
    expect(api.calls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(1);
  } finally {
    await api.close();
  }
});

test('respbot post --platform teams posts to a stored conversation reference, or lists the known ones', async () => {
  const { slackStandIn: recordingServer } = await import('./helpers/slack.js');
  const { openSqliteStore } = await import('../src/store/sqlite.js');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const connector = await recordingServer();
  const STORE_PATH = join(mkdtempSync(join(tmpdir(), 'respbot-cli-')), 'store.db');
  const store = openSqliteStore(STORE_PATH);
  const id = '19:d441d38c655c47a085215b2726e76927@thread.tacv2';
  await store.saveAddress('teams', id, {
    conversationId: id,
    serviceUrl: connector.url,
    tenantId: 't1',
    conversationType: 'channel',
    botId: '28:bot',
    updatedAt: '2026-11-01T00:00:00Z',
  });
  await store.close();
  try {
    const { spawn } = await import('node:child_process');
    const env = {
      ...process.env,
      DATA_DIR: '',
      STORE_PATH,
      DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
      CLIENT_ID: '',
      CLIENT_SECRET: '',
      TENANT_ID: '',
    };
    const cli = (channel: string) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'post', '--platform', 'teams', '--channel', channel, '--section', 'disaster recovery'], { cwd: ROOT, env });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) => resolve({ code, out, err }));
      });
    const ok = await cli(id);
    expect(ok).toMatchObject({ code: 0, out: `Posted the Disaster recovery summary to Teams conversation ${id}.\n` });
    const sent = connector.calls.filter((c) => c.path === `v3/conversations/${id}/activities`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.summary).toMatch(/^Disaster recovery/);
    const unknown = await cli('19:nope@thread.tacv2');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no reference for conversation "19:nope@thread.tacv2"');
    expect(unknown.err).toContain(`Known conversations:\n  ${id}  (channel`);
  } finally {
    await connector.close();
  }
});

test('a mistyped option is named, with the usage', () => {
  const r = run(CLI, ['ask', '--jsn', 'who patches the cluster?']);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^respbot: Unknown option '--jsn'/);
  expect(r.err).toContain('usage: respbot <command> [options]');
});

test('respbot post without what it needs says so', () => {
  expect(run(CLI, ['post', '--platform', 'slack']).err).toMatch(/^usage: respbot post/);
  expect(run(CLI, ['post', '--platform', 'slack', '--channel', 'C1', '--section', 'dr'], '', { SLACK_BOT_TOKEN: '' }).err).toMatch(/set SLACK_BOT_TOKEN/);
  expect(
    run(CLI, ['post', '--platform', 'teams', '--channel', 'C1', '--section', 'dr'], '', { CLIENT_ID: '', DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: '' }).err,
  ).toMatch(/set CLIENT_ID, CLIENT_SECRET and TENANT_ID/);
});

test("respbot owners shows each owner's rows and the rows nobody owns; inspect warns about a rule that matches nothing", () => {
  const dir = mkdtempSync(`${tmpdir()}/respbot-owners-`);
  copyFileSync(`${ROOT}/data/event-streams-responsibilities.md`, `${dir}/event-streams-responsibilities.md`);
  writeFileSync(
    `${dir}/owners.yaml`,
    'owners:\n  sre: { name: SRE rota, channel: "#sre" }\nrules:\n  - owner: sre\n    section: Disaster recovery\n  - owner: sre\n    task: Mirroing\n',
  );
  const text = run(CLI, ['owners', dir]);
  expect(text.code).toBe(0);
  expect(text.out).toMatch(
    /^Owners from .*owners\.yaml: 5 of 20 rows with a customer side have one\.\n\n {2}SRE rota \(#sre\): 5 rows\n {4}Event Streams › Disaster recovery › Disaster recovery\n/,
  );
  expect(text.out).toContain('  No owner: 15 rows\n');
  const json = JSON.parse(run(CLI, ['owners', '--json', dir]).out);
  expect(json.owners[0]).toMatchObject({ id: 'sre', name: 'SRE rota', channel: '#sre' });
  expect(json.owners[0].rows).toHaveLength(5);
  expect(json.unowned).toHaveLength(15);
  expect(json.warnings).toEqual([{ file: `${dir}/owners.yaml`, line: 6, message: 'the rule for sre matches nothing: no task is "Mirroing"' }]);
  expect(run(CLI, ['inspect', dir]).out).toContain(`${dir}/owners.yaml:6: the rule for sre matches nothing: no task is "Mirroing"`);
  const none = run(CLI, ['owners', `${ROOT}/data`]);
  expect(none.code).toBe(1);
  expect(none.err).toMatch(/there is no owners\.yaml in .*; start from data\/owners\.example\.yaml/);
});
