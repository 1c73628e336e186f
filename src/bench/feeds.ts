import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../app.ts';
import { postText } from '../bot/post.ts';
import { createRouter } from '../bot/router.ts';
import { loadConfig } from '../config.ts';
import { createSources, feedId } from '../sources/index.ts';
import { openStorage } from '../storage/db.ts';
import { percentile, silent } from './common.ts';

export interface FeedsBenchResult {
  items: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Items whose quote the reply did not show (should be 0). */
  missed: number;
}

interface Item {
  n: number;
  lang: 'ar' | 'en';
  title: string;
  quote: string;
}

function item(n: number): Item {
  return n % 2
    ? { n, lang: 'ar', title: `افتتاح الجسر رقم ${n} على النهر`, quote: `سنفتح الجسر رقم ${n} أمام السيارات قبل الصيف` }
    : { n, lang: 'en', title: `Bridge ${n} opens over the river`, quote: `We will open bridge ${n} to traffic before the summer` };
}

/** A teaser in the feed; the quote is only on the article page, so each item costs a page fetch. */
function articlePage(it: Item): string {
  const body =
    it.lang === 'ar'
      ? `<p>أعلنت وزارة النقل يوم الخميس أن الجسر رقم ${it.n} على النهر سيفتح قريبًا بعد عامين من العمل.</p><p>وقال وزير النقل سامي الخطيب: «${it.quote}». وأضاف أن الجسر سيخفف الازدحام في وسط المدينة.</p><p>ورحب السكان بالمشروع الذي طال انتظاره، وطالبوا بممرات للدراجات على الجسر الجديد.</p>`
      : `<p>The transport ministry said on Thursday that bridge ${it.n} over the river will open soon after two years of work.</p><p>"${it.quote}," transport minister Sam Carter said. He added that the bridge would ease traffic in the city centre.</p><p>Residents welcomed the long-awaited project and asked for cycle lanes on the new bridge.</p>`;
  return `<!doctype html><html lang="${it.lang}"${it.lang === 'ar' ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><title>${it.title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${it.title}</h1>${body}</article><footer>Footer</footer></body></html>`;
}

function feed(base: string, items: Item[]): string {
  const entries = items
    .slice(-20)
    .reverse()
    .map((it) => `<item><title>${it.title}</title><link>${base}/a/${it.n}</link><guid>bench-${it.n}</guid><pubDate>${new Date(Date.UTC(2026, 11, 1, 0, it.n)).toUTCString()}</pubDate><description>${it.lang === 'ar' ? 'خبر قصير.' : 'A short teaser.'}</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title><link>${base}</link><description>Bench</description>${entries}</channel></rss>`;
}

/**
 * A new feed item to a reply that can quote it: publish an item on a local server, poll the feed
 * (conditional GET, parse, fetch the article page, extract, build the brief, store), then ask the
 * router who said the quote. Timed from the start of the poll that sees the item to the reply.
 */
export async function benchFeeds(n = 200): Promise<FeedsBenchResult> {
  const items: Item[] = [];
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const m = /^\/a\/(\d+)$/.exec(req.url ?? '');
    if (req.url === '/feed.rss') res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed(base, items));
    else if (m) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(item(Number(m[1]))));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.rss`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-bench-feeds-'));
  const configFile = path.join(dir, 'newsbot.json');
  fs.writeFileSync(configFile, JSON.stringify({ sources: { feeds: [{ url, interval: 3600 }] } }));
  const config = loadConfig({ NEWSBOT_CONFIG: configFile, NEWSBOT_DATA_DIR: dir, NEWSBOT_CONTENT_DIR: path.resolve('content') }, process.cwd());
  const storage = await openStorage({ dataDir: dir });
  const { services, store } = await createServices(config, silent, storage);
  const router = createRouter(services);
  const sources = createSources({ db: storage.db, config: config.sources, ingest: (docs, opts) => store.ingest(docs, opts), log: silent, tickMs: 3_600_000 });
  await sources.start();
  const id = feedId(url);
  await sources.poller.pollNow(id);

  const times: number[] = [];
  let missed = 0;
  for (let i = 1; i <= n; i++) {
    const it = item(i);
    items.push(it);
    const started = performance.now();
    await sources.poller.pollNow(id);
    const post = await router.handle({ platform: 'bench', chatId: 'bench', text: `/whosaid ${it.quote}`, chatType: 'private', addressed: true });
    times.push(performance.now() - started);
    if (!post || !postText(post).includes(it.quote)) missed++;
  }
  await sources.stop();
  await storage.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { items: n, p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)), maxMs: round(times.at(-1) ?? 0), missed };
}
