// `npm start`: loads the documents and runs respbot on the configured surfaces. With no
// platform credentials it is a chat in the terminal on the shipped data.
import { runConsole } from '../adapters/console/console.js';
import { coreConfig } from './config.js';
import { loadEngine } from './engine/engine.js';
import { ConfigError, describeWarning } from './load/folder.js';

async function main(): Promise<number> {
  const config = coreConfig();
  const engine = loadEngine([config.dataDir]);
  for (const w of engine.kb.warnings) process.stderr.write(`warning: ${describeWarning(w)}\n`);
  if (engine.kb.documents.length === 0) {
    process.stderr.write(`respbot: no responsibility document loaded from ${config.dataDir}; not starting.\n`);
    return 2;
  }
  await runConsole(engine, { input: process.stdin, output: process.stdout });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`respbot: ${e instanceof ConfigError ? e.message : (e as Error).stack}\n`);
    process.exitCode = 2;
  },
);
