// One Redis connection setup for queues, limits and pub/sub: reconnects with capped backoff forever
// (BullMQ needs maxRetriesPerRequest null), says so in the log once per outage, and never throws
// out of an event handler.
import { Redis } from 'ioredis';
import type { Logger } from '../bot/types.ts';

export interface RedisHealth {
  ok: boolean;
  detail: string;
}

/** The URL without its password, for messages. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://(unparsable URL)';
  }
}

export function connectRedis(url: string, log: Logger, name = 'newsbot'): Redis & { health(): RedisHealth } {
  const where = redactRedisUrl(url);
  let down: string | undefined;
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: name,
    // 100 ms doubling to 10 s, never giving up: an outage is waited out, not a crash loop.
    retryStrategy: (times) => Math.min(10_000, 100 * 2 ** Math.min(times, 7)),
  });
  redis.on('error', (error: Error) => {
    if (down === undefined) log.warn({ redis: where, err: error.message }, `Redis at ${where} does not answer (${error.message}); retrying with backoff`);
    down = error.message;
  });
  redis.on('ready', () => {
    if (down !== undefined) log.info({ redis: where }, `Redis at ${where} answers again`);
    down = undefined;
  });
  return Object.assign(redis, {
    health: (): RedisHealth => (redis.status === 'ready' ? { ok: true, detail: `${where} ready` } : { ok: false, detail: `${where} ${redis.status}${down ? `: ${down}` : ''}` }),
  });
}
