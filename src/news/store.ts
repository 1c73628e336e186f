// The document store: briefs in memory (library + speaker registry, both updated in place) and, when
// the wiring hands in a persistence, in the database, keyed by a content hash so an unchanged
// document is never processed twice, even across restarts. Every change goes through one queue.
import type { Logger } from '../bot/types.ts';
import { buildBrief as defaultBuildBrief, type BriefOptions } from './brief.ts';
import { createFolderSource, type FolderSource } from './folder.ts';
import { createLibrary, type Library, type MutableLibrary } from './library.ts';
import type { ContentError } from './parse.ts';
import { createSpeakerRegistry, type MutableSpeakerRegistry, type SpeakerRegistry } from './quotes/index.ts';
import { briefKey, contentHash, decodeBrief, encodeBrief, type DocumentPersistence, type StoredDocument } from './stored.ts';
import type { Brief, NewsDocument } from './types.ts';

export interface NewsStoreOptions {
  /** A content folder read at start and on reload() / watch(); none: documents come only through ingest(). */
  dir?: string;
  maxFileBytes?: number;
  summarySentences: number;
  log: Logger;
  /** Where documents and briefs are kept between runs; none: memory only. */
  persistence?: DocumentPersistence;
  /** Builds a brief (tests count calls through it). */
  buildBrief?: (doc: NewsDocument, options: BriefOptions) => Brief;
  now?: () => number;
}

export interface IngestOptions {
  /** False: stored, listed and searchable, but never "new" for digests and alerts. Default true. */
  announce?: boolean;
  /** Documents arrive at their own date (capped at now) rather than now: the first load of a new store. */
  backfill?: boolean;
}

export interface IngestResult {
  added: Brief[];
  changed: Brief[];
  /** Documents whose content hash was already stored: not processed. */
  unchanged: number;
  /** Documents whose brief could not be built: skipped, logged. */
  failed: { id: string; message: string }[];
}

export interface DocumentsEvent {
  added: Brief[];
  changed: Brief[];
  removed: string[];
  announce: boolean;
  /** Stored by another process and read back here (refresh): indexes follow it, alerts do not. */
  remote?: boolean;
}

export interface FirstSeen {
  at: number;
  announce: boolean;
}

export interface SourceStatus {
  id: string;
  kind: 'feed' | 'folder';
  name: string;
  url?: string;
  state: 'ok' | 'failing' | 'paused' | 'gone';
  lastSuccessAt?: number;
  items: number;
  lastError?: string;
}

export interface NewsStore {
  library(): Library;
  /** Who said what across the library, built on first use, then kept current. */
  speakers(): SpeakerRegistry;
  /** Content files skipped at the last folder pass, each with its reason. */
  skipped(): ContentError[];
  /** Re-reads the content folder (only what changed); passes never overlap, a request during one runs one more. */
  reload(): Promise<Library>;
  /** Follows the content folder; returns a function that stops watching. */
  watch(): () => Promise<void>;
  ingest(docs: readonly NewsDocument[], options?: IngestOptions): Promise<IngestResult>;
  remove(ids: readonly string[]): Promise<void>;
  /** Called after each ingest or remove that changed something; returns an unsubscribe function. */
  onDocuments(listener: (event: DocumentsEvent) => void): () => void;
  /** When a document first arrived, and whether it may count as new. */
  firstSeen(id: string): FirstSeen | undefined;
  /** The content folder as a source, for /sources. */
  sources(): SourceStatus[];
  /**
   * Documents another process stored or removed (several bot processes over one database): read back
   * into this library without processing them again. Listeners hear it with `remote: true` (and
   * `announce: false`): the process that ingested them announces them, once.
   */
  refresh(changed: readonly string[], removed: readonly string[]): Promise<void>;
  /** Resolves when the work started at start-up (the folder pass, briefs made by older code built again) is done. */
  whenIdle(): Promise<void>;
}

interface Meta {
  hash: string;
  firstSeenAt: number;
  announce: boolean;
}

/** Documents per transaction: bounded memory for the encoded briefs, few commits. */
const BATCH = 256;

/**
 * Stored briefs back in memory. A brief made by other code or settings (its key differs) is served
 * as it is until it is built again; a record that no longer decodes is dropped and logged.
 */
