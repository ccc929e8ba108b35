// Slack's message limits in one place. Documented limits, except `messageChars`: Slack
// rejects some messages well below the documented sums, so we keep the whole payload small.
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** Blocks in a Home tab view. */
  homeBlocks: 100,
  /** header block plain_text. */
  headerText: 150,
  /** section block text. */
  sectionText: 3000,
  /** section block fields: count and characters each. */
  fields: 10,
  fieldText: 2000,
  /** context block elements. */
  contextElements: 10,
  /** button text and value, and elements in one actions block. */
  buttonText: 75,
  actionValue: 2000,
  /** A link button's url. */
  buttonUrl: 3000,
  actionsElements: 25,
  /** action_id length; unique among the elements of one block. */
  actionId: 255,
  /** Top-level `text` (the notification / screen-reader fallback) we send. */
  fallbackText: 3000,
  /** Characters of text in all blocks of one message, our own ceiling. */
  messageChars: 12000,
} as const;
