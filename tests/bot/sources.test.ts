import { beforeAll, describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/bot/render-plain.ts';
import { createRouter, type Router } from '../../src/bot/router.ts';
import type { BotServices } from '../../src/bot/types.ts';
import type { SourceStatus } from '../../src/news/store.ts';
import { realServices } from '../helpers/services.ts';

let services: BotServices;
let router: Router;
const statuses: SourceStatus[] = [
  { id: 'folder:content', kind: 'folder', name: 'content', state: 'ok', lastSuccessAt: Date.UTC(2026, 11, 3, 8, 0), items: 13 },
  { id: 'feed:a', kind: 'feed', name: 'Example News', url: 'https://news.example/rss', state: 'failing', lastSuccessAt: Date.UTC(2026, 11, 2, 9, 30), items: 2, lastError: 'https://news.example/rss: HTTP 503' },
  { id: 'feed:b', kind: 'feed', name: 'أخبار المثال', url: 'https://news.example/ar', state: 'gone', items: 0, lastError: 'HTTP 410 Gone' },
];

beforeAll(async () => {
  services = await realServices();
  services.sources = () => statuses;
  router = createRouter(services);
});

async function sources(locale: string): Promise<string> {
  const post = await router.handle({ platform: 'test', chatId: 'c', text: '/sources', chatType: 'private', locale });
  return renderPlain(post!);
}

describe('/sources', () => {
  it('lists the folder and each feed with its state, documents, last success and last error', async () => {
    const text = await sources('en');
    expect(text).toContain('Sources');
    expect(text).toMatch(/content — ok · 13 documents · last success 3 Dec 2026, 08:00/);
    expect(text).toMatch(/Example News.* — failing · 2 documents · last success 2 Dec 2026, 09:30 \(last error: https:\/\/news.example\/rss: HTTP 503\)/);
    expect(text).toMatch(/أخبار المثال.* — gone · 0 documents · never read yet \(last error: HTTP 410 Gone\)/);
  });

  it('speaks Arabic', async () => {
    const text = await sources('ar');
    expect(text).toContain('المصادر');
    expect(text).toContain('متعثرة · وثيقتان');
    expect(text).toContain('أُزيلت · لا وثائق · لم تُقرأ بعد');
    expect(text).toContain('تعمل · 13 وثيقة');
    expect(text).toContain('آخر خطأ: HTTP 410 Gone');
  });

  it('says so when there is no source', async () => {
    services.sources = () => [];
    expect(await sources('en')).toContain('No sources');
    services.sources = () => statuses;
  });
});
