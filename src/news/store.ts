import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../bot/types.ts';
import { buildBrief } from './brief.ts';
import { createLibrary, type Library } from './library.ts';
import { loadDocuments } from './load.ts';
import type { ContentError } from './parse.ts';
import { createSpeakerRegistry, type SpeakerRegistry } from './quotes/index.ts';

export interface NewsStoreOptions {
  dir: string;
  maxFileBytes: number;
  summarySentences: number;
  log: Logger;
}

export interface NewsStore {
  library(): Library;
  /** Who said what across the library, built on first use after each load. */
  speakers(): SpeakerRegistry;
  /** Files skipped at the last load, each with its reason. */
  skipped(): ContentError[];
  reload(): Promise<Library>;
  /** Reloads when files change; returns a function that stops watching. */
  watch(): () => Promise<void>;
  /** Called after each successful reload (briefings use it to see new documents). */
  onReload(listener: (library: Library) => void): void;
}

const registries = new WeakMap<Library, SpeakerRegistry>();

/** The speaker registry of a library, built on first use and kept as long as the library. */
export function speakersOf(library: Library): SpeakerRegistry {
  let registry = registries.get(library);
  if (!registry) registries.set(library, (registry = createSpeakerRegistry([...library.briefs])));
  return registry;
}

export async function createNewsStore(options: NewsStoreOptions): Promise<NewsStore> {
  let library = createLibrary([]);
  let skipped: ContentError[] = [];
  const listeners: ((library: Library) => void)[] = [];

  async function reload(): Promise<Library> {
    const started = performance.now();
    const result = await loadDocuments(options.dir, { maxBytes: options.maxFileBytes });
    for (const problem of result.skipped) options.log.warn({ file: problem.file }, `skipped content file: ${problem.message}`);
    const briefs = [];
    for (const doc of result.docs) {
      try {
        briefs.push(buildBrief(doc, { summarySentences: options.summarySentences }));
      } catch (error) {
        options.log.warn({ file: doc.file, err: error }, `skipped content file: ${doc.file}: could not build its brief`);
      }
    }
    library = createLibrary(briefs);
    skipped = result.skipped;
    options.log.info({ documents: briefs.length, skipped: skipped.length, ms: Math.round(performance.now() - started) }, `loaded ${briefs.length} documents from ${options.dir}`);
    for (const listener of listeners) listener(library);
    return library;
  }

  await reload();

  return {
    library: () => library,
    speakers: () => speakersOf(library),
    skipped: () => skipped,
    reload,
    onReload: (listener) => void listeners.push(listener),
    watch() {
      let timer: NodeJS.Timeout | undefined;
      const watcher: FSWatcher = watch(options.dir, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 300 } });
      watcher.on('all', () => {
        clearTimeout(timer);
        timer = setTimeout(() => void reload().catch((err) => options.log.error({ err }, 'content reload failed')), 500);
      });
      watcher.on('error', (err) => options.log.warn({ err }, 'content watcher error'));
      return async () => {
        clearTimeout(timer);
        await watcher.close();
      };
    },
  };
}
