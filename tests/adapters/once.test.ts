// Handled once, again only after a failure: the states of an update claim, in one process's memory
// and shared on Redis (the Redis half is skipped, with the reason, without Redis).
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_TRIES, memoryOnce, redisOnce, type HandleOnce, type Turn } from '../../src/adapters/once.ts';
import { freshPrefix, probeRedis, REDIS_TEST_URL } from '../helpers/redis.ts';

const redisProbe = await probeRedis();
if (!redisProbe.ok) process.stdout.write(`skipped: tests/adapters/once.test.ts (Redis half): ${redisProbe.reason}\n`);

function mine(turn: Turn) {
  if (turn.kind !== 'mine') throw new Error(`expected the claim, got ${turn.kind}`);
  return turn;
}

/** The same states whatever the store. */
function statesOf(name: string, make: () => HandleOnce) {
  describe(name, () => {
    it('claims once; a second ask while handling is busy; done after success', async () => {
      const once = make();
      const turn = mine(await once.take('u:1'));
      expect((await once.take('u:1')).kind).toBe('busy');
      expect((await once.take('u:2')).kind).toBe('mine');
      await turn.done();
      expect((await once.take('u:1')).kind).toBe('done');
    });

    it('a failure releases the claim, so the re-send is handled', async () => {
      const once = make();
      expect(await mine(await once.take('u:3')).failed()).toBe('retry');
      const again = mine(await once.take('u:3'));
      await again.done();
      expect((await once.take('u:3')).kind).toBe('done');
    });

    it(`gives an update up after ${MAX_TRIES} failed handlings (a permanent failure is not re-sent for hours)`, async () => {
      const once = make();
      const outcomes: string[] = [];
      for (let i = 0; i < MAX_TRIES; i++) outcomes.push(await mine(await once.take('u:4')).failed());
      expect(outcomes).toEqual([...Array(MAX_TRIES - 1).fill('retry'), 'gave up']);
      expect((await once.take('u:4')).kind).toBe('done');
    });
  });
}

statesOf('one process (memory)', memoryOnce);

describe.skipIf(!redisProbe.ok)('shared on Redis', () => {
  const prefix = freshPrefix('once');
  const clients: Redis[] = [];
  const client = () => {
    const c = new Redis(REDIS_TEST_URL, { maxRetriesPerRequest: 1 });
    c.on('error', () => undefined);
    clients.push(c);
    return c;
  };
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await prefix.drop();
  });

  let n = 0;
  statesOf('the states', () => redisOnce(client(), { prefix: `${prefix.prefix}:${++n}` }));

  it('two processes: one claims, the other sees it busy, then done', async () => {
    const [a, b] = [redisOnce(client(), { prefix: prefix.prefix }), redisOnce(client(), { prefix: prefix.prefix })];
    const turn = mine(await a.take('two:1'));
    expect((await b.take('two:1')).kind).toBe('busy');
    await turn.done();
    expect((await b.take('two:1')).kind).toBe('done');
  });

  it('a claim is renewed while its process lives, and lapses when the process dies (the re-send is then handled)', async () => {
    const dying = client();
    const a = redisOnce(dying, { prefix: prefix.prefix, claimTtlMs: 300 });
    const b = redisOnce(client(), { prefix: prefix.prefix, claimTtlMs: 300 });
    mine(await a.take('crash:1'));
    await new Promise((r) => setTimeout(r, 900)); // three TTLs: held only by the renewals
    expect((await b.take('crash:1')).kind).toBe('busy');
    dying.disconnect(); // as a kill -9: nobody renews, nobody releases
    await new Promise((r) => setTimeout(r, 600));
    const taken = mine(await b.take('crash:1'));
    await taken.done();
    expect((await a.take('crash:1').catch(() => ({ kind: 'closed' }))).kind).toBe('closed');
  });

  it('a holder whose claim lapsed and was taken over neither releases nor counts against the new holder', async () => {
    const raw = client();
    const [slow, other] = [redisOnce(client(), { prefix: prefix.prefix }), redisOnce(client(), { prefix: prefix.prefix })];
    const first = mine(await slow.take('lapsed:1'));
    await raw.del(`${prefix.prefix}:once:lapsed:1`); // as if its TTL ran out while its process was starved
    const second = mine(await other.take('lapsed:1'));
    expect(await first.failed()).toBe('retry');
    expect(await raw.get(`${prefix.prefix}:once-tries:lapsed:1`)).toBeNull();
    expect((await other.take('lapsed:1')).kind).toBe('busy');
    await second.done();
    expect((await other.take('lapsed:1')).kind).toBe('done');
  });
});
