// What a send's answer does to its outbox row, shared by the in-process outbox (outbox.ts) and the
// BullMQ one (src/delivery): sent, wait for retry_after, back off, give up, stop the platform on a
// refused token, follow a chat to its new id. Also the row's send options and the rows' insertion.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SendError, type SendOptions } from '../adapters/chat-adapter.ts';
import type { Logger } from '../bot/types.ts';
import type { Database } from '../storage/schema.ts';
import type { OutboxCounters, OutboxMessage, OutboxOptions, OutboxRow, SendResult } from './outbox-types.ts';

export interface ResultContext {
  db: Kysely<Database>;
  log: Logger;
  clock: () => number;
  counters: OutboxCounters;
  maxFailures: number;
  backoff: { baseMs: number; maxMs: number };
  /** Platforms whose token was refused, with the reason. */
  halted: Map<string, string>;
  /** Stops the platform's sends for `ms` (a 429's retry_after). */
  pause(platform: string, ms: number): void | Promise<void>;
  /** A platform was halted: whoever waits on rows should look again. */
  wake(): void;
  onForbidden?: OutboxOptions['onForbidden'];
  onMoved?: OutboxOptions['onMoved'];
  /** Each answer, for metrics. */
  observe: (platform: string, result: SendResult, retryAfterMs?: number) => void;
}

/** What became of the row: done with it, or it waits (`at`: when it is due again). */
export type Result = { row: 'sent' | 'failed' } | { row: 'pending'; at: number; why: 'rate_limited' | 'transient' | 'unauthorized' | 'moved' };

const newKey = () => `nb${randomBytes(9).toString('base64url')}`;

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}

