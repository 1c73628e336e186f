import { describe, expect, it } from 'vitest';
import { arabicCore, englishLemma, stemKeepingInitial, wordForms } from '../../../src/news/quotes/forms.ts';
import { stem, words } from '../../../src/news/tokens.ts';

const loose = (w: string): string => wordForms(words(w)[0]!)[1];

describe('the loose forms of who-said-what search', () => {
  it('meets a nisba adverb or accusative with its noun: يوميًا/اليوم, سنويًا/السنوي, جامعيًا/الجامعة', () => {
    expect(loose('يوميًا')).toBe(loose('يوم'));
    expect(loose('سنويًا')).toBe(loose('السنوي'));
    expect(loose('جامعيًا')).toBe(loose('الجامعة'));
    expect(loose('رسميًا')).toBe(loose('الرسمي'));
  });

  it('keeps the other rules: future and imperfect prefixes, plurals, short nouns', () => {
    expect(arabicCore(stem('ستستمر'))).toBe(arabicCore(stem('يستمر')));
    expect(arabicCore(stem('حسابات'))).toBe('حساب');
    expect(arabicCore('دنيا')).toBe('دنيا');
  });

  it('meets a future verb of any person with its imperfect, and a past plural with its root: ستطعن/يطعن, نزحوا/نزح', () => {
    expect(loose('ستطعن')).toBe(loose('يطعن'));
    expect(loose('سنطعن')).toBe(loose('سيطعن'));
    expect(loose('ستقاطع')).toBe(loose('سيقاطع'));
    expect(loose('نزحوا')).toBe('~نزح');
    // A four-letter noun keeps its first letter: نظام is no ن + ظام, and يوما meets يوم.
    expect(loose('نظام')).toBe('~نظام');
    expect(loose('يوما')).toBe(loose('يوم'));
  });

  it('keeps the ت of a تفعيل verbal noun, so it does not meet the adjective of its letters: تقديم/قديم', () => {
    expect(loose('تقديم')).not.toBe(loose('قديم'));
    expect(loose('تسليم')).not.toBe(loose('سليم'));
    // An imperfect keeps meeting its future: تستمر/ستستمر.
    expect(loose('تستمر')).toBe(loose('ستستمر'));
  });

  it('takes an irregular English verb form to its base: won/win, fled/flees, grown/growing', () => {
    const lemma = (w: string): string => englishLemma(stem(w));
    expect(lemma('won')).toBe(lemma('win'));
    expect(lemma('fled')).toBe(lemma('flees'));
    expect(lemma('grown')).toBe(lemma('growing'));
    expect(lemma('sought')).toBe(lemma('seeking'));
  });

  it('gives the stem a word with a root و or ف has after the article', () => {
    expect(stemKeepingInitial(words('وظائف')[0]!)).toBe(stem(words('الوظائف')[0]!));
    expect(stemKeepingInitial(words('فرص')[0]!)).toBeUndefined();
    expect(stemKeepingInitial(words('والحكومة')[0]!)).toBeUndefined();
    expect(stemKeepingInitial(words('الوزير')[0]!)).toBeUndefined();
  });
});
