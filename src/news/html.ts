import { createRequire } from 'node:module';

type ParseHTML = typeof import('linkedom').parseHTML;
type ReadabilityClass = typeof import('@mozilla/readability').Readability;

const requireLib = createRequire(import.meta.url);
let libs: { parseHTML: ParseHTML; Readability: ReadabilityClass } | undefined;

/** Loaded on first use: a run that meets no HTML (the CLI, a bot without feeds or .html files) does not pay for them. */
function libraries(): { parseHTML: ParseHTML; Readability: ReadabilityClass } {
  libs ??= {
    parseHTML: (requireLib('linkedom') as { parseHTML: ParseHTML }).parseHTML,
    Readability: (requireLib('@mozilla/readability') as { Readability: ReadabilityClass }).Readability,
  };
  return libs;
}

/** What a web page says about itself, plus its main text. Pure: no fetching, no storage. */
export interface Article {
  title?: string;
  /** Main text, paragraphs separated by blank lines. */
  text: string;
  date?: Date;
  author?: string;
  /** BCP 47 tag as the page gives it (`ar`, `en-GB`...). */
  lang?: string;
  canonicalUrl?: string;
  siteName?: string;
  dir?: 'rtl' | 'ltr';
}

// Elements whose text stands on its own line(s) when flattened.
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'HEAD']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

function flatten(node: DomNode, out: string[]): void {
  if (node.nodeType === 3) {
    out.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIPPED.has(name)) return;
  if (name === 'BR') {
    out.push('\n');
    return;
  }
  const block = BLOCKS.has(name);
  if (block) out.push('\n\n');
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i];
    if (child) flatten(child, out);
  }
  if (block) out.push('\n\n');
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function documentOf(page: string): ReturnType<ParseHTML>['document'] {
  const full = /<html[\s>]/i.test(page) ? page : `<!doctype html><html><head></head><body>${page}</body></html>`;
  return libraries().parseHTML(full).document;
}

/** Plain text of an HTML fragment or page: block elements become paragraphs, scripts and styles go. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidy(html);
  const doc = documentOf(html);
  const out: string[] = [];
  flatten((doc.body ?? doc.documentElement) as unknown as DomNode, out);
  return tidy(out.join(''));
}

type Json = Record<string, unknown>;

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') return str((value as Json).name ?? (value as Json)['@id'] ?? (value as Json).url);
  return undefined;
}

function names(value: unknown): string | undefined {
  const list = (Array.isArray(value) ? value : [value]).map(str).filter((s): s is string => Boolean(s));
  return list.length ? list.join(', ') : undefined;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|OpinionNewsArticle|LiveBlogPosting)$/;

/** The article object of the page's JSON-LD, if any (also inside @graph or arrays). */
function jsonLd(doc: ReturnType<typeof documentOf>): Json | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const obj = item as Json;
        const types = ([] as unknown[]).concat(obj['@type'] ?? []).map(String);
        if (types.some((t) => ARTICLE_TYPES.test(t))) return obj;
        if (obj['@graph']) queue.push(obj['@graph']);
      }
    }
  }
  return undefined;
}

function meta(doc: ReturnType<typeof documentOf>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

function toDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function absolute(url: string | undefined, base: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

interface PageMeta {
  title?: string;
  date?: Date;
  author?: string;
  lang?: string;
  canonicalUrl?: string;
  siteName?: string;
}

/** Title, date, author, language and canonical URL from JSON-LD first, then meta tags, then the page. */
function pageMeta(doc: ReturnType<typeof documentOf>, url: string | undefined): PageMeta {
  const ld = jsonLd(doc) ?? {};
  const html = doc.documentElement;
  const lang = str(ld.inLanguage) ?? html?.getAttribute('lang')?.trim() ?? meta(doc, 'og:locale', 'language')?.replace('_', '-');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const fields: PageMeta = {
    title: str(ld.headline) ?? meta(doc, 'og:title', 'twitter:title') ?? (doc.querySelector('title')?.textContent?.trim() || undefined),
    date: toDate(str(ld.datePublished) ?? meta(doc, 'article:published_time', 'datePublished', 'date', 'pubdate') ?? doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined),
    author: names(ld.author) ?? meta(doc, 'author', 'article:author'),
    lang: lang || undefined,
    canonicalUrl: absolute(canonical ?? meta(doc, 'og:url') ?? str(ld.mainEntityOfPage) ?? str(ld.url), url),
    siteName: names(ld.publisher) ?? meta(doc, 'og:site_name'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as PageMeta;
}

/**
 * The main text of a web page (Readability over linkedom) with its metadata. Undefined when the page
 * has no readable article. `url` resolves relative canonical links.
 */
export function extractArticle(html: string, url?: string): Article | undefined {
  const doc = documentOf(html);
  const info = pageMeta(doc, url);
  const dirAttr = doc.documentElement?.getAttribute('dir')?.toLowerCase();
  // Readability changes the document it reads: metadata is taken first.
  const parsed = new (libraries().Readability)(doc as never, { charThreshold: 200 }).parse();
  const text = parsed?.content ? htmlToText(parsed.content) : '';
  if (!text) return undefined;
  const dir = (parsed?.dir ?? dirAttr)?.toLowerCase();
  const lang = info.lang ?? parsed?.lang ?? undefined;
  return {
    ...info,
    text,
    ...(info.title ? {} : parsed?.title ? { title: parsed.title } : {}),
    ...(info.author ? {} : parsed?.byline ? { author: parsed.byline.trim() } : {}),
    ...(info.date ? {} : toDate(parsed?.publishedTime ?? undefined) ? { date: toDate(parsed?.publishedTime ?? undefined) } : {}),
    ...(lang ? { lang } : {}),
    ...(dir === 'rtl' || dir === 'ltr' ? { dir } : {}),
  };
}

/** `ar` or `en` from a page's language tag, when it is one of those. */
export function langOf(tag: string | undefined): 'ar' | 'en' | undefined {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return base === 'ar' || base === 'en' ? base : undefined;
}
