// A worker process for the scale tests and bench: the real Telegram adapter (telegraf) pointed at the
// fake Bot API, sending from the BullMQ queues over the shared PostgreSQL database. Prints READY,
// waits for rows in the outbox, then prints DRAINED with its counters once nothing is left, and
// exits (or is killed with SIGKILL).
import path from 'node:path';
import { createTelegramAdapter } from '../../src/adapters/telegram/index.ts';
import { createRouter } from '../../src/bot/router.ts';
import { loadConfig } from '../../src/config.ts';
import { createQueueOutbox } from '../../src/delivery/queue-outbox.ts';
import { openStorage } from '../../src/storage/db.ts';
import { fakeStore, servicesFor } from '../briefings/helpers.ts';
import { memoryLogger, repoRoot } from '../helpers/services.ts';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const scale = Number(process.env.SCALE_LIMITS ?? 10);
const log = memoryLogger();
const config = loadConfig({ NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'), TELEGRAM_BOT_TOKEN: env('SCALE_TG_TOKEN'), TELEGRAM_API_ROOT: env('SCALE_TG_API') }, repoRoot);
const store = fakeStore([]);
const services = servicesFor(store, log);
const adapter = createTelegramAdapter({ router: createRouter(services), services, config, log });
// SCALE_STALL_MS: after its first send's answer, the process is starved that long (its event loop
// blocked, as by a CPU-bound neighbour): BullMQ cannot renew the job's lock, and another worker gets the job.
const stallMs = Number(process.env.SCALE_STALL_MS ?? 0);
if (stallMs > 0) {
  const send = adapter.send.bind(adapter);
  let stalled = false;
  adapter.send = async (target, post, options) => {
    const ids = await send(target, post, options);
    if (!stalled) {
      stalled = true;
      process.stdout.write(`STALLING ${target.chatId}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, stallMs);
    }
    return ids;
  };
}
const storage = await openStorage({ dataDir: '.', url: env('SCALE_DATABASE_URL'), postgres: { connectAttempts: 3, poolSize: 8 } });
const outbox = createQueueOutbox({
  db: storage.db, ...(storage.pool ? { pool: storage.pool } : {}), adapters: [adapter], log, redisUrl: env('SCALE_REDIS_URL'), prefix: env('SCALE_PREFIX'),
  limits: { telegram: { perSecond: 30 * scale, perChatPerSecond: 1 * scale, perGroupPerMinute: 20 * scale }, discord: { perSecond: 50 * scale } },
  maxInFlight: Number(process.env.SCALE_IN_FLIGHT ?? 16),
  lockDurationMs: Number(process.env.SCALE_LOCK_MS ?? 2000),
});
await outbox.start();
process.stdout.write(`READY ${process.pid}\n`);
// The bench starts its workers before it stores the briefings (running workers take a fan-out, as in
// production): an empty outbox is not drained yet.
while (Object.keys(await outbox.stats()).length === 0) await new Promise((r) => setTimeout(r, 100));
await outbox.drained(600_000);
process.stdout.write(`DRAINED ${JSON.stringify({ ...outbox.counters, deferred: outbox.deferred() })}\n`);
await outbox.stop();
await storage.close();
process.exit(0);
