// The outbox over BullMQ (NEWSBOT_REDIS_URL): rows are written to the database exactly as the
// in-process outbox writes them (the database stays the truth), and each pending row becomes one
// job, id `o<row id>`, in the platform's queue, so adding it again is a no-op. Workers in any process
// send from the queues through limits shared in Redis; a 429 pauses the queue for everyone.
import { Queue, Worker, type Job } from 'bullmq';
import type pg from 'pg';
import { DEFAULT_LIMITS } from '../briefings/limiter.ts';
import { insertOutboxRows, moveChatRows, type ResultContext } from '../briefings/outbox-results.ts';
import type { Outbox, OutboxCounters, OutboxOptions } from '../briefings/outbox.ts';
import { localClaims, postgresClaims, type ClaimLock, type WorkerClaims } from './claims.ts';
import { connectRedis, type RedisHealth } from './redis.ts';
import { createLine, runSendJob, type SendJobData } from './send-job.ts';
import { createSharedLimiter } from './shared-limiter.ts';

export interface QueueOutboxOptions extends OutboxOptions {
  redisUrl: string;
  /** Redis key prefix (default "newsbot"); tests use one of their own. */
  prefix?: string;
  /** Send from the queues in this process (roles all and worker); otherwise only publish. */
  work?: boolean;
  /** A job whose worker stopped answering for this long goes to another worker (default 10 s). */
  lockDurationMs?: number;
  /** How often pending rows without a job are looked for (default 30 s). */
  rescanMs?: number;
  /** The PostgreSQL pool: workers of several processes tell a live one's rows from a dead one's (claims.ts). */
  pool?: pg.Pool;
}

export interface QueueOutbox extends Outbox {
  /** Jobs waiting, delayed and active, per platform queue. */
  depth(): Promise<Record<string, { waiting: number; delayed: number; active: number; failed: number }>>;
  health(): RedisHealth;
  /** Jobs that found their row being sent by a live worker and waited (a lapsed job lock). */
  deferred(): number;
  /** This worker's claim lock (sending processes on PostgreSQL, once started); undefined otherwise. */
  claimLock(): ClaimLock | undefined;
}

export const jobIdOf = (rowId: number) => `o${rowId}`;

