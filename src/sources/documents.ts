import { extractArticle, langOf, type Article } from '../news/html.ts';
import { detectLanguage } from '../news/language.ts';
import { titleFromText } from '../news/parse.ts';
import type { NewsDocument } from '../news/types.ts';
import type { FeedRow, FetchArticle } from '../storage/feeds.ts';
import { decodeBody } from './charset.ts';
import { httpGet, type FetchLimits, type HostLimiter } from './http.ts';
import { sha, canonicalLink, type FeedItem } from './items.ts';

/** Fewer sentences than this and an item is a teaser: its article page is worth fetching. */
export const TEASER_SENTENCES = 3;

export function sentenceCount(text: string): number {
  return text.split(/[.!?؟…]+(?:["'”»)]*)(?:\s+|$)/u).filter((s) => s.trim().length > 1).length;
}

export function wantsArticle(mode: FetchArticle, item: FeedItem): boolean {
  if (!item.link || !/^https?:/i.test(item.link) || mode === 'never') return false;
  return mode === 'always' || sentenceCount(item.text) < TEASER_SENTENCES;
}

export interface ArticleFetcher {
  limits: FetchLimits;
  limiter: HostLimiter;
  signal?: AbortSignal;
}

/** The article page behind a teaser; undefined when it cannot be fetched or read (the teaser stays). */
export async function fetchArticle(url: string, fetcher: ArticleFetcher): Promise<Article | undefined> {
  const host = new URL(url).host;
  const response = await fetcher.limiter.run(host, () => httpGet({ url, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' }, fetcher.limits, fetcher.signal));
  if (response.status !== 200) return undefined;
  return extractArticle(decodeBody(response.body, response.contentType), response.url);
}

export function documentId(feedId: string, key: string): string {
  return `feed-${feedId}-${sha(key, 12)}`;
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A feed item (and its article page, when fetched) as a NewsDocument with its provenance. */
export function toDocument(feed: FeedRow, feedTitle: string | undefined, item: FeedItem, key: string, article: Article | undefined, now: Date): NewsDocument | undefined {
  const useArticle = article && article.text.length > item.text.length ? article : undefined;
  const text = (useArticle?.text ?? item.text) || item.title || '';
  if (!text.trim()) return undefined;
  const lang = langOf(feed.lang ?? undefined) ?? langOf(item.lang) ?? langOf(useArticle?.lang) ?? detectLanguage(text);
  const link = item.link ? canonicalLink(item.link) : undefined;
  const author = item.author ?? useArticle?.author;
  const tags = [...new Set([...(JSON.parse(feed.tags) as string[]), ...item.tags])];
  return {
    id: documentId(feed.id, key),
    file: `feed:${feed.id}/${sha(key, 12)}`,
    title: item.title ?? useArticle?.title ?? titleFromText(text),
    text,
    date: item.date ?? useArticle?.date ?? now,
    lang,
    source: feed.name ?? feedTitle ?? host(feed.url),
    ...(link ? { url: link } : {}),
    tags,
    sourceId: `feed:${feed.id}`,
    ...(author ? { author } : {}),
    ...(useArticle?.canonicalUrl ? { canonicalUrl: useArticle.canonicalUrl } : {}),
    fetchedAt: now,
  };
}
