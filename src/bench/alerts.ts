// New item to alert message: the real app (telegraf against the fake Bot API in tests/fakes) with an
// /alert on and one RSS feed on a local server; each item is published on the feed, and the time runs
// from the start of the poll that sees it (conditional GET, parse, brief, store, story, alert, outbox)
// to the alert's sendMessage arriving at the fake.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { feedId } from '../sources/index.ts';
import { createFakeTelegram, type ApiCall } from '../../tests/fakes/telegram-api.ts';
import { percentile, silent } from './common.ts';

export interface AlertBenchResult {
  items: number;
  p50Ms: number;
  p99Ms: number;
}

/** Pseudo-words from a number: every item's text is its own, so no two items are one story. */
function words(seed: number, n: number): string {
  const letters = 'abcdefghiklmnoprstuvwyz';
  let x = seed * 2654435761 + 12345;
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    let w = '';
    for (let j = 0; j < 6; j++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      w += letters[x % letters.length];
    }
    out.push(w);
  }
  return out.join(' ');
}

function rss(published: number[]): string {
  const entries = published
    .slice(-20)
    .reverse()
    .map((i) => `<item><title>Item ${i}: ${words(i, 3)}</title><guid>bench-alert-${i}</guid><pubDate>${new Date(Date.UTC(2025, 2, 1) + i * 60_000).toUTCString()}</pubDate><description>${words(i + 1000, 40)}.</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title><link>http://127.0.0.1/</link><description>Bench</description>${entries}</channel></rss>`;
}

export async function benchAlerts(n = 30): Promise<AlertBenchResult> {
  const fake = await createFakeTelegram();
  const published: number[] = [-1];
  const server = http.createServer((req, res) => {
    if (req.url === '/feed.rss') res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(published));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.rss`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-bench-alerts-'));
  fs.mkdirSync(path.join(dir, 'content'));
  const configFile = path.join(dir, 'newsbot.json');
  // An hour's interval: the bench polls by hand, right after publishing each item.
  fs.writeFileSync(configFile, JSON.stringify({ sources: { feeds: [{ url, interval: 3600, fetchArticle: false }] } }));
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_CONFIG: configFile, NEWSBOT_CONTENT_DIR: path.join(dir, 'content'), NEWSBOT_DATA_DIR: path.join(dir, 'data') });
  const app = await startApp({ ...config, alerts: { maxPerHour: 1000 } }, silent, { cron: false });
  const poller = app.sources?.poller;
  if (!poller) throw new Error('the app did not start its feeds');
  let arrived: ((call: ApiCall) => void) | undefined;
  const calls = fake.calls;
  calls.push = (...items: ApiCall[]) => {
    const length = Array.prototype.push.apply(calls, items);
    for (const call of items) if (call.method === 'sendMessage') arrived?.(call);
    return length;
  };
  try {
    await fake.waitFor((c) => c.some((call) => call.method === 'getUpdates'));
    const on = new Promise<void>((resolve) => (arrived = () => resolve()));
    fake.pushUpdate(fake.message('/alert', { from: { id: 4242 } }));
    await on;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      published.push(i);
      const sent = new Promise<number>((resolve) => {
        arrived = (call) => {
          if (String(call.body.text).includes(`Item ${i}:`)) resolve(performance.now());
        };
      });
      const t0 = performance.now();
      const polled = await poller.pollNow(feedId(url));
      if (polled instanceof Error) throw polled;
      samples.push((await sent) - t0);
      // Telegram allows one message a second per chat: items come slower than that, as a feed's do.
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
    if (fake.rejections.length) throw new Error(`the fake rejected ${fake.rejections.length} calls: ${fake.rejections[0]?.description}`);
    samples.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    return { items: n, p50Ms: round(percentile(samples, 50)), p99Ms: round(percentile(samples, 99)) };
  } finally {
    arrived = undefined;
    await app.stop();
    await fake.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
