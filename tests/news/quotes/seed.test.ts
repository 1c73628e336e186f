import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../../src/news/normalize.ts';
import { extractQuotes } from '../../../src/news/quotes/extract.ts';
import { nameKey } from '../../../src/news/quotes/gazetteer.ts';
import { splitSentences } from '../../../src/news/sentences.ts';

interface SeedGold {
  doc: string;
  quotes: { speaker: string[]; quote: string; kind: string; optional?: boolean }[];
  must_not: { speaker: string[] }[];
}

const gold = JSON.parse(fs.readFileSync(new URL('../../fixtures/seed-quotes.json', import.meta.url), 'utf8')) as SeedGold;
const text = fs.readFileSync(new URL(`../../../content/${gold.doc}`, import.meta.url), 'utf8');
const quotes = extractQuotes(text, splitSentences(text, 'ar'), 'ar');
const flat = (s: string): string => normalizeForMatch(s).replace(/\s+/g, ' ');

function found(g: SeedGold['quotes'][number]): boolean {
  const accepted = g.speaker.map(nameKey);
  return quotes.some((q) => flat(q.text).includes(flat(g.quote)) && [q.speaker.name, ...q.speaker.aliases].some((n) => accepted.includes(nameKey(n))));
}

describe('seed article gold', () => {
  for (const g of gold.quotes.filter((x) => !x.optional)) {
    it(`finds «${g.quote}» with an accepted speaker`, () => {
      expect(found(g)).toBe(true);
    });
  }

  it('finds the optional quotes too', () => {
    expect(gold.quotes.filter((x) => x.optional && !found(x)).map((x) => x.quote)).toEqual([]);
  });

  it('attributes nothing to people who are only mentioned', () => {
    for (const m of gold.must_not) {
      const forbidden = m.speaker.map(nameKey);
      const bad = quotes.filter((q) => [q.speaker.name, ...q.speaker.aliases].some((n) => forbidden.includes(nameKey(n))));
      expect(bad.map((q) => q.text)).toEqual([]);
    }
  });

  it('shows direct quotes exactly as they stand in the document', () => {
    for (const q of quotes.filter((x) => x.kind === 'direct')) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});
