// Briefing fan-out through failures: 2,000 Telegram chats through the outbox and the real adapter
// (telegraf) against the fake Bot API (limits x10), where 10 % of the chats blocked the bot (403),
// 1 % are groups upgraded to supergroups (400 migrate_to_chat_id) and the token is revoked half-way
// (401); the bot is then restarted with the token working again. Counts subscriptions lost,
// duplicates, and reachable chats served exactly once. Part of `npm run bench -- fanout`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTelegramAdapter } from '../adapters/telegram/index.ts';
import { createBriefings } from '../briefings/index.ts';
import { createRouter } from '../bot/router.ts';
import type { BotServices } from '../bot/types.ts';
import { loadConfig, type Config } from '../config.ts';
import { createLibrary } from '../news/library.ts';
import { parseDocument } from '../news/parse.ts';
import { speakersOf } from '../news/store.ts';
import { openStorage, type Storage } from '../storage/db.ts';
import { createFakeTelegram, type FakeTelegram } from '../../tests/fakes/telegram-api.ts';
import { silent } from './common.ts';

export interface FanoutFailuresResult {
  chats: number;
  blocked: number;
  migrated: number;
  /** Messages delivered before the token was revoked. */
  sentBeforeRevoke: number;
  /** Messages waiting when the platform's sends stopped. */
  waitingAtRevoke: number;
  /** Seconds from the restart until the outbox was drained. */
  restartSeconds: number;
  subscriptionsLost: number;
  deactivatedByToken: number;
  duplicates: number;
  /** Reachable chats (not blocked; migrated ones at their new id) that got their digest exactly once. */
  servedOnce: number;
  reachable: number;
}

const limits = { perSecond: 300, perChatPerSecond: 10, perGroupPerMinute: 200 };

function servicesFor(): BotServices {
  const doc = parseDocument('oil.txt', new TextEncoder().encode('Oil prices climb after OPEC cuts output\n\nOil prices rose on Monday after OPEC agreed to cut output. Traders said supply would tighten.\n'), new Date());
  const sentences = doc.text.split(/(?<=\.)\s+/).filter(Boolean).map((text) => ({ text, start: doc.text.indexOf(text), end: doc.text.indexOf(text) + text.length }));
  const library = createLibrary([{ doc, sentences, summary: sentences.map((_, i) => i), quotes: [] }]);
  return { library: () => library, speakers: () => speakersOf(library), settings: { summarySentences: 2, pageSize: 10, timeZone: 'UTC', defaultLang: 'en' }, log: silent };
}

/** One run of the bot over the data folder: start, send until drained (or the platform stops), stop. */
async function run(config: Config, storage: Storage, services: BotServices, until: 'drained' | 'halted'): Promise<{ waiting: number }> {
  const adapter = createTelegramAdapter({ router: createRouter(services), services, config, log: silent });
  const briefings = createBriefings({ config, db: storage.db, adapters: [adapter], services, log: silent, cron: false, outbox: { limits: { telegram: limits, discord: { perSecond: 500 } }, maxInFlight: 32 } });
  services.chats = briefings.chats;
  try {
    await adapter.start();
    await briefings.start();
    if (until === 'halted') {
      const deadline = Date.now() + 10 * 60_000;
      while (!briefings.outbox.halted().telegram && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    }
    await briefings.outbox.drained(30 * 60_000);
    return { waiting: (await briefings.outbox.stats()).pending ?? 0 };
  } finally {
    await briefings.stop();
    await adapter.stop();
  }
}

function chatIds(chats: number) {
  // Private chats and a tenth groups (as in the throughput run); 10 % of the chats blocked the bot, 1 % (groups) migrate.
  const ids = Array.from({ length: chats }, (_, i) => String(i % 10 === 0 ? -(1_000_000_000 + i) : 1_000_000 + i));
  const blocked = ids.filter((_, i) => i % 10 === 5);
  const migrating = ids.filter((_, i) => i % 100 === 0);
  return { ids, blocked, migrating, newId: (id: string) => String(-(2_000_000_000_000 + Math.abs(Number(id)))) };
}

async function measure(fake: FakeTelegram, storage: Storage, c: ReturnType<typeof chatIds>) {
  const counts = fake.deliveredCounts();
  const blocked = new Set(c.blocked);
  const reachable = c.ids.filter((id) => !blocked.has(id)).map((id) => (c.migrating.includes(id) ? c.newId(id) : id));
  const subs = await storage.db.selectFrom('subscriptions').select(['chat_id', 'active', 'deactivated_reason']).execute();
  const active = new Set(subs.filter((s) => s.active).map((s) => s.chat_id));
  return {
    subscriptionsLost: c.ids.length - subs.length + reachable.filter((id) => !active.has(id)).length,
    deactivatedByToken: subs.filter((s) => /401|unauthori[sz]ed/i.test(s.deactivated_reason ?? '')).length,
    duplicates: Object.values(counts).reduce((n, k) => n + Math.max(0, k - 1), 0),
    servedOnce: reachable.filter((id) => counts[id] === 1).length,
    reachable: reachable.length,
  };
}

export async function benchFanoutFailures(chats = 2000): Promise<FanoutFailuresResult> {
  const fake = await createFakeTelegram({ limits });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-fanout-failures-'));
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_DATA_DIR: dataDir });
  const services = servicesFor();
  const storage = await openStorage({ dataDir });
  const c = chatIds(chats);
  try {
    const now = Date.now();
    const rows = c.ids.map((chat_id) => ({ platform: 'telegram', chat_id, thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: 0, next_run_at: now - 1000, created_at: now, updated_at: now }));
    for (let i = 0; i < rows.length; i += 1000) await storage.db.insertInto('subscriptions').values(rows.slice(i, i + 1000)).execute();
    for (const id of c.blocked) fake.blockChat(id);
    for (const id of c.migrating) fake.migrateChat(Number(id), Number(c.newId(id)));
    const reachable = chats - c.blocked.length;
    fake.revokeAfter(Math.floor(reachable / 2));

    const first = await run(config, storage, services, 'halted');
    const sentBeforeRevoke = Object.values(fake.deliveredCounts()).reduce((n, k) => n + k, 0);
    fake.restoreToken();
    const restarted = Date.now();
    await run(config, storage, services, 'drained');
    const restartSeconds = Number(((Date.now() - restarted) / 1000).toFixed(2));
    return { chats, blocked: c.blocked.length, migrated: c.migrating.length, sentBeforeRevoke, waitingAtRevoke: first.waiting, restartSeconds, ...(await measure(fake, storage, c)) };
  } finally {
    await storage.close();
    await fake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await benchFanoutFailures(Number(process.argv[2] ?? 2000)))}\n`);
  process.exit(0);
}
