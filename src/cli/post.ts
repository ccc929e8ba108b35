// `respbot post --platform slack --channel <id> --section <name or id>`: a section summary
// to a channel, for scripts and cron jobs. Slack posts with SLACK_BOT_TOKEN (SLACK_API_URL
// honoured); Teams posts need the stored conversation references of the scheduling work.
import { parseArgs } from 'node:util';
import { WebClient } from '@slack/web-api';
import { slackConfig } from '../../adapters/slack/config.js';
import { postSection } from '../../adapters/slack/post.js';
import { coreConfig } from '../config.js';
import { loadEngine } from '../engine/engine.js';

const USAGE = 'usage: respbot post --platform slack --channel <channel id> --section <section name or id>';

export async function runPost(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { platform: { type: 'string' }, channel: { type: 'string' }, section: { type: 'string' }, data: { type: 'string' } } });
  if (!values.platform || !values.channel || !values.section) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (values.platform === 'teams') {
    process.stderr.write('respbot post: posting to Teams from the command line needs stored conversation references, which are not kept yet; use the bot command "post <section>" in the channel.\n');
    return 2;
  }
  if (values.platform !== 'slack') {
    process.stderr.write(`respbot post: unknown platform "${values.platform}" (slack or teams)\n${USAGE}\n`);
    return 2;
  }
  const slack = process.env.SLACK_BOT_TOKEN?.trim() ? slackConfig({ ...process.env, SLACK_SIGNING_SECRET: process.env.SLACK_SIGNING_SECRET || 'not-needed-for-posting' }) : null;
  if (!slack) {
    process.stderr.write('respbot post: set SLACK_BOT_TOKEN (xoxb-…) to post to Slack.\n');
    return 2;
  }
  const engine = loadEngine([values.data ?? coreConfig().dataDir]);
  const client = new WebClient(slack.botToken, { ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}), retryConfig: { retries: 5, factor: 2, minTimeout: 1000, maxTimeout: 30_000 } });
  const result = await postSection(client, engine, values.channel, values.section);
  // The message is Slack mrkdwn; the terminal gets it without the markup.
  const plain = result.message.replace(/<#([A-Z0-9]+)>/g, '#$1').replace(/\*/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  (result.ok ? process.stdout : process.stderr).write(plain + '\n');
  return result.ok ? 0 : 1;
}
