// Redis for tests: is the server there, and a key prefix of one's own, deleted after.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Probe } from './pg.ts';

export const REDIS_TEST_URL = process.env.NEWSBOT_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export async function probeRedis(url = REDIS_TEST_URL): Promise<Probe> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `Redis at ${url} does not answer (${(error as Error).message})` };
  } finally {
    redis.disconnect();
  }
}

/** A fresh key prefix; drop() deletes every key under it. */
export function freshPrefix(tag = 'test'): { prefix: string; drop(): Promise<void> } {
  const prefix = `nbtest:${tag}:${process.pid}:${randomBytes(4).toString('hex')}`;
  return {
    prefix,
    async drop() {
      const redis = new Redis(REDIS_TEST_URL, { maxRetriesPerRequest: 1 });
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** Both services, or the reasons they are missing (one line each). */
export async function probeServices(): Promise<{ ok: boolean; reasons: string[] }> {
  const { probePostgres } = await import('./pg.ts');
  const [pg, redis] = await Promise.all([probePostgres(), probeRedis()]);
  const reasons = [pg, redis].flatMap((p) => (p.ok ? [] : [p.reason]));
  return { ok: reasons.length === 0, reasons };
}
