import type { Post } from '../bot/post.ts';

/** Where a message goes: a chat or channel, and optionally a forum topic or thread in it. */
export interface ChatTarget {
  chatId: string;
  threadId?: string;
}

export interface SendOptions {
  /** The same key is never posted twice where the platform supports it (Discord nonce). */
  idempotencyKey?: string;
  /**
   * When an earlier try of this message was first made, if it may have reached the platform (the
   * process stopped mid-send). A platform whose own duplicate check has expired since then looks
   * for the message in the chat before posting it again.
   */
  triedAt?: number;
  /** Discord announcement channels: publish (crosspost) the message to following servers. */
  crosspost?: boolean;
}

export interface AdapterHealth {
  ok: boolean;
  detail: string;
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
  /** Whether the adapter can work: connected, and its token accepted (a revoked token is not ok). */
  health?(): AdapterHealth;
  /** The platform's numeric id for a chat named another way (a Telegram `@channelname`). */
  resolveChat?(ref: string): Promise<string>;
  /** Stops taking updates and waits (bounded) for the replies in progress; send() still works, so the outbox can drain. */
  stopReceiving?(): Promise<void>;
}

export type SendErrorKind = 'rate_limited' | 'transient' | 'forbidden' | 'invalid' | 'unauthorized' | 'moved';

/**
 * A failed send, classified so the outbox knows what to do: wait and retry (rate_limited), retry
 * with backoff (transient), give up on the chat (forbidden), record it (invalid), stop every send of
 * the platform until the token is fixed (unauthorized: the token, not the chat, was refused), or
 * move the chat to its new id and send there (moved: a Telegram group upgraded to a supergroup).
 */
export class SendError extends Error {
  constructor(
    readonly kind: SendErrorKind,
    message: string,
    readonly retryAfterMs?: number,
    /** kind 'moved': the chat's new id. */
    readonly movedTo?: string,
  ) {
    super(message);
    this.name = 'SendError';
  }
}
