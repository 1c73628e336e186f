// Scale-out: 20,000 Telegram chats (SCALE_CHATS) fanned out by 1 and by 3 worker processes over
// PostgreSQL and the BullMQ queues, through the fake Bot API enforcing Telegram's limits x10; then 3
// workers with one killed (kill -9) half-way; the digest claim rate of two racing schedulers; and the
// single-process SQLite figure from the same run. `npm run bench -- scale`.
import { createBriefings } from '../briefings/index.ts';
import { insertOutboxRows } from '../briefings/outbox-results.ts';
import { createQueueOutbox } from '../delivery/queue-outbox.ts';
import { openStorage, type Storage } from '../storage/db.ts';
import { createFakeTelegram, type FakeTelegram } from '../../tests/fakes/telegram-api.ts';
import { fakeStore, recordingAdapter, servicesFor, testConfig } from '../../tests/briefings/helpers.ts';
import { freshDatabase, probePostgres } from '../../tests/helpers/pg.ts';
import { freshPrefix, probeRedis, REDIS_TEST_URL } from '../../tests/helpers/redis.ts';
import { spawnWorker } from '../../tests/scale/processes.ts';
import { silent } from './common.ts';
import { benchFanout } from './fanout.ts';

const SCALE = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Run {
  share: number;
  tooMany: number;
  lost: number;
  duplicates: number;
  recovered: number;
}

async function fanOut(fake: FakeTelegram, chats: number, workers: number, kill: boolean): Promise<Run> {
  fake.sent.clear();
  const before = fake.tooManyRequests;
  const db = await freshDatabase('bench');
  const prefix = freshPrefix('bench');
  const storage = await openStorage({ dataDir: '.', url: db.url, postgres: { connectAttempts: 1 } });
  try {
    const ids = Array.from({ length: chats }, (_, i) => String(i % 10 === 0 ? -(1_000_000_000 + i) : 1_000_000 + i));
    const env = { SCALE_TG_TOKEN: fake.token, SCALE_TG_API: fake.apiRoot, SCALE_DATABASE_URL: db.url, SCALE_REDIS_URL: REDIS_TEST_URL, SCALE_PREFIX: prefix.prefix, SCALE_LIMITS: String(SCALE), SCALE_IN_FLIGHT: '16' };
    // The workers run before the briefings are stored, as in production (a process starting, its
    // TypeScript loading, is not part of a fan-out); then the rows, in one transaction, are queued by
    // a publisher here, as the scheduler role does. The rate is counted from the first send to the last.
    const spawned = Array.from({ length: workers }, () => spawnWorker(env));
    await Promise.all(spawned.map((w) => w.line('READY', 120_000)));
    await storage.db.transaction().execute(async (tx) => {
      for (let i = 0; i < ids.length; i += 2000) {
        await insertOutboxRows(tx, ids.slice(i, i + 2000).map((chatId) => ({ platform: 'telegram', target: { chatId }, post: { lang: 'en', blocks: [{ type: 'paragraph', content: ['Oil prices climb after OPEC cuts output.'] }] } })), Date.now());
      }
    });
    const publisher = createQueueOutbox({ db: storage.db, adapters: [], log: silent, redisUrl: REDIS_TEST_URL, prefix: prefix.prefix, work: false });
    await publisher.start();
    await publisher.stop();
    if (kill) {
      while ([...fake.sent.values()].length < chats / 2) await sleep(50);
      spawned[0]?.child.kill('SIGKILL');
      await spawned[0]?.exited;
    }
    await Promise.all(spawned.slice(kill ? 1 : 0).map((w) => w.line('DRAINED', 1_800_000)));
    const sent = [...fake.sent.values()].flat().sort((a, b) => a.at - b.at);
    const seconds = ((sent[sent.length - 1]?.at ?? 0) - (sent[0]?.at ?? 0)) / 1000;
    const rate = seconds > 0 ? (sent.length - 1) / seconds : 0;
    const counts = ids.map((id) => fake.sent.get(id)?.length ?? 0);
    const recovered = await storage.db.selectFrom('outbox').select(({ fn }) => fn.sum<number>('recovered').as('n')).executeTakeFirstOrThrow();
    return {
      share: Number(((100 * rate) / (30 * SCALE)).toFixed(1)),
      tooMany: fake.tooManyRequests - before,
      lost: counts.filter((n) => n === 0).length,
      duplicates: counts.reduce((a, n) => a + Math.max(0, n - 1), 0),
      recovered: Number(recovered.n ?? 0),
    };
  } finally {
    await storage.close();
    await db.drop();
    await prefix.drop();
  }
}

