#!/usr/bin/env node
// The `respbot` command line: inspect the knowledge, ask questions, post summaries, report.
import { parseArgs } from 'node:util';
import { ConfigError } from '../../src/config/error.js';
import { coreSettings } from '../../src/config/settings.js';
import { loadKnowledgeBase } from '../../src/load/folder.js';
import { ownerBookFor } from '../../src/owners/book.js';
import { inspectJson, inspectText } from './inspect.js';

const USAGE = `usage: respbot <command> [options]

commands:
  inspect [--json] [PATH…]     print the loaded documents (default: DATA_DIR or the shipped data)
  ask [--json] [--data DIR] ["QUESTION"]
                               answer a question (from DIR's documents; default: DATA_DIR or
                               the shipped data); with --json and no question, answer each
                               line of standard input with one JSON object a line
  post --platform slack|teams --channel ID --section NAME
                               post a section summary to a Slack channel (SLACK_BOT_TOKEN)
                               or a Teams conversation the bot knows (its store)
  sync [--dry-run] [--json] [--accept-removals]
                               fetch the documents listed in DATA_DIR/sources.yaml, check
                               them, and replace the local copies that pass (a copy that
                               loses sections or many rows only with --accept-removals)
  owners [--json] [PATH…]      which owner (owners.yaml) has each row with a customer side,
                               and the rows nobody has
  report [--since 7d] [--limit 20] [--json]
                               the most frequent unanswered questions and the disliked
                               answers, with the closest entries (the bot's store)
  help                         this text`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'inspect': {
      const { values, positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, allowPositionals: true });
      const paths = positionals.length ? positionals : [coreSettings().dataDir];
      const loaded = loadKnowledgeBase(paths);
      // Owners' rules that match nothing are warnings about the data, like a document's.
      const kb = { ...loaded, warnings: [...loaded.warnings, ...(ownerBookFor(loaded, paths)?.warnings ?? [])] };
      process.stdout.write((values.json ? inspectJson(kb) : inspectText(kb)) + '\n');
      return kb.documents.length ? 0 : 1;
    }
    case 'ask': {
      const { runAsk } = await import('./ask.js');
      return runAsk(rest);
    }
    case 'post': {
      const { runPost } = await import('./post.js');
      return runPost(rest);
    }
    case 'owners': {
      const { runOwners } = await import('./owners.js');
      return runOwners(rest);
    }
    case 'sync': {
      const { runSync } = await import('./sync.js');
      return runSync(rest);
    }
    case 'report': {
      const { runReport } = await import('./report.js');
      return runReport(rest);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE + '\n');
      return command ? 0 : 2;
    default:
      process.stderr.write(`respbot: unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

// Output piped into a reader that stops early (`respbot ask … | head`): the reader has what it
// wanted, so stop quietly, as Unix tools do, rather than crash on the closed pipe.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A mistyped option ("--jsn"): what was wrong, and how the commands are typed.
    if (String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`respbot: ${(e as Error).message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    const known = e instanceof ConfigError;
    process.stderr.write(`respbot: ${known || e instanceof TypeError ? (e as Error).message : (e as Error).stack}\n`);
    process.exitCode = known ? 2 : 1;
  },
);
