// `respbot sync`: fetch each document listed in DATA_DIR/sources.yaml, check it with the
// loader, and replace the local copy atomically only when it passes. A document that is not
// markdown, does not parse, or loses a section or more than a few rows (a truncated copy) is
// rejected and the old copy kept, unless removals are accepted.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readDataFile } from '../config/data-file.js';
import { SOURCES_FILE } from '../config/data-files.js';
import { ConfigError } from '../config/error.js';
import { describeWarning, loadKnowledgeBase } from '../load/folder.js';
import type { ResponsibilityDocument } from '../model.js';
import { acceptRemovals, describeLoss, documentLoss, tooMuchLost } from '../removals.js';
import { diffDocuments, type DocumentDiff } from './diff.js';

export interface Source {
  file: string;
  url: string;
}

export type SyncOutcome =
  | { file: string; status: 'unchanged' }
  | { file: string; status: 'updated' | 'would-update' | 'added' | 'would-add'; diff: DocumentDiff }
  | { file: string; status: 'rejected'; reason: string };

export interface SyncOptions {
  dataDir: string;
  dryRun?: boolean;
  /** Called as each document starts and ends, for a progress display. */
  progress?: (event: { index: number; total: number; file: string; outcome?: SyncOutcome }) => void;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /**
   * Take copies that lose sections or many rows (`--accept-removals`), and touch the data
   * folder's `.accept-removals` marker so a running bot reloads them too.
   */
  acceptRemovals?: boolean;
}

const MAX_BYTES = 2_000_000;
const TOO_LARGE = `the response is larger than ${MAX_BYTES / 1e6} MB`;

/**
 * The body, read chunk by chunk and given up (the request aborted) as soon as it passes
 * MAX_BYTES: a huge or endless response costs about MAX_BYTES of memory, not its size.
 */
async function readLimited(res: Response, abort: AbortController): Promise<Buffer | { tooLarge: string }> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BYTES) {
    abort.abort();
    return { tooLarge: `${TOO_LARGE} (Content-Length ${declared})` };
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      abort.abort();
      await reader.cancel().catch(() => {});
      return { tooLarge: TOO_LARGE };
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function readSources(dataDir: string): Source[] {
  const file = join(dataDir, 'sources.yaml');
  if (!existsSync(file))
    throw new ConfigError({
      setting: file,
      problem: "is missing: list each document's file and upstream url there",
      where: 'see the shipped data/sources.yaml',
    });
  return readDataFile(file, SOURCES_FILE).documents;
}

/** Why a fetched body is not a markdown document, or null. */
function notMarkdown(body: Buffer, contentType: string | null): string | null {
  if (body.length === 0) return 'the response is empty';
  if (body.includes(0)) return 'the response is binary, not markdown';
  const text = body.toString('utf8');
  if (text.includes('\uFFFD')) return 'the response is not UTF-8 text';
  if (/text\/html/i.test(contentType ?? '') || /^\s*<(!doctype|html)/i.test(text)) return 'the response is an HTML page, not markdown';
  return null;
}

/** Writes beside the target and renames over it: a reader sees the old file or the new one. */
function writeAtomically(path: string, text: string): void {
  const tmp = join(path, '..', `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  const fd = openSync(tmp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, path);
}

function loadOne(path: string, dataDir: string): { doc: ResponsibilityDocument | null; problem: string | null } {
  const kb = loadKnowledgeBase([path], { dataDirs: [dataDir] });
  const doc = kb.documents[0] ?? null;
  const fatal = kb.warnings.find((w) => w.message.startsWith('not loaded'));
  return { doc, problem: doc ? null : fatal ? describeWarning(fatal).replace(/^.*?: not loaded: /, '') : 'no responsibilities found' };
}

async function syncOne(src: Source, opts: SyncOptions, scratch: string): Promise<SyncOutcome> {
  const target = join(opts.dataDir, src.file);
  let body: Buffer;
  let contentType: string | null;
  const abort = new AbortController();
  try {
    const res = await (opts.fetch ?? fetch)(src.url, {
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(opts.timeoutMs ?? 20_000)]),
      redirect: 'follow',
    });
    if (!res.ok) {
      abort.abort(); // the error page is not read
      return { file: src.file, status: 'rejected', reason: `${src.url} answered HTTP ${res.status}` };
    }
    const read = await readLimited(res, abort);
    if (!Buffer.isBuffer(read)) return { file: src.file, status: 'rejected', reason: read.tooLarge };
    body = read;
    contentType = res.headers.get('content-type');
  } catch (e) {
    // fetch says only "fetch failed"; the cause says why (ENOTFOUND, ECONNREFUSED, a timeout).
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause ? `${(e as Error).message} (${cause.code ?? cause.message})` : (e as Error).message;
    return { file: src.file, status: 'rejected', reason: `cannot fetch ${src.url}: ${why}` };
  }
  const why = notMarkdown(body, contentType);
  if (why) return { file: src.file, status: 'rejected', reason: why };
  const text = body.toString('utf8');
  const candidate = join(scratch, src.file);
  writeFileSync(candidate, text);
  const fresh = loadOne(candidate, opts.dataDir);
  if (!fresh.doc) return { file: src.file, status: 'rejected', reason: `it does not load: ${fresh.problem}` };
  const current = existsSync(target) ? loadOne(target, opts.dataDir).doc : null;
  if (current && readFileSync(target, 'utf8') === text) return { file: src.file, status: 'unchanged' };
  const loss = current ? documentLoss(current, fresh.doc) : null;
  const truncated = loss !== null && tooMuchLost(loss);
  if (truncated && !opts.acceptRemovals)
    return { file: src.file, status: 'rejected', reason: `${describeLoss(loss)}; check the upstream page, or run with --accept-removals if that is meant` };
  const diff = diffDocuments(current, fresh.doc);
  if (opts.dryRun) return { file: src.file, status: current ? 'would-update' : 'would-add', diff };
  // Before the file, so the bot's reload (which waits for the folder to be quiet) sees it.
  if (truncated) acceptRemovals(opts.dataDir);
  writeAtomically(target, text);
  return { file: src.file, status: current ? 'updated' : 'added', diff };
}

/** Syncs every source, a few at a time; never throws for one document's failure. */
export async function syncDocuments(opts: SyncOptions): Promise<SyncOutcome[]> {
  const sources = readSources(opts.dataDir);
  const scratch = mkdtempSync(join(tmpdir(), 'respbot-sync-'));
  const outcomes: SyncOutcome[] = new Array(sources.length);
  let next = 0;
  try {
    const worker = async () => {
      for (let i = next++; i < sources.length; i = next++) {
        opts.progress?.({ index: i, total: sources.length, file: sources[i]!.file });
        outcomes[i] = await syncOne(sources[i]!, opts, scratch);
        opts.progress?.({ index: i, total: sources.length, file: sources[i]!.file, outcome: outcomes[i] });
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, sources.length) }, worker));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return outcomes;
}
