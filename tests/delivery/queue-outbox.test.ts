// The BullMQ outbox against the real PostgreSQL and Redis: a job per outbox row (re-enqueue is a
// no-op, the row decides), a 429 pausing every worker, a chat's messages in order and 1/s across
// two workers. Skipped, with the reason, when either service does not answer.
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postText, type Post } from '../../src/bot/post.ts';
import { createQueueOutbox, jobIdOf, type QueueOutbox } from '../../src/delivery/queue-outbox.ts';
import { openStorage, type Storage } from '../../src/storage/db.ts';
import { recordingAdapter, SendError, waitUntil } from '../briefings/helpers.ts';
import { freshDatabase } from '../helpers/pg.ts';
import { freshPrefix, probeServices, REDIS_TEST_URL } from '../helpers/redis.ts';
import { memoryLogger } from '../helpers/services.ts';

const services = await probeServices();
if (!services.ok) process.stdout.write(`skipped: tests/delivery/queue-outbox.test.ts: ${services.reasons.join('; ')}\n`);

const post = (text: string): Post => ({ lang: 'en', blocks: [{ type: 'paragraph', content: [text] }] });
const limits = { telegram: { perSecond: 200, perChatPerSecond: 1, perGroupPerMinute: 100 }, discord: { perSecond: 200 } };

