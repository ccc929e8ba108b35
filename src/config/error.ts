// The one error for a setting or data file that is wrong: it names the setting (an environment
// variable, or a data file and the key in it) and says where its right value is found.
export interface ConfigProblem {
  /** An environment variable (SLACK_BOT_TOKEN), or a key in a data file (keywords.es); empty for the file itself. */
  setting: string;
  /** What is wrong, as the rest of a sentence: "is missing", "must be a positive number (got "-1")". */
  problem: string;
  /** Where the right value comes from ("Azure Bot → Configuration → Microsoft App ID"). */
  where?: string;
  /** The data file holding the setting, and its line there. */
  file?: string;
  line?: number;
}

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[] | ConfigProblem, heading = 'the configuration is not right') {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.length === 1 ? describeProblem(list[0]!) : `${heading}:\n  - ${list.map(describeProblem).join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = list;
  }

  /** The first setting named (for tests and logs). */
  get setting(): string {
    return this.problems[0]!.setting;
  }
}

/** "SLACK_BOT_TOKEN is missing (…)", "data/synonyms.yaml:12: groups.3 must be a list of words". */
export const describeProblem = (p: ConfigProblem): string =>
  `${p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : ''}${p.setting ? `${p.setting} ` : ''}${p.problem}${p.where ? ` (${p.where})` : ''}`;

/** Runs each reader; every problem they raise is reported together, so one start shows them all. */
export function collect<T extends Record<string, () => unknown>>(readers: T, heading?: string): { [K in keyof T]: ReturnType<T[K]> } {
  const problems: ConfigProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, read] of Object.entries(readers)) {
    try {
      out[key] = read();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length) throw new ConfigError(problems, heading);
  return out as { [K in keyof T]: ReturnType<T[K]> };
}
