// Bot API errors, classified once: what to wait for, what to retry, what to record. telegraf throws
// TelegramError for API answers (4xx, and 5xx from the status line) and node-fetch's FetchError (or
// a plain Error with an errno code) for network failures; neither is retried by telegraf itself.
import { TelegramError } from 'telegraf';
import type { Logger } from '../../bot/types.ts';
import { SendError } from '../chat-adapter.ts';

export type ErrorKind = 'rate_limited' | 'transient' | 'forbidden' | 'invalid' | 'aborted' | 'unauthorized' | 'moved';

export interface Classified {
  kind: ErrorKind;
  /** HTTP-like code: the Bot API error_code, or 0 for network errors. */
  code: number;
  description: string;
  retryAfterMs?: number;
  /** kind 'moved': the supergroup the group became (parameters.migrate_to_chat_id). */
  movedTo?: string;
}

/** 400 answers that concern one chat for good, like a 403: the bot may not post there (a channel member, not an admin). */
const NO_RIGHT_TO_POST = /need administrator rights in the channel chat|not enough rights to send text messages|CHAT_WRITE_FORBIDDEN/i;

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_SOCKET']);

/** Removes bot tokens from any text: the configured ones and anything shaped like /bot<id>:<secret>. */
export function createTokenScrubber(secrets: string[]): (text: string) => string {
  const values = secrets.filter((s) => s.length >= 6).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const exact = values.length ? new RegExp(values.join('|'), 'g') : undefined;
  return (text) => {
    const t = exact ? text.replace(exact, '[token]') : text;
    return t.replace(/\b(bot|user)?\d{5,}:[A-Za-z0-9_-]{20,}/g, (_m, prefix: string | undefined) => `${prefix ?? ''}[token]`);
  };
}

export function classify(error: unknown): Classified {
  if (error instanceof TelegramError) {
    const code = error.code;
    const description = String(error.description ?? error.message);
    if (code === 429) return { kind: 'rate_limited', code, description, retryAfterMs: Math.max(1, error.parameters?.retry_after ?? 1) * 1000 };
    if (code >= 500) return { kind: 'transient', code, description };
    // 401 is the token (every chat), 403 one chat: never the same remedy.
    if (code === 401) return { kind: 'unauthorized', code, description };
    if (code === 403 || NO_RIGHT_TO_POST.test(description)) return { kind: 'forbidden', code, description };
    const movedTo = error.parameters?.migrate_to_chat_id;
    if (movedTo !== undefined) return { kind: 'moved', code, description, movedTo: String(movedTo) };
    return { kind: 'invalid', code, description };
  }
  const e = error as { name?: string; code?: string; errno?: string; type?: string; message?: string } | undefined;
  const message = String(e?.message ?? error);
  if (e?.name === 'AbortError') return { kind: 'aborted', code: 0, description: message };
  if (e?.name === 'FetchError' || NETWORK_CODES.has(String(e?.code ?? e?.errno ?? '')) || e?.type === 'system' || e?.type === 'request-timeout') {
    return { kind: 'transient', code: 0, description: message };
  }
  // Anything else (a TypeError in our code, say) is not worth retrying.
  return { kind: 'invalid', code: 0, description: message };
}

/** The error as a loggable object with tokens removed. */
export function describeError(error: unknown, scrub: (text: string) => string): { name: string; code: number; description: string } {
  const c = classify(error);
  return { name: (error as { name?: string } | undefined)?.name ?? 'Error', code: c.code, description: scrub(c.description) };
}

/** A failed send, for the briefings outbox: it decides when to retry; no waiting here. */
export function toSendError(error: unknown, scrub: (text: string) => string): SendError {
  const c = classify(error);
  const message = scrub(c.code ? `${c.code}: ${c.description}` : c.description);
  switch (c.kind) {
    case 'rate_limited':
      return new SendError('rate_limited', message, c.retryAfterMs);
    case 'forbidden':
      return new SendError('forbidden', message);
    case 'unauthorized':
      return new SendError('unauthorized', message);
    case 'moved':
      return new SendError('moved', message, undefined, c.movedTo);
    case 'transient':
    case 'aborted':
      return new SendError('transient', message);
    case 'invalid':
      return new SendError('invalid', message);
  }
}

