// A worker starved past its BullMQ job lock (its event loop blocked right after a send) while
// another worker process runs: BullMQ hands the stalled job to the other, which must not send the
// message again while the first lives, and must send it when the first was killed with kill -9.
// Real PostgreSQL, Redis, telegraf and the fake Bot API; skipped, with the reason, without them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOutboxRows } from '../../src/briefings/outbox-results.ts';
import { createQueueOutbox } from '../../src/delivery/queue-outbox.ts';
import { openStorage, type Storage } from '../../src/storage/db.ts';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.ts';
import { freshDatabase } from '../helpers/pg.ts';
import { freshPrefix, probeServices, REDIS_TEST_URL } from '../helpers/redis.ts';
import { memoryLogger } from '../helpers/services.ts';
import { spawnWorker, type Worker } from './processes.ts';

const services = await probeServices();
if (!services.ok) process.stdout.write(`skipped: tests/scale/stalled.test.ts: ${services.reasons.join('; ')}\n`);

const CHAT = '4000001';
/** The job lock (1 s) lapses long before the starved worker wakes (6 s): the other worker gets the job in about 2 s. */
const LOCK_MS = 1000;
const STALL_MS = 6000;

describe.skipIf(!services.ok)('a job whose worker missed its lock renewal (PostgreSQL + Redis)', { timeout: 90_000 }, () => {
  let fake: FakeTelegram;
  const cleanup: (() => Promise<void>)[] = [];
  const workers: Worker[] = [];
  beforeAll(async () => {
    fake = await createFakeTelegram();
  });
  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    for (const c of cleanup.reverse()) await c();
    await fake?.close();
  });

  /**
   * Two idle worker processes, both starved for STALL_MS after their first send; then one message is
   * stored and queued. Whichever takes it stalls holding it, and the other is handed the stalled job.
   */
  async function twoWorkersOneMessage(): Promise<{ storage: Storage; pair: Worker[]; holder: Promise<Worker> }> {
    fake.sent.clear();
    const db = await freshDatabase('stall');
    const prefix = freshPrefix('stall');
    const storage = await openStorage({ dataDir: '.', url: db.url, postgres: { connectAttempts: 1 } });
    cleanup.push(() => prefix.drop(), () => db.drop(), () => storage.close());
    const env = { SCALE_TG_TOKEN: fake.token, SCALE_TG_API: fake.apiRoot, SCALE_DATABASE_URL: db.url, SCALE_REDIS_URL: REDIS_TEST_URL, SCALE_PREFIX: prefix.prefix, SCALE_LOCK_MS: String(LOCK_MS), SCALE_STALL_MS: String(STALL_MS) };
    const pair = [spawnWorker(env), spawnWorker(env)];
    workers.push(...pair);
    await Promise.all(pair.map((w) => w.line('READY', 60_000)));
    await storage.db.transaction().execute((tx) => insertOutboxRows(tx, [{ platform: 'telegram', target: { chatId: CHAT }, post: { lang: 'en', blocks: [{ type: 'paragraph', content: ['Oil prices climb.'] }] } }], Date.now()));
    const publisher = createQueueOutbox({ db: storage.db, adapters: [], log: memoryLogger(), redisUrl: REDIS_TEST_URL, prefix: prefix.prefix, work: false });
    await publisher.start();
    await publisher.stop();
    const holder = Promise.race(pair.map((w) => w.line('STALLING', 30_000).then(() => w)));
    return { storage, pair, holder };
  }
  const row = (storage: Storage) => storage.db.selectFrom('outbox').select(['status', 'attempts', 'recovered']).executeTakeFirstOrThrow();
  const counters = (line: string) => JSON.parse(line.slice('DRAINED '.length)) as { sent: number; recovered: number; deferred: number };

  it('the worker given the stalled job waits while the starved one lives: the message goes once', async () => {
    const { storage, pair, holder } = await twoWorkersOneMessage();
    const starved = await holder;
    const other = pair.find((w) => w !== starved)!;
    const [a, b] = await Promise.all([starved.line('DRAINED', 60_000), other.line('DRAINED', 60_000)]);
    expect(fake.sent.get(CHAT)).toHaveLength(1);
    expect(await row(storage)).toEqual({ status: 'sent', attempts: 1, recovered: 0 });
    expect(counters(a).sent).toBe(1);
    // The other process did get the job while the starved one slept, and waited instead of sending.
    expect(counters(b)).toMatchObject({ sent: 0, recovered: 0 });
    expect(counters(b).deferred).toBeGreaterThanOrEqual(1);
  });

  it('a worker killed with kill -9 while holding the message leaves it to the other, which sends it again', async () => {
    const { storage, pair, holder } = await twoWorkersOneMessage();
    const victim = await holder;
    victim.child.kill('SIGKILL');
    await victim.exited;
    const other = pair.find((w) => w !== victim)!;
    const done = counters(await other.line('DRAINED', 60_000));
    expect(done).toMatchObject({ sent: 1, recovered: 1 });
    expect(await row(storage)).toEqual({ status: 'sent', attempts: 2, recovered: 1 });
    // Telegram has no idempotency key: the victim's send had landed, so the chat has it twice, counted as recovered.
    expect(fake.sent.get(CHAT)).toHaveLength(2);
  });
});
