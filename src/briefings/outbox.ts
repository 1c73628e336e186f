// The persistent outbox: every briefing message is a row (pending -> sending -> sent | failed) sent
// through the platform's limiter, so a restart resumes what was pending and a 429 loses nothing.
import { sql } from 'kysely';
import type { ChatAdapter, ChatTarget } from '../adapters/chat-adapter.ts';
import type { Post } from '../bot/post.ts';
import { DEFAULT_LIMITS, platformLimiter, type Limiter } from './limiter.ts';
import { insertOutboxRows, moveChatRows, recordResult, sendOptionsOf, type ResultContext } from './outbox-results.ts';
import type { Outbox, OutboxCounters, OutboxOptions, OutboxRow } from './outbox-types.ts';

export type { Outbox, OutboxCounters, OutboxMessage, OutboxOptions, OutboxRow, SendResult } from './outbox-types.ts';


export function createOutbox(options: OutboxOptions): Outbox {
  const { db, log } = options;
  const clock = options.clock ?? Date.now;
  const maxInFlight = options.maxInFlight ?? 16;
  const maxFailures = options.maxFailures ?? 5;
  const backoff = options.backoff ?? { baseMs: 1000, maxMs: 300_000 };
  const adapters = new Map(options.adapters.map((a) => [a.platform as string, a]));
  const limiters = new Map<string, Limiter>();
  const counters: OutboxCounters = { sent: 0, failed: 0, rateLimited: 0, transient: 0, forbidden: 0, recovered: 0, unauthorized: 0, moved: 0 };
  const halted = new Map<string, string>();
  const inFlight = new Map<number, Promise<void>>();
  const wakers = new Set<() => void>();
  const loops: Promise<void>[] = [];
  let stopping = false;
  let started = false;
  let paused = false;
  const observe = options.observe ?? (() => undefined);

  const limiterFor = (platform: string) => {
    let l = limiters.get(platform);
    if (!l) limiters.set(platform, (l = platformLimiter(platform, options.limits ?? DEFAULT_LIMITS, options.marginMs)));
    return l;
  };

  /** Sleeps up to ms; wake() and stop() cut it short, as does a wake() since generation `since`. */
  let generation = 0;
  function nap(ms: number, since = generation): Promise<void> {
    return new Promise((resolve) => {
      if (since !== generation || stopping) return resolve();
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      wakers.add(done);
    });
  }
  function wake() {
    generation++;
    for (const w of [...wakers]) w();
  }

  /** Due rows that are the oldest unsent row of their chat (messages to one chat keep their order). */
  async function heads(platform: string, limit: number): Promise<OutboxRow[]> {
    return db
      .selectFrom('outbox as o')
      .selectAll('o')
      .where('o.platform', '=', platform)
      .where('o.status', '=', 'pending')
      .where('o.next_attempt_at', '<=', clock())
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('outbox as p')
              .select(sql.lit(1).as('one'))
              .whereRef('p.platform', '=', 'o.platform')
              .whereRef('p.chat_id', '=', 'o.chat_id')
              .whereRef('p.thread_id', '=', 'o.thread_id')
              .where('p.status', 'in', ['pending', 'sending'])
              .whereRef('p.id', '<', 'o.id'),
          ),
        ),
      )
      .orderBy('o.next_attempt_at')
      .orderBy('o.id')
      .limit(limit)
      .execute();
  }

  async function nextDueIn(platform: string): Promise<number> {
    const row = await db.selectFrom('outbox').select(({ fn }) => fn.min('next_attempt_at').as('next')).where('platform', '=', platform).where('status', '=', 'pending').executeTakeFirst();
    const next = row?.next;
    return next === null || next === undefined ? 1000 : Math.min(1000, Math.max(0, Number(next) - clock()));
  }

  const results: ResultContext = {
    db, log, clock, counters, maxFailures, backoff, halted, wake, observe,
    pause: (platform, ms) => limiterFor(platform).pause(ms),
    ...(options.onForbidden ? { onForbidden: options.onForbidden } : {}),
    ...(options.onMoved ? { onMoved: options.onMoved } : {}),
  };
  const moveChat = (platform: string, from: string, to: string) => moveChatRows(db, clock(), platform, from, to);

  function dispatch(row: OutboxRow, adapter: ChatAdapter, answered: () => void) {
    const target: ChatTarget = { chatId: row.chat_id, ...(row.thread_id ? { threadId: row.thread_id } : {}) };
    const job = (async () => {
      let outcome: { ids: string[] } | { error: unknown };
      try {
        outcome = { ids: await adapter.send(target, JSON.parse(row.post) as Post, sendOptionsOf(row, log)) };
      } catch (error) {
        outcome = { error };
      }
      answered();
      try {
        await recordResult(results, row, outcome);
      } catch (error) {
        log.error({ err: error, outboxId: row.id }, 'could not record a send result (the row stays `sending` and is retried at the next start)');
      }
    })().finally(() => {
      inFlight.delete(row.id);
      wake();
    });
    inFlight.set(row.id, job);
  }

  async function worker(platform: string, adapter: ChatAdapter) {
    const limiter = limiterFor(platform);
    let inFlightHere = 0;
    while (!stopping && !halted.has(platform)) {
      const since = generation;
      if (paused) {
        await nap(1000, since);
        continue;
      }
      let rows: OutboxRow[];
      try {
        rows = (await heads(platform, 200)).filter((r) => !inFlight.has(r.id));
      } catch (error) {
        log.error({ err: error }, 'outbox: reading pending messages failed');
        await nap(1000);
        continue;
      }
      if (rows.length === 0) {
        await nap(await nextDueIn(platform).catch(() => 1000), since);
        continue;
      }
      let sent = 0;
      let chatWait = Infinity;
      for (const row of rows) {
        if (stopping || paused) break;
        while (inFlightHere >= maxInFlight && !stopping) await nap(50);
        let acquired: (() => void) | undefined;
        while (!stopping) {
          const a = limiter.acquire(row.chat_id);
          if (a.ok) {
            acquired = a.done;
            break;
          }
          if (a.scope === 'chat') {
            chatWait = Math.min(chatWait, a.waitMs);
            break;
          }
          await nap(a.waitMs);
        }
        if (!acquired) continue;
        if (stopping || halted.has(platform)) {
          acquired();
          continue;
        }
        const now = clock();
        const claimed = await db
          .updateTable('outbox')
          .set((eb) => ({ status: 'sending', attempts: row.attempts + 1, updated_at: now, first_claimed_at: eb.fn.coalesce('first_claimed_at', eb.val(now)) }))
          .where('id', '=', row.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) {
          acquired();
          continue;
        }
        inFlightHere++;
        dispatch({ ...row, attempts: row.attempts + 1 }, adapter, acquired);
        void inFlight.get(row.id)?.finally(() => inFlightHere--);
        sent++;
      }
      if (sent === 0 && !stopping) await nap(Number.isFinite(chatWait) ? chatWait : 50, since);
    }
  }

  async function waitForInFlight(timeoutMs: number) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...inFlight.values()]), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
  }

  return {
    counters,
    wake,
    moveChat,
    halted: () => Object.fromEntries(halted),
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      wake();
    },
    paused: () => paused,
    enqueue: (tx, messages) => insertOutboxRows(tx, messages, clock()),
    async start() {
      if (started) return { recovered: 0 };
      started = true;
      stopping = false;
      halted.clear();
      const now = clock();
      const result = await db.updateTable('outbox').set((eb) => ({ status: 'pending', recovered: eb('recovered', '+', 1), updated_at: now })).where('status', '=', 'sending').executeTakeFirst();
      const recovered = Number(result.numUpdatedRows);
      counters.recovered += recovered;
      if (recovered > 0) log.warn({ recovered }, `${recovered} briefing message(s) were being sent when the bot last stopped: sending them again (Discord drops repeats by nonce; on Telegram they may arrive twice)`);
      const platforms = await db.selectFrom('outbox').select('platform').distinct().where('status', '=', 'pending').execute();
      for (const { platform } of platforms) if (!adapters.has(platform)) log.warn({ platform }, `briefing messages for ${platform} wait in the outbox: that platform is not running`);
      for (const [platform, adapter] of adapters) loops.push(worker(platform, adapter));
      return { recovered };
    },
    async stop() {
      if (!started) return;
      stopping = true;
      wake();
      await Promise.allSettled(loops.splice(0));
      await waitForInFlight(options.drainTimeoutMs ?? 10_000);
      started = false;
    },
    async stats() {
      const rows = await db.selectFrom('outbox').select(['status', ({ fn }) => fn.countAll<number>().as('n')]).groupBy('status').execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
    async drained(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const row = await db
          .selectFrom('outbox')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .where((eb) => eb.or([eb('status', '=', 'sending'), eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', clock() + 60_000)])]))
          .where('platform', 'in', [...adapters.keys()].filter((p) => !halted.has(p)).concat(['']))
          .executeTakeFirst();
        if (Number(row?.n ?? 0) === 0 && inFlight.size === 0) return;
        if (Date.now() > deadline) throw new Error(`outbox not drained after ${timeoutMs} ms (${JSON.stringify(await this.stats())})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
