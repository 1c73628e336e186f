// Briefing fan-out: 10,000 Telegram chats through the briefings outbox and the real Telegram adapter
// (telegraf) against the fake Bot API enforcing Telegram's limits scaled x10 (300 messages/s overall,
// 10/s per chat, 200/min per group). Reports throughput as a share of the enforced overall limit,
// 429s, lost and duplicated messages. `npm run bench -- fanout` or `npx tsx src/bench/fanout.ts`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTelegramAdapter } from '../adapters/telegram/index.ts';
import { createBriefings } from '../briefings/index.ts';
import { createRouter } from '../bot/router.ts';
import type { BotServices } from '../bot/types.ts';
import { loadConfig } from '../config.ts';
import { createLibrary } from '../news/library.ts';
import { parseDocument } from '../news/parse.ts';
import { openStorage } from '../storage/db.ts';
import { createFakeTelegram } from '../../tests/fakes/telegram-api.ts';
import { speakersOf } from '../news/store.ts';
import { silent } from './common.ts';

export interface FanoutResult {
  chats: number;
  seconds: number;
  messagesPerSecond: number;
  enforcedPerSecond: number;
  /** Throughput as a percentage of the enforced overall limit. */
  shareOfLimit: number;
  tooManyRequests: number;
  lost: number;
  duplicates: number;
}


export async function benchFanout(chats = 10_000, scale = 10): Promise<FanoutResult> {
  const limits = { perSecond: 30 * scale, perChatPerSecond: 1 * scale, perGroupPerMinute: 20 * scale };
  const fake = await createFakeTelegram({ limits });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-fanout-'));
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_DATA_DIR: dataDir });
  // One small document, its brief made by hand: this bench measures sending, not summarizing.
  const doc = parseDocument('oil.txt', new TextEncoder().encode('Oil prices climb after OPEC cuts output\n\nOil prices rose on Monday after OPEC agreed to cut output. Traders said supply would tighten.\n'), new Date());
  const sentences = doc.text.split(/(?<=\.)\s+/).filter(Boolean).map((text) => ({ text, start: doc.text.indexOf(text), end: doc.text.indexOf(text) + text.length }));
  const library = createLibrary([{ doc, sentences, summary: sentences.map((_, i) => i), quotes: [] }]);
  const services: BotServices = { library: () => library, speakers: () => speakersOf(library), settings: { summarySentences: 2, pageSize: 10, timeZone: 'UTC', defaultLang: 'en' }, log: silent };
  const adapter = createTelegramAdapter({ router: createRouter(services), services, config, log: silent });
  const storage = await openStorage({ dataDir });
  const briefings = createBriefings({
    config, db: storage.db, adapters: [adapter], services, log: silent, cron: false,
    outbox: { limits: { telegram: limits, discord: { perSecond: 50 * scale } }, maxInFlight: 32 },
  });
  try {
    // Every chat subscribed and due now; private chats (positive ids) and a tenth groups (negative).
    const now = Date.now();
    const ids = Array.from({ length: chats }, (_, i) => String(i % 10 === 0 ? -(1_000_000_000 + i) : 1_000_000 + i));
    const rows = ids.map((chat_id) => ({ platform: 'telegram', chat_id, thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: 0, next_run_at: now - 1000, created_at: now, updated_at: now }));
    for (let i = 0; i < rows.length; i += 1000) await storage.db.insertInto('subscriptions').values(rows.slice(i, i + 1000)).execute();

    await adapter.start();
    await briefings.start(); // the due digests are claimed and queued, and the outbox starts sending
    await briefings.outbox.drained(30 * 60_000);

    const sent = [...fake.sent.values()].flat().sort((a, b) => a.at - b.at);
    const first = sent[0]?.at ?? 0;
    const last = sent[sent.length - 1]?.at ?? 0;
    const seconds = (last - first) / 1000;
    // n messages spread over (last - first): n - 1 intervals.
    const messagesPerSecond = seconds > 0 ? (sent.length - 1) / seconds : 0;
    const counts = fake.deliveredCounts();
    return {
      chats,
      seconds: Number(seconds.toFixed(2)),
      messagesPerSecond: Number(messagesPerSecond.toFixed(1)),
      enforcedPerSecond: limits.perSecond,
      shareOfLimit: Number(((100 * messagesPerSecond) / limits.perSecond).toFixed(1)),
      tooManyRequests: fake.tooManyRequests,
      lost: ids.filter((id) => !counts[id]).length,
      duplicates: ids.reduce((n, id) => n + Math.max(0, (counts[id] ?? 0) - 1), 0),
    };
  } finally {
    await briefings.stop();
    await adapter.stop();
    await storage.close();
    await fake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 10_000);
  process.stdout.write(`${JSON.stringify(await benchFanout(n))}\n`);
  process.exit(0);
}
