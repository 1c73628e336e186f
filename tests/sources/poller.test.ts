import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedId } from '../../src/sources/index.ts';
import { atom, harbour, jsonFeed, library, libraryAr, marketAr, railPage, railTeaser, rdf, rss, waterPageAr, waterTeaserAr, type Entry } from '../fakes/feed-fixtures.ts';
import { startFeedServer, type FeedServer } from '../fakes/feed-server.ts';
import { sourcesConfig, startHarness, tempDir, type Harness } from './helpers.ts';

let server: FeedServer;
let harness: Harness | undefined;

beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await server.close();
});

function byTitle(h: Harness, title: string) {
  return h.recorder.docs().find((d) => d.title === title);
}

describe('feed poller: formats, first poll, new items', () => {
  it('reads RSS, Atom, RDF and JSON feeds; the first poll is stored without announcing, a later item is announced', async () => {
    server.routes.set('/en.rss', { body: rss('Example News', [harbour, library]) });
    server.routes.set('/ar.atom', { body: atom('أخبار المثال', [libraryAr]), contentType: 'application/atom+xml' });
    server.routes.set('/en.rdf', { body: rdf('Example RDF', [{ ...library, link: 'https://news.example/rdf/library' }]), contentType: 'application/rdf+xml' });
    server.routes.set('/ar.json', { body: jsonFeed('أسواق', [marketAr], 'ar'), contentType: 'application/feed+json' });
    const feeds = ['/en.rss', '/ar.atom', '/en.rdf', '/ar.json'].map((p) => ({ url: `${server.url}${p}`, interval: 600, fetchArticle: false as const }));
    feeds[0] = { ...feeds[0]!, name: 'Example News', tags: ['local'] } as (typeof feeds)[number];
    harness = await startHarness(tempDir(), sourcesConfig(feeds));

    expect(harness.recorder.calls.every((c) => c.announce === false)).toBe(true);
    expect(harness.recorder.docs().map((d) => d.title).sort()).toEqual([harbour.title, library.title, library.title, libraryAr.title, marketAr.title].sort());

    const doc = byTitle(harness, harbour.title)!;
    expect(doc.source).toBe('Example News');
    expect(doc.url).toBe('https://news.example/en/harbour-reopens');
    expect(doc.author).toBe('Dana Reyes');
    expect(doc.date.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(doc.tags).toEqual(['local']);
    expect(doc.sourceId).toBe(`feed:${feedId(feeds[0]!.url)}`);
    expect(doc.text).toContain('"We expect the first container ships back by Friday," Marsh said.');
    expect(doc.text.split('\n\n')).toHaveLength(3);
    const ar = byTitle(harness, libraryAr.title)!;
    expect(ar.lang).toBe('ar');
    expect(ar.source).toBe('أخبار المثال');
    expect(byTitle(harness, marketAr.title)!.lang).toBe('ar');

    // A new item: only it is ingested, and announced.
    const fresh: Entry = { title: 'Ferry fares frozen for winter', guid: 'urn:example:en:ferry', link: 'https://news.example/en/ferry', date: '2026-12-02T08:00:00Z', body: 'Ferry fares will not rise this winter, the operator said. "Families rely on these crossings," a spokesman said. The freeze lasts until March.' };
    server.routes.set('/en.rss', { body: rss('Example News', [fresh, harbour, library]) });
    harness.recorder.calls.length = 0;
    await harness.pollAll();
    expect(harness.recorder.calls).toHaveLength(1);
    expect(harness.recorder.calls[0]!.announce).toBe(true);
    expect(harness.recorder.calls[0]!.docs.map((d) => d.title)).toEqual([fresh.title]);

    const status = harness.sources.status();
    expect(status).toHaveLength(4);
    const en = status.find((s) => s.name === 'Example News')!;
    expect(en).toMatchObject({ kind: 'feed', state: 'ok', items: 3 });
    expect(en.lastSuccessAt).toBeGreaterThan(Date.now() - 60_000);
  });

  it('sends ETag and Last-Modified back; 304 and an unchanged body ingest nothing', async () => {
    server.routes.set('/feed', { body: rss('News', [harbour]), etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' });
    harness = await startHarness(tempDir(), sourcesConfig([{ url: `${server.url}/feed`, fetchArticle: false }]));
    expect(harness.recorder.docs()).toHaveLength(1);
    await harness.pollAll();
    const last = server.requests.at(-1)!;
    expect(last.ifNoneMatch).toBe('"v1"');
    expect(last.ifModifiedSince).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
    expect(harness.recorder.calls).toHaveLength(1);

    // Same body, no validators: hashed, not parsed again.
    server.routes.set('/feed', { body: rss('News', [harbour]) });
    await harness.pollAll();
    await harness.pollAll();
    expect(harness.recorder.calls).toHaveLength(1);
    expect(harness.sources.status()[0]!.state).toBe('ok');
  });

  it('a restart makes no old item new, even when the feed reorders items and changes tracking parameters', async () => {
    const dir = tempDir();
    const url = `${server.url}/feed`;
    server.routes.set('/feed', { body: rss('News', [harbour, library]) });
    harness = await startHarness(dir, sourcesConfig([{ url, fetchArticle: false }]));
    const ids = harness.recorder.docs().map((d) => d.id).sort();
    await harness.close();

    server.routes.set('/feed', { body: rss('News', [{ ...library, link: `${library.link}?utm_campaign=x&fbclid=abc` }, harbour]) });
    harness = await startHarness(dir, sourcesConfig([{ url, fetchArticle: false }]));
    expect(harness.recorder.calls).toEqual([]);
    expect(server.count('/feed')).toBe(2);
    expect(harness.sources.status()[0]).toMatchObject({ state: 'ok', items: 2 });

    // After the restart a new item is announced, with a stable id scheme.
    server.routes.set('/feed', { body: rss('News', [{ ...harbour, guid: 'urn:example:en:harbour-2', link: 'https://news.example/en/harbour-2', title: 'Harbour: first ships return' }, harbour, library]) });
    await harness.pollAll();
    expect(harness.recorder.calls).toHaveLength(1);
    expect(harness.recorder.calls[0]!.announce).toBe(true);
    expect(ids.every((id) => id.startsWith(`feed-${feedId(url)}-`))).toBe(true);
  });

  it('a guid that repeats within the feed is not an identity: the link is used', async () => {
    const a = { ...harbour, guid: 'same' };
    const b = { ...library, guid: 'same' };
    server.routes.set('/feed', { body: rss('News', [a, b]) });
    harness = await startHarness(tempDir(), sourcesConfig([{ url: `${server.url}/feed`, fetchArticle: false }]));
    const docs = harness.recorder.docs();
    expect(docs).toHaveLength(2);
    expect(new Set(docs.map((d) => d.id)).size).toBe(2);
  });
});

describe('feed poller: article pages', () => {
  it('fetches the page behind a teaser and keeps its text, author, date and canonical URL (English and Arabic right-to-left)', async () => {
    server.routes.set('/articles/rail-timetable', { body: railPage, contentType: 'text/html; charset=utf-8' });
    server.routes.set('/articles/tahlia', { body: waterPageAr, contentType: 'text/html' });
    const abs = (e: Entry) => ({ ...e, link: `${server.url}${e.link}` });
    // The rail item's link is a path: it is resolved against the feed's address.
    server.routes.set('/feed', { body: rss('News', [railTeaser, abs(waterTeaserAr), harbour]) });
    harness = await startHarness(tempDir(), sourcesConfig([{ url: `${server.url}/feed` }]));

    const rail = byTitle(harness, railTeaser.title)!;
    expect(rail.text).toContain('"Commuters told us the first train left too late for the morning shift at the hospital," operations manager Lucy Chen said.');
    expect(rail.text).not.toContain('All rights reserved');
    expect(rail.author).toBe('Priya Shah');
    expect(rail.url).toBe(`${server.url}/articles/rail-timetable`);
    expect(rail.canonicalUrl).toBe('https://news.example/en/rail-timetable');
    const water = byTitle(harness, waterTeaserAr.title)!;
    expect(water.lang).toBe('ar');
    expect(water.text).toContain('«ستوفر المحطات الجديدة مياه الشرب لمليون شخص إضافي بحلول عام 2030»');
    expect(water.author).toBe('ريم العلي');
    expect(water.canonicalUrl).toBe('https://news.example/ar/tahlia');
    // A full item is not fetched again as a page.
    expect(server.count('/en/harbour-reopens')).toBe(0);
    expect(server.count('/articles/rail-timetable')).toBe(1);
  });

  it('keeps the teaser when the page cannot be fetched, and never fetches when fetchArticle is false', async () => {
    server.routes.set('/feed', { body: rss('News', [{ ...railTeaser, link: `${server.url}/articles/missing` }]) });
    server.routes.set('/other', { body: rss('Other', [{ ...railTeaser, guid: 'other', link: `${server.url}/articles/rail-timetable` }]) });
    server.routes.set('/articles/rail-timetable', { body: railPage, contentType: 'text/html' });
    harness = await startHarness(tempDir(), sourcesConfig([{ url: `${server.url}/feed` }, { url: `${server.url}/other`, fetchArticle: false }]));
    const docs = harness.recorder.docs();
    expect(docs.map((d) => d.text)).toEqual([railTeaser.body, railTeaser.body]);
    expect(server.count('/articles/rail-timetable')).toBe(0);
    expect(harness.sources.status().every((s) => s.state === 'ok')).toBe(true);
  });
});

describe('feed poller: charsets', () => {
  it('decodes a windows-1256 Arabic feed from the Content-Type charset and from the XML declaration', async () => {
    const xml = rss('أخبار الأسواق', [marketAr], 'ar').replace('encoding="UTF-8"', 'encoding="windows-1256"');
    server.routes.set('/header', { body: iconv.encode(xml.replace('encoding="windows-1256"', ''), 'win1256'), contentType: 'application/rss+xml; charset=windows-1256' });
    server.routes.set('/declared', { body: iconv.encode(xml.replace(marketAr.guid!, 'other-guid').replace(marketAr.link!, `${marketAr.link}-2`), 'win1256'), contentType: 'application/rss+xml' });
    harness = await startHarness(tempDir(), sourcesConfig([{ url: `${server.url}/header` }, { url: `${server.url}/declared` }]));
    const docs = harness.recorder.docs();
    expect(docs).toHaveLength(2);
    for (const doc of docs) {
      expect(doc.title).toBe(marketAr.title);
      expect(doc.text).toContain('«الطماطم تضاعف سعرها خلال أيام قليلة»');
      expect(doc.source).toBe('أخبار الأسواق');
    }
  });
});

describe('feed poller: feeds added and removed while it runs', () => {
  it('polls a feed added by the command line within seconds, and forgets a removed one with its documents', async () => {
    const { createSources, feedSpec } = await import('../../src/sources/index.ts');
    const { openTestStorage } = await import('../helpers/storage.ts');
    const { feedEntry } = await import('../../src/config.ts');
    const { ingestRecorder } = await import('./helpers.ts');
    const { memoryLogger } = await import('../helpers/services.ts');
    server.routes.set('/later', { body: rss('Later', [harbour]) });
    const storage = await openTestStorage({ dataDir: tempDir() });
    const recorder = ingestRecorder();
    const forgotten: string[] = [];
    const sources = createSources({ db: storage.db, config: sourcesConfig([]), ingest: recorder.ingest, log: memoryLogger(), tickMs: 50, refreshMs: 100, forget: (id) => void forgotten.push(id), storedSources: () => ['feed:old0000000', 'folder:content'] });
    try {
      await sources.start();
      // A document of a feed that no longer exists is forgotten at start; folder documents are not.
      expect(forgotten).toEqual(['feed:old0000000']);
      const spec = feedSpec(feedEntry.parse({ url: `${server.url}/later`, interval: 1 }));
      await sources.repo.upsert(spec, 'cli', Date.now());
      for (let i = 0; i < 50 && recorder.docs().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(recorder.docs().map((d) => d.title)).toEqual([harbour.title]);
      await sources.repo.remove(spec.id);
      for (let i = 0; i < 50 && forgotten.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      expect(forgotten).toEqual(['feed:old0000000', `feed:${spec.id}`]);
      expect(sources.status()).toEqual([]);
    } finally {
      await sources.stop();
      await storage.close();
    }
  });
});
