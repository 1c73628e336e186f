// What a search asks for: the words, the filters (source:, lang:, since:, page:, in English or Arabic)
// and the plain questions that are clearly a search («أخبار عن التضخم», "news about inflation").
import { normalizeArabic, stripControls } from '../normalize.ts';
import { rawWords, wordTerms } from './analyze.ts';
import type { SearchFilters } from './index.ts';

export interface ParsedSearch {
  /** The words left once filters are taken out. */
  text: string;
  filters: SearchFilters;
  page: number;
  /** A filter whose value could not be read, as typed. */
  badFilter?: string;
}

/** A search longer than this is cut: no search needs more words, and a long one must cost no more. */
export const MAX_SEARCH_CHARS = 300;
const MAX_GROUPS = 12;
const DAY = 86_400_000;

const KEYS: Record<string, 'source' | 'lang' | 'since' | 'page'> = {
  source: 'source', from: 'source', site: 'source', مصدر: 'source', المصدر: 'source',
  lang: 'lang', language: 'lang', لغة: 'lang', اللغة: 'lang',
  since: 'since', after: 'since', منذ: 'since', بعد: 'since',
  page: 'page', صفحة: 'page', الصفحة: 'page',
};
const LANG_VALUES: Record<string, 'ar' | 'en'> = { ar: 'ar', arabic: 'ar', عربي: 'ar', العربية: 'ar', عربية: 'ar', en: 'en', english: 'en', انجليزي: 'en', الانجليزية: 'en', إنجليزي: 'en', الإنجليزية: 'en' };
const UNITS: Record<string, number> = { h: 3_600_000, d: DAY, w: 7 * DAY, m: 30 * DAY, y: 365 * DAY, س: 3_600_000, ي: DAY, أ: 7 * DAY, ش: 30 * DAY };

function toAsciiDigits(s: string): string {
  return s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** "7d", "24h", "2w", "2024-05-01" -> epoch ms; undefined when unreadable. */
export function parseSince(value: string, now: number): number | undefined {
  const v = toAsciiDigits(value.trim().toLowerCase());
  const rel = /^(\d{1,4})\s*([hdwmyسيأش])$/u.exec(v);
  if (rel) return now - Number(rel[1]) * UNITS[rel[2]!]!;
  const date = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(v);
  if (date) {
    const at = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3] ?? 1));
    return Number.isFinite(at) && Number(date[2]) >= 1 && Number(date[2]) <= 12 ? at : undefined;
  }
  return undefined;
}

/** Splits the filters out of a search; everything else is the words. */
export function parseSearch(input: string, now: number): ParsedSearch {
  const text = stripControls(input).slice(0, MAX_SEARCH_CHARS);
  const words: string[] = [];
  const filters: SearchFilters = {};
  let page = 1;
  let badFilter: string | undefined;
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const m = /^([\p{L}]{2,12})[:：](.+)$/u.exec(token);
    const key = m ? KEYS[m[1]!.toLowerCase()] : undefined;
    if (!m || !key) {
      words.push(token);
      continue;
    }
    const value = m[2]!;
    if (key === 'source') filters.sources = [...(filters.sources ?? []), value.toLowerCase()];
    else if (key === 'lang') {
      const lang = LANG_VALUES[value.toLowerCase()];
      if (lang) filters.lang = lang;
      else badFilter ??= token;
    } else if (key === 'since') {
      const since = parseSince(value, now);
      if (since !== undefined) filters.since = since;
      else badFilter ??= token;
    } else {
      const n = Number.parseInt(toAsciiDigits(value), 10);
      if (Number.isFinite(n) && n >= 1) page = Math.min(n, 10_000);
      else badFilter ??= token;
    }
  }
  return { text: words.join(' '), filters, page, ...(badFilter ? { badFilter } : {}) };
}

/**
 * The query's term groups: one per word that is not a stopword, holding the word's terms and those of
 * its other spellings (`alternatives`: a name in the other script, from the speaker registry).
 */
export function queryGroups(text: string, alternatives?: (word: string) => string[]): string[][] {
  const groups: string[][] = [];
  const seen = new Set<string>();
  for (const word of rawWords(text)) {
    const terms = wordTerms(word);
    if (terms.length === 0) continue;
    const key = terms.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const group = new Set(terms);
    for (const other of alternatives?.(word) ?? []) for (const w of rawWords(other)) for (const t of wordTerms(w)) group.add(t);
    groups.push([...group]);
    if (groups.length >= MAX_GROUPS) break;
  }
  return groups;
}

const EN_SEARCH = [
  /^(?:any |the |latest |recent )?(?:news|articles?|stories|story|reports?|coverage|updates?|headlines)\s+(?:about|on|regarding|concerning|of)\s+(.{1,200})$/,
  /^(?:what(?:'s| is)|whats)\s+(?:the\s+)?(?:new|news|latest)\s+(?:about|on|with|in)\s+(.{1,200})$/,
  /^(?:anything|something)\s+(?:new\s+)?(?:about|on)\s+(.{1,200})$/,
  /^(?:search|search for|find|look for|look up)\s+(?:news\s+|articles\s+)?(?:about\s+|on\s+)?(.{1,200})$/,
  /^(?:is there|are there)\s+(?:any\s+)?(?:news|articles|stories)\s+(?:about|on)\s+(.{1,200})$/,
];
const AR_SEARCH = [
  /^(?:ما |ماهي |ما هي )?(?:اخر |احدث )?(?:الاخبار|اخبار|خبر|الخبر|مقالات|المقالات|تقارير|جديد|الجديد)\s+(?:عن|حول|بشان|بخصوص|في)\s+(.{1,200})$/u,
  /^(?:ابحث|ابحثي|بحث|فتش|دور)\s+(?:لي\s+)?(?:عن\s+)?(?:اخبار\s+)?(?:عن\s+)?(.{1,200})$/u,
  /^(?:هل\s+)?(?:من|هناك|يوجد|في)\s+(?:اي\s+)?(?:اخبار|جديد|خبر)\s+(?:عن|حول|بشان)\s+(.{1,200})$/u,
  /^(?:ماذا|ما|شو|ايش)\s+(?:الجديد|جديد)\s+(?:عن|حول|في)\s+(.{1,200})$/u,
];

/** The words of a plain question that is clearly a search, else undefined. */
export function parseSearchQuestion(text: string): string | undefined {
  if (text.length > 600) return undefined;
  const q = stripControls(text.normalize('NFKC')).replace(/\s+/g, ' ').trim().replace(/[\s?؟!.]+$/u, '');
  if (!q || q.startsWith('/')) return undefined;
  if (/[\u0600-\u06FF]/.test(q)) {
    const shown = q.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
    const folded = normalizeArabic(shown);
    for (const re of AR_SEARCH) {
      const m = re.exec(folded);
      if (m?.[1]) {
        // Answer with the words as written: folding keeps lengths, so the same slice holds them.
        const at = m.index + m[0].length - m[1].length;
        return (folded.length === shown.length ? shown.slice(at) : m[1]).trim();
      }
    }
    return undefined;
  }
  const lower = q.toLowerCase();
  for (const re of EN_SEARCH) {
    const m = re.exec(lower);
    if (m?.[1]) return q.slice(q.length - m[1].length).trim();
  }
  return undefined;
}
