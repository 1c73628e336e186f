// Per-platform send limiters: token buckets for the whole bot, per chat and per group, and a pause
// that a 429 sets for retry_after.

/** A rate: `limit` sends per `windowMs`. */
export interface Rate {
  limit: number;
  windowMs: number;
}

export interface LimiterOptions {
  /** Every send of the platform. */
  global?: Rate;
  /** Each chat. */
  perChat?: Rate;
  /** Each group chat, on top of perChat. */
  perGroup?: Rate;
  isGroup?: (chatId: string) => boolean;
  /**
   * Share of each limit actually used (default 0.97): the platform counts arrivals, and network jitter
   * can bunch evenly spaced sends, so a little headroom buys zero 429s.
   */
  headroom?: number;
  now?: () => number;
}

export type Acquire = { ok: true } | { ok: false; waitMs: number; scope: 'paused' | 'global' | 'chat' };

class Bucket {
  tokens: number;
  last: number;
  constructor(
    readonly capacity: number,
    /** tokens per ms */
    readonly rate: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }
  refill(now: number) {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.rate);
      this.last = now;
    }
  }
  /** ms until a token is there (0: now). */
  wait(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.rate);
  }
  take() {
    this.tokens -= 1;
  }
  full(now: number) {
    this.refill(now);
    return this.tokens >= this.capacity;
  }
}

function bucketFor(rate: Rate, headroom: number, now: number): Bucket {
  const perMs = (rate.limit * headroom) / rate.windowMs;
  // A burst of 1% of the limit (at least one) absorbs timer lateness without breaking the window:
  // in any window the bucket lets through at most burst + rate x window <= limit.
  const burst = Math.floor(rate.limit * (1 - headroom) * 0.4);
  return new Bucket(Math.max(1, Math.min(burst, Math.floor(rate.limit - perMs * rate.windowMs))), perMs, now);
}

export interface Limiter {
  /** Takes a token for a send to `chatId` when every bucket has one; else says how long to wait and why. */
  acquire(chatId: string): Acquire;
  /** Stops every send of this platform for `ms` (a 429's retry_after). */
  pause(ms: number): void;
  pausedFor(): number;
}

export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? (() => performance.now());
  const headroom = options.headroom ?? 0.97;
  const global = options.global ? bucketFor(options.global, headroom, now()) : undefined;
  const chats = new Map<string, Bucket>();
  const groups = new Map<string, Bucket>();
  let pausedUntil = 0;

  function get(map: Map<string, Bucket>, rate: Rate, key: string, t: number): Bucket {
    let b = map.get(key);
    if (!b) {
      if (map.size > 50_000) for (const [k, old] of map) if (old.full(t)) map.delete(k);
      b = new Bucket(1, (rate.limit * headroom) / rate.windowMs, t);
      map.set(key, b);
    }
    return b;
  }

  return {
    acquire(chatId) {
      const t = now();
      if (pausedUntil > t) return { ok: false, waitMs: Math.ceil(pausedUntil - t), scope: 'paused' };
      const chat = options.perChat ? get(chats, options.perChat, chatId, t) : undefined;
      const group = options.perGroup && options.isGroup?.(chatId) ? get(groups, options.perGroup, chatId, t) : undefined;
      const chatWait = Math.max(chat?.wait(t) ?? 0, group?.wait(t) ?? 0);
      if (chatWait > 0) return { ok: false, waitMs: chatWait, scope: 'chat' };
      const globalWait = global?.wait(t) ?? 0;
      if (globalWait > 0) return { ok: false, waitMs: globalWait, scope: 'global' };
      global?.take();
      chat?.take();
      group?.take();
      return { ok: true };
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + Math.max(0, ms));
    },
    pausedFor: () => Math.max(0, pausedUntil - now()),
  };
}

export interface PlatformLimits {
  telegram: { perSecond: number; perChatPerSecond: number; perGroupPerMinute: number };
  discord: { perSecond: number };
}

/** The platforms' published (Telegram: commonly observed) limits. */
export const DEFAULT_LIMITS: PlatformLimits = {
  telegram: { perSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 },
  discord: { perSecond: 50 },
};

/** Telegram group and channel ids are negative; private chats positive. */
export const isTelegramGroup = (chatId: string) => chatId.startsWith('-');

export function platformLimiter(platform: string, limits: PlatformLimits = DEFAULT_LIMITS, headroom?: number): Limiter {
  const h = headroom === undefined ? {} : { headroom };
  if (platform === 'telegram') {
    const l = limits.telegram;
    return createLimiter({
      global: { limit: l.perSecond, windowMs: 1000 },
      perChat: { limit: l.perChatPerSecond, windowMs: 1000 },
      perGroup: { limit: l.perGroupPerMinute, windowMs: 60_000 },
      isGroup: isTelegramGroup,
      ...h,
    });
  }
  if (platform === 'discord') return createLimiter({ global: { limit: limits.discord.perSecond, windowMs: 1000 }, ...h });
  return createLimiter({});
}
