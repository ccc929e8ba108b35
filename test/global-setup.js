// Before any test file (jest's globalSetup), once for the whole run:
// - dist/: the tests start the bot and the command line as users do, from the compiled code;
//   it is built here when the sources changed since the last build (bin/build.js, as npm start
//   does), so every test runs what the sources say.
// - PostgreSQL: the store tests of all files share one throwaway server (each test has a schema
//   of its own), started here rather than once per file (initdb and a start take about 1.5 s).
//   TEST_DATABASE_URL, when set, names a server you run instead.
// Plain JavaScript: jest loads this file outside its module mapping, so the TypeScript helper is
// imported through tsx.
import { tsImport } from 'tsx/esm/api';
import { ensureBuilt } from '../bin/build.js';

export default async function globalSetup() {
  ensureBuilt();
  if (process.env.TEST_DATABASE_URL?.trim()) return;
  const { startPostgres } = await tsImport('./helpers/postgres.ts', import.meta.url);
  const pg = await startPostgres();
  if (!pg) return;
  // Workers start after this and inherit the environment: their startPostgres() connects here.
  process.env.TEST_DATABASE_URL = pg.url;
  globalThis.respbotPostgres = pg;
}
