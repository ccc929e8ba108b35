// The engine the bot answers from, replaced while it runs: when files in DATA_DIR change (or on
// SIGHUP) a new engine is built beside the current one and swapped in only if it loaded
// cleanly. A question already being answered keeps the engine it started with.
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describeWarning } from './load/folder.js';
import type { Engine } from './engine/engine.js';
import { log as defaultLog, type Log } from './log.js';

export interface ReloadResult {
  swapped: boolean;
  /** Why the new documents were not taken, or what changed. */
  message: string;
  documents: string[];
}

export interface LiveEngineOptions {
  /** Builds an engine from the data folder (the loader and index, as at start). */
  build: () => Engine;
  log?: Log;
}

export class LiveEngine {
  private engine: Engine;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly log: Log;
  /** Bumped on each swap, for /readyz and logs. */
  generation = 1;

  constructor(private readonly opts: LiveEngineOptions, first?: Engine) {
    this.log = opts.log ?? defaultLog;
    this.engine = first ?? opts.build();
  }

  /** The engine to answer the next question with. */
  readonly current = (): Engine => this.engine;

  /**
   * Builds a new engine and swaps it in if it has documents and lost none of the current
   * ones (a document that no longer parses keeps the old copy of everything until fixed).
   */
  reload(reason: string): ReloadResult {
    const started = Date.now();
    let next: Engine;
    try {
      next = this.opts.build();
    } catch (e) {
      return this.refuse(reason, `the documents could not be loaded: ${(e as Error).message}`);
    }
    const before = new Set(this.engine.kb.documents.map((d) => d.id));
    const after = new Set(next.kb.documents.map((d) => d.id));
    const lost = [...before].filter((id) => !after.has(id));
    if (lost.length) {
      const why = next.kb.warnings[0] ? ` (${describeWarning(next.kb.warnings[0])})` : '';
      return this.refuse(reason, `${lost.join(', ')} no longer loads${why}`, next);
    }
    if (after.size === 0) return this.refuse(reason, 'no document loaded', next);
    this.engine = next;
    this.generation++;
    const message = `${next.kb.documents.length} document(s), ${next.kb.documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.entries.length, 0), 0)} entries`;
    this.log.info('documents.reloaded', { reason, generation: this.generation, documents: [...after], ms: Date.now() - started, warnings: next.kb.warnings.map(describeWarning) });
    return { swapped: true, message, documents: [...after] };
  }

  private refuse(reason: string, why: string, next?: Engine): ReloadResult {
    this.log.error('documents.reload_refused', { reason, why, warnings: next?.kb.warnings.map(describeWarning) ?? [], kept: this.engine.kb.documents.map((d) => d.id) });
    return { swapped: false, message: why, documents: this.engine.kb.documents.map((d) => d.id) };
  }

  /** Reloads after files in `path` (a folder, or one document) change, once quiet for `quietMs`. */
  watch(path: string, quietMs = 300): void {
    this.watcher?.close();
    // A file replaced by rename is a new file: watch its folder for its name.
    const only = statSync(path).isFile() ? basename(path) : null;
    const dir = only ? dirname(path) : path;
    this.watcher = watch(dir, { persistent: false }, (_event, file) => {
      // Editors and `respbot sync` write beside the file and rename: wait for the burst to end.
      if (file && (/^\.|~$|\.tmp$/.test(String(file)) || (only && String(file) !== only))) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.reload(`changed: ${file ?? dir}`);
      }, quietMs);
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
