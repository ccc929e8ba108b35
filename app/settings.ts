// Every setting the running bot reads, validated together at start: one ConfigError lists each
// wrong value with its variable and where to find a right one, instead of one per restart.
import { z } from 'zod';
import { slackConfig, type SlackConfig } from '../adapters/slack/config.js';
import { teamsConfig, type TeamsConfig } from '../adapters/teams/config.js';
import { collect } from '../src/config/error.js';
import { port, readEnv } from '../src/config/env.js';
import { coreSettings, type CoreSettings } from '../src/config/settings.js';

export interface Settings {
  core: CoreSettings;
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
  port: number;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return collect(
    {
      core: () => coreSettings(env),
      slack: () => slackConfig(env),
      teams: () => teamsConfig(env),
      port: () => portFrom(env),
    },
    'the settings are not right',
  );
}

/** PORT as a number (default 3000), with a clear error for anything else. */
export const portFrom = (env: NodeJS.ProcessEnv): number => readEnv(z.object({ PORT: port(3000) }), env).PORT;
