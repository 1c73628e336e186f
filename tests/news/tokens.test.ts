import { describe, expect, it } from 'vitest';
import { stemEnglish, stripProclitics, terms, words } from '../../src/news/tokens.ts';

describe('tokens', () => {
  it('strips Arabic proclitics for matching', () => {
    expect(stripProclitics('والصين')).toBe('صين');
    expect(stripProclitics('بالحوار')).toBe('حوار');
    expect(stripProclitics('للسلام')).toBe('سلام');
    expect(stripProclitics('وقال')).toBe('قال');
    // Short words keep their letters: the "و" of a three-letter word is part of it.
    expect(stripProclitics('وزن')).toBe('وزن');
  });

  it('normalizes before splitting words', () => {
    expect(words('إنّ «الحوارَ» هو الحل')).toEqual(['ان', 'الحوار', 'هو', 'الحل']);
  });

  it('drops Arabic and English stopwords and stems content words', () => {
    expect(terms('The profits of the companies were rising')).toEqual(['profit', 'company', 'ris']);
    expect(terms('قال إن الحوار في الصين')).toEqual(['حوار', 'صين']);
  });

  it('stems plural and verb forms together', () => {
    expect(stemEnglish('talks')).toBe(stemEnglish('talk'));
    expect(stemEnglish('companies')).toBe('company');
  });
});
