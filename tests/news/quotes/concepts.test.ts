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
});
