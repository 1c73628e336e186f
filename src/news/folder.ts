// A content folder as a source: a pass reads only files whose size or time changed (all of them the
// first time), hands new and changed documents to the store and removes those whose file is gone.
// Passes never overlap: a request during one makes exactly one more.
import fs from 'node:fs/promises';
import path from 'node:path';
import { watch as watchFolder, type FSWatcher } from 'chokidar';
import type { Logger } from '../bot/types.ts';
import { isContentFile, listFiles, readDocument } from './load.ts';
import { ContentError } from './parse.ts';
import type { IngestOptions, IngestResult, SourceStatus } from './store.ts';
import type { Brief, NewsDocument } from './types.ts';

export interface FolderSourceOptions {
  dir: string;
  maxFileBytes: number;
  log: Logger;
  store: {
    ingest(docs: readonly NewsDocument[], options?: IngestOptions): Promise<IngestResult>;
    remove(ids: readonly string[]): Promise<void>;
  };
  /** Documents already in the store: those from this folder are known by file. */
  known: readonly Brief[];
  /** The store was empty: documents of the first pass arrive at their own dates. */
  backfill: boolean;
  now: () => number;
  /** Quiet time after a change before the folder is read (ms). */
  debounceMs?: number;
}

export interface FolderSource {
  /** One pass over the whole folder. */
  reload(): Promise<void>;
  watch(): () => Promise<void>;
  skipped(): ContentError[];
  status(): SourceStatus;
}

interface KnownFile {
  id: string;
  /** Unknown until the file is read in this run. */
  size?: number;
  mtimeMs?: number;
}

export function folderSourceId(dir: string): string {
  return `folder:${path.basename(dir)}`;
}

export function createFolderSource(options: FolderSourceOptions): FolderSource {
  const { dir, log, store } = options;
  const sourceId = folderSourceId(dir);
  const files = new Map<string, KnownFile>();
  /** Document id -> its file, to refuse a second file that maps to the same id. */
  const owners = new Map<string, string>();
  const forget = (file: string): void => {
    const known = files.get(file);
    if (known && owners.get(known.id) === file) owners.delete(known.id);
    files.delete(file);
  };
  const remember = (file: string, known: KnownFile): void => {
    files.set(file, known);
    owners.set(known.id, file);
  };
  for (const b of options.known) if (b.doc.sourceId === sourceId) remember(b.doc.file, { id: b.doc.id });
  const skipped = new Map<string, ContentError>();
  let firstPass = true;
  let lastSuccessAt: number | undefined;
  let lastError: string | undefined;

  function skip(file: string, error: unknown): void {
    const problem = error instanceof ContentError ? error : new ContentError(file, (error as Error).message);
    // One line per file and problem, not one per pass.
    if (skipped.get(file)?.message !== problem.message) log.warn({ file }, `skipped content file: ${problem.message}`);
    skipped.set(file, problem);
  }

  async function readChanged(file: string, docs: NewsDocument[], gone: string[]): Promise<void> {
    const stat = await fs.stat(path.join(dir, file)).catch(() => undefined);
    const known = files.get(file);
    if (!stat?.isFile() || !isContentFile(file)) {
      if (known) gone.push(known.id);
      forget(file);
      skipped.delete(file);
      return;
    }
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return;
    try {
      const doc = await readDocument(dir, file, stat, options.maxFileBytes);
      const owner = owners.get(doc.id);
      if (owner !== undefined && owner !== file) throw new ContentError(file, `its id "${doc.id}" is already taken by ${owner}; rename one of them`);
      docs.push({ ...doc, sourceId });
      remember(file, { id: doc.id, size: stat.size, mtimeMs: stat.mtimeMs });
      skipped.delete(file);
    } catch (error) {
      // A broken file keeps its last good document: nothing stored is lost.
      if (known) remember(file, { id: known.id, size: stat.size, mtimeMs: stat.mtimeMs });
      skip(file, error);
    }
  }

  async function pass(full: boolean, changed: Set<string>): Promise<void> {
    const started = performance.now();
    const present = full ? await listFiles(dir) : undefined;
    const docs: NewsDocument[] = [];
    const gone: string[] = [];
    for (const file of present ?? changed) await readChanged(file, docs, gone);
    if (present) {
      const seen = new Set(present);
      for (const [file, known] of files) {
        if (seen.has(file)) continue;
        gone.push(known.id);
        forget(file);
      }
      for (const file of skipped.keys()) if (!seen.has(file)) skipped.delete(file);
    }
    const result = await store.ingest(docs, { backfill: firstPass && options.backfill });
    await store.remove(gone);
    firstPass = false;
    lastSuccessAt = options.now();
    lastError = undefined;
    const { added, changed: updated, unchanged } = result;
    if (added.length || updated.length || gone.length || full) {
      log.info({ added: added.length, changed: updated.length, unchanged, removed: gone.length, skipped: skipped.size, ms: Math.round(performance.now() - started) }, `content ${dir}: ${added.length} added, ${updated.length} changed, ${gone.length} removed, ${unchanged} unchanged`);
    }
  }

  let pending = { full: false, paths: new Set<string>() };
  let dirty = false;
  let loop: Promise<void> | undefined;

  function request(full: boolean, paths: Iterable<string> = []): Promise<void> {
    if (full) pending.full = true;
    for (const p of paths) pending.paths.add(p);
    dirty = true;
    loop ??= (async () => {
      let failure: unknown;
      try {
        while (dirty) {
          dirty = false;
          const work = pending;
          pending = { full: false, paths: new Set() };
          try {
            await pass(work.full, work.paths);
            failure = undefined;
          } catch (error) {
            failure = error;
            lastError = (error as Error).message;
          }
        }
      } finally {
        loop = undefined;
      }
      if (failure) throw failure;
    })();
    return loop;
  }

  return {
    reload: () => request(true),
    skipped: () => [...skipped.values()],
    status: () => ({
      id: sourceId,
      kind: 'folder',
      name: path.basename(dir),
      state: lastError ? 'failing' : 'ok',
      items: files.size,
      ...(lastSuccessAt !== undefined ? { lastSuccessAt } : {}),
      ...(lastError ? { lastError } : {}),
    }),
    watch() {
      let timer: NodeJS.Timeout | undefined;
      let full = false;
      const paths = new Set<string>();
      const watcher: FSWatcher = watchFolder(dir, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 300 } });
      watcher.on('all', (event, changedPath) => {
        if (event === 'addDir' || event === 'unlinkDir') full = true;
        else paths.add(path.relative(dir, changedPath));
        clearTimeout(timer);
        timer = setTimeout(() => {
          const work = { full, paths: [...paths] };
          full = false;
          paths.clear();
          request(work.full, work.paths).catch((err: unknown) => log.error({ err }, `content ${dir}: reading the folder failed`));
        }, options.debounceMs ?? 200);
      });
      watcher.on('error', (err) => log.warn({ err }, 'content watcher error'));
      return async () => {
        clearTimeout(timer);
        await watcher.close();
      };
    },
  };
}
