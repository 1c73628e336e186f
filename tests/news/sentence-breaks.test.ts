import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentenceBreaks } from '../../src/news/sentence-breaks.ts';

const segmenters = ['en', 'ar'].map((lang) => new Intl.Segmenter(lang, { granularity: 'sentence' }));

/** The boundaries Intl.Segmenter finds, as sentenceBreaks reports them. */
function icuBreaks(text: string, segmenter: Intl.Segmenter): number[] {
  const out: number[] = [];
  for (const part of segmenter.segment(text)) if (part.index > 0) out.push(part.index);
  return out;
}

/** Texts whose boundaries differ from ICU's, at most a few. */
function mismatches(texts: Iterable<string>): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const mine = sentenceBreaks(text);
    if (mine === undefined) continue;
    for (const s of segmenters) if (icuBreaks(text, s).join() !== mine.join()) out.push(text);
    if (out.length >= 5) break;
  }
  return out;
}

/** Every character sentenceBreaks classifies. */
const covered: string[] = [];
for (let c = 0; c < 0xd800; c++) if (sentenceBreaks(String.fromCharCode(c)) !== undefined) covered.push(String.fromCharCode(c));
for (let c = 0xe000; c < 0x10000; c++) if (sentenceBreaks(String.fromCharCode(c)) !== undefined) covered.push(String.fromCharCode(c));

// Characters that decide most rules: terminators, closers, spaces, cases, digits, separators.
const CONTEXT = ['a', 'A', '1', '.', '?', '!', ' ', '"', ')', '\n', '\r', ',', ';', 'ب', '؟', '«', '»', '’', '\u064B', '\u200F', '\u2029', '\u00A0', '\u2026', '٣'];

describe('sentenceBreaks', () => {
  it('finds the boundaries ICU finds around every character it classifies', () => {
    function* texts(): Generator<string> {
      for (const x of covered) for (const a of CONTEXT) {
        yield `a.${x}${a}`;
        yield `a. ${x}${a}`;
        yield `${a}.${x} a`;
        yield `x? ${x}${a}`;
        yield `A${x}. ${a}x`;
      }
    }
    expect(mismatches(texts())).toEqual([]);
  });

  it('finds the boundaries ICU finds in random text', () => {
    let seed = 1;
    const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    function* texts(): Generator<string> {
      for (let i = 0; i < 20_000; i++) {
        let t = '';
        for (let j = 1 + random(40); j > 0; j--) t += random(4) === 0 ? covered[random(covered.length)] : CONTEXT[random(CONTEXT.length)];
        yield t;
      }
    }
    expect(mismatches(texts())).toEqual([]);
  });

  it('finds the boundaries ICU finds in the shipped articles', () => {
    const dir = new URL('../../content/', import.meta.url);
    const articles = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(new URL(f, dir), 'utf8'));
    expect(articles.every((t) => sentenceBreaks(t) !== undefined)).toBe(true);
    expect(mismatches(articles)).toEqual([]);
    // Longer than the buffers kept between calls, then short again.
    const long = Array.from({ length: 4 }, () => articles.join('\n')).join('\n');
    expect(long.length).toBeGreaterThan(1 << 16);
    expect(mismatches([long, ...articles])).toEqual([]);
  });

  it('leaves text with characters it does not classify to ICU', () => {
    expect(sentenceBreaks('Hello. 世界。')).toBeUndefined();
    expect(sentenceBreaks('Hi. 😀 There.')).toBeUndefined();
    expect(sentenceBreaks('One. Two.')).toEqual([5]);
  });
});
