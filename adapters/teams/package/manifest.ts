// The Teams app manifest (schema v1.22), filled from the environment and the loaded documents.
import { z } from 'zod';
import { httpUrl, optionalText, readEnv } from '../../../src/config/env.js';
import type { Engine } from '../../../src/engine/engine.js';
import { truncate } from '../../../src/strings.js';
import { ICON_FILES } from './icons.js';

export const MANIFEST_VERSION = '1.22';

export interface ManifestSettings {
  /** The Azure Bot's Microsoft App ID (CLIENT_ID); also used as the Teams app id. */
  botId: string;
  /** The host name respbot is served on (for validDomains), e.g. respbot.example.com. */
  domain: string | null;
  version: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PACKAGE = z.object({
  CLIENT_ID: optionalText().refine(
    (id) => id !== undefined && GUID.test(id),
    "must be the Azure Bot's Microsoft App ID (a GUID) to build the Teams app package",
  ),
  PUBLIC_URL: httpUrl(),
  TEAMS_DEVELOPER_NAME: optionalText(),
  TEAMS_DEVELOPER_URL: httpUrl(),
  TEAMS_PRIVACY_URL: httpUrl(),
  TEAMS_TERMS_URL: httpUrl(),
});

export function manifestSettings(env: NodeJS.ProcessEnv, version: string): ManifestSettings {
  const v = readEnv(PACKAGE, env, { CLIENT_ID: 'Azure Bot → Configuration → Microsoft App ID' });
  const site = v.TEAMS_DEVELOPER_URL ?? 'https://github.com/respbot/respbot';
  return {
    botId: v.CLIENT_ID!,
    domain: v.PUBLIC_URL ? new URL(v.PUBLIC_URL).host : null,
    version,
    developerName: v.TEAMS_DEVELOPER_NAME ?? 'respbot',
    websiteUrl: site,
    privacyUrl: v.TEAMS_PRIVACY_URL ?? site,
    termsOfUseUrl: v.TEAMS_TERMS_URL ?? site,
  };
}

/** Bot commands shown in Teams' command menu: help, list, schedules, and the loaded sections (10 at most). */
export function botCommands(engine: Engine): Array<{ title: string; description: string }> {
  const sections = engine.index.services.flatMap((g) => g.doc.sections.map((s) => s.title));
  const fixed = [
    { title: 'help', description: 'What respbot answers, with examples' },
    { title: 'list', description: 'The sections of the responsibility documents' },
    { title: 'schedules', description: 'Digests scheduled here; "schedule <section|rotate> every monday 09:00" adds one' },
  ];
  const more = [...new Set(sections)]
    .filter((t) => t.length <= 32)
    .slice(0, 10 - fixed.length)
    .map((t) => ({ title: t.toLowerCase(), description: truncate(`Who does what in "${t}"`, 128) }));
  return [...fixed, ...more];
}

export function buildManifest(s: ManifestSettings, engine: Engine): Record<string, unknown> {
  const services = engine.index.services.map((g) => g.service).join(', ');
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: s.version,
    id: s.botId,
    developer: { name: s.developerName, websiteUrl: s.websiteUrl, privacyUrl: s.privacyUrl, termsOfUseUrl: s.termsOfUseUrl },
    name: { short: 'respbot', full: 'respbot: who is responsible for what' },
    description: {
      short: 'Who is responsible: IBM, you, or both?',
      full: truncate(
        `Ask who is responsible for a task in the shared-responsibility matrix of ${services}: IBM, you, or both. Section summaries, search from the compose box, and a link to the source page with every answer.`,
        4000,
      ),
    },
    icons: { ...ICON_FILES },
    accentColor: '#0F62FE',
    bots: [
      {
        botId: s.botId,
        scopes: ['personal', 'team', 'groupChat'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [{ scopes: ['personal', 'team', 'groupChat'], commands: botCommands(engine) }],
      },
    ],
    composeExtensions: [
      {
        botId: s.botId,
        commands: [
          {
            id: 'searchCmd',
            type: 'query',
            title: 'Search responsibilities',
            description: 'Find who is responsible for a task',
            initialRun: true,
            parameters: [{ name: 'searchKeywords', title: 'Task or question', description: 'e.g. patch the cluster', inputType: 'text' }],
          },
        ],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: s.domain ? [s.domain] : [],
  };
}