async function restore(persistence: DocumentPersistence | undefined, key: string, meta: Map<string, Meta>, log: Logger): Promise<{ briefs: Brief[]; stale: Brief[] }> {
  const briefs: Brief[] = [];
  const stale: Brief[] = [];
  if (!persistence) return { briefs, stale };
  for await (const page of persistence.load()) {
    for (const r of page) {
      try {
        const decoded = decodeBrief(r.doc, r.brief);
        briefs.push(decoded.brief);
        if (decoded.key !== key) stale.push(decoded.brief);
        meta.set(r.doc.id, { hash: r.hash, firstSeenAt: r.firstSeenAt, announce: r.announce });
      } catch (error) {
        log.warn({ id: r.doc.id, err: error }, `stored document ${r.doc.id} could not be read back; it is dropped until its source sends it again`);
      }
    }
  }
  return { briefs, stale };
}

interface Core {
  library: MutableLibrary;
  meta: Map<string, Meta>;
  registry?: MutableSpeakerRegistry;
  listeners: Set<(event: DocumentsEvent) => void>;
}

/** The store's changes: each updates the database first, then the library and registry in place, then tells the listeners. */
function createChanges(core: Core, options: NewsStoreOptions, key: string) {
  const { log, persistence } = options;
  const now = options.now ?? Date.now;
  const build = options.buildBrief ?? defaultBuildBrief;
  const briefOptions: BriefOptions = { summarySentences: options.summarySentences };

  function emit(event: DocumentsEvent): void {
    for (const listener of core.listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error({ err: error }, 'a documents listener failed');
      }
    }
  }

  function tryBuild(doc: NewsDocument, failed: IngestResult['failed']): Brief | undefined {
    try {
      return build(doc, briefOptions);
    } catch (error) {
      log.warn({ id: doc.id, file: doc.file, err: error }, `skipped document ${doc.file || doc.id}: could not build its brief`);
      failed.push({ id: doc.id, message: (error as Error).message });
      return undefined;
    }
  }

  /** Saves, then shows: the library never holds a brief the database would lose. */
  async function commit(records: StoredDocument[], added: Brief[], changed: Brief[], announce: boolean): Promise<void> {
    if (records.length) await persistence?.save(records);
    const touched = [...added, ...changed];
    if (!touched.length) return;
    core.registry?.remove(changed.map((b) => b.doc.id));
    core.library.put(touched);
    core.registry?.add(touched);
    emit({ added, changed, removed: [], announce });
  }

  async function ingestBatch(docs: readonly NewsDocument[], opts: IngestOptions, result: IngestResult): Promise<void> {
    const announce = opts.announce ?? true;
    const records: StoredDocument[] = [];
    const added: Brief[] = [];
    const changed: Brief[] = [];
    const t = now();
    for (const doc of docs) {
      const hash = contentHash(doc);
      const before = core.meta.get(doc.id);
      if (before?.hash === hash) {
        result.unchanged++;
        continue;
      }
      const brief = tryBuild(doc, result.failed);
      if (!brief) continue;
      const firstSeenAt = before?.firstSeenAt ?? (opts.backfill ? Math.min(t, doc.date.getTime()) : t);
      const entry: Meta = { hash, firstSeenAt, announce: before ? before.announce : announce };
      if (persistence) records.push({ doc, hash, brief: encodeBrief(brief, key), firstSeenAt, announce: entry.announce });
      core.meta.set(doc.id, entry);
      (before ? changed : added).push(brief);
    }
    await commit(records, added, changed, announce);
    result.added.push(...added);
    result.changed.push(...changed);
  }

  return {
    async ingest(docs: readonly NewsDocument[], opts: IngestOptions): Promise<IngestResult> {
      const result: IngestResult = { added: [], changed: [], unchanged: 0, failed: [] };
      for (let i = 0; i < docs.length; i += BATCH) await ingestBatch(docs.slice(i, i + BATCH), opts, result);
      return result;
    },

    async remove(ids: readonly string[]): Promise<void> {
      const known = ids.filter((id) => core.meta.has(id));
      if (known.length === 0) return;
      await persistence?.remove(known);
      for (const id of known) core.meta.delete(id);
      core.library.remove(known);
      core.registry?.remove(known);
      emit({ added: [], changed: [], removed: known, announce: true });
    },

    /** Reads back what another process stored or removed; the hash tells what is already here. */
    async refresh(changedIds: readonly string[], removedIds: readonly string[]): Promise<void> {
      const records = changedIds.length && persistence?.loadSome ? await persistence.loadSome(changedIds) : [];
      const gone = removedIds.filter((id) => core.meta.has(id));
      for (const id of gone) core.meta.delete(id);
      core.library.remove(gone);
      core.registry?.remove(gone);
      const added: Brief[] = [];
      const changed: Brief[] = [];
      for (const r of records) {
        const before = core.meta.get(r.doc.id);
        if (before?.hash === r.hash) continue;
        try {
          (before ? changed : added).push(decodeBrief(r.doc, r.brief).brief);
          core.meta.set(r.doc.id, { hash: r.hash, firstSeenAt: r.firstSeenAt, announce: r.announce });
        } catch (error) {
          log.warn({ id: r.doc.id, err: error }, `document ${r.doc.id} stored by another process could not be read back`);
        }
      }
      const touched = [...added, ...changed];
      core.registry?.remove(changed.map((b) => b.doc.id));
      core.library.put(touched);
      core.registry?.add(touched);
      if (touched.length || gone.length) emit({ added, changed, removed: gone, announce: false, remote: true });
    },

    /** Builds again briefs made by other code or settings; their content did not change, so they are not news. */
    async rebuild(stale: readonly Brief[]): Promise<void> {
      log.info({ documents: stale.length }, `building ${stale.length} stored briefs again (made by another version or other settings)`);
      for (let i = 0; i < stale.length; i += BATCH) {
        const records: StoredDocument[] = [];
        const changed: Brief[] = [];
        for (const old of stale.slice(i, i + BATCH)) {
          const m = core.meta.get(old.doc.id);
          if (!m || core.library.byId(old.doc.id) !== old) continue;
          const brief = tryBuild(old.doc, []);
          if (!brief) continue;
          records.push({ doc: old.doc, hash: m.hash, brief: encodeBrief(brief, key), firstSeenAt: m.firstSeenAt, announce: m.announce });
          changed.push(brief);
        }
        await commit(records, [], changed, false);
        // Answers go on between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

export async function createNewsStore(options: NewsStoreOptions): Promise<NewsStore> {
  const { log, persistence } = options;
  const key = briefKey(options.summarySentences);
  const started = performance.now();
  const meta = new Map<string, Meta>();
  const { briefs, stale } = await restore(persistence, key, meta, log);
  const core: Core = { library: createLibrary(briefs), meta, listeners: new Set() };
  if (persistence) log.info({ documents: briefs.length, ms: Math.round(performance.now() - started) }, `${briefs.length} stored documents ready`);
  const changes = createChanges(core, options, key);
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `task` after every earlier change: ingests and removals never overlap. */
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.catch(() => undefined).then(task);
    queue = run;
    return run;
  };

  const store: NewsStore = {
    library: () => core.library,
    speakers: () => (core.registry ??= createSpeakerRegistry(core.library.briefs)),
    skipped: () => folder?.skipped() ?? [],
    reload: async () => {
      await folder?.reload();
      return core.library;
    },
    watch: () => folder?.watch() ?? (async () => undefined),
    ingest: (docs, opts = {}) => serialized(() => changes.ingest(docs, opts)),
    remove: (ids) => serialized(() => changes.remove(ids)),
    refresh: (changed, removed) => serialized(() => changes.refresh(changed, removed)),
    onDocuments(listener) {
      core.listeners.add(listener);
      return () => void core.listeners.delete(listener);
    },
    firstSeen(id) {
      const m = meta.get(id);
      return m ? { at: m.firstSeenAt, announce: m.announce } : undefined;
    },
    sources: () => (folder ? [folder.status()] : []),
    whenIdle: () => idle.then(() => queue.then(() => undefined, () => undefined)),
  };

  const folder: FolderSource | undefined = options.dir
    ? createFolderSource({ dir: options.dir, maxFileBytes: options.maxFileBytes ?? 5_000_000, log, store, known: core.library.briefs, backfill: briefs.length === 0, now: options.now ?? Date.now })
    : undefined;
  const startUp = async () => {
    if (stale.length) await serialized(() => changes.rebuild(stale));
    await folder?.reload();
  };
  // A first start reads the folder before answering; a restart answers from the stored briefs at once.
  const idle: Promise<void> = briefs.length === 0 ? Promise.resolve(await startUp()) : startUp().catch((err: unknown) => log.error({ err }, 'reading the content at start-up failed'));
  return store;
}

const registries = new WeakMap<Library, SpeakerRegistry>();

/** A speaker registry for a library made outside a store (benches, tests), built once per library. */
export function speakersOf(library: Library): SpeakerRegistry {
  let registry = registries.get(library);
  if (!registry) registries.set(library, (registry = createSpeakerRegistry(library.briefs)));
  return registry;
}
