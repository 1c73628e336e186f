// Wiring for several processes (NEWSBOT_DATABASE_URL and NEWSBOT_REDIS_URL): the BullMQ outbox, a
// shared "first time" check for webhook updates, and documents stored by one process read back by
// the others (PostgreSQL LISTEN/NOTIFY). Without the URLs nothing here runs.
import type { Redis } from 'ioredis';
import type { Logger } from './bot/types.ts';
import type { Outbox, OutboxOptions } from './briefings/outbox.ts';
import type { Config } from './config.ts';
import { connectRedis, type RedisHealth } from './delivery/redis.ts';
import type { NewsStore } from './news/store.ts';
import type { RolePlan } from './roles.ts';
import { listenForDocuments, type DocumentNotices } from './storage/notify.ts';
import type { Storage } from './storage/db.ts';

export interface ScaleOut {
  createOutbox?: (options: OutboxOptions) => Outbox;
  firstTime?: (key: string) => Promise<boolean>;
  /** Starts following other processes' documents (PostgreSQL only). */
  follow(store: NewsStore): void;
  health(): { redis?: RedisHealth; documents?: { ok: boolean; detail: string } };
  stop(): Promise<void>;
}

/** How long a handled update id is remembered across processes (Telegram re-sends for up to a day). */
const UPDATE_TTL_S = 86_400;

export async function scaleOut(config: Config, plan: RolePlan, storage: Storage | undefined, log: Logger): Promise<ScaleOut> {
  const redisUrl = config.secrets.redisUrl;
  const prefix = process.env.NEWSBOT_REDIS_PREFIX?.trim() || 'newsbot';
  let redis: (Redis & { health(): RedisHealth }) | undefined;
  let notices: DocumentNotices | undefined;
  let unsubscribe: (() => void) | undefined;
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
    async stop() {
      unsubscribe?.();
      await notices?.stop();
      redis?.disconnect();
    },
  };
  if (redisUrl) {
    const { createQueueOutbox } = await import('./delivery/queue-outbox.ts');
    const shared = (redis = connectRedis(redisUrl, log, 'newsbot-web'));
    out.createOutbox = (options) => createQueueOutbox({ ...options, redisUrl, prefix, work: plan.send });
    out.firstTime = async (key) => (await shared.set(`${prefix}:seen:${key}`, '1', 'EX', UPDATE_TTL_S, 'NX')) === 'OK';
  }
  return out;
}
