// Three worker processes fan out through the fake Bot API that enforces Telegram's limits (x10),
// sharing one PostgreSQL database and the BullMQ queues; then the same with one of them killed with
// kill -9 half-way. Skipped, with the reason, when PostgreSQL or Redis does not answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../src/bot/post.ts';
import { insertOutboxRows } from '../../src/briefings/outbox-results.ts';
import { openStorage, type Storage } from '../../src/storage/db.ts';
import { waitUntil } from '../briefings/helpers.ts';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.ts';
import { freshDatabase } from '../helpers/pg.ts';
import { freshPrefix, probeServices, REDIS_TEST_URL } from '../helpers/redis.ts';
import { spawnWorker, type Worker } from './processes.ts';

const services = await probeServices();
if (!services.ok) process.stdout.write(`skipped: tests/scale/fanout.test.ts: ${services.reasons.join('; ')}\n`);

const SCALE = 10;
const post = (i: number): Post => ({ lang: 'en', blocks: [{ type: 'paragraph', content: [`Briefing ${i}`] }] });

describe.skipIf(!services.ok)('several worker processes (PostgreSQL + Redis)', { timeout: 120_000 }, () => {
  let fake: FakeTelegram;
  const cleanup: (() => Promise<void>)[] = [];
  const workers: Worker[] = [];
  beforeAll(async () => {
    fake = await createFakeTelegram({ limits: { perSecond: 30 * SCALE, perChatPerSecond: 1 * SCALE, perGroupPerMinute: 20 * SCALE } });
  });
  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    for (const c of cleanup.reverse()) await c();
    await fake?.close();
  });

  async function setup(chats: number): Promise<{ storage: Storage; env: Record<string, string>; ids: string[] }> {
    const db = await freshDatabase('scale');
    const prefix = freshPrefix('scale');
    const storage = await openStorage({ dataDir: '.', url: db.url, postgres: { connectAttempts: 1 } });
    cleanup.push(() => prefix.drop(), () => db.drop(), () => storage.close());
    // Private chats, and every tenth a group (negative id), one briefing message each.
    const ids = Array.from({ length: chats }, (_, i) => String(i % 10 === 0 ? -(2_000_000_000 + i) : 3_000_000 + i));
    await storage.db.transaction().execute((tx) => insertOutboxRows(tx, ids.map((chatId, i) => ({ platform: 'telegram', target: { chatId }, post: post(i) })), Date.now()));
    const env = { SCALE_TG_TOKEN: fake.token, SCALE_TG_API: fake.apiRoot, SCALE_DATABASE_URL: db.url, SCALE_REDIS_URL: REDIS_TEST_URL, SCALE_PREFIX: prefix.prefix, SCALE_LIMITS: String(SCALE) };
    return { storage, env, ids };
  }
  const delivered = (ids: string[]) => ids.map((id) => fake.sent.get(id)?.length ?? 0);

  it('three workers send every message once, in the global limit, with no 429', async () => {
    fake.sent.clear();
    const before = fake.tooManyRequests;
    const { storage, env, ids } = await setup(900);
    const three = [1, 2, 3].map(() => spawnWorker(env));
    workers.push(...three);
    const done = await Promise.all(three.map((w) => w.line('DRAINED', 90_000)));
    const counts = delivered(ids);
    expect(counts.filter((n) => n === 0)).toHaveLength(0);
    expect(counts.filter((n) => n > 1)).toHaveLength(0);
    expect(fake.tooManyRequests - before).toBe(0);
    const sentBy = done.map((l) => (JSON.parse(l.slice('DRAINED '.length)) as { sent: number }).sent);
    expect(sentBy.reduce((a, b) => a + b, 0)).toBe(900);
    // The queue spreads the work: each process sent a share.
    for (const n of sentBy) expect(n).toBeGreaterThan(0);
    expect(await storage.db.selectFrom('outbox').select('status').distinct().execute()).toEqual([{ status: 'sent' }]);
  });

  it('a worker killed with kill -9 mid-fan-out leaves its jobs to the others: none lost, duplicates within what it had in flight', async () => {
    fake.sent.clear();
    const { storage, env, ids } = await setup(1500);
    const three = [1, 2, 3].map(() => spawnWorker({ ...env, SCALE_IN_FLIGHT: '16' }));
    workers.push(...three);
    await Promise.all(three.map((w) => w.line('READY')));
    await waitUntil(() => [...fake.sent.values()].length >= 500, 60_000, 'a third delivered');
    const victim = three[0]!;
    const inFlight = await storage.db.selectFrom('outbox').select(({ fn }) => fn.countAll<number>().as('n')).where('status', '=', 'sending').executeTakeFirstOrThrow();
    victim.child.kill('SIGKILL');
    await victim.exited;
    await Promise.all(three.slice(1).map((w) => w.line('DRAINED', 90_000)));
    const counts = delivered(ids);
    const duplicates = counts.reduce((a, n) => a + Math.max(0, n - 1), 0);
    const recovered = await storage.db.selectFrom('outbox').select(({ fn }) => fn.sum<number>('recovered').as('n')).executeTakeFirstOrThrow();
    process.stdout.write(`kill -9 test: in flight (all workers) at kill ${inFlight.n}, recovered by the others ${recovered.n}, Telegram duplicates ${duplicates}\n`);
    expect(counts.filter((n) => n === 0)).toHaveLength(0);
    // Only messages the killed worker had claimed can arrive twice: at most its in-flight sends.
    expect(duplicates).toBeLessThanOrEqual(Number(recovered.n ?? 0));
    expect(Number(recovered.n ?? 0)).toBeLessThanOrEqual(16);
    expect(await storage.db.selectFrom('outbox').select('status').distinct().execute()).toEqual([{ status: 'sent' }]);
  });
});
