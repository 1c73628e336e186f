import { describe, expect, it } from 'vitest';
import { quotesReport, type QuoteRecord } from '../../../src/news/quotes/report.ts';

describe('quotes report', () => {
  const seed = new URL('../../../content/000_242677af3c996c0f.txt', import.meta.url).pathname;

  it('prints one JSON array with doc, speaker, text, kind, cue and sentence', () => {
    const records = JSON.parse(quotesReport([seed], { json: true })) as QuoteRecord[];
    expect(records.length).toBeGreaterThanOrEqual(4);
    for (const r of records) {
      expect(Object.keys(r).sort()).toEqual(['cue', 'doc', 'kind', 'sentence', 'speaker', 'text']);
      expect(r.sentence).toContain(r.kind === 'direct' ? r.text.split('\n')[0]!.slice(0, 10) : r.text.slice(0, 10));
    }
    const guo = records.find((r) => r.text.includes('الحوار والتفاوض'));
    expect(guo?.speaker.name).toBe('Guo Jiakun');
    expect(guo?.kind).toBe('direct');
  });

  it('prints a table where reported statements are labelled and never in marks', () => {
    const table = quotesReport([seed], { json: false });
    expect(table).toContain('Guo Jiakun');
    expect(table).toMatch(/“هناك كراهية هائلة”/);
    expect(table).toMatch(/\(reported\) دعمه القوي/);
  });

  it('reports a folder and skips what it cannot read', () => {
    const out = quotesReport([new URL('../../fixtures/bbc-news-summary/article/politics', import.meta.url).pathname, '/nonexistent/x'], { json: false });
    expect(out).toContain('skipped: /nonexistent/x');
    expect(out).toMatch(/quotes? in \d+ document/);
  });
});
