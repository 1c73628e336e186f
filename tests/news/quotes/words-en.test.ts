// The English role and age rule: person nouns by their shape and their word lists, not literal strings.

import { describe, expect, it } from 'vitest';
import { AGE_NOUN, descriptionNoun, officeNoun, personNoun, personRole, speakerNoun } from '../../../src/news/quotes/words-en.ts';

describe('ages by their shape', () => {
  it.each(['31-year-old', '5-year-old', 'five-year-old', 'twenty-two-year-old', '18-month-old', 'six-week-old', '7-and-a-half-year-old', '40-years-old'])('%s is an age', (w) => {
    expect(AGE_NOUN.test(w)).toBe(true);
    expect(speakerNoun(w)).toBe(true);
    expect(personNoun(w)).toBe(true);
  });
  it.each(['year-old', 'old', 'five-year', 'well-known', 'year-long'])('%s is not an age', (w) => {
    expect(AGE_NOUN.test(w)).toBe(false);
  });
});

describe('person roles and descriptions', () => {
  it('a role phrase held by a person ends with an office, a description or an age', () => {
    expect(personRole('Labour MP')).toBe(true);
    expect(personRole('chief executive')).toBe(true);
    expect(personRole('the co-founder')).toBe(true);
    expect(personRole('the 19-year-old')).toBe(true);
    expect(personRole('the company')).toBe(false);
    expect(personRole('')).toBe(false);
  });
  it('an office noun is a lower-case definite phrase; a capitalized body is none', () => {
    expect(officeNoun('the minister')).toBe('minister');
    expect(officeNoun('the transport minister')).toBe('minister');
    expect(officeNoun('the Scottish Executive')).toBeUndefined();
    expect(officeNoun('the company')).toBeUndefined();
  });
  it('a description stands for a person: a deed, a trade or an age, with modifiers', () => {
    expect(descriptionNoun('the world indoor champion')).toBe(true);
    expect(descriptionNoun('the 23-year-old Brazilian midfielder')).toBe(true);
    expect(descriptionNoun('the fifteen-year-old')).toBe(true);
    expect(descriptionNoun('the minister')).toBe(false);
    expect(descriptionNoun('the report')).toBe(false);
    expect(descriptionNoun('the retired postwoman')).toBe(true);
    expect(descriptionNoun('the 45-year-old mother of two')).toBe(true);
    expect(descriptionNoun('the keen gardener')).toBe(true);
    expect(descriptionNoun('the paper')).toBe(false);
    expect(descriptionNoun('the letter')).toBe(false);
  });
});
