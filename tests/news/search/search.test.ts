import { describe, expect, it } from 'vitest';
import { buildBrief } from '../../../src/news/brief.ts';
import { parseDocument } from '../../../src/news/parse.ts';
import { createSearchIndex } from '../../../src/news/search/index.ts';
import { createLiveIndex } from '../../../src/news/search/live.ts';
import { parseSearch, parseSearchQuestion, parseSince, queryGroups } from '../../../src/news/search/query.ts';
import type { Brief } from '../../../src/news/types.ts';

function brief(file: string, text: string, date = '2025-03-01T10:00:00Z', extra = ''): Brief {
  const body = extra ? `---\n${extra}\n---\n${text}` : text;
  return buildBrief(parseDocument(file, new TextEncoder().encode(body), new Date(date)), { summarySentences: 2 });
}

const ids = (index: ReturnType<typeof createSearchIndex>, q: string, options = {}) => index.search(queryGroups(q), options).hits.map((h) => h.id);

describe('search index', () => {
  const docs = [
    brief('inflation.txt', 'Inflation hits a ten-year high\n\nPrices rose faster than wages. The central bank said inflation would ease next year.'),
    brief('football.txt', 'Cup final ends in a draw\n\nThe match ended level. Fans mentioned inflation of ticket prices only once.'),
    brief('ar-inflation.txt', 'التضخم يرتفع في مصر\n\nارتفعت الأسعار بسبب التضخم. وقال البنك المركزي إن معدلات التضخم ستتراجع.'),
    brief('ar-other.txt', 'فوز الفريق في المباراة النهائية\n\nاحتفل المشجعون بالفوز في الملعب.'),
  ];
  const index = createSearchIndex();
  for (const d of docs) index.add(d);

  it('ranks a document about the words above one that mentions them in passing (English, stemmed)', () => {
    expect(ids(index, 'inflation')).toEqual(['inflation', 'football']);
    expect(ids(index, 'inflation prices')[0]).toBe('inflation');
    expect(ids(index, 'rising wage')).toEqual(['inflation']);
  });

  it('finds Arabic words through clitics and the stemmer («بالتضخم», «الأسعار»)', () => {
    expect(ids(index, 'بالتضخم')).toEqual(['ar-inflation']);
    expect(ids(index, 'تضخم')).toEqual(['ar-inflation']);
    expect(ids(index, 'والأسعار')).toEqual(['ar-inflation']);
    expect(ids(index, 'المشجعين')).toEqual(['ar-other']);
  });

  it('puts the newest first among equal scores', () => {
    const twins = createSearchIndex();
    twins.add(brief('old.txt', 'Budget vote\n\nThe budget passed.', '2024-01-01T00:00:00Z'));
    twins.add(brief('new.txt', 'Budget vote\n\nThe budget passed.', '2025-01-01T00:00:00Z'));
    expect(ids(twins, 'budget')).toEqual(['new', 'old']);
  });

  it('updates incrementally: a changed document is re-indexed, a removed one is gone', () => {
    const live = createLiveIndex();
    live.sync(docs);
    expect(live.sync(docs)).toEqual({ added: 0, removed: 0 });
    const changed = brief('football.txt', 'Cup final ends in a draw\n\nThe match ended level after extra time.');
    live.apply([changed], []);
    expect(ids(live.index, 'inflation')).toEqual(['inflation']);
    expect(live.sync(docs.slice(0, 2))).toEqual({ added: 1, removed: 2 });
    expect(ids(live.index, 'التضخم')).toEqual([]);
    expect(live.index.size()).toBe(2);
  });

  it('filters by language, date and source', () => {
    const f = createSearchIndex();
    f.add(brief('a.md', 'Oil prices climb', '2025-03-01T00:00:00Z', 'source: Reuters\nurl: https://www.reuters.com/x'));
    f.add(brief('b.md', 'Oil prices fall', '2024-01-01T00:00:00Z', 'source: BBC News'));
    f.add(brief('c.md', 'أسعار النفط oil', '2025-03-02T00:00:00Z', 'source: الجزيرة'));
    expect(ids(f, 'oil', { lang: 'en' }).sort()).toEqual(['a', 'b']);
    expect(ids(f, 'oil', { since: Date.parse('2025-01-01') }).sort()).toEqual(['a', 'c']);
    expect(ids(f, 'oil', { sources: ['bbc'] })).toEqual(['b']);
    expect(ids(f, 'oil', { sources: ['reuters.com'] })).toEqual(['a']);
    expect(ids(f, 'oil', { sources: ['الجزيره'] })).toEqual([]);
    expect(ids(f, 'oil', { sources: ['الجزيرة'] })).toEqual(['c']);
  });

  it('keeps postings compact once frozen, and answers the same after a freeze', () => {
    const big = createSearchIndex({ packAfter: 5000 });
    const unpacked = createSearchIndex();
    const vocabulary = (i: number) => Array.from({ length: 100 }, (_, k) => `term${(i * 31 + k * 7) % 3000}x`).join(' ');
    for (let i = 0; i < 800; i++) {
      const b = brief(`d${i}.txt`, `Story ${i}\n\n${vocabulary(i)}. Item ${i % 7 === 0 ? 'zebra' : 'horse'}.`);
      big.add(b);
      unpacked.add(b);
      if (i % 50 === 0) big.remove(`d${i}`);
    }
    for (let i = 0; i < 800; i += 50) unpacked.remove(`d${i}`);
    const zebras = ids(big, 'zebra', { limit: 1000 });
    expect(zebras).toEqual(ids(unpacked, 'zebra', { limit: 1000 }));
    // Same documents in the same order (scores differ a little: removed documents leave the counts once packed).
    expect(ids(big, 'term7x horse', { limit: 20 })).toEqual(ids(unpacked, 'term7x horse', { limit: 20 }));
    expect(zebras).toHaveLength(Math.ceil(800 / 7) - 3);
    const m = big.memory();
    expect(m.documents).toBe(784);
    expect(m.bytes / m.postings).toBeLessThan(20);
  });
});