describe.skipIf(!services.ok)('queue outbox (BullMQ, PostgreSQL)', () => {
  let storage: Storage;
  let dropDb: () => Promise<void>;
  const prefixes: { drop(): Promise<void> }[] = [];
  const open: QueueOutbox[] = [];
  beforeAll(async () => {
    const db = await freshDatabase('queue');
    dropDb = db.drop;
    storage = await openStorage({ dataDir: '.', url: db.url, postgres: { connectAttempts: 1 } });
  });
  // Each test's workers stop with it: they share the database, and a rescan would take the next test's rows.
  afterEach(async () => {
    for (const o of open.splice(0)) await o.stop();
  });
  afterAll(async () => {
    await storage?.close();
    await dropDb?.();
    for (const p of prefixes) await p.drop();
  });

  function outbox(prefix: string, adapter: ReturnType<typeof recordingAdapter>, log = memoryLogger()) {
    const o = createQueueOutbox({ db: storage.db, pool: storage.pool, adapters: [adapter], log, redisUrl: REDIS_TEST_URL, prefix, limits, backoff: { baseMs: 20, maxMs: 100 }, rescanMs: 500 });
    open.push(o);
    return o;
  }
  const prefix = () => {
    const p = freshPrefix('queue');
    prefixes.push(p);
    return p.prefix;
  };
  const timed = (adapter: ReturnType<typeof recordingAdapter>) => {
    const at: { chat: string; text: string; at: number }[] = [];
    const send = adapter.send.bind(adapter);
    adapter.send = async (target, p, o) => {
      const ids = await send(target, p, o);
      at.push({ chat: target.chatId, text: postText(p), at: Date.now() });
      return ids;
    };
    return at;
  };
  const enqueue = (o: QueueOutbox, chats: string[], tag: string) =>
    storage.db.transaction().execute((tx) => o.enqueue(tx, chats.map((chatId, i) => ({ platform: 'telegram', target: { chatId }, post: post(`${tag} ${i}`) }))));

  it('makes one job per outbox row: adding it again is a no-op, and a job whose row is sent sends nothing', async () => {
    const p = prefix();
    const adapter = recordingAdapter('telegram');
    const a = outbox(p, adapter);
    const ids = await enqueue(a, ['11', '12', '13'], 'once');
    // Published twice (two wakes, as two schedulers would), before any worker runs.
    const publisher = outbox(p, recordingAdapter('telegram'));
    a.wake();
    publisher.wake();
    const queue = new Queue('send-telegram', { connection: { url: REDIS_TEST_URL }, prefix: p });
    await waitUntil(async () => (await queue.getJobCounts('waiting')).waiting === 3, 5000, 'three jobs');
    await queue.add('send', { id: ids[0] }, { jobId: jobIdOf(ids[0]!) });
    expect((await queue.getJobCounts('waiting')).waiting).toBe(3);

    await a.start();
    await a.drained(20_000);
    expect(adapter.sent.map((s) => s.target.chatId).sort()).toEqual(['11', '12', '13']);
    // The row is the truth: its job run again (completed jobs are kept an hour, so force a new one).
    await (await queue.getJob(jobIdOf(ids[0]!)))?.remove();
    await queue.add('send', { id: ids[0] }, { jobId: jobIdOf(ids[0]!) });
    await waitUntil(async () => (await queue.getJobState(jobIdOf(ids[0]!))) === 'completed', 5000, 'the repeated job');
    expect(adapter.sent).toHaveLength(3);
    expect(await storage.db.selectFrom('outbox').select('status').where('id', 'in', ids).execute()).toEqual([{ status: 'sent' }, { status: 'sent' }, { status: 'sent' }]);
    await queue.close();
  });

  it('queues pending rows again when the queue lost their jobs (Redis emptied), at the next rescan', async () => {
    const p = prefix();
    const publisher = createQueueOutbox({ db: storage.db, adapters: [], log: memoryLogger(), redisUrl: REDIS_TEST_URL, prefix: p, work: false, rescanMs: 300 });
    open.push(publisher);
    const ids = await enqueue(publisher, ['41', '42', '43'], 'lost');
    const queue = new Queue('send-telegram', { connection: { url: REDIS_TEST_URL }, prefix: p });
    const queued = async () => (await Promise.all(ids.map((id) => queue.getJob(jobIdOf(id))))).filter(Boolean).length;
    await publisher.start();
    expect(await queued()).toBe(3);
    await queue.obliterate({ force: true });
    expect(await queued()).toBe(0);
    await waitUntil(async () => (await queued()) === 3, 5000, 'the three jobs queued again');
    await queue.close();
    // Nobody sends here: the rows leave the shared database's pending set for the next tests.
    await storage.db.updateTable('outbox').set({ status: 'failed' }).where('id', 'in', ids).execute();
  });

  it('pauses the whole queue, in every worker, for retry_after when one send gets a 429', async () => {
    const p = prefix();
    const first = recordingAdapter('telegram');
    const second = recordingAdapter('telegram');
    const times = [timed(first), timed(second)];
    let limitedAt = 0;
    first.state.fail = (_t, n) => {
      if (n !== 0) return undefined;
      limitedAt = Date.now();
      return new SendError('rate_limited', 'Too Many Requests: retry after 2', 2000);
    };
    const a = outbox(p, first);
    const b = outbox(p, second);
    await a.start();
    await enqueue(a, ['21'], 'first');
    a.wake();
    await waitUntil(() => limitedAt > 0, 10_000, 'the 429');
    await b.start();
    await enqueue(a, ['22', '23', '24', '25'], 'more');
    a.wake();
    await a.drained(20_000);
    await b.drained(20_000);
    const all = times.flat();
    expect(all.map((s) => s.chat).sort()).toEqual(['21', '22', '23', '24', '25']);
    // Nobody sent during the pause (allow the Redis clock and timers a few ms).
    for (const s of all) expect(s.at - limitedAt).toBeGreaterThanOrEqual(1950);
    expect(a.counters.rateLimited).toBe(1);
  });

  it("keeps a chat's messages in order and at most one a second, whichever worker takes them", async () => {
    const p = prefix();
    const adapters = [recordingAdapter('telegram'), recordingAdapter('telegram')];
    const times = adapters.map(timed);
    const [a, b] = adapters.map((x) => outbox(p, x));
    await enqueue(a!, ['31', '31', '31', '32'], 'order');
    await a!.start();
    await b!.start();
    await a!.drained(20_000);
    await b!.drained(20_000);
    const chat = times.flat().filter((s) => s.chat === '31').sort((x, y) => x.at - y.at);
    expect(chat.map((s) => s.text)).toEqual(['order 0', 'order 1', 'order 2']);
    for (let i = 1; i < chat.length; i++) expect(chat[i]!.at - chat[i - 1]!.at).toBeGreaterThanOrEqual(990);
  });
});
