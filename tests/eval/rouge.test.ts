import { describe, expect, it } from 'vitest';
import { lcsLength, porterLite, rouge, rougeL, rougeN, rougeTokens } from '../../src/eval/rouge.ts';

describe('rougeTokens', () => {
  it('lower-cases and keeps [a-z0-9]+ runs', () => {
    expect(rougeTokens("Hello, WORLD! It's 42x £5.")).toEqual(['hello', 'world', 'it', 's', '42x', '5']);
  });

  it('stems only when asked', () => {
    expect(rougeTokens('Cats running')).toEqual(['cats', 'running']);
    expect(rougeTokens('Cats running', { stem: true })).toEqual(['cat', 'run']);
  });
});

describe('porterLite', () => {
  it('handles plurals, -ed and -ing', () => {
    expect(porterLite('ponies')).toBe('poni');
    expect(porterLite('caresses')).toBe('caress');
    expect(porterLite('agreed')).toBe('agree');
    expect(porterLite('hoping')).toBe('hope');
    expect(porterLite('hopping')).toBe('hop');
    expect(porterLite('sing')).toBe('sing');
    expect(porterLite('2005s')).toBe('2005s');
  });
});

describe('ROUGE-N', () => {
  // c = the cat sat on the mat, r = the cat was on the mat (6 tokens each)
  const c = 'the cat sat on the mat';
  const r = 'the cat was on the mat';

  it('ROUGE-1: 5 of 6 unigrams shared on each side', () => {
    expect(rougeN(c, r, 1)).toBeCloseTo((100 * 5) / 6, 10);
  });

  it('ROUGE-2: "the cat", "on the", "the mat" shared, of 5 bigrams each', () => {
    expect(rougeN(c, r, 2)).toBeCloseTo(60, 10);
  });

  it('clips repeated n-grams to the reference count', () => {
    // overlap min(3, 1) = 1, P = 1/3, R = 1/2, F = 2 * (1/6) / (5/6) = 0.4
    expect(rougeN('the the the', 'the cat', 1)).toBeCloseTo(40, 10);
  });

  it('is 100 for identical texts and 0 without tokens', () => {
    expect(rougeN(r, r, 2)).toBe(100);
    expect(rougeN('', r, 1)).toBe(0);
    expect(rougeN(r, '...', 1)).toBe(0);
    expect(rougeN('one', 'one', 2)).toBe(0);
  });

  it('ignores case and punctuation', () => {
    expect(rougeN('The CAT, sat.', 'the cat sat', 2)).toBe(100);
  });
});

describe('ROUGE-L', () => {
  it('LCS of single sentences', () => {
    expect(lcsLength(['the', 'cat', 'sat', 'on', 'the', 'mat'], ['the', 'cat', 'was', 'on', 'the', 'mat'])).toBe(5);
    expect(rougeL('the cat sat on the mat', 'the cat was on the mat')).toBeCloseTo((100 * 5) / 6, 10);
    // LCS("b a", "a b") = 1: P = R = 1/2
    expect(rougeL('b a', 'a b')).toBeCloseTo(50, 10);
  });

  it('summary-level union LCS (Lin 2004, section 3.2)', () => {
    // r = w1..w5; c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5.
    // LCS(r, c1) = w1 w2, LCS(r, c2) = w1 w3 w5, union = w1 w2 w3 w5: 4 hits.
    // R = 4/5, P = 4/10, F = 2 * 0.32 / 1.2 = 0.5333...
    const reference = 'w1 w2 w3 w4 w5';
    const candidate = 'w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5';
    expect(rougeL(candidate, reference)).toBeCloseTo((100 * 8) / 15, 10);
  });

  it('does not depend on the order of whole sentences', () => {
    const reference = 'the bank raised rates\nshares fell sharply';
    expect(rougeL('shares fell sharply\nthe bank raised rates', reference)).toBe(100);
  });
});

describe('rouge', () => {
  it('returns all three scores', () => {
    const s = rouge('the cat sat on the mat', 'the cat was on the mat');
    expect(s.rouge1).toBeCloseTo((100 * 5) / 6, 10);
    expect(s.rouge2).toBeCloseTo(60, 10);
    expect(s.rougeL).toBeCloseTo((100 * 5) / 6, 10);
  });
});