describe('search queries', () => {
  const now = Date.parse('2025-03-10T00:00:00Z');
  it('reads filters in English and Arabic, and keeps the rest as words', () => {
    expect(parseSearch('inflation source:bbc lang:en since:7d page:2', now)).toEqual({ text: 'inflation', filters: { sources: ['bbc'], lang: 'en', since: now - 7 * 86_400_000 }, page: 2 });
    expect(parseSearch('التضخم لغة:عربي منذ:2025-01-01', now)).toEqual({ text: 'التضخم', filters: { lang: 'ar', since: Date.parse('2025-01-01') }, page: 1 });
    expect(parseSearch('meeting at 10:30', now).text).toBe('meeting at 10:30');
    expect(parseSearch('x since:yesterday', now).badFilter).toBe('since:yesterday');
    expect(parseSince('٣d', now)).toBe(now - 3 * 86_400_000);
    expect(parseSince('2025-13-01', now)).toBeUndefined();
  });

  it('recognizes plain questions that are clearly a search, and leaves who-said-what alone', () => {
    expect(parseSearchQuestion('news about inflation')).toBe('inflation');
    expect(parseSearchQuestion('Any news on the Greenspan speech?')).toBe('the Greenspan speech');
    expect(parseSearchQuestion('أخبار عن التضخم')).toBe('التضخم');
    expect(parseSearchQuestion('ما آخر الأخبار حول الصين؟')).toBe('الصين');
    expect(parseSearchQuestion('ابحث عن لافروف')).toBe('لافروف');
    expect(parseSearchQuestion('what did Trump say?')).toBeUndefined();
    expect(parseSearchQuestion('ماذا قال ترامب؟')).toBeUndefined();
    expect(parseSearchQuestion('maternity pay')).toBeUndefined();
  });

  it('drops stop words and punctuation, and survives hostile input', () => {
    expect(queryGroups('the of and')).toEqual([]);
    expect(queryGroups('في من على')).toEqual([]);
    expect(queryGroups('?!.,;:()[]{}*+^$|\\')).toEqual([]);
    expect(queryGroups('.*(a+)+$ [inflation]').flat()).toContain('inflat');
    expect(queryGroups('x'.repeat(2000) + ' ' + 'word '.repeat(500)).length).toBeLessThanOrEqual(12);
    expect(queryGroups('Trump ترامب').length).toBe(2);
  });
});
