import type { Post } from '../bot/post.ts';

/** Where a message goes: a chat or channel, and optionally a forum topic or thread in it. */
export interface ChatTarget {
  chatId: string;
  threadId?: string;
}

export interface SendOptions {
  /** The same key is never posted twice where the platform supports it (Discord nonce). */
  idempotencyKey?: string;
}

/**
 * The one contract every platform implements. Inbound messages go through the router the adapter
 * was created with; the core never imports a platform library.
 */
export interface ChatAdapter {
  readonly platform: 'console' | 'telegram' | 'discord';
  /** Connects and starts receiving; resolves once the adapter is ready. */
  start(): Promise<void>;
  /** Stops receiving and closes connections; safe to call twice. */
  stop(): Promise<void>;
  /** Renders and sends a post; resolves with the platform's message ids. */
  send(target: ChatTarget, post: Post, options?: SendOptions): Promise<string[]>;
  /** Whether a user may change a chat's settings (group admins, Discord Manage Channels). */
  isAdmin?(chatId: string, userId: string): Promise<boolean>;
}

/**
 * A failed send, classified so the outbox knows what to do: wait and retry (rate_limited),
 * retry with backoff (transient), give up on the chat (forbidden), or record it (invalid).
 */
export class SendError extends Error {
  constructor(
    readonly kind: 'rate_limited' | 'transient' | 'forbidden' | 'invalid',
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendError';
  }
}
