// An Answer as each surface shows it, for the renderer tests: the one layout (src/present)
// through each adapter's converter.
import { formatAnswer } from '../../adapters/console/adapter.js';
import { SLACK_VOICE } from '../../adapters/slack/adapter.js';
import { SLACK_BUDGET, slackMessage, slackMessages, type SlackMessage } from '../../adapters/slack/render.js';
import { TEAMS_VOICE } from '../../adapters/teams/adapter.js';
import { TEAMS_BUDGET, teamsCard, teamsCards, type TeamsCard } from '../../adapters/teams/render.js';
import type { Answer } from '../../src/engine/types.js';
import { alternativesCard, answerCards } from '../../src/present/present.js';

export { formatAnswer };

export function renderSlack(a: Answer, opts: { private?: boolean; sharedBy?: string; digest?: string } = {}): SlackMessage[] {
  return slackMessages(answerCards(a, { voice: SLACK_VOICE, budget: SLACK_BUDGET, ...opts }));
}

export function slackAlternatives(a: Answer): SlackMessage {
  return slackMessage(alternativesCard(a, { voice: SLACK_VOICE }));
}

export function renderTeams(a: Answer, opts: { digest?: string } = {}): TeamsCard[] {
  return teamsCards(answerCards(a, { voice: TEAMS_VOICE, budget: TEAMS_BUDGET, ...opts }));
}

export function teamsAlternatives(a: Answer): TeamsCard {
  return teamsCard(alternativesCard(a, { voice: TEAMS_VOICE }));
}
