// `respbot post --platform slack|teams --channel <id> --section <name or id>`: a section
// summary to a channel, for scripts and cron jobs. Slack posts with SLACK_BOT_TOKEN
// (SLACK_API_URL honoured); Teams posts proactively to a conversation reference the bot
// stored (STORE_PATH or DATABASE_URL) when it was installed there or last spoken to.
// Each platform's SDK is imported only for a post to that platform.
import { parseArgs } from 'node:util';
import { consolePlain } from '../../adapters/console/render.js';
import { slackPostingConfig } from '../../adapters/slack/config.js';
import { teamsConfig } from '../../adapters/teams/config.js';
import { getReference, listReferences } from '../../adapters/teams/reference.js';
import type { Adapter } from '../../src/conversation/adapter.js';
import { postNow } from '../../src/conversation/posting.js';
import { coreSettings, describeStore } from '../../src/config/settings.js';
import { loadEngine, type Engine } from '../../src/engine/engine.js';
import { createLog } from '../../src/log.js';
import { openStore } from '../../src/store/open.js';

const USAGE = 'usage: respbot post --platform slack|teams --channel <channel or conversation id> --section <section name or id>';

export async function runPost(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { platform: { type: 'string' }, channel: { type: 'string' }, section: { type: 'string' }, data: { type: 'string' } },
  });
  if (!values.platform || !values.channel || !values.section) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (values.platform !== 'slack' && values.platform !== 'teams') {
    process.stderr.write(`respbot post: unknown platform "${values.platform}" (slack or teams)\n${USAGE}\n`);
    return 2;
  }
  const engine = () => loadEngine([values.data ?? coreSettings().dataDir]);
  return values.platform === 'slack' ? postToSlack(engine, values.channel, values.section) : postToTeams(engine, values.channel, values.section);
}

async function postToSlack(engine: () => Engine, channel: string, section: string): Promise<number> {
  const slack = slackPostingConfig(process.env);
  if (!slack) {
    process.stderr.write('respbot post: set SLACK_BOT_TOKEN (xoxb-…) to post to Slack.\n');
    return 2;
  }
  // The same poster as digests: rate limits are waited out (Retry-After); Slack out of reach is said at once.
  const { postingClient, slackAdapter } = await import('../../adapters/slack/adapter.js');
  const client = postingClient(slack.botToken, slack.apiUrl);
  return postWith(slackAdapter(client, client), engine(), channel, section, `#${channel}`);
}

/** Posts with the adapter's poster and says how it went, on the terminal. */
async function postWith(adapter: Adapter, engine: Engine, channel: string, section: string, where: string): Promise<number> {
  const found = engine.findSection(section);
  if (!('answer' in found)) {
    process.stderr.write(`There is no section "${section}". Closest: ${found.suggestions.join(', ')}.\n`);
    return 1;
  }
  const r = await postNow(adapter, channel, found.answer);
  if (!r.ok) {
    process.stderr.write(`${consolePlain(adapter.explainFailure(r.error, channel, r.posted, r.parts))}\n`);
    return 1;
  }
  process.stdout.write(`Posted the ${found.answer.section!.title} summary to ${where}${r.parts > 1 ? ` in ${r.parts} parts` : ''}.\n`);
  return 0;
}

async function postToTeams(engine: () => Engine, conversationId: string, section: string): Promise<number> {
  const teams = teamsConfig(process.env);
  if (!teams) {
    process.stderr.write("respbot post: set CLIENT_ID, CLIENT_SECRET and TENANT_ID (the bot's Azure registration) to post to Teams.\n");
    return 2;
  }
  const settings = coreSettings().store;
  const store = await openStore(settings);
  try {
    const ref = await getReference(store, conversationId);
    if (!ref) {
      const known = (await listReferences(store)).slice(0, 10);
      const list = known.length
        ? `Known conversations:\n${known.map((r) => `  ${r.conversationId}  (${r.conversationType ?? 'conversation'}, last seen ${r.updatedAt})`).join('\n')}`
        : 'No conversations are stored yet: install the bot in the team or chat, or mention it there once.';
      process.stderr.write(`respbot post: the bot has no reference for conversation "${conversationId}" in ${describeStore(settings)}.\n${list}\n`);
      return 1;
    }
    // Our own modules, imported on demand; they import the SDK (a package imported on demand
    // by name would lose its named exports in the bundle: esbuild gives a CommonJS package's
    // dynamic import only its default).
    const [{ teamsAdapter }, { postingApp }] = await Promise.all([import('../../adapters/teams/adapter.js'), import('../../adapters/teams/app.js')]);
    const app = postingApp(teams, createLog('error'));
    return await postWith(teamsAdapter(app, store), engine(), conversationId, section, `Teams conversation ${conversationId}`);
  } finally {
    await store.close();
  }
}
