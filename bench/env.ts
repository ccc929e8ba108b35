// What a benchmark's child process starts from: none of respbot's settings, whatever this
// machine's environment or .env holds (dotenv keeps a variable already set, even empty), so each
// benchmark sets exactly the ones it measures; and a free port for it to listen on.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const NO_SETTINGS: Record<string, string> = {
  SLACK_BOT_TOKEN: '',
  SLACK_SIGNING_SECRET: '',
  SLACK_APP_TOKEN: '',
  CLIENT_ID: '',
  CLIENT_SECRET: '',
  TENANT_ID: '',
  DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: '',
  DATABASE_URL: '',
  DATA_DIR: '',
  PORT: '',
  LOG_LEVEL: '',
  NODE_ENV: '',
};

/** A port free on loopback now, for a child process to listen on. */
export const freePort = (): Promise<number> =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
