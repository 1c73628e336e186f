import { stripControls } from '../news/normalize.ts';
import type { Brief } from '../news/types.ts';
import { clip, summaryPost } from './handlers/news.ts';
import { displayName, quoteBlocks } from './handlers/quotes.ts';
import { runSearch } from './handlers/search.ts';
import { parseSearch } from '../news/search/query.ts';
import type { Post } from './post.ts';
import { pickLanguage } from './router.ts';
import type { BotServices } from './types.ts';

/** Telegram answers an inline query with at most 50 results. */
export const MAX_INLINE_RESULTS = 50;
/** Telegram's inline queries hold at most 256 characters. */
const MAX_QUERY_CHARS = 256;

/** One ready-made message offered when a user types "@bot words" in any chat. */
export interface InlineResult {
  /** Stable and unique within one answer (at most 64 bytes). */
  id: string;
  title: string;
  description: string;
  post: Post;
}

export interface InlineOptions {
  /** The user's client language, when the words do not tell. */
  locale?: string;
  limit?: number;
}

function firstSentence(brief: Brief): string {
  const i = brief.summary[0];
  const text = (i === undefined ? undefined : brief.sentences[i]?.text) ?? brief.doc.text;
  return clip(text.replace(/\s+/g, ' '), 160);
}

/** The ranked search, filters included; the title match when it finds nothing. */
function inlineSearch(services: BotServices, words: string, limit: number): Brief[] {
  const parsed = parseSearch(words, Date.now());
  const found = parsed.text ? runSearch(services, parsed.text, parsed.filters, 1, limit).briefs : [];
  return found.length ? found : services.library().search(words, limit);
}

/**
 * The results for an inline query, platform-free: when the words name a speaker, that speaker's
 * quotes first (each a ready message with its source); then document summaries matching the words,
 * or the newest documents when there are none.
 */
export function inlineResults(services: BotServices, query: string, options: InlineOptions = {}): InlineResult[] {
  const limit = Math.min(MAX_INLINE_RESULTS, Math.max(1, options.limit ?? MAX_INLINE_RESULTS));
  const words = stripControls(query).slice(0, MAX_QUERY_CHARS).trim();
  const lang = pickLanguage(words, options.locale, services.settings.defaultLang);
  const library = services.library();
  const seen = new Set<string>();
  const results: InlineResult[] = [];
  const speaker = words ? services.speakers().find(words) : undefined;
  if (speaker) {
    const name = displayName(speaker, lang);
    services
      .speakers()
      .quotesBy(speaker)
      .slice(0, limit)
      .forEach((ref, i) => {
        results.push({
          id: `q-${i}-${library.keyOf(library.byId(ref.doc.id) ?? library.briefs[0]!)}`.slice(0, 64),
          title: clip(`${name}: ${ref.quote.text.replace(/\s+/g, ' ')}`, 120),
          description: clip(ref.doc.title, 160),
          post: { lang, blocks: [{ type: 'heading', text: name }, ...quoteBlocks(services, ref, lang, false)] },
        });
      });
  }
  const briefs = words ? inlineSearch(services, words, limit) : library.briefs.slice(0, limit);
  for (const brief of briefs) {
    if (results.length >= limit) break;
    const id = `doc-${library.keyOf(brief) || library.numberOf(brief)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    results.push({ id, title: clip(brief.doc.title, 120) || brief.doc.id, description: firstSentence(brief), post: summaryPost(services, brief, lang) });
  }
  return results;
}
