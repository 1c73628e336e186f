import { createHash } from 'node:crypto';
import type { Logger } from '../bot/types.ts';
import type { NewsDocument } from '../news/types.ts';
import type { FeedRepository, FeedRow } from '../storage/feeds.ts';
import { decodeBody } from './charset.ts';
import { fetchArticle, toDocument, wantsArticle, documentId, type ArticleFetcher } from './documents.ts';
import { FetchError, httpGet, safeUrl } from './http.ts';
import { itemKeys, parseFeedText, type FeedItem } from './items.ts';

/**
 * Hands documents to the document store. `announce: false` (a feed's first poll): stored, listed and
 * searchable, but not new for digests and alerts.
 */
export type Ingest = (docs: NewsDocument[], opts: { announce: boolean }) => Promise<unknown>;

export interface PollDeps extends ArticleFetcher {
  repo: FeedRepository;
  ingest: Ingest;
  log: Logger;
}

/** What one poll found. `gone`: the server said 410, stop polling. */
export type PollResult =
  | { kind: 'unchanged'; etag?: string; lastModified?: string }
  | { kind: 'items'; added: number; seen: number; title?: string; etag?: string; lastModified?: string; bodyHash: string }
  | { kind: 'gone' };

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

function validators(response: { etag?: string; lastModified?: string }): { etag?: string; lastModified?: string } {
  return { ...(response.etag ? { etag: response.etag } : {}), ...(response.lastModified ? { lastModified: response.lastModified } : {}) };
}

/** A link as the feed gives it, made absolute against the feed's address (some feeds give paths). */
function absolute(link: string, base: string): string {
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}

/** Items not seen before, each once, with its keys (the first is its identity). */
async function newItems(repo: FeedRepository, feedId: string, items: FeedItem[]): Promise<{ item: FeedItem; keys: string[] }[]> {
  const keyed = itemKeys(items).map((keys, i) => ({ item: items[i] as FeedItem, keys }));
  const seen = await repo.seen(feedId, keyed.flatMap((k) => k.keys));
  const taken = new Set<string>();
  const fresh: { item: FeedItem; keys: string[] }[] = [];
  for (const entry of keyed) {
    if (entry.keys.some((k) => seen.has(k) || taken.has(k))) continue;
    for (const k of entry.keys) taken.add(k);
    fresh.push(entry);
  }
  return fresh;
}

async function documentsOf(feed: FeedRow, title: string | undefined, fresh: { item: FeedItem; keys: string[] }[], deps: PollDeps): Promise<NewsDocument[]> {
  const now = new Date();
  const mode = feed.fetch_article === 'always' || feed.fetch_article === 'never' ? feed.fetch_article : 'auto';
  const docs = await Promise.all(
    fresh.map(async ({ item, keys }) => {
      let article;
      if (wantsArticle(mode, item)) {
        article = await fetchArticle(item.link as string, deps).catch((error: unknown) => {
          deps.log.debug({ feed: feed.id, url: safeUrl(item.link as string), err: (error as Error).message }, 'article page not fetched; the feed text stands');
          return undefined;
        });
      }
      return toDocument(feed, title, item, keys[0] as string, article, now);
    }),
  );
  return docs.filter((d): d is NewsDocument => d !== undefined);
}

/**
 * Polls one feed: conditional GET, charset, parse, new items (by identity key), their article pages,
 * ingest, then the keys are recorded (after the ingest, so a crash in between re-offers the items
 * rather than losing them). Throws FetchError / FeedFormatError / CharsetError on failure.
 */
export async function pollFeed(feed: FeedRow, deps: PollDeps): Promise<PollResult> {
  const host = new URL(feed.url).host;
  const request = { url: feed.url, accept: FEED_ACCEPT, ...(feed.etag ? { etag: feed.etag } : {}), ...(feed.last_modified ? { lastModified: feed.last_modified } : {}) };
  const response = await deps.limiter.run(host, () => httpGet(request, deps.limits, deps.signal));
  if (response.status === 410) return { kind: 'gone' };
  if (response.status === 304) return { kind: 'unchanged', ...validators(response) };
  if (response.status !== 200) throw new FetchError('http', `${safeUrl(feed.url)}: HTTP ${response.status}`, response.status);
  // Some servers answer 200 with an empty body where they mean 304.
  if (response.body.length === 0) return { kind: 'unchanged', ...validators(response) };
  const bodyHash = createHash('sha256').update(response.body).digest('hex');
  if (bodyHash === feed.body_hash) return { kind: 'unchanged', ...validators(response) };

  const parsed = parseFeedText(decodeBody(response.body, response.contentType));
  for (const item of parsed.items) if (item.link) item.link = absolute(item.link, response.url);
  const fresh = await newItems(deps.repo, feed.id, parsed.items);
  const docs = await documentsOf(feed, parsed.title, fresh, deps);
  const first = feed.last_success_at === null;
  if (docs.length) await deps.ingest(docs, { announce: !first });
  // Every key is recorded, also of items that gave no document (no text), so they are not retried forever.
  const records = fresh.flatMap(({ keys }) => keys.map((key) => ({ key, docId: documentId(feed.id, keys[0] as string) })));
  await deps.repo.record(feed.id, records, Date.now());
  return { kind: 'items', added: docs.length, seen: parsed.items.length, ...(parsed.title ? { title: parsed.title } : {}), ...validators(response), bodyHash };
}
