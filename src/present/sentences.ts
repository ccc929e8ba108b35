// What respbot says, in one place. Surfaces differ only in how a command is typed
// ("/responsibility list" on Slack, "list" in Teams and the terminal): that comes from the
// surface's Voice. Changing a sentence here changes it everywhere.
import type { Social } from '../engine/social.js';
import type { Party } from '../model.js';
import type { Line } from './card.js';

/** How a surface's users talk to respbot. */
export interface Voice {
  /** A command as the user types it here: `/responsibility list`, or `list`. */
  command(text: string): string;
  /** Where and how to ask, for the help card. */
  howToAsk: string;
  /** The reply to a command is seen by the asker only (a Slack slash command): tell the channel separately. */
  privateReplies: boolean;
  /** Where the asker's time zone would come from ("your Slack profile", "Teams"), to say it did not. */
  zoneSource: string;
  /**
   * Where `post` and the digests can go: to a channel named after the section (Slack), to this
   * conversation only (Teams), or nowhere (the terminal has no channels): the help offers what works.
   */
  posts: 'named-channel' | 'here' | null;
}

export const PARTY_LABEL: Record<Party, string> = { provider: 'IBM', customer: 'You', shared: 'Shared' };
export const WHO_HEADING: Record<Party, string> = { provider: 'IBM is responsible', customer: 'You are responsible', shared: 'Shared: IBM and you' };
export const GROUP_HEADING: Record<Party, string> = { provider: 'What IBM does', customer: 'What you do', shared: 'Shared' };
export const SIDE = { customer: 'your side of a shared task', provider: "IBM's side of a shared task" } as const;
export const WHAT_PARTY_DOES: Record<Party, string> = { customer: 'what you do', provider: 'what IBM does', shared: 'what is shared' };

export const S = {
  dependsOnService: 'It depends on the service',
  alsoFits: 'Also fits',
  unsure: 'I am not sure this is the row you mean: the question fits it only loosely.',
  unknown: "I don't know that one from the responsibility documents.",
  didYouMean: 'Did you mean:',
  didYouMeanOne: 'Did you mean one of these?',
  noOtherMatches: 'No other close matches.',
  helpTitle: 'Ask respbot who is responsible',
  sections: 'Sections',
  summary: 'Summary',
  showSection: 'Show the whole section',
  share: 'Share to channel',
  notWhatIAsked: 'Not what I asked',
  source: 'Source',
  helpful: '👍',
  notHelpful: '👎',
  thanks: 'Thanks, noted.',
  thanksDown: 'Thanks — noted, so the document owner can improve this answer.',
  sectionGone: 'That section is no longer in the documents.',
  noChannelToShare: 'There is no channel to share to from here.',
  welcomeTitle: 'Hi, I am respbot',
  storeDown: 'Sorry, the schedule store is not working, so nothing was scheduled or changed. Try again later, or tell whoever runs respbot.',
  noStore: 'Scheduling is not available: this respbot runs without a store.',
} as const;

/** The reply to a message that only thanks, acknowledges or signs off. */
export const SOCIAL_REPLY: Record<Social, string> = {
  thanks: "You're welcome. Ask me again any time.",
  ack: 'Anything else? Ask me who is responsible for what.',
  bye: 'Bye for now. Ask me again any time.',
  complaint: 'Sorry that missed. Try other words, name the service or the task, or ask for the list of sections.',
};

export const typeHelp = (v: Voice): Line => ['Type ', { code: v.command('help') }, ' for what I can answer.'];
export const tryOtherWords = (v: Voice): Line => [`${S.noOtherMatches} Try other words, or `, { code: v.command('list') }, '.'];
export const noTaskHere = (party: Party): string =>
  `${party === 'customer' ? 'You have' : party === 'provider' ? 'IBM has' : 'There is'} no ${party === 'shared' ? 'shared task' : 'task'} in this section.`;
/** The same question the engine suggests: one wording everywhere. */
export { whoQuestion } from '../engine/suggestions.js';
export const partsNote = (i: number, n: number): string => (n > 1 ? ` (part ${i + 1} of ${n})` : '');
/** Before an owner's name on a row: who on the customer's side does it. */
export const OWNER_ARROW = 'You → ';
export const NO_OWNER = 'no owner yet';
export const ownedByTitle = (owner: string | null): string => (owner ? `Owned by ${owner}` : 'Your tasks with no owner');
export const OWNER_DETAILS = 'details';
/** The title of one party's rows: each side's include the shared rows, which are theirs too. */
export const partyTitle = (party: Party | null): string =>
  party === 'shared' ? 'Shared responsibilities' : `${party === 'customer' ? 'Your' : "IBM's"} responsibilities (shared included)`;
export const welcome = (services: string[]): string => `I tell who is responsible for what in ${services.join(', ')}: IBM, you, or both. Ask me, for example:`;

export function helpLines(v: Voice): Line[] {
  const also: Line = [
    'Also: ',
    { code: v.command('list') },
    ', ',
    { code: v.command('<section name>') },
    ', ',
    { code: 'what am I responsible for in <section>?' },
  ];
  if (v.posts === null) return [also];
  return [
    also,
    [
      v.posts === 'named-channel' ? 'To a channel: ' : 'To this conversation: ',
      { code: v.command(v.posts === 'named-channel' ? 'post <section> [#channel]' : 'post <section>') },
      ' now, or ',
      { code: v.command('schedule <section|rotate> every monday 09:00') },
      ' as a digest; ',
      { code: v.command('schedules') },
      ' lists them, ',
      { code: v.command('unschedule <id>') },
      ' stops one.',
    ],
  ];
}

export const digestFooter = (v: Voice, id: string): Line => ['Scheduled digest ', { code: id }, ' · ', { code: v.command(`unschedule ${id}`) }, ' stops it'];
