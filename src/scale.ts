// Wiring for several processes (NEWSBOT_DATABASE_URL and NEWSBOT_REDIS_URL): the BullMQ outbox, a
// shared claim on webhook updates (handled once, again when the handling failed), and documents stored by one process read back by
// the others (PostgreSQL LISTEN/NOTIFY). Without the URLs nothing here runs.
import type { Redis } from 'ioredis';
import { redisOnce, type HandleOnce } from './adapters/once.ts';
import type { Logger } from './bot/types.ts';
import type { Outbox, OutboxOptions } from './briefings/outbox.ts';
import type { Config } from './config.ts';
import type { QueueOutbox } from './delivery/queue-outbox.ts';
import { connectRedis, type RedisHealth } from './delivery/redis.ts';
import type { NewsStore } from './news/store.ts';
import type { RolePlan } from './roles.ts';
import { listenForDocuments, type DocumentNotices } from './storage/notify.ts';
import type { Storage } from './storage/db.ts';

export interface ScaleOut {
  createOutbox?: (options: OutboxOptions) => Outbox;
  once?: HandleOnce;
  /** Starts following other processes' documents (PostgreSQL only). */
  follow(store: NewsStore): void;
  health(): { redis?: RedisHealth; documents?: { ok: boolean; detail: string } };
  /** Health checks for /healthz: Redis, the delivery queue's depth, a worker's claim lock, the document notices; none without the URLs. */
  checks(): [string, () => Promise<{ ok: boolean; detail: string }>][];
  stop(): Promise<void>;
}

/** Queue depth per platform in the detail; unhealthy when Redis is down or the depth cannot be read. */
async function queueCheck(queue: QueueOutbox): Promise<{ ok: boolean; detail: string }> {
  const redis = queue.health();
  if (!redis.ok) return redis;
  try {
    const depth = await queue.depth();
    const parts = Object.entries(depth).map(([platform, d]) => `${platform}: ${d.waiting} waiting, ${d.delayed} delayed, ${d.active} active, ${d.failed} failed`);
    return { ok: true, detail: parts.join('; ') || 'empty' };
  } catch (error) {
    return { ok: false, detail: `queue depth unreadable: ${(error as Error).message}` };
  }
}

/** Whether this worker can prove it lives to the others (claims.ts): no new sends while not. */
function claimLockCheck(queue: QueueOutbox): { ok: boolean; detail: string } {
  const lock = queue.claimLock();
  if (!lock) return { ok: false, detail: 'not taken yet (the worker has not started)' };
  if (!lock.held) return { ok: false, detail: `not held (key ${lock.key}): its PostgreSQL connection is down; no new sends until it is back` };
  const age = Math.round((Date.now() - (lock.since?.getTime() ?? Date.now())) / 1000);
  return { ok: true, detail: `held since ${lock.since?.toISOString()} (${age} s, key ${lock.key})` };
}

export async function scaleOut(config: Config, plan: RolePlan, storage: Storage | undefined, log: Logger): Promise<ScaleOut> {
  const redisUrl = config.secrets.redisUrl;
  const prefix = process.env.NEWSBOT_REDIS_PREFIX?.trim() || 'newsbot';
  let redis: (Redis & { health(): RedisHealth }) | undefined;
  let notices: DocumentNotices | undefined;
  let unsubscribe: (() => void) | undefined;
  let queue: QueueOutbox | undefined;
  const out: ScaleOut = {
    follow(store) {
      if (!storage?.pool) return;
      notices = listenForDocuments(storage.pool, log, (change) => void store.refresh(change.changed, change.removed).catch((err: unknown) => log.warn({ err }, 'documents: reading back another process\'s documents failed')));
      unsubscribe = store.onDocuments((event) => {
        if (event.remote) return;
        const change = { changed: [...event.added, ...event.changed].map((b) => b.doc.id), removed: event.removed };
        void notices?.publish(change).catch((err: unknown) => log.warn({ err }, 'documents: telling other processes failed (they see it at their next start)'));
      });
    },
    health: () => ({
      ...(redis ? { redis: redis.health() } : {}),
      ...(notices ? { documents: notices.listening() ? { ok: true, detail: 'listening' } : { ok: false, detail: 'not listening (reconnecting)' } } : {}),
    }),
    checks() {
      const list: [string, () => Promise<{ ok: boolean; detail: string }>][] = [];
      if (redis) list.push(['redis', async () => redis!.health()]);
      if (queue) list.push(['queue', () => queueCheck(queue!)]);
      if (queue && plan.send && storage?.pool) list.push(['claimLock', async () => claimLockCheck(queue!)]);
      if (notices) list.push(['documents', async () => out.health().documents ?? { ok: true, detail: 'listening' }]);
      return list;
    },
    async stop() {
      unsubscribe?.();
      await notices?.stop();
      redis?.disconnect();
    },
  };
  if (redisUrl) {
    const { createQueueOutbox } = await import('./delivery/queue-outbox.ts');
    const shared = (redis = connectRedis(redisUrl, log, 'newsbot-web'));
    out.createOutbox = (options) => (queue = createQueueOutbox({ ...options, redisUrl, prefix, work: plan.send, ...(storage?.pool ? { pool: storage.pool } : {}) }));
    out.once = redisOnce(shared, { prefix });
  }
  return out;
}
