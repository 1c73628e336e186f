import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileSchema, type Config, type FeedEntry } from '../../src/config.ts';
import type { NewsDocument } from '../../src/news/types.ts';
import { createSources, type Sources } from '../../src/sources/index.ts';
import type { Storage } from '../../src/storage/db.ts';
import { openTestStorage } from '../helpers/storage.ts';
import { memoryLogger } from '../helpers/services.ts';

export interface IngestCall {
  docs: NewsDocument[];
  announce: boolean;
}

/** Records what the poller hands to the store, as the store's `ingest` would receive it. */
export function ingestRecorder(): { calls: IngestCall[]; ingest: (docs: NewsDocument[], opts: { announce: boolean }) => Promise<void>; docs(): NewsDocument[] } {
  const calls: IngestCall[] = [];
  return {
    calls,
    ingest: async (docs, opts) => void calls.push({ docs, announce: opts.announce }),
    docs: () => calls.flatMap((c) => c.docs),
  };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-feeds-'));
}

export function sourcesConfig(feeds: Partial<FeedEntry>[], extra: Partial<Config['sources']> = {}): Config['sources'] {
  return fileSchema.parse({ sources: { feeds, ...extra } }).sources;
}

export interface Harness {
  storage: Storage;
  sources: Sources;
  recorder: ReturnType<typeof ingestRecorder>;
  log: ReturnType<typeof memoryLogger>;
  /** Polls every feed now and waits. */
  pollAll(): Promise<void>;
  close(): Promise<void>;
}

/** Feeds over a real SQLite file in `dataDir` (or PostgreSQL in the postgres test run), started (first polls done). */
export async function startHarness(dataDir: string, config: Config['sources']): Promise<Harness> {
  const storage = await openTestStorage({ dataDir });
  const recorder = ingestRecorder();
  const log = memoryLogger();
  const sources = createSources({ db: storage.db, config, ingest: recorder.ingest, log, tickMs: 60_000 });
  await sources.start();
  const pollAll = async () => {
    await Promise.all((await sources.repo.list()).map((f) => sources.poller.pollNow(f.id)));
  };
  await pollAll();
  return {
    storage,
    sources,
    recorder,
    log,
    pollAll,
    async close() {
      await sources.stop();
      await storage.close();
    },
  };
}