export interface RetryPolicy {
  /** Retries after a 429, each waiting retry_after. */
  rateLimitRetries: number;
  /** A longer retry_after is not waited for: the call fails. */
  maxRetryAfterMs: number;
  /** Retries after a 5xx or a network error, with exponential backoff from `backoffMs`. */
  transientRetries: number;
  backoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { rateLimitRetries: 3, maxRetryAfterMs: 60_000, transientRetries: 3, backoffMs: 250 };

export interface CallContext {
  method: string;
  chatId?: string;
}

export interface ApiCaller {
  /**
   * Calls with retries: 429 waits retry_after, 5xx and network errors back off; 403 records the
   * chat. `expected` errors are rethrown without logging (e.g. "message is not modified").
   */
  callWithRetry<T>(ctx: CallContext, fn: () => Promise<T>, expected?: (error: Classified) => boolean): Promise<T>;
  /** One attempt; failures are classified and recorded, then rethrown. */
  callOnce<T>(ctx: CallContext, fn: () => Promise<T>): Promise<T>;
  readonly blockedChats: Set<string>;
  readonly scrub: (text: string) => string;
  /** Ends any wait in progress: calls still get their attempt, but no more retries. */
  abort(): void;
}

class Aborted extends Error {
  constructor() {
    super('stopped');
    this.name = 'AbortError';
  }
}

/** Rewrites an error's message and stack in place so no token survives in them, and returns it. */
export function scrubError(error: unknown, scrub: (text: string) => string): unknown {
  if (error instanceof Error) {
    try {
      error.message = scrub(error.message);
      if (error.stack) error.stack = scrub(error.stack);
    } catch {
      // a frozen error: leave it
    }
  }
  return error;
}

export function createApiCaller(log: Logger, scrub: (text: string) => string, policy: RetryPolicy = DEFAULT_RETRY, onUnauthorized?: (description: string) => void, onRateLimited?: (retryAfterMs: number) => void): ApiCaller {
  const blockedChats = new Set<string>();
  const controller = new AbortController();

  const sleep = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (controller.signal.aborted) return reject(new Aborted());
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Aborted());
      };
      const timer = setTimeout(() => {
        controller.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      controller.signal.addEventListener('abort', onAbort, { once: true });
    });

  function record(ctx: CallContext, error: unknown): Classified {
    const c = classify(error);
    const fields = { method: ctx.method, chatId: ctx.chatId, code: c.code, description: scrub(c.description) };
    if (c.kind === 'forbidden') {
      if (ctx.chatId) blockedChats.add(ctx.chatId);
      log.warn(fields, `telegram: ${ctx.method} forbidden; chat recorded as blocked`);
    } else if (c.kind === 'unauthorized') {
      onUnauthorized?.(scrub(c.description));
    } else if (c.kind === 'invalid') {
      log.error(fields, `telegram: ${ctx.method} failed`);
    }
    return c;
  }

  return {
    blockedChats,
    scrub,
    abort: () => controller.abort(),
    async callOnce(ctx, fn) {
      try {
        return await fn();
      } catch (error) {
        record(ctx, error);
        throw scrubError(error, scrub);
      }
    },
    async callWithRetry(ctx, fn, expected) {
      let rateLimited = 0;
      let transient = 0;
      for (;;) {
        try {
          return await fn();
        } catch (error) {
          const c = classify(error);
          if (expected?.(c)) throw scrubError(error, scrub);
          if (controller.signal.aborted) {
            record(ctx, error);
            throw scrubError(error, scrub);
          }
          const fields = { method: ctx.method, chatId: ctx.chatId, code: c.code, description: scrub(c.description) };
          if (c.kind === 'rate_limited' && rateLimited < policy.rateLimitRetries && (c.retryAfterMs ?? 0) <= policy.maxRetryAfterMs) {
            rateLimited++;
            onRateLimited?.(c.retryAfterMs ?? 1000);
            log.warn({ ...fields, retryAfterMs: c.retryAfterMs }, `telegram: ${ctx.method} rate limited; retrying after ${c.retryAfterMs} ms`);
            await sleep(c.retryAfterMs ?? 1000);
            continue;
          }
          if (c.kind === 'transient' && transient < policy.transientRetries) {
            const delay = policy.backoffMs * 2 ** transient;
            transient++;
            log.warn({ ...fields, delayMs: delay }, `telegram: ${ctx.method} failed (${c.code || 'network'}); retrying in ${delay} ms`);
            await sleep(delay);
            continue;
          }
          record(ctx, error);
          if (c.kind === 'rate_limited' || c.kind === 'transient') log.error(fields, `telegram: ${ctx.method} gave up after retries`);
          throw scrubError(error, scrub);
        }
      }
    },
  };
}
