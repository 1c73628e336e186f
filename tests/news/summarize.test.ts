import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences, type Sentence } from '../../src/news/sentences.ts';
import { evaluateSummaries } from '../../src/eval/summary.ts';
import { leadK, textRankBaseline } from '../../src/eval/baselines.ts';
import { buildBrief } from '../../src/news/brief.ts';
import { parseDocument } from '../../src/news/parse.ts';
import { summarize, summaryLength } from '../../src/news/summarize.ts';

const ARTICLE = [
  'The central bank raised interest rates by half a point on Thursday to fight inflation.',
  'Inflation has climbed to its highest level in a decade, driven by energy and food prices.',
  'The governor said further rate rises were likely if inflation stayed high.',
  'Shares in banks rose after the announcement, while house builders fell.',
  'Mortgage holders face higher monthly payments as lenders pass on the rate rise.',
  'The weather in the capital was mild for the time of year.',
  'Economists had expected the central bank to raise rates by a quarter point.',
  'The governor said the bank would act to bring inflation back to its target.',
  'Opposition politicians criticised the government for the rise in prices.',
  'The next rate decision is due in six weeks.',
].join('\n');

const sentences = (text: string, lang: 'en' | 'ar' = 'en'): Sentence[] => splitSentences(text, lang);
const inOrder = (ids: number[]): boolean => ids.every((v, i) => i === 0 || ids[i - 1]! < v);

describe('summarize', () => {
  const doc = sentences(ARTICLE);

  it('returns the requested number of distinct indices in document order', () => {
    expect(doc).toHaveLength(10);
    for (const k of [1, 2, 3, 4, 7]) {
      const ids = summarize(doc, { sentences: k });
      expect(ids).toHaveLength(k);
      expect(inOrder(ids)).toBe(true);
      for (const i of ids) expect(i >= 0 && i < doc.length).toBe(true);
    }
  });

  it('defaults to 3 sentences and clamps to the sentence count', () => {
    expect(summarize(doc, {})).toHaveLength(3);
    expect(summarize(doc)).toHaveLength(3);
    expect(summarize(doc, { sentences: 50 })).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(summarize(doc, { sentences: 0 })).toHaveLength(1);
  });

  it('takes a ratio of the sentences, at least one', () => {
    expect(summarize(doc, { ratio: 0.3 })).toHaveLength(3);
    expect(summarize(doc, { ratio: 0.5 })).toHaveLength(5);
    expect(summarize(doc, { ratio: 0.01 })).toHaveLength(1);
    expect(summarize(doc, { ratio: 2 })).toHaveLength(10);
    // An explicit count wins over the ratio.
    expect(summarize(doc, { ratio: 0.5, sentences: 2 })).toHaveLength(2);
    expect(summaryLength(10, { ratio: 0.25 })).toBe(3);
    expect(summaryLength(0, { sentences: 3 })).toBe(0);
  });

  it('handles one sentence and no sentences', () => {
    expect(summarize([], { sentences: 3 })).toEqual([]);
    expect(summarize(sentences('Only one sentence here.'), { sentences: 3 })).toEqual([0]);
    expect(summarize(sentences('Short. Also short.'), { sentences: 1 })).toHaveLength(1);
  });

  it('prefers central sentences over the off-topic one', () => {
    const ids = summarize(doc, { sentences: 3 });
    expect(ids).not.toContain(5);
  });

  it('summarizes Arabic text', () => {
    const text = readFileSync(new URL('../../content/000_242677af3c996c0f.txt', import.meta.url), 'utf8');
    const ar = sentences(text, 'ar');
    expect(ar.length).toBeGreaterThan(5);
    const ids = summarize(ar, { sentences: 3, lang: 'ar' });
    expect(ids).toHaveLength(3);
    expect(inOrder(ids)).toBe(true);
    // Central sentences mention China/Russia, the subject of the article (normalized: الصين/روسيا).
    const picked = ids.map((i) => ar[i]!.text).join(' ');
    expect(/الصين|روسيا|بكين/.test(picked)).toBe(true);
    expect(summarize(ar, { ratio: 0.25, lang: 'ar' })).toHaveLength(Math.round(ar.length * 0.25));
  });

  it('does not choose two identical sentences', () => {
    const repeated = sentences(
      [
        'The central bank raised interest rates to fight inflation.',
        'The central bank raised interest rates to fight inflation.',
        'Inflation has climbed as energy prices rose, the bank said.',
        'Interest rates will stay high while inflation is above target.',
        'The weather was mild.',
        'The bank said rates and inflation would be reviewed next month.',
      ].join('\n'),
    );
    for (const k of [2, 3, 4]) {
      const ids = summarize(repeated, { sentences: k });
      expect(ids.includes(0) && ids.includes(1)).toBe(false);
    }
  });

  it('is deterministic, whatever was summarized before', () => {
    const first = summarize(doc, { sentences: 4 });
    const text = readFileSync(new URL('../../content/000_242677af3c996c0f.txt', import.meta.url), 'utf8');
    summarize(sentences(text, 'ar'), { sentences: 3 });
    summarize(sentences('Something else entirely. With other words! And a third sentence?'), { sentences: 2 });
    expect(summarize(doc, { sentences: 4 })).toEqual(first);
    expect(summarize([...doc], { sentences: 4 })).toEqual(first);
  });

  it('copes with sentences without terms and text with newlines', () => {
    const odd: Sentence[] = [
      { text: '...', start: 0, end: 3 },
      { text: 'The bank raised rates.\nInflation is high.', start: 4, end: 40 },
      { text: 'Rates and inflation: the bank acts.', start: 41, end: 76 },
      { text: '—', start: 77, end: 78 },
    ];
    const ids = summarize(odd, { sentences: 2 });
    expect(ids).toEqual([1, 2]);
  });
});

