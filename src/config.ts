// Settings from the environment (and .env). Validated once, with messages a new user can act on.
import 'dotenv/config';
import { SHIPPED_DATA_DIR } from './paths.js';

export interface CoreConfig {
  /** Folder (or file) of responsibility documents. */
  dataDir: string;
}

export function coreConfig(env: NodeJS.ProcessEnv = process.env): CoreConfig {
  const dataDir = env.DATA_DIR?.trim() || SHIPPED_DATA_DIR;
  return { dataDir };
}
