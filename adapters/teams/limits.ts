// Teams' message limits in one place.
export const TEAMS_LIMITS = {
  /** Card JSON size we aim under (Teams rejects messages over about 28 KB in all). */
  cardBytes: 24_000,
  /** Text of one TextBlock we send. */
  textBlock: 4_000,
  /** Buttons on a card (Teams shows up to 6 actions). */
  actions: 6,
  /** Button title. */
  actionTitle: 60,
} as const;
