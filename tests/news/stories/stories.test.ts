import { describe, expect, it } from 'vitest';
import { rewrite } from '../../../src/eval/stories.ts';
import { loadSummaryCases } from '../../../src/eval/summary.ts';
import { canonicalLink, createStoryIndex } from '../../../src/news/stories/index.ts';
import type { Brief } from '../../../src/news/types.ts';

function brief(id: string, title: string, text: string, date = '2025-03-01T10:00:00Z', url?: string): Brief {
  return { doc: { id, file: `${id}.txt`, title, text, date: new Date(date), lang: 'en', tags: [], ...(url ? { url } : {}) }, sentences: [], summary: [], quotes: [] };
}

// Articles from the tuning half of the BBC set only: the held-out half stays unseen.
const cases = loadSummaryCases().filter((c) => c.half === 'tune');
const business = cases.filter((c) => c.topic === 'business').slice(0, 6);

describe('stories', () => {
  it('merges a rewritten copy (reordered, trimmed, reworded, retitled) with its original', () => {
    const index = createStoryIndex();
    business.forEach((c, i) => {
      const text = c.sentences.map((s) => s.text);
      index.add(brief(`orig-${i}`, c.title, text.join(' ')));
      const copy = rewrite(c.title, text, 7 + i);
      index.add(brief(`copy-${i}`, copy.title, copy.text, '2025-03-02T08:00:00Z'));
    });
    for (let i = 0; i < business.length; i++) {
      expect(index.storyOf(`copy-${i}`)).toEqual({ id: `orig-${i}`, members: [`copy-${i}`, `orig-${i}`] });
    }
  });

  it('does not merge different stories that share a topic, nor copies outside the window of days', () => {
    const index = createStoryIndex();
    business.forEach((c, i) => index.add(brief(`b-${i}`, c.title, c.sentences.map((s) => s.text).join(' '))));
    for (let i = 0; i < business.length; i++) expect(index.storyOf(`b-${i}`)?.members).toEqual([`b-${i}`]);
    const c = business[0]!;
    index.add(brief('late', c.title, c.sentences.map((s) => s.text).join(' '), '2025-03-20T00:00:00Z'));
    expect(index.storyOf('late')?.members).toEqual(['late']);
  });

  it('merges the same canonical link whatever the text, ignoring tracking parameters', () => {
    expect(canonicalLink('https://www.Example.com/news/1/?utm_source=x&id=2#top')).toBe('example.com/news/1?id=2');
    const index = createStoryIndex();
    index.add(brief('a', 'One', 'First wording of the report.', '2025-03-01T00:00:00Z', 'https://example.com/news/1'));
    index.add(brief('b', 'Two', 'Entirely different words here.', '2025-03-01T05:00:00Z', 'http://www.example.com/news/1/?utm_medium=rss'));
    expect(index.storyOf('b')?.id).toBe('a');
  });

  it('keeps the story when its first document is removed, headed by the next earliest', () => {
    const index = createStoryIndex();
    const c = business[1]!;
    const text = c.sentences.map((s) => s.text);
    index.add(brief('x1', c.title, text.join(' '), '2025-03-01T00:00:00Z'));
    index.add(brief('x2', c.title, rewrite(c.title, text, 3).text, '2025-03-01T06:00:00Z'));
    index.add(brief('x3', c.title, rewrite(c.title, text, 4).text, '2025-03-01T09:00:00Z'));
    expect(index.storyOf('x3')).toEqual({ id: 'x1', members: ['x3', 'x2', 'x1'] });
    index.remove('x1');
    expect(index.storyOf('x3')).toEqual({ id: 'x2', members: ['x3', 'x2'] });
    expect(index.storyIdOf('x2')).toBe('x2');
    expect(index.size()).toBe(2);
  });
});