/** Two schedulers over separate pools claim the same due digests at once: claims per second. */
async function racingClaims(subscriptions: number): Promise<{ claimsPerSecond: number; claimedTwice: number }> {
  const db = await freshDatabase('claims');
  const opened: Storage[] = [];
  try {
    for (let i = 0; i < 2; i++) opened.push(await openStorage({ dataDir: '.', url: db.url, postgres: { connectAttempts: 1 } }));
    const [a, b] = opened as [Storage, Storage];
    const t = Date.parse('2025-03-01T08:00:00Z');
    const rows = Array.from({ length: subscriptions }, (_, i) => ({ platform: 'telegram', chat_id: String(9000 + i), thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: t - 86_400_000, next_run_at: t, created_at: t, updated_at: t }));
    for (let i = 0; i < rows.length; i += 1000) await a.db.insertInto('subscriptions').values(rows.slice(i, i + 1000)).execute();
    const store = fakeStore([{ id: 'oil', title: 'Oil prices climb after OPEC cuts output', body: 'Oil prices rose on Monday. Traders said supply would tighten.', date: '2025-03-01T06:00:00Z' }]);
    const scheduler = (s: Storage) => createBriefings({ config: testConfig({ sendWhenEmpty: true }), db: s.db, adapters: [recordingAdapter('telegram')], services: servicesFor(store), store, log: silent, now: () => t + 1000, cron: false });
    const started = performance.now();
    const [r1, r2] = await Promise.all([scheduler(a).tick(), scheduler(b).tick()]);
    const seconds = (performance.now() - started) / 1000;
    const deliveries = await a.db.selectFrom('deliveries').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { claimsPerSecond: Math.round((r1.queued + r2.queued) / seconds), claimedTwice: Number(deliveries.n) - subscriptions };
  } finally {
    for (const s of opened) await s.close();
    await db.drop();
  }
}

export async function benchScale(): Promise<Record<string, number>> {
  const chats = Number(process.env.SCALE_CHATS ?? 20_000);
  const [pg, redis] = await Promise.all([probePostgres(), probeRedis()]);
  if (!pg.ok || !redis.ok) {
    process.stdout.write(`skipped: scale bench: ${[pg, redis].flatMap((p) => (p.ok ? [] : [p.reason])).join('; ')}\n`);
    return {};
  }
  const fake = await createFakeTelegram({ limits: { perSecond: 30 * SCALE, perChatPerSecond: 1 * SCALE, perGroupPerMinute: 20 * SCALE } });
  try {
    const one = await fanOut(fake, chats, 1, false);
    const three = await fanOut(fake, chats, 3, false);
    const killed = await fanOut(fake, chats, 3, true);
    const claims = await racingClaims(Math.min(chats, 5000));
    const sqlite = await benchFanout(chats, SCALE);
    return {
      chats,
      'w1.shareOfLimit': one.share, 'w1.tooManyRequests': one.tooMany, 'w1.lost': one.lost, 'w1.duplicates': one.duplicates,
      'w3.shareOfLimit': three.share, 'w3.tooManyRequests': three.tooMany, 'w3.lost': three.lost, 'w3.duplicates': three.duplicates,
      'kill.shareOfLimit': killed.share, 'kill.tooManyRequests': killed.tooMany, 'kill.lost': killed.lost, 'kill.duplicates': killed.duplicates, 'kill.recovered': killed.recovered,
      'claims.perSecond': claims.claimsPerSecond, 'claims.twice': claims.claimedTwice,
      'sqlite.shareOfLimit': sqlite.shareOfLimit, 'sqlite.tooManyRequests': sqlite.tooManyRequests, 'sqlite.lost': sqlite.lost, 'sqlite.duplicates': sqlite.duplicates,
    };
  } finally {
    await fake.close();
  }
}
