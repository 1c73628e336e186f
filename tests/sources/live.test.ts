import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { DocumentsEvent } from '../../src/news/store.ts';
import { harbour, library, libraryAr, rss, waterPageAr, waterTeaserAr } from '../fakes/feed-fixtures.ts';
import { startFeedServer, type FeedServer } from '../fakes/feed-server.ts';
import { memoryLogger, repoRoot } from '../helpers/services.ts';
import { tempDir } from './helpers.ts';

let server: FeedServer;
let app: App | undefined;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await server.close();
});

interface Console {
  input: PassThrough;
  out: () => string;
}

async function start(dataDir: string, contentDir: string): Promise<Console> {
  const file = path.join(dataDir, 'newsbot.json');
  fs.writeFileSync(file, JSON.stringify({ sources: { feeds: [{ url: `${server.url}/en.rss`, name: 'Example News', interval: 1 }, { url: `${server.url}/ar.rss`, name: 'أخبار المثال', interval: 1 }] } }));
  const config = loadConfig({ NEWSBOT_CONFIG: file, NEWSBOT_CONTENT_DIR: contentDir, NEWSBOT_DATA_DIR: dataDir, TELEGRAM_BOT_TOKEN: '', DISCORD_BOT_TOKEN: '' }, repoRoot);
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d) => (out += String(d)));
  app = await startApp(config, memoryLogger(), { console: true, input, output });
  return { input, out: () => out };
}

/** Sends `message` until the reply satisfies `ok`. */
async function askUntil(c: Console, message: string, ok: (text: string) => boolean): Promise<string> {
  let text = '';
  for (let i = 0; i < 80; i++) {
    const from = c.out().length;
    c.input.write(`${message}\n`);
    await new Promise((r) => setTimeout(r, 150));
    text = c.out().slice(from);
    if (ok(text)) return text;
  }
  throw new Error(`no reply to ${message} satisfied the test; last:\n${text.slice(-600)}`);
}

describe('a running bot follows its feeds', () => {
  it('sees a new feed item and quotes it without a restart; a restart makes no old item new', async () => {
    const dataDir = tempDir();
    const contentDir = tempDir();
    const teaser = { ...waterTeaserAr, link: `${server.url}${waterTeaserAr.link}` };
    server.routes.set('/en.rss', { body: rss('Example News', [library]) });
    server.routes.set('/ar.rss', { body: rss('أخبار المثال', [libraryAr, teaser], 'ar') });
    server.routes.set('/articles/tahlia', { body: waterPageAr, contentType: 'text/html; charset=utf-8' });
    let c = await start(dataDir, contentDir);

    const listed = await askUntil(c, '/list', (t) => t.includes(library.title) && t.includes(libraryAr.title) && t.includes(waterTeaserAr.title));
    expect(listed).toContain('Example News');
    // The Arabic teaser was read from its page: its minister's quote is there.
    await askUntil(c, 'من قال ستوفر المحطات الجديدة مياه الشرب', (t) => t.includes('— ليلى منصور') && t.includes('ستوفر المحطات الجديدة مياه الشرب لمليون شخص إضافي بحلول عام 2030'));
    const firstPoll = app!.store.library().briefs.map((b) => b.doc.id);
    expect(firstPoll.every((id) => app!.store.firstSeen(id)?.announce === false)).toBe(true);

    server.routes.set('/en.rss', { body: rss('Example News', [harbour, library]) });
    const quoted = await askUntil(c, '/who Marsh', (t) => t.includes('We expect the first container ships back by Friday'));
    expect(quoted).toContain(harbour.title);
    const fresh = app!.store.library().briefs.find((b) => b.doc.title === harbour.title)!;
    expect(app!.store.firstSeen(fresh.doc.id)?.announce).toBe(true);
    expect(fresh.doc).toMatchObject({ source: 'Example News', url: 'https://news.example/en/harbour-reopens', sourceId: expect.stringMatching(/^feed:/) });

    const sources = await askUntil(c, '/sources', (t) => t.includes('Example News') && t.includes('2 documents'));
    expect(sources).toMatch(/Example News.*ok · 2 documents · last success/);
    await app!.stop();
    app = undefined;

    // Restart: the feed reorders its items and adds tracking parameters; nothing is new.
    server.routes.set('/en.rss', { body: rss('Example News', [{ ...library, link: `${library.link}?utm_source=x` }, harbour]) });
    const before = server.count('/en.rss');
    c = await start(dataDir, contentDir);
    const events: DocumentsEvent[] = [];
    app!.store.onDocuments((e) => events.push(e));
    for (let i = 0; i < 50 && server.count('/en.rss') < before + 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(server.count('/en.rss')).toBeGreaterThanOrEqual(before + 2);
    expect(events.filter((e) => e.added.length || e.changed.length)).toEqual([]);
    expect(app!.store.library().briefs.map((b) => b.doc.id).sort()).toEqual([...firstPoll, fresh.doc.id].sort());
    await askUntil(c, '/who Marsh', (t) => t.includes('We expect the first container ships back by Friday'));
  }, 60_000);
});
