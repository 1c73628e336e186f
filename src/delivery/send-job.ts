// One BullMQ job = one outbox row. The row in the database stays the truth: a job whose row is
// already sent (or gone) does nothing, and a job whose row another live worker is sending waits (the
// row's claim, src/delivery/claims.ts), so a re-enqueue or a job handed on after a missed lock renewal
// sends nothing twice. Only a worker that died mid-send leaves a message that may go twice (Discord
// drops it by nonce; Telegram may show it twice, and the row counts it as recovered).
import { randomBytes } from 'node:crypto';
import { DelayedError, Worker, type Job } from 'bullmq';
import type { ChatAdapter, ChatTarget } from '../adapters/chat-adapter.ts';
import type { Post } from '../bot/post.ts';
import { recordResult, sendOptionsOf, type ResultContext } from '../briefings/outbox-results.ts';
import type { OutboxRow } from '../briefings/outbox-types.ts';
import type { WorkerClaims } from './claims.ts';
import type { SharedLimiter } from './shared-limiter.ts';

export interface SendJobData {
  id: number;
}

export interface SendContext {
  results: ResultContext;
  adapter: ChatAdapter;
  limiter: SharedLimiter;
  stopping: () => boolean;
  /** Rows being sent by this process right now (for drained()). */
  inFlight: Set<number>;
  /** This process's jobs waiting for the platform's overall window. */
  line: Line;
  claims: WorkerClaims;
  /** How long a job whose row a live worker holds waits before looking again (the job lock's duration). */
  recheckMs: number;
  /** Jobs that found their row held by a live worker and waited instead of sending. */
  counts: { deferred: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A held row (its chat paused) is looked at again this often. */
const HELD_RECHECK_MS = 30_000;

/** Puts the job back for later under the same id (BullMQ's delayed set) and ends this run. */
async function later(job: Job, token: string | undefined, at: number): Promise<never> {
  await job.moveToDelayed(Math.max(Date.now() + 1, Math.min(at, Date.now() + 3_600_000)), token);
  throw new DelayedError();
}

/**
 * This process's jobs waiting for the overall window stand in line: only the first asks Redis, when
 * the window's oldest send frees. Each waiting job polling on its own made every freed slot cost one
 * Lua call per waiting job in every process (48 with three workers of 16), CPU taken from the sends.
 */
export interface Line {
  waiting: number;
  tail: Promise<void>;
}
export const createLine = (): Line => ({ waiting: 0, tail: Promise.resolve() });

async function inLine<T>(line: Line, run: () => Promise<T>): Promise<T> {
  const before = line.tail;
  let leave = () => {};
  line.tail = new Promise((resolve) => (leave = resolve));
  line.waiting++;
  try {
    await before;
    return await run();
  } finally {
    line.waiting--;
    leave();
  }
}

/** One try at a slot: its release, or how long the overall window stays full; a chat's window, stopping or a halted platform put the job back. */
async function take(ctx: SendContext, chatId: string, member: string, job: Job, token: string | undefined): Promise<{ done: () => void } | { waitMs: number }> {
  if (ctx.stopping() || ctx.results.halted.has(ctx.adapter.platform)) return later(job, token, Date.now() + 1000);
  const a = await ctx.limiter.acquire(chatId, member);
  if (a.ok) return { done: a.done };
  if (a.scope === 'chat') return later(job, token, Date.now() + a.waitMs);
  return { waitMs: a.waitMs };
}

/** Waits for a slot in the shared windows: at once when none of this process's jobs waits, else in line. */
export async function slot(ctx: SendContext, chatId: string, member: string, job: Job, token: string | undefined): Promise<() => void> {
  if (ctx.line.waiting === 0) {
    const first = await take(ctx, chatId, member, job, token);
    if ('done' in first) return first.done;
  }
  return inLine(ctx.line, async () => {
    for (;;) {
      const t = await take(ctx, chatId, member, job, token);
      if ('done' in t) return t.done;
      await sleep(Math.min(t.waitMs, 1000));
    }
  });
}

/**
 * Whether a live worker is sending this row now: this process (its job came back to us after a missed
 * lock renewal), or the process whose key the row holds and whose claim lock PostgreSQL still keeps.
 */
async function heldByLiveWorker(ctx: SendContext, row: OutboxRow): Promise<boolean> {
  if (ctx.inFlight.has(row.id)) return true;
  if (row.status !== 'sending' || row.claimed_by === null || ctx.claims.mine(row.claimed_by)) return false;
  return ctx.claims.alive(row.claimed_by);
}

export async function runSendJob(ctx: SendContext, job: Job<SendJobData>, token: string | undefined): Promise<string> {
  const { db, clock, log } = ctx.results;
  // The row and whether an older message to its chat is unsent, in one round trip.
  const found = await db
    .selectFrom('outbox as o')
    .selectAll('o')
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('outbox as p')
            .select('p.id')
            .whereRef('p.platform', '=', 'o.platform')
            .whereRef('p.chat_id', '=', 'o.chat_id')
            .whereRef('p.thread_id', '=', 'o.thread_id')
            .where('p.status', 'in', ['pending', 'sending'])
            .whereRef('p.id', '<', 'o.id'),
        )
        .as('older'),
    )
    .where('o.id', '=', job.data.id)
    .executeTakeFirst();
  if (!found || found.status === 'sent' || found.status === 'failed') return 'done';
  const { older, ...row } = found;
  if (row.status === 'held') return later(job, token, Date.now() + HELD_RECHECK_MS);
  if (row.status === 'pending' && row.next_attempt_at > clock()) return later(job, token, Date.now() + (row.next_attempt_at - clock()));
  // Messages to one chat keep their order: only the oldest unsent one goes.
  if (older) return later(job, token, Date.now() + 1000);
  if (await heldByLiveWorker(ctx, row)) {
    ctx.counts.deferred++;
    log.info({ platform: row.platform, outboxId: row.id }, 'outbox: a live worker is still sending this message (its job lock lapsed): waiting instead of sending it again');
    return later(job, token, Date.now() + ctx.recheckMs);
  }
  // Without its claim lock this process cannot show it lives: it claims nothing until the lock is back.
  const me = ctx.claims.key();
  if (me === undefined) return later(job, token, Date.now() + 1000);

