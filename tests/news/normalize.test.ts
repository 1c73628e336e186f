import { describe, expect, it } from 'vitest';
import { normalizeArabic, normalizeForMatch, stripControls } from '../../src/news/normalize.ts';

describe('normalizeArabic', () => {
  it('folds alef forms, alef maqsura, ta marbuta and hamza seats', () => {
    expect(normalizeArabic('أإآٱا')).toBe('ااااا');
    expect(normalizeArabic('مصطفى')).toBe('مصطفي');
    expect(normalizeArabic('مدرسة')).toBe('مدرسه');
    expect(normalizeArabic('مسؤول سائل')).toBe('مسوول سايل');
  });

  it('removes diacritics and tatweel', () => {
    expect(normalizeArabic('إنَّ')).toBe('ان');
    expect(normalizeArabic('طرفًا')).toBe('طرفا');
    expect(normalizeArabic('جـــميل')).toBe('جميل');
  });

  it('turns Arabic-Indic digits into ASCII digits', () => {
    expect(normalizeArabic('٢٠٢٤ ۱۲')).toBe('2024 12');
  });
});

describe('normalizeForMatch', () => {
  it('drops bidi controls and lower-cases Latin', () => {
    expect(normalizeForMatch('\u202BTrump\u202C قال')).toBe('trump قال');
  });
});

describe('stripControls', () => {
  it('removes bidi overrides and C0 controls but keeps letters and newlines', () => {
    expect(stripControls('a\u202Eb\u2066c\u0007d\ne')).toBe('abcd\ne');
  });
});
