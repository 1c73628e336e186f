import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/news/sentences.ts';

const texts = (t: string, lang: 'ar' | 'en' = 'en') => splitSentences(t, lang).map((s) => s.text);

describe('splitSentences', () => {
  it('does not split after titles and abbreviations', () => {
    expect(texts('Mr. Blair met Dr. Smith at 3 p.m. today. They talked.')).toEqual(['Mr. Blair met Dr. Smith at 3 p.m. today.', 'They talked.']);
    expect(texts('The U.S. Senate voted. It passed.')).toEqual(['The U.S. Senate voted.', 'It passed.']);
    expect(texts('قال د. أحمد إن الوضع صعب. ثم غادر.', 'ar')).toEqual(['قال د. أحمد إن الوضع صعب.', 'ثم غادر.']);
  });

  it('keeps a quotation that spans sentences in one sentence', () => {
    expect(texts('وأضاف: «هذا أمر مهم. لن نتراجع». ثم غادر.', 'ar')).toEqual(['وأضاف: «هذا أمر مهم. لن نتراجع».', 'ثم غادر.']);
    expect(texts('He said: "We will win. They will lose." He left.')).toEqual(['He said: "We will win. They will lose."', 'He left.']);
    expect(texts('قال: “نعم. لا”. انتهى.', 'ar')).toEqual(['قال: “نعم. لا”.', 'انتهى.']);
  });

  it('treats line breaks as boundaries and reports offsets into the text', () => {
    const text = 'First line\n\nSecond one. Third one?\nهل هذا صحيح؟ نعم!';
    const sentences = splitSentences(text, 'ar');
    expect(sentences.map((s) => s.text)).toEqual(['First line', 'Second one.', 'Third one?', 'هل هذا صحيح؟', 'نعم!']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('splits the Arabic seed article into its 16 lines', () => {
    const seed = fs.readFileSync(new URL('../../content/000_242677af3c996c0f.txt', import.meta.url), 'utf8');
    expect(splitSentences(seed, 'ar')).toHaveLength(16);
  });

  it('does not hang on an unbalanced quotation mark', () => {
    const text = `He said "yes. ${'It rained. '.repeat(5000)}`;
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(20);
    expect(Math.max(...sentences.map((s) => s.text.length))).toBeLessThan(1600);
  });
});
