import type { Logger } from '../bot/types.ts';
import type { SourceStatus } from '../news/store.ts';
import type { FeedPatch, FeedRepository, FeedRow } from '../storage/feeds.ts';
import type { FetchLimits, HostLimiter } from './http.ts';
import { FetchError, safeUrl } from './http.ts';
import { pollFeed, type Ingest, type PollResult } from './poll.ts';

/** One line of /sources (and of metrics), plus the failures in a row. */
export interface FeedStatus extends SourceStatus {
  failures: number;
}

export interface PollerOptions {
  repo: FeedRepository;
  ingest: Ingest;
  log: Logger;
  limits: FetchLimits;
  limiter: HostLimiter;
  /** Consecutive failures after which a feed is paused (then tried once a day). */
  pauseAfter: number;
  /** How often due feeds are looked for, ms (default 200). */
  tickMs?: number;
  /** How often the feed list is re-read, to see feeds added or removed by the command line, ms (default 5000). */
  refreshMs?: number;
  /** Called with a feed's id when it was removed (by the command line) while running. */
  onRemoved?: (feedId: string) => Promise<void> | void;
  /** Called after each poll, whatever its result (tests and the bench wait on it). */
  onPolled?: (feedId: string, result: PollResult | Error) => void;
}

export interface FeedPoller {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): FeedStatus[];
  /** Polls one feed now (whatever its schedule); resolves when done. */
  pollNow(id: string): Promise<PollResult | Error>;
}

const DAY_MS = 86_400_000;
/** Backoff doubles from the feed's interval, up to this. */
const MAX_BACKOFF_MS = 6 * 3_600_000;

export function backoffMs(intervalS: number, failures: number): number {
  return Math.min(intervalS * 1000 * 2 ** Math.min(failures, 30), Math.max(MAX_BACKOFF_MS, intervalS * 1000));
}

export function feedLabel(feed: Pick<FeedRow, 'name' | 'title' | 'url'>): string {
  return `${feed.name ?? feed.title ?? safeUrl(feed.url)}`;
}

function displayState(state: string): SourceStatus['state'] {
  return state === 'failing' || state === 'paused' || state === 'gone' ? state : 'ok';
}

/** The new polling state after a poll, and the one log line a change of state deserves. */
function afterPoll(feed: FeedRow, result: PollResult | Error, pauseAfter: number, now: number): { patch: FeedPatch; log?: { level: 'info' | 'warn'; msg: string } } {
  const label = `feed "${feedLabel(feed)}" (${safeUrl(feed.url)})`;
  if (result instanceof Error) {
    const failures = feed.failures + 1;
    const state = failures >= pauseAfter ? 'paused' : 'failing';
    const next = state === 'paused' ? DAY_MS : backoffMs(feed.interval_s, failures);
    const message = result instanceof FetchError || result.name !== 'Error' ? result.message : `unexpected error: ${result.message}`;
    const patch: FeedPatch = { state, failures, last_error: message, last_attempt_at: now, next_poll_at: now + next, updated_at: now };
    if (state === feed.state) return { patch };
    const msg = state === 'paused' ? `${label} paused after ${failures} failures in a row (next try in a day): ${message}` : `${label} failing: ${message}`;
    return { patch, log: { level: 'warn', msg } };
  }
  if (result.kind === 'gone') {
    const patch: FeedPatch = { state: 'gone', last_error: 'HTTP 410 Gone: the feed was removed; polling stopped', last_attempt_at: now, updated_at: now };
    return { patch, log: { level: 'warn', msg: `${label} is gone (HTTP 410): polling stopped` } };
  }
  const patch: FeedPatch = {
    state: 'ok',
    failures: 0,
    last_error: null,
    last_success_at: now,
    last_attempt_at: now,
    next_poll_at: now + feed.interval_s * 1000,
    updated_at: now,
    ...(result.etag !== undefined ? { etag: result.etag } : {}),
    ...(result.lastModified !== undefined ? { last_modified: result.lastModified } : {}),
    ...(result.kind === 'items' ? { body_hash: result.bodyHash, ...(result.title ? { title: result.title } : {}) } : {}),
  };
  if (feed.state === 'ok') return { patch };
  if (feed.state === 'new') return { patch, log: { level: 'info', msg: `${label}: first poll, ${result.kind === 'items' ? result.added : 0} items` } };
  return { patch, log: { level: 'info', msg: `${label} recovered after ${feed.failures} failures` } };
}

