// The compiled entry points the tests run as processes, as `npm start` and `respbot` run them
// (dist/, built before the tests by test/global-setup.js).
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** The bot (bin/start.js imports it). */
export const BOT = join(PACKAGE_ROOT, 'dist', 'bundle', 'main.js');
/** The command line (bin/respbot.js imports it). */
export const CLI = join(PACKAGE_ROOT, 'dist', 'bundle', 'cli.js');
