// What is left of a Teams message once mentions and markup are taken out: the question.
import { stripTeamsMentions } from '../../adapters/teams/app.js';

test("every mention goes, the bot's and other people's, declared in entities or not", () => {
  expect(stripTeamsMentions('<at>Chat SDK Demo</at> who patches the cluster? cc <at>Alice Smith</at>')).toBe('who patches the cluster? cc');
  expect(stripTeamsMentions('who patches <at>Chat SDK Demo</at> the cluster?')).toBe('who patches the cluster?');
});

test('other tags, &nbsp; and runs of white space become single spaces', () => {
  expect(stripTeamsMentions('<p>who&nbsp;&nbsp;patches<br/>the\n  cluster?</p>')).toBe('who patches the cluster?');
  expect(stripTeamsMentions('<at>Chat SDK Demo</at>')).toBe('');
});