export function createQueueOutbox(options: QueueOutboxOptions): QueueOutbox {
  const { db, log } = options;
  const clock = options.clock ?? Date.now;
  const prefix = options.prefix ?? 'newsbot';
  const limits = options.limits ?? DEFAULT_LIMITS;
  const adapters = new Map(options.adapters.map((a) => [a.platform as string, a]));
  const counters: OutboxCounters = { sent: 0, failed: 0, rateLimited: 0, transient: 0, forbidden: 0, recovered: 0, unauthorized: 0, moved: 0 };
  const halted = new Map<string, string>();
  const inFlight = new Set<number>();
  const redis = connectRedis(options.redisUrl, log, 'newsbot-outbox');
  const queues = new Map<string, Queue<SendJobData>>();
  const workers: Worker<SendJobData>[] = [];
  let lastPublished = 0;
  let publishing: Promise<void> = Promise.resolve();
  let rescanTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  let started = false;
  let paused = false;
  const counts = { deferred: 0 };
  const lockDuration = options.lockDurationMs ?? 10_000;
  let claims: (WorkerClaims & { ready?: Promise<void> }) | undefined;

  const queueFor = (platform: string) => {
    let q = queues.get(platform);
    if (!q) queues.set(platform, (q = new Queue<SendJobData>(`send-${platform}`, { connection: redis, prefix })));
    return q;
  };
  const jobOptions = (at: number) => ({
    removeOnComplete: { age: 3600, count: 200_000 },
    removeOnFail: { age: 7 * 86_400 },
    // A database that does not answer is retried with backoff; the row keeps its state meanwhile.
    attempts: 50,
    backoff: { type: 'exponential', delay: 1000 },
    ...(at > clock() ? { delay: at - clock() } : {}),
  });

  /** Adds a job for each pending row after `after` (ids already queued are skipped by BullMQ). */
  async function publishFrom(after: number): Promise<number> {
    let cursor = after;
    let added = 0;
    for (;;) {
      const rows = await db.selectFrom('outbox').select(['id', 'platform', 'next_attempt_at']).where('status', '=', 'pending').where('id', '>', cursor).orderBy('id').limit(1000).execute();
      if (rows.length === 0) return added;
      const byPlatform = new Map<string, typeof rows>();
      for (const r of rows) byPlatform.set(r.platform, [...(byPlatform.get(r.platform) ?? []), r]);
      for (const [platform, list] of byPlatform) {
        await queueFor(platform).addBulk(list.map((r) => ({ name: 'send', data: { id: r.id }, opts: { jobId: jobIdOf(r.id), ...jobOptions(r.next_attempt_at) } })));
      }
      added += rows.length;
      cursor = rows[rows.length - 1]?.id ?? cursor;
      lastPublished = Math.max(lastPublished, cursor);
    }
  }

  /**
   * Whether a platform's queue holds fewer live jobs than it has unsent rows up to `top` (Redis lost
   * its data, a job was given up). The jobs are counted before the rows: a row sent in between has
   * left both counts, so only the rare row stored in between can make it say yes wrongly (a full
   * scan, harmless). Counted the other way round, every job finished in between read as missing.
   */
  async function jobsMissing(top: number): Promise<boolean> {
    const unsent = db.selectFrom('outbox').where('status', 'in', ['pending', 'sending', 'held']).where('id', '<=', top);
    const platforms = await unsent.select('platform').distinct().execute();
    const jobs = new Map<string, number>();
    for (const { platform } of platforms) {
      const c = await queueFor(platform).getJobCounts('waiting', 'delayed', 'active', 'prioritized');
      jobs.set(platform, Object.values(c).reduce((a, n) => a + n, 0));
    }
    const rows = await unsent.select(['platform', ({ fn }) => fn.countAll<number>().as('n')]).groupBy('platform').execute();
    return rows.some((r) => (jobs.get(r.platform) ?? 0) < Number(r.n));
  }

  /**
   * Rows stored since the last look are queued; every pending row again only when the queues hold
   * fewer jobs than there are unsent rows (re-adding 20,000 existing ids in each process every 30 s
   * took Redis and the database from the sends). Then stale rows whose job is finished or gone.
   */
  async function rescan(): Promise<void> {
    const top = await db.selectFrom('outbox').select(({ fn }) => fn.max('id').as('id')).executeTakeFirst();
    const topId = Number(top?.id ?? 0);
    if (await jobsMissing(topId)) await publishFrom(0);
    else lastPublished = Math.max(lastPublished, topId);
    await publishFrom(lastPublished);
    const stale = await db.selectFrom('outbox').select(['id', 'platform', 'status']).where('status', 'in', ['pending', 'sending']).where('updated_at', '<', clock() - 120_000).limit(500).execute();
    for (const row of stale) {
      const q = queueFor(row.platform);
      const state = await q.getJobState(jobIdOf(row.id));
      if (state === 'completed' || state === 'failed' || state === 'unknown') {
        await (await q.getJob(jobIdOf(row.id)))?.remove().catch(() => undefined);
        await q.add('send', { id: row.id }, { jobId: jobIdOf(row.id), ...jobOptions(0) });
        log.warn({ outboxId: row.id, platform: row.platform, state }, 'outbox: a pending message had no live job; queued it again');
      }
    }
  }

  function publish(): Promise<void> {
    publishing = publishing
      .catch(() => undefined)
      .then(() => publishFrom(lastPublished))
      .then(
        () => undefined,
        (err: unknown) => log.error({ err }, 'outbox: queueing messages failed (retried at the next rescan)'),
      );
    return publishing;
  }

  function startWorker(platform: string) {
    const adapter = adapters.get(platform);
    if (!adapter) return;
    const limiter = createSharedLimiter(redis, prefix, platform, limits, options.marginMs);
    const queue = queueFor(platform);
    const perSecond = platform === 'telegram' ? limits.telegram.perSecond : platform === 'discord' ? limits.discord.perSecond : 1000;
    const results: ResultContext = {
      db, log, clock, counters, halted,
      observe: options.observe ?? (() => undefined),
      maxFailures: options.maxFailures ?? 5,
      backoff: options.backoff ?? { baseMs: 1000, maxMs: 300_000 },
      // Every process stops: the shared windows' pause key and BullMQ's limiter key.
      pause: async (_platform, ms) => {
        await limiter.pause(ms);
        await queue.rateLimit(ms);
      },
      // The token was refused: this process takes no more jobs of the platform (they wait in the queue).
      wake: () => void worker.pause(true),
      ...(options.onForbidden ? { onForbidden: options.onForbidden } : {}),
      ...(options.onMoved ? { onMoved: options.onMoved } : {}),
    };
    const ctx = { results, adapter, limiter, inFlight, line: createLine(), stopping: () => stopping, claims: claims ?? localClaims(), recheckMs: lockDuration, counts };
    // eslint-disable-next-line prefer-const -- the results context refers to the worker made after it
    let worker: Worker<SendJobData>;
    worker = new Worker<SendJobData>(queue.name, (job: Job<SendJobData>, token?: string) => runSendJob(ctx, job, token), {
      connection: redis,
      prefix,
      concurrency: options.maxInFlight ?? 32,
      // BullMQ's own limiter: a coarse cap on jobs started per second, and the key a 429 sets to pause
      // the queue for every worker (queue.rateLimit). The exact windows are the shared limiter's.
      limiter: { max: perSecond, duration: 1000 },
      lockDuration,
      stalledInterval: lockDuration,
      maxStalledCount: 20,
      autorun: true,
    });
    worker.on('error', (err) => log.warn({ err: err.message, platform }, `outbox worker (${platform}): ${err.message}`));
    workers.push(worker);
  }

  return {
    counters,
    wake: () => void publish(),
    enqueue: (tx, messages) => insertOutboxRows(tx, messages, clock()),
    halted: () => Object.fromEntries(halted),
    // An operator's /pause holds the queues for every process (BullMQ's global pause).
    pause() {
      paused = true;
      for (const platform of adapters.keys()) void queueFor(platform).pause().catch((err: unknown) => log.warn({ err }, 'outbox: pausing the queue failed'));
    },
    resume() {
      paused = false;
      for (const platform of adapters.keys()) void queueFor(platform).resume().catch((err: unknown) => log.warn({ err }, 'outbox: resuming the queue failed'));
    },
    paused: () => paused,
    moveChat: (platform, from, to) => moveChatRows(db, clock(), platform, from, to),
    async start() {
      if (started) return { recovered: 0 };
      started = true;
      stopping = false;
      halted.clear();
      await rescan().catch((err: unknown) => log.error({ err }, 'outbox: first scan of pending messages failed (retried)'));
      if (options.work ?? true) {
        claims = options.pool ? postgresClaims(options.pool, log) : localClaims();
        await claims.ready;
        for (const platform of adapters.keys()) startWorker(platform);
      }
      rescanTimer = setInterval(() => void rescan().catch((err: unknown) => log.warn({ err }, 'outbox: rescan failed')), options.rescanMs ?? 30_000);
      rescanTimer.unref();
      return { recovered: 0 };
    },
    async stop() {
      stopping = true;
      clearInterval(rescanTimer);
      await publishing.catch(() => undefined);
      await Promise.allSettled(workers.splice(0).map((w) => w.close()));
      await claims?.stop();
      claims = undefined;
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
      queues.clear();
      redis.disconnect();
      started = false;
    },
    async stats() {
      const rows = await db.selectFrom('outbox').select(['status', ({ fn }) => fn.countAll<number>().as('n')]).groupBy('status').execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
    async drained(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      const platforms = [...adapters.keys()];
      for (;;) {
        const row = await db
          .selectFrom('outbox')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .where((eb) => eb.or([eb('status', '=', 'sending'), eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', clock() + 60_000)])]))
          .where('platform', 'in', platforms.filter((p) => !halted.has(p)).concat(['']))
          .executeTakeFirst();
        if (Number(row?.n ?? 0) === 0 && inFlight.size === 0) return;
        if (Date.now() > deadline) throw new Error(`outbox not drained after ${timeoutMs} ms (${JSON.stringify(await this.stats())})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async depth() {
      const out: Record<string, { waiting: number; delayed: number; active: number; failed: number }> = {};
      for (const platform of new Set([...adapters.keys(), ...queues.keys()])) {
        const c = await queueFor(platform).getJobCounts('waiting', 'delayed', 'active', 'failed');
        out[platform] = { waiting: c.waiting ?? 0, delayed: c.delayed ?? 0, active: c.active ?? 0, failed: c.failed ?? 0 };
      }
      return out;
    },
    health: () => redis.health(),
    deferred: () => counts.deferred,
    claimLock: () => claims?.lock?.(),
  };
}
