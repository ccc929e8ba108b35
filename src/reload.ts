// The engine the bot answers from, replaced while it runs: when files in DATA_DIR change (or on
// SIGHUP) a new engine is built beside the current one and swapped in only if it loaded
// cleanly and lost no section and at most a few rows (a truncated copy looks like that), unless
// removals were accepted. A question already being answered keeps the engine it started with.
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeWarning } from './load/folder.js';
import type { Engine } from './engine/engine.js';
import { log as defaultLog, type Log } from './log.js';
import { ACCEPT_REMOVALS_MARKER, describeLoss, documentLoss, removalsAccepted, tooMuchLost, type DocumentLoss } from './removals.js';

export interface ReloadResult {
  swapped: boolean;
  /** Why the new documents were not taken, or what changed. */
  message: string;
  documents: string[];
}

export interface LiveEngineOptions {
  /** Builds an engine from the data folder (the loader and index, as at start). */
  build: () => Engine;
  /** DATA_DIR (a folder or one file): where `.accept-removals` is looked for, and what must not change while loading. */
  dataDir?: string;
  log?: Log;
}

/** Reloads wait for the folder to be quiet this long: a file written in parts is read whole. */
export const RELOAD_QUIET_MS = 2000;

/** At most this many lost rows are named in a log line; the count is always there. */
const LOGGED_ROWS = 50;

const forLog = (l: DocumentLoss) => ({ ...l, lostRows: l.lostRows.slice(0, LOGGED_ROWS) });

/** Size and modification time of each file in the data folder: unchanged means nothing was being written. */
function fingerprint(path: string | undefined): string {
  if (!path) return '';
  try {
    const files = statSync(path).isFile() ? [path] : readdirSync(path).map((f) => join(path, f));
    return files
      .map((f) => {
        try {
          const st = statSync(f);
          return `${f}:${st.size}:${st.mtimeMs}`;
        } catch {
          return `${f}:gone`;
        }
      })
      .sort()
      .join('|');
  } catch {
    return '';
  }
}

export class LiveEngine {
  private engine: Engine;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private quietMs = RELOAD_QUIET_MS;
  private readonly log: Log;
  /** Bumped on each swap, for /readyz and logs. */
  generation = 1;

  constructor(
    private readonly opts: LiveEngineOptions,
    first?: Engine,
  ) {
    this.log = opts.log ?? defaultLog;
    this.engine = first ?? opts.build();
  }

  /** The engine to answer the next question with. */
  readonly current = (): Engine => this.engine;

  /**
   * Builds a new engine and swaps it in if it has documents, lost none of the current ones
   * (a document that no longer parses keeps the old copy of everything until fixed), and no
   * document lost a section or more than a few rows, unless removals are accepted.
   */
  reload(reason: string): ReloadResult {
    const started = Date.now();
    const files = fingerprint(this.opts.dataDir);
    let next: Engine;
    try {
      next = this.opts.build();
    } catch (e) {
      return this.refuse(reason, `the documents could not be loaded: ${(e as Error).message}`);
    }
    if (fingerprint(this.opts.dataDir) !== files) {
      // Written to while being read: what was read may be half a file. Read it again once quiet.
      this.log.info('documents.reload_deferred', { reason, why: 'files changed while they were being read' });
      this.schedule(reason);
      return {
        swapped: false,
        message: 'files changed while they were being read; reading them again once quiet',
        documents: this.engine.kb.documents.map((d) => d.id),
      };
    }
    const before = new Map(this.engine.kb.documents.map((d) => [d.id, d]));
    const after = new Set(next.kb.documents.map((d) => d.id));
    const lost = [...before.keys()].filter((id) => !after.has(id));
    if (lost.length) {
      const why = next.kb.warnings[0] ? ` (${describeWarning(next.kb.warnings[0])})` : '';
      return this.refuse(reason, `${lost.join(', ')} no longer loads${why}`, next);
    }
    if (after.size === 0) return this.refuse(reason, 'no document loaded', next);
    const losses = next.kb.documents
      .flatMap((d) => (before.has(d.id) ? [documentLoss(before.get(d.id)!, d)] : []))
      .filter((l) => l.lostSections.length > 0 || l.lostRows.length > 0);
    const blocking = losses.filter(tooMuchLost);
    const acceptedBy = blocking.length && this.opts.dataDir ? removalsAccepted(this.opts.dataDir) : null;
    if (blocking.length && !acceptedBy) {
      return this.refuse(reason, blocking.map((l) => `${basename(l.file)}: ${describeLoss(l)}`).join('; '), next, blocking);
    }
    this.engine = next;
    this.generation++;
    const message = `${next.kb.documents.length} document(s), ${next.kb.documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.entries.length, 0), 0)} entries`;
    this.log.info('documents.reloaded', {
      reason,
      generation: this.generation,
      documents: [...after],
      ms: Date.now() - started,
      warnings: next.kb.warnings.map(describeWarning),
      ...(losses.length ? { losses: losses.map(forLog) } : {}),
      ...(acceptedBy ? { removalsAcceptedBy: acceptedBy } : {}),
    });
    return { swapped: true, message, documents: [...after] };
  }

  private refuse(reason: string, why: string, next?: Engine, losses: DocumentLoss[] = []): ReloadResult {
    this.log.error('documents.reload_refused', {
      reason,
      why,
      warnings: next?.kb.warnings.map(describeWarning) ?? [],
      kept: this.engine.kb.documents.map((d) => d.id),
      ...(losses.length
        ? {
            losses: losses.map(forLog),
            hint: `if the removals are meant, touch ${ACCEPT_REMOVALS_MARKER} in the data folder (or run respbot sync --accept-removals): reloads accept them for 10 minutes`,
          }
        : {}),
    });
    return { swapped: false, message: why, documents: this.engine.kb.documents.map((d) => d.id) };
  }

  /** Reloads once nothing has changed for the quiet period (each new change restarts the wait). */
  private schedule(reason: string): void {
    if (!this.watcher) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.reload(reason);
    }, this.quietMs);
  }

  /**
   * Reloads after files in `path` (a folder, or one document) change, once quiet for `quietMs`:
   * a file written in parts (a slow copy, an editor saving in place) is read once it is whole.
   */
  watch(path: string, quietMs = RELOAD_QUIET_MS): void {
    this.watcher?.close();
    this.quietMs = quietMs;
    // A file replaced by rename is a new file: watch its folder for its name.
    const only = statSync(path).isFile() ? basename(path) : null;
    const dir = only ? dirname(path) : path;
    this.watcher = watch(dir, { persistent: false }, (_event, file) => {
      // Editors and `respbot sync` write beside the file and rename: wait for the burst to end.
      // The removals marker counts as a change: touching it retries a refused reload.
      const name = file ? String(file) : null;
      if (name && name !== ACCEPT_REMOVALS_MARKER && (/^\.|~$|\.tmp$/.test(name) || (only && name !== only))) return;
      this.schedule(`changed: ${name ?? dir}`);
    });
    this.watcher.on('error', (e) => this.log.error('documents.watch_failed', { dir, error: e }));
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
