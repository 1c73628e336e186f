import { describe, expect, it } from 'vitest';
import { questionConcepts } from '../../../src/news/quotes/concepts.ts';
import { buildGazetteer } from '../../../src/news/quotes/gazetteer.ts';
import { buildGlossary } from '../../../src/news/quotes/glossary.ts';

const glossary = buildGlossary([{ en: 'plan', ar: ['خطة', 'خطط'] }]);
const gazetteer = buildGazetteer([]);
const heads = (q: string): string[] => questionConcepts(q, [], glossary, gazetteer).map((c) => c.alts[0]!.terms.join(' '));

describe('the concepts of a question', () => {
  it('drops function words that carry a clitic: بأنها، كله، لدينا، إليه، عنه، بذلك، لكنه', () => {
    expect(heads('وصف الوزير الخطة بأنها فاشلة كلها')).toEqual(heads('وصف الوزير الخطة فاشلة'));
    expect(heads('لدينا إليه عنه بذلك لكنه بهذا لأنها')).toEqual([]);
  });

  it('keeps content words that merely start or end like one: بلدية، كلفة، عنبر، يومي', () => {
    expect(heads('بلدية كلفة عنبر يومي')).toHaveLength(4);
  });

  it('counts a word said twice once, and drops the particles of exception and degree: إلا، فقط، جدا', () => {
    expect(heads('لم يغضب كما يغضب اليوم')).toEqual(heads('لم يغضب اليوم'));
    expect(heads('لن يعود إلا مضطرا فقط')).toEqual(heads('لن يعود مضطرا'));
  });

  it('meets a short imperfect verb in the other persons: يرى with نرى and أرى', () => {
    const [see] = questionConcepts('يرى', [], glossary, gazetteer);
    const terms = see!.alts.map((a) => a.terms.join(' '));
    expect(terms).toEqual(expect.arrayContaining(['نري', 'اري', 'تري']));
    // A longer word is left to its loose form, and a word without a person prefix gets none.
    expect(questionConcepts('بيت', [], glossary, gazetteer)[0]!.alts).toHaveLength(2);
  });
});
