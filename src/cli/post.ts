// `respbot post --platform slack|teams --channel <id> --section <name or id>`: a section
// summary to a channel, for scripts and cron jobs. Slack posts with SLACK_BOT_TOKEN
// (SLACK_API_URL honoured); Teams posts proactively to a conversation reference the bot
// stored (STORE_PATH or DATABASE_URL) when it was installed there or last spoken to.
import { parseArgs } from 'node:util';
import { App } from '@microsoft/teams.apps';
import { LogLevel, WebClient } from '@slack/web-api';
import { slackConfig } from '../../adapters/slack/config.js';
import { postSection } from '../../adapters/slack/post.js';
import { sdkLogger } from '../../adapters/teams/app.js';
import { TeamsConfigError, teamsConfig } from '../../adapters/teams/config.js';
import { teamsPoster } from '../../adapters/teams/outbox.js';
import { coreConfig } from '../config.js';
import { loadEngine, type Engine } from '../engine/engine.js';
import { createLog } from '../log.js';
import { directPost, sendWithRetries } from '../schedule/poster.js';
import { describeStore, openStore, storeConfig } from '../store/open.js';

const USAGE = 'usage: respbot post --platform slack|teams --channel <channel or conversation id> --section <section name or id>';

export async function runPost(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { platform: { type: 'string' }, channel: { type: 'string' }, section: { type: 'string' }, data: { type: 'string' } } });
  if (!values.platform || !values.channel || !values.section) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (values.platform !== 'slack' && values.platform !== 'teams') {
    process.stderr.write(`respbot post: unknown platform "${values.platform}" (slack or teams)\n${USAGE}\n`);
    return 2;
  }
  const engine = () => loadEngine([values.data ?? coreConfig().dataDir]);
  return values.platform === 'slack' ? postToSlack(engine, values.channel, values.section) : postToTeams(engine, values.channel, values.section);
}

async function postToSlack(engine: () => Engine, channel: string, section: string): Promise<number> {
  const slack = process.env.SLACK_BOT_TOKEN?.trim() ? slackConfig({ ...process.env, SLACK_SIGNING_SECRET: process.env.SLACK_SIGNING_SECRET || 'not-needed-for-posting' }) : null;
  if (!slack) {
    process.stderr.write('respbot post: set SLACK_BOT_TOKEN (xoxb-…) to post to Slack.\n');
    return 2;
  }
  // A one-shot post: no retry loop when the network is down (say so at once); rate limits are
  // handed back and waited out by postSection (Retry-After).
  const client = new WebClient(slack.botToken, {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
    logLevel: LogLevel.ERROR,
  });
  const result = await postSection(client, engine(), channel, section);
  // The message is Slack mrkdwn; the terminal gets it without the markup.
  const plain = result.message.replace(/<#([A-Z0-9]+)>/g, '#$1').replace(/\*/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  (result.ok ? process.stdout : process.stderr).write(plain + '\n');
  return result.ok ? 0 : 1;
}

async function postToTeams(engine: () => Engine, conversationId: string, section: string): Promise<number> {
  let teams;
  try {
    teams = teamsConfig(process.env);
  } catch (e) {
    if (e instanceof TeamsConfigError) teams = null;
    else throw e;
  }
  if (!teams) {
    process.stderr.write('respbot post: set CLIENT_ID, CLIENT_SECRET and TENANT_ID (the bot\'s Azure registration) to post to Teams.\n');
    return 2;
  }
  const settings = storeConfig(process.env);
  const store = await openStore(settings);
  try {
    const ref = await store.getConversation(conversationId);
    if (!ref) {
      const known = (await store.listConversations()).slice(0, 10);
      const list = known.length ? `Known conversations:\n${known.map((r) => `  ${r.conversationId}  (${r.conversationType ?? 'conversation'}, last seen ${r.updatedAt})`).join('\n')}` : 'No conversations are stored yet: install the bot in the team or chat, or mention it there once.';
      process.stderr.write(`respbot post: the bot has no reference for conversation "${conversationId}" in ${describeStore(settings)}.\n${list}\n`);
      return 1;
    }
    const found = engine().findSection(section);
    if (!('answer' in found)) {
      process.stderr.write(`There is no section "${section}". Closest: ${found.suggestions.join(', ')}.\n`);
      return 1;
    }
    const s = found.answer.section!;
    const app = new App({
      ...(teams.clientId ? { clientId: teams.clientId, clientSecret: teams.clientSecret ?? undefined, tenantId: teams.tenantId ?? undefined } : {}),
      logger: sdkLogger(createLog('error')),
    });
    try {
      await sendWithRetries(teamsPoster(app, store), directPost('teams', conversationId, { doc: s.doc, section: s.id }), found.answer);
    } catch (e) {
      process.stderr.write(`respbot post: Teams refused the post: ${(e as Error).message}\n`);
      return 1;
    }
    process.stdout.write(`Posted the ${s.title} summary to Teams conversation ${conversationId}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
