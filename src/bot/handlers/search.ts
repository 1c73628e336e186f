import type { Lang } from '../../news/language.ts';
import { defaultGazetteer, sameNameWord, type SpeakerRegistry } from '../../news/quotes/index.ts';
import type { SearchIndex } from '../../news/search/index.ts';
import { indexOfBriefs } from '../../news/search/live.ts';
import { parseSearch, queryGroups } from '../../news/search/query.ts';
import type { Brief } from '../../news/types.ts';
import { formatDate, strings } from '../i18n.ts';
import { findStrings } from '../i18n-find.ts';
import { heading, italic, paragraph, type Button, type Inline, type Post } from '../post.ts';
import type { BotServices, CommandRequest } from '../types.ts';
import { clip } from './news.ts';

/** Telegram caps callback data at 64 bytes: a longer search is kept here and its button carries a key. */
const MAX_ACTION_BYTES = 64;
const KEPT_SEARCHES = 500;
const kept = new Map<string, string>();

function keep(query: string): string {
  for (const [k, q] of kept) if (q === query) return k;
  const key = `k${(Date.now() % 1e8).toString(36)}${kept.size.toString(36)}`;
  if (kept.size >= KEPT_SEARCHES) kept.delete(kept.keys().next().value!);
  kept.set(key, query);
  return key;
}

function pageAction(query: string, page: number): string {
  const action = `/search ${query} page:${page}`;
  return new TextEncoder().encode(action).length <= MAX_ACTION_BYTES ? action : `/search key:${keep(query)} page:${page}`;
}

/** The index the services keep up to date, else one built for the library on first use. */
export function searchIndexOf(services: BotServices): SearchIndex {
  const library = services.library();
  return services.search?.() ?? indexOfBriefs(library, library.briefs);
}

// Other spellings of a name are looked up once per registry and word.
const nameCache = new WeakMap<SpeakerRegistry, Map<string, string[]>>();

/** A word's other spellings as a name (Trump ↔ ترامب), from the speaker registry and the names list. */
export function nameAlternatives(registry: SpeakerRegistry): (word: string) => string[] {
  let cache = nameCache.get(registry);
  if (!cache) nameCache.set(registry, (cache = new Map()));
  const memo = cache;
  return (word) => {
    const hit = memo.get(word);
    if (hit) return hit;
    let out: string[] = [];
    if (word.length >= 3 && !/\d/.test(word)) {
      const speaker = registry.find(word);
      const gaz = defaultGazetteer().lookup(word);
      const forms = [...(speaker ? [speaker.name, ...speaker.aliases] : []), ...(gaz ? [gaz.name, ...gaz.aliases] : [])];
      // Only the words that spell this one: "Trump" brings ترامب, not "Donald".
      out = [...new Set(forms.flatMap((f) => f.split(/\s+/)))].filter((w) => w.toLowerCase() !== word && sameNameWord(word, w));
    }
    if (memo.size > 5000) memo.clear();
    memo.set(word, out);
    return out;
  };
}

export interface SearchPage {
  briefs: Brief[];
  total: number;
  page: number;
  pages: number;
}

/** Runs a parsed search: one page of documents, best first. */
export function runSearch(services: BotServices, text: string, filters: Parameters<SearchIndex['search']>[1], page: number, size: number): SearchPage {
  const groups = queryGroups(text, nameAlternatives(services.speakers()));
  if (groups.length === 0) return { briefs: [], total: 0, page: 1, pages: 1 };
  const index = searchIndexOf(services);
  const library = services.library();
  const first = index.search(groups, { ...filters, limit: size, offset: (page - 1) * size });
  const pages = Math.max(1, Math.ceil(first.total / size));
  const result = page > pages ? index.search(groups, { ...filters, limit: size, offset: (pages - 1) * size }) : first;
  const briefs = result.hits.map((h) => library.byId(h.id)).filter((b): b is Brief => Boolean(b));
  return { briefs, total: result.total, page: Math.min(page, pages), pages };
}

function resultLine(services: BotServices, brief: Brief, lang: Lang): Inline[] {
  const library = services.library();
  const meta = [formatDate(brief.doc.date, lang, services.settings.timeZone), brief.doc.source, `#${library.numberOf(brief)}`].filter(Boolean).join(' · ');
  return [`${brief.doc.title} `, italic(`(${meta})`)];
}

export function searchPost(services: BotServices, args: string, lang: Lang, now = Date.now()): Post {
  const t = findStrings[lang];
  const keyed = /^key:(\S+)\s*(.*)$/.exec(args.trim());
  let input = args;
  if (keyed) {
    const query = kept.get(keyed[1]!);
    if (query === undefined) return { lang, blocks: [paragraph(t.searchExpired)] };
    input = `${query} ${keyed[2] ?? ''}`;
  }
  const parsed = parseSearch(input, now);
  if (parsed.badFilter) return { lang, blocks: [paragraph(t.searchBadFilter(clip(parsed.badFilter, 40)))] };
  if (!parsed.text.trim()) return { lang, blocks: [paragraph(t.searchNoWords)] };
  const size = services.settings.pageSize;
  const shown = clip(parsed.text, 60);
  const groups = queryGroups(parsed.text);
  if (groups.length === 0) return { lang, blocks: [paragraph(t.searchNoWords)] };
  const result = runSearch(services, parsed.text, parsed.filters, parsed.page, size);
  if (result.total === 0) return { lang, blocks: [paragraph(t.searchNone(shown))] };
  const query = input.replace(/(?:^|\s)(?:page|صفحة|الصفحة)[:：]\S*/gu, '').replace(/\s+/g, ' ').trim();
  const nav: Button[] = [];
  if (result.page > 1) nav.push({ label: strings[lang].previous, action: pageAction(query, result.page - 1) });
  if (result.page < result.pages) nav.push({ label: strings[lang].next, action: pageAction(query, result.page + 1) });
  const title = result.pages > 1 ? `${t.searchTitle(shown, result.total)} (${t.searchPage(result.page, result.pages)})` : t.searchTitle(shown, result.total);
  return {
    lang,
    blocks: [
      heading(title),
      { type: 'list', items: result.briefs.map((b) => resultLine(services, b, lang)), ordered: true, start: (result.page - 1) * size + 1 },
      paragraph(italic(t.searchHint)),
    ],
    ...(nav.length ? { buttons: [nav] } : {}),
  };
}

export function searchCommand(req: CommandRequest): Post {
  return searchPost(req.services, req.args, req.lang);
}
