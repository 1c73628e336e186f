import { describe, expect, it } from 'vitest';
import type { Post } from '../../src/bot/post.ts';
import { createRouter } from '../../src/bot/router.ts';
import type { BotServices } from '../../src/bot/types.ts';
import { digestPosts } from '../../src/briefings/digest.ts';
import { createNewsStore } from '../../src/news/store.ts';
import type { NewsDocument } from '../../src/news/types.ts';
import { memoryLogger } from '../helpers/services.ts';

const item: NewsDocument = {
  id: 'feed-wire-1', file: '', sourceId: 'feed:wire', source: 'Wire News', url: 'https://news.example/port-strike',
  title: 'Port workers end strike', lang: 'en', tags: [], date: new Date('2025-03-04T09:00:00Z'),
  text: 'Port workers ended a two-week strike on Friday. "We got what we asked for," said union leader Maria Lopez. Ships will dock again on Monday.',
};
// A page with only its canonical address: no source name, no link of its own.
const { source: _source, url: _url, ...bare } = item;
const page: NewsDocument = { ...bare, id: 'page-1', sourceId: 'folder:content', canonicalUrl: 'https://paper.example/bridge', title: 'Bridge opens', date: new Date('2025-03-03T09:00:00Z') };

/** Every link in a post, as [text, address]. */
function links(post: Post | null | undefined): [string, string][] {
  const out: [string, string][] = [];
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.link === 'string' && typeof o.text === 'string') out.push([o.text, o.link]);
      Object.values(o).forEach(visit);
    }
  };
  visit(post);
  return out;
}

describe('where a document came from', () => {
  it('is linked in /summary, /list, /quotes and digests', async () => {
    const store = await createNewsStore({ summarySentences: 2, log: memoryLogger() });
    await store.ingest([item, page]);
    const services: BotServices = { library: () => store.library(), speakers: () => store.speakers(), settings: { summarySentences: 2, pageSize: 10, timeZone: 'UTC', defaultLang: 'en' }, log: memoryLogger() };
    const router = createRouter(services);
    const ask = (text: string) => router.handle({ platform: 'test', chatId: 'c', text, chatType: 'private' });
    const wire: [string, string] = ['Wire News', 'https://news.example/port-strike'];
    expect(links(await ask('/summary 1'))).toContainEqual(wire);
    expect(links(await ask('/summary 2'))).toContainEqual(['Source', 'https://paper.example/bridge']);
    expect(links(await ask('/list'))).toEqual(expect.arrayContaining([wire, ['Source', 'https://paper.example/bridge']]));
    expect(links(await ask('/quotes Lopez'))).toContainEqual(wire);
    const digest = digestPosts({ lang: 'ar', zone: 'UTC', since: 0, topics: [], documents: [store.library().byId(item.id)!], maxDocuments: 5 });
    expect(links(digest[0])).toContainEqual(wire);
  });
});
