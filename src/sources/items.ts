import { createHash } from 'node:crypto';
import { parseFeed, type AnyFeed } from 'feedsmith';
import { htmlToText } from '../news/html.ts';

/** One feed entry, the same shape from RSS, Atom, RDF and JSON Feed. */
export interface FeedItem {
  guid?: string;
  link?: string;
  title?: string;
  /** Plain text of the richest body the entry has (content, else description/summary). */
  text: string;
  date?: Date;
  author?: string;
  lang?: string;
  tags: string[];
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title?: string;
  lang?: string;
  items: FeedItem[];
}

export class FeedFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFormatError';
  }
}

function date(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function text(...candidates: (string | undefined)[]): string {
  const best = candidates.find((c) => c && c.trim());
  return best ? htmlToText(best) : '';
}

function clean(value: string | undefined): string | undefined {
  const t = value ? htmlToText(value).replace(/\s+/g, ' ').trim() : '';
  return t || undefined;
}

function compact<T extends object>(item: T): T {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== '')) as T;
}

type Any = AnyFeed<string>;

function rssItems(feed: Extract<Any, { format: 'rss' }>['feed']): FeedItem[] {
  return (feed.items ?? []).map((i) =>
    compact({
      guid: i.guid?.value?.trim(),
      link: i.link?.trim() ?? (i.guid?.isPermaLink !== false && /^https?:/.test(i.guid?.value ?? '') ? i.guid?.value : undefined),
      title: clean(i.title),
      text: text(i.content?.encoded, i.description),
      date: date(i.pubDate ?? i.dc?.dates?.[0]),
      author: i.authors?.map((a) => a.name ?? a.email).filter(Boolean).join(', ') || i.dc?.creators?.join(', '),
      lang: i.dc?.languages?.[0],
      tags: (i.categories ?? []).map((c) => c.name).filter((n): n is string => Boolean(n)),
    }),
  );
}

function atomItems(feed: Extract<Any, { format: 'atom' }>['feed']): FeedItem[] {
  return (feed.entries ?? []).map((e) => {
    const link = e.links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? e.links?.[0]?.href;
    return compact({
      guid: e.id?.trim(),
      link: link?.trim(),
      title: clean(e.title?.value),
      text: text(e.content?.value, e.summary?.value),
      date: date(e.published ?? e.updated),
      author: e.authors?.map((a) => a.name).filter(Boolean).join(', '),
      lang: e.xml?.lang,
      tags: (e.categories ?? []).map((c) => c.label ?? c.term).filter((n): n is string => Boolean(n)),
    });
  });
}

function rdfItems(feed: Extract<Any, { format: 'rdf' }>['feed']): FeedItem[] {
  return (feed.items ?? []).map((i) =>
    compact({
      guid: i.rdf?.about?.trim(),
      link: i.link?.trim(),
      title: clean(i.title),
      text: text(i.content?.encoded, i.description, i.dc?.descriptions?.[0]),
      date: date(i.dc?.dates?.[0]),
      author: i.dc?.creators?.join(', '),
      lang: i.dc?.languages?.[0],
      tags: i.dc?.subjects ?? [],
    }),
  );
}

function jsonItems(feed: Extract<Any, { format: 'json' }>['feed']): FeedItem[] {
  return (feed.items ?? []).map((i) =>
    compact({
      guid: i.id !== undefined ? String(i.id).trim() : undefined,
      link: (i.url ?? i.external_url)?.trim(),
      title: clean(i.title),
      text: i.content_text?.trim() ? htmlToText(i.content_text) : text(i.content_html, i.summary),
      date: date(i.date_published ?? i.date_modified),
      author: i.authors?.map((a) => a.name).filter(Boolean).join(', '),
      lang: i.language,
      tags: i.tags ?? [],
    }),
  );
}

/** Parses a feed body (any of the four formats). Throws FeedFormatError naming what is wrong. */
export function parseFeedText(body: string): ParsedFeed {
  let parsed: Any;
  try {
    parsed = parseFeed(body);
  } catch (error) {
    const what = (error as Error).name === 'DetectError' ? 'not an RSS, Atom, RDF or JSON feed' : 'malformed feed';
    throw new FeedFormatError(`${what} (${(error as Error).message})`);
  }
  switch (parsed.format) {
    case 'rss':
      return compact({ format: 'rss', title: clean(parsed.feed.title), lang: parsed.feed.language, items: rssItems(parsed.feed) });
    case 'atom':
      return compact({ format: 'atom', title: clean(parsed.feed.title?.value), lang: parsed.feed.xml?.lang, items: atomItems(parsed.feed) });
    case 'rdf':
      return compact({ format: 'rdf', title: clean(parsed.feed.title), lang: parsed.feed.dc?.languages?.[0], items: rdfItems(parsed.feed) });
    case 'json':
      return compact({ format: 'json', title: clean(parsed.feed.title), lang: parsed.feed.language, items: jsonItems(parsed.feed) });
  }
}

// Parameters that only say where a click came from: the same article with and without them is one item.
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|mkt_tok|ref_src|ocid|cmpid)$/i;

/** A link without tracking parameters or fragment, for identity. */
export function canonicalLink(link: string): string {
  try {
    const url = new URL(link);
    for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
    url.hash = '';
    return url.href;
  } catch {
    return link.trim();
  }
}

export function sha(text: string, length = 16): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * Identity keys of each item: the first is its identity (guid, unless the guid repeats within the
 * feed; else the link without tracking parameters; else title and date), the others (the link)
 * recognise it again when a feed changes which one it gives.
 */
export function itemKeys(items: FeedItem[]): string[][] {
  const guidCount = new Map<string, number>();
  for (const item of items) if (item.guid) guidCount.set(item.guid, (guidCount.get(item.guid) ?? 0) + 1);
  return items.map((item) => {
    const keys: string[] = [];
    if (item.guid && guidCount.get(item.guid) === 1) keys.push(`guid:${sha(item.guid)}`);
    if (item.link) keys.push(`link:${sha(canonicalLink(item.link))}`);
    if (keys.length === 0) keys.push(`title:${sha(`${item.title ?? ''}\n${item.date?.toISOString() ?? ''}\n${item.title ? '' : item.text.slice(0, 500)}`)}`);
    return keys;
  });
}
