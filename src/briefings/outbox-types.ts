// The outbox's contract: what goes in, how it is tuned, what it counts and offers.
import type { Kysely, Selectable } from 'kysely';
import type { ChatAdapter, ChatTarget } from '../adapters/chat-adapter.ts';
import type { Post } from '../bot/post.ts';
import type { Logger } from '../bot/types.ts';
import type { Database, OutboxTable } from '../storage/schema.ts';
import type { PlatformLimits } from './limiter.ts';

export type OutboxRow = Selectable<OutboxTable>;

export interface OutboxMessage {
  platform: string;
  target: ChatTarget;
  post: Post;
  subscriptionId?: number;
  deliveryId?: number;
  /** Discord announcement channels: publish the message to following servers. */
  crosspost?: boolean;
}

export interface OutboxOptions {
  db: Kysely<Database>;
  adapters: readonly ChatAdapter[];
  log: Logger;
  limits?: PlatformLimits;
  /** Each limit's window is counted this much longer (default 2 ms). */
  marginMs?: number;
  /** Sends in flight at once, per platform (default 16). */
  maxInFlight?: number;
  /** Transient failures (5xx, network) before a message is marked failed (default 5). */
  maxFailures?: number;
  /** Exponential backoff after a transient failure: base x 2^(failures-1), capped (default 1 s .. 5 min). */
  backoff?: { baseMs: number; maxMs: number };
  /** How long stop() waits for sends in flight (default 10 s); what is left stays `sending` and is retried at the next start. */
  drainTimeoutMs?: number;
  /** A platform refused the chat for good (bot blocked, kicked, no access). */
  onForbidden?: (row: OutboxRow, reason: string) => Promise<void>;
  /** The chat has a new id (a Telegram group upgraded to a supergroup): move what belongs to it. Runs before the chat's rows move. */
  onMoved?: (row: OutboxRow, to: string) => Promise<void>;
  /** Wall clock for row times (default Date.now). */
  clock?: () => number;
  /** Told each send's outcome (metrics); `retryAfterMs` with rate_limited. */
  observe?: (platform: string, result: SendResult, retryAfterMs?: number) => void;
}

export type SendResult = 'sent' | 'rate_limited' | 'transient' | 'failed' | 'forbidden' | 'invalid' | 'unauthorized' | 'moved';

export interface OutboxCounters {
  sent: number;
  failed: number;
  rateLimited: number;
  transient: number;
  forbidden: number;
  /** Rows found `sending` at start-up (in flight when the last run ended). */
  recovered: number;
  /** Sends refused because the platform refused the bot's token (the row waits; the platform's sends stop). */
  unauthorized: number;
  /** Sends answered with the chat's new id (the row moved there and is sent again). */
  moved: number;
}

export interface Outbox {
  /** Adds messages inside the caller's transaction (so a delivery claim and its messages commit together). */
  enqueue(db: Kysely<Database>, messages: OutboxMessage[]): Promise<number[]>;
  /** Tells the workers new rows are there. */
  wake(): void;
  /** Resets rows left `sending` by a crash to pending and starts one worker per platform. */
  start(): Promise<{ recovered: number }>;
  /** Stops taking rows, waits for sends in flight (bounded by drainTimeoutMs). */
  stop(): Promise<void>;
  counters: OutboxCounters;
  /** Rows per status. */
  stats(): Promise<Record<string, number>>;
  /** Resolves once nothing is pending (due now) or in flight on a running platform; for tests and the bench. */
  drained(timeoutMs?: number): Promise<void>;
  /** Platforms whose sends stopped because their token was refused, with the reason; they resume at the next start. */
  halted(): Record<string, string>;
  /** Moves a chat's unsent rows to its new id (kept in order). */
  moveChat(platform: string, from: string, to: string): Promise<number>;
  /** Holds every send (an operator's /pause): rows stay pending until resume(). Not persisted. */
  pause(): void;
  resume(): void;
  paused(): boolean;
}
