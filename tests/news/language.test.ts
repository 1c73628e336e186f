import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/news/language.ts';

describe('detectLanguage', () => {
  it('detects Arabic even with Latin names inside', () => {
    expect(detectLanguage('قال المتحدث باسم وزارة الخارجية الصينية Guo Jiakun إن العلاقة قوية')).toBe('ar');
  });
  it('detects English', () => {
    expect(detectLanguage('Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.')).toBe('en');
  });
  it('degrades to other for unsupported languages and symbols', () => {
    expect(detectLanguage('Der Gewinn des Unternehmens stieg im vierten Quartal deutlich an, teilte der Konzern mit.')).toBe('other');
    expect(detectLanguage('12345 !!! ...')).toBe('other');
  });
});