/** Adds messages as pending rows inside the caller's transaction. */
export async function insertOutboxRows(tx: Kysely<Database>, messages: OutboxMessage[], now: number): Promise<number[]> {
  if (messages.length === 0) return [];
  const rows = await tx
    .insertInto('outbox')
    .values(
      messages.map((m) => ({
        platform: m.platform,
        chat_id: m.target.chatId,
        thread_id: m.target.threadId ?? '',
        subscription_id: m.subscriptionId ?? null,
        delivery_id: m.deliveryId ?? null,
        idempotency_key: newKey(),
        post: JSON.stringify(m.post),
        options: m.crosspost ? JSON.stringify({ crosspost: true }) : null,
        status: 'pending',
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export function sendOptionsOf(row: OutboxRow, log: Logger): SendOptions {
  let extra: SendOptions = {};
  try {
    extra = row.options ? (JSON.parse(row.options) as SendOptions) : {};
  } catch {
    log.warn({ outboxId: row.id }, 'outbox: unreadable send options ignored');
  }
  // Found `sending` at a start: the platform may have it already.
  const triedAt = row.recovered > 0 && row.first_claimed_at !== null ? Number(row.first_claimed_at) : undefined;
  return { ...extra, idempotencyKey: row.idempotency_key, ...(triedAt !== undefined ? { triedAt } : {}) };
}

export async function moveChatRows(db: Kysely<Database>, now: number, platform: string, from: string, to: string): Promise<number> {
  const result = await db.updateTable('outbox').set({ chat_id: to, updated_at: now }).where('platform', '=', platform).where('chat_id', '=', from).where('status', 'in', ['pending', 'held']).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The token, not the chat, was refused: the row waits as it was, and the platform sends nothing more until a restart. */
async function tokenRefused(ctx: ResultContext, row: OutboxRow, reason: string): Promise<Result> {
  ctx.counters.unauthorized++;
  await ctx.db.updateTable('outbox').set({ status: 'pending', last_error: `unauthorized: ${reason}`, updated_at: ctx.clock() }).where('id', '=', row.id).execute();
  if (!ctx.halted.has(row.platform)) {
    ctx.halted.set(row.platform, reason);
    ctx.wake();
    ctx.log.warn({ platform: row.platform }, `${row.platform}: sends stopped because the token was refused; every subscription and waiting message is kept and goes out after a restart with a working token`);
  }
  return { row: 'pending', at: Infinity, why: 'unauthorized' };
}

async function chatMoved(ctx: ResultContext, row: OutboxRow, to: string, reason: string): Promise<Result> {
  ctx.counters.moved++;
  ctx.log.warn({ platform: row.platform, chatId: row.chat_id, movedTo: to }, `${row.platform} chat ${row.chat_id} moved to ${to} (${reason}): its subscription and messages follow`);
  await ctx.onMoved?.(row, to);
  await moveChatRows(ctx.db, ctx.clock(), row.platform, row.chat_id, to);
  // Still ours unless onMoved dropped it: sent again at once, to the new id.
  await ctx.db.updateTable('outbox').set({ chat_id: to, status: 'pending', next_attempt_at: ctx.clock(), last_error: reason, updated_at: ctx.clock() }).where('id', '=', row.id).where('status', '=', 'sending').execute();
  return { row: 'pending', at: ctx.clock(), why: 'moved' };
}

/** Records a send's answer on its row (claimed `sending` by the caller). */
export async function recordResult(ctx: ResultContext, row: OutboxRow, outcome: { ids: string[] } | { error: unknown }): Promise<Result> {
  const { db, log, counters } = ctx;
  const now = ctx.clock();
  if ('ids' in outcome) {
    counters.sent++;
    ctx.observe(row.platform, 'sent');
    await db.updateTable('outbox').set({ status: 'sent', message_ids: JSON.stringify(outcome.ids), sent_at: now, updated_at: now, last_error: null }).where('id', '=', row.id).execute();
    return { row: 'sent' };
  }
  const error = outcome.error;
  const kind = error instanceof SendError ? error.kind : 'transient';
  const reason = describe(error);
  if (kind === 'rate_limited') {
    counters.rateLimited++;
    const wait = (error as SendError).retryAfterMs ?? 1000;
    ctx.observe(row.platform, 'rate_limited', wait);
    await ctx.pause(row.platform, wait);
    log.warn({ platform: row.platform, chatId: row.chat_id, retryAfterMs: wait }, `rate limited by ${row.platform}: pausing its sends for ${wait} ms`);
    await db.updateTable('outbox').set({ status: 'pending', rate_limited: row.rate_limited + 1, next_attempt_at: now + wait, last_error: reason, updated_at: now }).where('id', '=', row.id).execute();
    return { row: 'pending', at: now + wait, why: 'rate_limited' };
  }
  if (kind === 'unauthorized' || kind === 'moved') ctx.observe(row.platform, kind);
  if (kind === 'unauthorized') return tokenRefused(ctx, row, reason);
  if (kind === 'moved' && (error as SendError).movedTo) return chatMoved(ctx, row, (error as SendError).movedTo ?? '', reason);
  if (kind === 'transient') {
    counters.transient++;
    const failures = row.failures + 1;
    if (failures >= ctx.maxFailures) {
      counters.failed++;
      ctx.observe(row.platform, 'failed');
      log.error({ platform: row.platform, chatId: row.chat_id, outboxId: row.id, err: error }, `giving up on a message after ${failures} failures: ${reason}`);
      await db.updateTable('outbox').set({ status: 'failed', failures, last_error: reason, updated_at: now }).where('id', '=', row.id).execute();
      return { row: 'failed' };
    }
    ctx.observe(row.platform, 'transient');
    const delay = Math.round(Math.min(ctx.backoff.maxMs, ctx.backoff.baseMs * 2 ** (failures - 1)) * (0.8 + Math.random() * 0.4));
    log.warn({ platform: row.platform, chatId: row.chat_id, outboxId: row.id, retryInMs: delay }, `send failed (${reason}); retrying`);
    await db.updateTable('outbox').set({ status: 'pending', failures, next_attempt_at: now + delay, last_error: reason, updated_at: now }).where('id', '=', row.id).execute();
    return { row: 'pending', at: now + delay, why: 'transient' };
  }
  counters.failed++;
  ctx.observe(row.platform, kind === 'forbidden' ? 'forbidden' : 'invalid');
  await db.updateTable('outbox').set({ status: 'failed', last_error: `${kind}: ${reason}`, updated_at: now }).where('id', '=', row.id).execute();
  if (kind === 'forbidden') {
    counters.forbidden++;
    log.warn({ platform: row.platform, chatId: row.chat_id, threadId: row.thread_id || undefined }, `${row.platform} refused chat ${row.chat_id} (${reason}): its briefing is deactivated`);
    await db
      .updateTable('outbox')
      .set({ status: 'failed', last_error: `forbidden: ${reason}`, updated_at: now })
      .where('platform', '=', row.platform)
      .where('chat_id', '=', row.chat_id)
      .where('thread_id', '=', row.thread_id)
      .where('status', '=', 'pending')
      .execute();
    await ctx.onForbidden?.(row, reason);
  } else {
    log.error({ platform: row.platform, chatId: row.chat_id, outboxId: row.id }, `${row.platform} refused a message as invalid: ${reason}`);
  }
  return { row: 'failed' };
}