  const release = await slot(ctx, row.chat_id, `${row.id}:${randomBytes(4).toString('hex')}`, job, token);
  // Claimed from `sending`: the worker that had it died mid-send (BullMQ gave the stalled job to us).
  const recovered = row.status === 'sending';
  const now = clock();
  const claim = await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'sending', attempts: row.attempts + 1, updated_at: now, first_claimed_at: eb.fn.coalesce('first_claimed_at', eb.val(now)), claimed_by: me, ...(recovered ? { recovered: row.recovered + 1 } : {}) }))
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  // Another run changed the row since it was read: look again (ending the job here could leave a
  // row that went back to pending without one).
  if (Number(claim.numUpdatedRows) !== 1) {
    release();
    return later(job, token, Date.now() + 1000);
  }
  const claimed = { ...row, attempts: row.attempts + 1, recovered: row.recovered + (recovered ? 1 : 0), first_claimed_at: row.first_claimed_at ?? now, claimed_by: me };
  if (recovered) {
    ctx.results.counters.recovered++;
    log.warn({ platform: row.platform, chatId: row.chat_id, outboxId: row.id }, 'a message was being sent by a worker that stopped: sending it again (Discord drops repeats by nonce; on Telegram it may arrive twice)');
  }
  const target: ChatTarget = { chatId: row.chat_id, ...(row.thread_id ? { threadId: row.thread_id } : {}) };
  let outcome: { ids: string[] } | { error: unknown };
  ctx.inFlight.add(row.id);
  try {
    outcome = { ids: await ctx.adapter.send(target, JSON.parse(row.post) as Post, sendOptionsOf(claimed, log)) };
  } catch (error) {
    outcome = { error };
  } finally {
    release();
  }
  try {
    const result = await recordResult(ctx.results, claimed, outcome);
    if (result.row !== 'pending') return result.row;
    // A 429 paused the queue for every worker (queue.rateLimit): this job goes back to wait.
    if (result.why === 'rate_limited') throw Worker.RateLimitError();
    return later(job, token, result.at === Infinity ? Date.now() + 60_000 : Date.now() + Math.max(0, result.at - clock()));
  } finally {
    ctx.inFlight.delete(row.id);
  }
}
