// The document store: briefs in memory (library + speaker registry, both updated in place) and, when
// the wiring hands in a persistence, in the database, keyed by a content hash so an unchanged
// document is never processed twice, even across restarts. Every change goes through one queue.
import type { Logger } from '../bot/types.ts';
import { buildBrief as defaultBuildBrief, type BriefOptions } from './brief.ts';
import { createFolderSource, type FolderSource } from './folder.ts';
import { createLibrary, type Library } from './library.ts';
import type { ContentError } from './parse.ts';
import { createSpeakerRegistry, type MutableSpeakerRegistry, type SpeakerRegistry } from './quotes/index.ts';
import { contentHash, decodeBrief, encodeBrief, type DocumentPersistence, type StoredDocument } from './stored.ts';
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
}

interface Meta {
  hash: string;
  firstSeenAt: number;
  announce: boolean;
}

/** Stored briefs back in memory; a record that no longer decodes is dropped and built again later. */
async function restore(persistence: DocumentPersistence | undefined, meta: Map<string, Meta>, log: Logger): Promise<Brief[]> {
  const briefs: Brief[] = [];
  if (!persistence) return briefs;
  for await (const page of persistence.load()) {
    for (const r of page) {
      try {
        briefs.push(decodeBrief(r.doc, r.brief));
        meta.set(r.doc.id, { hash: r.hash, firstSeenAt: r.firstSeenAt, announce: r.announce });
      } catch (error) {
        log.warn({ id: r.doc.id, err: error }, `stored document ${r.doc.id} could not be read back; it will be processed again`);
      }
    }
  }
  return briefs;
}

export async function createNewsStore(options: NewsStoreOptions): Promise<NewsStore> {
  const { log, persistence } = options;
  const now = options.now ?? Date.now;
  const build = options.buildBrief ?? defaultBuildBrief;
  const briefOptions: BriefOptions = { summarySentences: options.summarySentences };
  const meta = new Map<string, Meta>();
  const started = performance.now();
  const library = createLibrary(await restore(persistence, meta, log));
  if (persistence) log.info({ documents: library.briefs.length, ms: Math.round(performance.now() - started) }, `${library.briefs.length} stored documents ready`);
  const storeWasEmpty = library.briefs.length === 0;
  let registry: MutableSpeakerRegistry | undefined;
  const listeners = new Set<(event: DocumentsEvent) => void>();
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every earlier change: ingests and removals never overlap. */
  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.catch(() => undefined).then(task);
    queue = run;
    return run;
  }

  function emit(event: DocumentsEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error({ err: error }, 'a documents listener failed');
      }
    }
  }

  async function ingestNow(docs: readonly NewsDocument[], opts: IngestOptions): Promise<IngestResult> {
    const announce = opts.announce ?? true;
    const result: IngestResult = { added: [], changed: [], unchanged: 0, failed: [] };
    const records: StoredDocument[] = [];
    const t = now();
    for (const doc of docs) {
      const hash = contentHash(doc, options.summarySentences);
      const before = meta.get(doc.id);
      if (before?.hash === hash) {
        result.unchanged++;
        continue;
      }
      let brief: Brief;
      try {
        brief = build(doc, briefOptions);
      } catch (error) {
        log.warn({ id: doc.id, file: doc.file, err: error }, `skipped document ${doc.file || doc.id}: could not build its brief`);
        result.failed.push({ id: doc.id, message: (error as Error).message });
        continue;
      }
      const firstSeenAt = before?.firstSeenAt ?? (opts.backfill ? Math.min(t, doc.date.getTime()) : t);
      const entry: Meta = { hash, firstSeenAt, announce: before ? before.announce : announce };
      if (persistence) records.push({ doc, hash, brief: encodeBrief(brief), firstSeenAt, announce: entry.announce });
      meta.set(doc.id, entry);
      (before ? result.changed : result.added).push(brief);
    }
    // One transaction per batch: per-document commits would cost more than building the briefs.
    if (records.length) await persistence?.save(records);
    const touched = [...result.added, ...result.changed];
    if (touched.length) {
      registry?.remove(result.changed.map((b) => b.doc.id));
      library.put(touched);
      registry?.add(touched);
      emit({ added: result.added, changed: result.changed, removed: [], announce });
    }
    return result;
  }

  async function removeNow(ids: readonly string[]): Promise<void> {
    const known = ids.filter((id) => meta.has(id));
    if (known.length === 0) return;
    await persistence?.remove(known);
    for (const id of known) meta.delete(id);
    library.remove(known);
    registry?.remove(known);
    emit({ added: [], changed: [], removed: known, announce: true });
  }

  async function refreshNow(changed: readonly string[], removed: readonly string[]): Promise<void> {
    const records = changed.length && persistence?.loadSome ? await persistence.loadSome(changed) : [];
    const fresh = records.filter((r) => meta.get(r.doc.id)?.hash !== r.hash);
    const gone = removed.filter((id) => meta.has(id));
    if (gone.length) {
      for (const id of gone) meta.delete(id);
      library.remove(gone);
      registry?.remove(gone);
    }
    const known = new Set(fresh.filter((r) => meta.has(r.doc.id)).map((r) => r.doc.id));
    const briefs: Brief[] = [];
    for (const r of fresh) {
      try {
        briefs.push(decodeBrief(r.doc, r.brief));
        meta.set(r.doc.id, { hash: r.hash, firstSeenAt: r.firstSeenAt, announce: r.announce });
      } catch (error) {
        log.warn({ id: r.doc.id, err: error }, `document ${r.doc.id} stored by another process could not be read back`);
      }
    }
    if (briefs.length) {
      registry?.remove(briefs.map((b) => b.doc.id));
      library.put(briefs);
      registry?.add(briefs);
    }
    if (briefs.length || gone.length) emit({ added: briefs.filter((b) => !known.has(b.doc.id)), changed: briefs.filter((b) => known.has(b.doc.id)), removed: gone, announce: false, remote: true });
  }

  const store: NewsStore = {
    library: () => library,
    refresh: (changed, removed) => serialized(() => refreshNow(changed, removed)),
    speakers: () => (registry ??= createSpeakerRegistry(library.briefs)),
    skipped: () => folder?.skipped() ?? [],
    reload: async () => {
      await folder?.reload();
      return library;
    },
    watch: () => folder?.watch() ?? (async () => undefined),
    ingest: (docs, opts = {}) => serialized(() => ingestNow(docs, opts)),
    remove: (ids) => serialized(() => removeNow(ids)),
    onDocuments(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    firstSeen(id) {
      const m = meta.get(id);
      return m ? { at: m.firstSeenAt, announce: m.announce } : undefined;
    },
    sources: () => (folder ? [folder.status()] : []),
  };

  const folder: FolderSource | undefined = options.dir
    ? createFolderSource({ dir: options.dir, maxFileBytes: options.maxFileBytes ?? 5_000_000, log, store, known: library.briefs, backfill: storeWasEmpty, now })
    : undefined;
  await folder?.reload();
  return store;
}

const registries = new WeakMap<Library, SpeakerRegistry>();

/** A speaker registry for a library made outside a store (benches, tests), built once per library. */
export function speakersOf(library: Library): SpeakerRegistry {
  let registry = registries.get(library);
  if (!registry) registries.set(library, (registry = createSpeakerRegistry(library.briefs)));
  return registry;
}
