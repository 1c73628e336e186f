import type { Kysely } from 'kysely';
import type { Logger } from '../bot/types.ts';
import type { Config, FeedEntry } from '../config.ts';
import { FeedRepository, type FeedSpec } from '../storage/feeds.ts';
import type { Database } from '../storage/schema.ts';
import { HostLimiter, type FetchLimits } from './http.ts';
import { sha } from './items.ts';
import { createFeedPoller, type FeedPoller, type FeedStatus } from './poller.ts';
import type { Ingest, PollResult } from './poll.ts';

export type { Ingest } from './poll.ts';
export type { FeedStatus } from './poller.ts';

/** A feed's id: a short hash of its address, so the same feed keeps its id (and its documents theirs). */
export function feedId(url: string): string {
  return sha(url.trim(), 10);
}

export function feedSpec(entry: FeedEntry): FeedSpec {
  return {
    id: feedId(entry.url),
    url: entry.url.trim(),
    ...(entry.name ? { name: entry.name } : {}),
    ...(entry.lang ? { lang: entry.lang } : {}),
    interval: entry.interval,
    tags: entry.tags,
    fetchArticle: entry.fetchArticle === true ? 'always' : entry.fetchArticle === false ? 'never' : 'auto',
  };
}

export function fetchLimits(config: Config['sources']): FetchLimits {
  return { timeoutMs: config.timeoutSeconds * 1000, maxBytes: config.maxBytes, maxRedirects: config.maxRedirects };
}

export interface SourcesOptions {
  db: Kysely<Database>;
  config: Config['sources'];
  ingest: Ingest;
  log: Logger;
  /** Called with `feed:<id>` when a feed is removed, so its documents can go. */
  forget?: (sourceId: string) => Promise<void> | void;
  /** The source ids the document store holds, so documents of feeds removed while the bot was down go too. */
  storedSources?: () => Iterable<string>;
  /** Tests and the bench: how often due feeds are looked for, and the feed list re-read (ms). */
  tickMs?: number;
  refreshMs?: number;
  onPolled?: (feedId: string, result: PollResult | Error) => void;
}

export interface Sources {
  repo: FeedRepository;
  poller: FeedPoller;
  /** Syncs the configured feeds into the database, then polls every feed once and keeps polling. */
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): FeedStatus[];
}

/** Feeds: config and command-line feeds in the database, polled on their intervals, into `ingest`. */
export function createSources(options: SourcesOptions): Sources {
  const repo = new FeedRepository(options.db);
  const limiter = new HostLimiter(options.config.concurrency, options.config.perHost);
  const poller = createFeedPoller({
    repo,
    ingest: options.ingest,
    log: options.log,
    limits: fetchLimits(options.config),
    limiter,
    pauseAfter: options.config.pauseAfter,
    ...(options.tickMs ? { tickMs: options.tickMs } : {}),
    ...(options.refreshMs ? { refreshMs: options.refreshMs } : {}),
    ...(options.onPolled ? { onPolled: options.onPolled } : {}),
    onRemoved: (id) => options.forget?.(`feed:${id}`),
  });
  return {
    repo,
    poller,
    async start() {
      await repo.syncConfig(options.config.feeds.map(feedSpec), Date.now());
      const known = new Set((await repo.list()).map((f) => `feed:${f.id}`));
      for (const sourceId of new Set(options.storedSources?.() ?? [])) {
        if (sourceId.startsWith('feed:') && !known.has(sourceId)) await options.forget?.(sourceId);
      }
      await poller.start();
    },
    stop: () => poller.stop(),
    status: () => poller.status(),
  };
}