describe('titles', () => {
  const doc = sentences(ARTICLE);

  it('never picks a sentence that only repeats the title, whatever the length asked', () => {
    const title = 'The central bank raised interest rates by half a point on Thursday to fight inflation';
    for (const k of [1, 3, 5, 9, 10]) expect(summarize(doc, { sentences: k, title })).not.toContain(0);
    expect(summarize(doc, { sentences: 10, title })).toHaveLength(9);
    // A truncated title (as titleFromText makes for a long first sentence) is still the same sentence.
    expect(summarize(doc, { sentences: 3, title: 'The central bank raised interest rates by half a point…' })).not.toContain(0);
  });

  it('keeps a sentence that says much more than a short headline', () => {
    const headline = 'Central bank raises rates';
    const long = sentences('The central bank raised its rates by half a point, the biggest rise since 1994, and warned of more to come. Banks rose. Builders fell. Rates will rise again, the bank said.');
    expect(summarize(long, { sentences: 4, title: headline })).toEqual([0, 1, 2, 3]);
  });

  it('gives a one-sentence document its sentence even when it is the title', () => {
    const one = sentences('Markets closed higher on Friday.');
    expect(summarize(one, { sentences: 3, title: 'Markets closed higher on Friday' })).toEqual([0]);
  });

  it("summarizes the seed article with the news itself: Wang Yi's arrival in Moscow, not the title again", () => {
    const file = 'content/000_242677af3c996c0f.txt';
    const doc = parseDocument(file, readFileSync(file), new Date(0));
    const brief = buildBrief(doc, { summarySentences: 3 });
    const picked = brief.summary.map((i) => brief.sentences[i]!.text);
    expect(picked).toHaveLength(3);
    expect(picked.some((t) => t.includes('وانغ يي') && t.includes('موسكو'))).toBe(true);
    expect(picked.some((t) => t.includes(doc.title))).toBe(false);
  });
});

describe('baselines', () => {
  const doc = sentences(ARTICLE);

  it('leadK takes the first k', () => {
    expect(leadK(doc, 3)).toEqual([0, 1, 2]);
    expect(leadK(doc, 20)).toHaveLength(10);
    expect(leadK([], 3)).toEqual([]);
  });

  it('textRankBaseline returns k indices in document order', () => {
    const ids = textRankBaseline(doc, 4);
    expect(ids).toHaveLength(4);
    expect(inOrder(ids)).toBe(true);
    expect(textRankBaseline([], 3)).toEqual([]);
    expect(textRankBaseline(doc, 0)).toEqual([]);
  });
});

describe('BBC News Summary evaluation', () => {
  it('beats plain TextRank and lead-k, with ROUGE-2 F of at least 78', () => {
    const result = evaluateSummaries();
    expect(result.documents).toBe(100);
    expect(result.system.rouge2).toBeGreaterThanOrEqual(78);
    expect(result.system.rouge2).toBeGreaterThan(result.textrank.rouge2);
    expect(result.textrank.rouge2).toBeGreaterThan(result.leadK.rouge2);
  });

  it('on the held-out half, never tuned on, beats TextRank and lead at the reference length and at three sentences', () => {
    const { heldout } = evaluateSummaries();
    expect(heldout.documents).toBe(50);
    expect(heldout.system.rouge2).toBeGreaterThanOrEqual(78);
    expect(heldout.system.rouge2).toBeGreaterThan(heldout.textrank.rouge2);
    expect(heldout.system3.rouge2).toBeGreaterThan(heldout.textrank3.rouge2);
    expect(heldout.system3.rouge2).toBeGreaterThan(heldout.lead3.rouge2);
  });
});
