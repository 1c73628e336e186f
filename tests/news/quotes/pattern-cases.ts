// The table-driven attribution tests share one shape: a made-up text and who says what in it, in order.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/news/quotes/extract.ts';
import { splitSentences } from '../../../src/news/sentences.ts';

export interface PatternCase {
  name: string;
  text: string;
  /** [speaker, quote text] in document order; quote text as between the marks (direct) or the clause (reported). */
  want: [string, string][];
}

// English rows give the quote as a reader would copy it; the marks and final stop around it do not count.
function looseEnglish(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^[\s"“”‘’']+/, '')
    .replace(/[\s.,;:!"“”’']+$/, '')
    .trim();
}

/** One test per row: the quotes extracted from the row's text, as [speaker, quote] pairs, equal its `want`. */
export function describePatterns(title: string, lang: 'ar' | 'en', cases: PatternCase[], minCases = 0): void {
  const form = lang === 'en' ? looseEnglish : (s: string) => s;
  describe(title, () => {
    if (minCases) {
      it('has enough cases', () => {
        expect(cases.length).toBeGreaterThanOrEqual(minCases);
      });
    }
    for (const c of cases) {
      it(c.name, () => {
        const got = extractQuotes(c.text, splitSentences(c.text, lang), lang).map((q) => [q.speaker.name, form(q.text)]);
        expect(got, c.text).toEqual(c.want.map(([s, q]) => [s, form(q)]));
      });
    }
  });
}