function toStatus(f: FeedRow, items: number): FeedStatus {
  return {
    id: `feed:${f.id}`,
    kind: 'feed',
    name: feedLabel(f),
    url: safeUrl(f.url),
    state: displayState(f.state),
    ...(f.last_success_at !== null ? { lastSuccessAt: Number(f.last_success_at) } : {}),
    items,
    ...(f.last_error ? { lastError: f.last_error } : {}),
    failures: f.failures,
  };
}

/** What the poller knows between ticks: the feed rows, their document counts, the polls under way. */
interface PollerState {
  feeds: Map<string, FeedRow>;
  counts: Map<string, number>;
  inFlight: Map<string, Promise<PollResult | Error>>;
  stopper: AbortController;
  lastRefresh: number;
  stopped: boolean;
}

/** Re-reads the feed list (feeds added or removed by the command line show up here). */
async function refresh(state: PollerState, options: PollerOptions): Promise<void> {
  const next = new Map((await options.repo.list()).map((r) => [r.id, r]));
  for (const id of state.feeds.keys()) if (!next.has(id)) await options.onRemoved?.(id);
  state.feeds = next;
  state.counts = await options.repo.itemCounts();
  state.lastRefresh = Date.now();
}

/** One poll, then its new state recorded (and logged when the state changed). */
async function runPoll(state: PollerState, options: PollerOptions, feed: FeedRow): Promise<PollResult | Error> {
  const { repo, log } = options;
  const deps = { repo, ingest: options.ingest, log, limits: options.limits, limiter: options.limiter, signal: state.stopper.signal };
  const result = await pollFeed(feed, deps).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  if (state.stopped && result instanceof Error) return result;
  const { patch, log: line } = afterPoll(feed, result, options.pauseAfter, Date.now());
  await repo.update(feed.id, patch);
  if (line) log[line.level]({ feed: feed.id }, line.msg);
  else if (result instanceof Error) log.debug({ feed: feed.id, err: result.message }, 'feed poll failed again');
  const fresh = await repo.get(feed.id);
  if (fresh) state.feeds.set(feed.id, fresh);
  if (!(result instanceof Error) && result.kind === 'items' && result.added > 0) state.counts = await repo.itemCounts();
  options.onPolled?.(feed.id, result);
  return result;
}

export function createFeedPoller(options: PollerOptions): FeedPoller {
  const { log } = options;
  const state: PollerState = { feeds: new Map(), counts: new Map(), inFlight: new Map(), stopper: new AbortController(), lastRefresh: 0, stopped: false };
  let timer: NodeJS.Timeout | undefined;

  function pollNow(id: string): Promise<PollResult | Error> {
    const running = state.inFlight.get(id);
    if (running) return running;
    const feed = state.feeds.get(id);
    if (!feed) return Promise.resolve(new Error(`no feed with id ${id}`));
    const poll = runPoll(state, options, feed)
      .catch((error: unknown) => {
        log.error({ feed: id, err: error }, 'feed poll could not record its result');
        return error as Error;
      })
      .finally(() => state.inFlight.delete(id));
    state.inFlight.set(id, poll);
    return poll;
  }

  async function tick(): Promise<void> {
    if (Date.now() - state.lastRefresh >= (options.refreshMs ?? 5000)) await refresh(state, options);
    const now = Date.now();
    for (const feed of state.feeds.values()) {
      if (feed.state === 'gone' || state.inFlight.has(feed.id) || feed.next_poll_at > now) continue;
      void pollNow(feed.id);
    }
  }

  function schedule(): void {
    if (state.stopped) return;
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) => log.error({ err: error }, 'feed scheduler failed; trying again'))
        .finally(schedule);
    }, options.tickMs ?? 200);
  }

  return {
    async start() {
      await refresh(state, options);
      // The first poll of every feed happens at start (gone feeds stay stopped, paused ones wait their day).
      for (const feed of state.feeds.values()) if (feed.state !== 'gone' && feed.state !== 'paused') void pollNow(feed.id);
      schedule();
    },
    async stop() {
      state.stopped = true;
      clearTimeout(timer);
      state.stopper.abort();
      await Promise.allSettled([...state.inFlight.values()]);
    },
    status: () => [...state.feeds.values()].map((f) => toStatus(f, state.counts.get(f.id) ?? 0)),
    pollNow,
  };
}
