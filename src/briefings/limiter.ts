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
  /** Each window is counted this much longer than the platform's (default 2 ms), for clock rounding. */
  marginMs?: number;
  now?: () => number;
}

export type Acquire = { ok: true; done: () => void } | { ok: false; waitMs: number; scope: 'paused' | 'global' | 'chat' };

/**
 * At most `limit` sends in any `windowMs`, counted so that jitter cannot push the platform's count
 * over: a send holds its slot from the moment it is taken until `windowMs` after its answer came back
 * (the platform saw it somewhere in between), so a pause is made up for without ever going over.
 */
class SlidingWindow {
  /** Answer times of finished sends still inside the window, ascending. */
  private ends: number[] = [];
  private inFlight = 0;
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: () => number,
  ) {}
  private prune(now: number) {
    let i = 0;
    while (i < this.ends.length && (this.ends[i] ?? 0) + this.windowMs <= now) i++;
    if (i) this.ends.splice(0, i);
  }
  /** ms until one more send fits (0: now). */
  wait(now: number): number {
    this.prune(now);
    const over = this.inFlight + this.ends.length - this.limit + 1;
    if (over <= 0) return 0;
    const end = this.ends[over - 1];
    // Every slot is held by a send still in flight: its answer frees one.
    return end === undefined ? 5 : Math.max(1, end + this.windowMs - now);
  }
  take(): () => void {
    this.inFlight++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight--;
      const t = this.clock();
      let i = this.ends.length;
      while (i > 0 && (this.ends[i - 1] ?? 0) > t) i--;
      this.ends.splice(i, 0, t);
    };
  }
  idle(now: number) {
    this.prune(now);
    return this.inFlight === 0 && this.ends.length === 0;
  }
}

/** Smooths bursts: refills at the platform's rate, holds a tenth of a window's sends. */
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
  wait(now: number): number {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.rate);
      this.last = now;
    }
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.rate);
  }
  take() {
    this.tokens -= 1;
  }
}

export interface Limiter {
  /** Takes a slot for a send to `chatId` when every window has one; else says how long to wait and why. */
  acquire(chatId: string): Acquire;
  /** Stops every send of this platform for `ms` (a 429's retry_after). */
  pause(ms: number): void;
  pausedFor(): number;
}

export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? (() => performance.now());
  const margin = options.marginMs ?? 2;
  const window = (rate: Rate) => new SlidingWindow(rate.limit, rate.windowMs + margin, now);
  const global = options.global ? window(options.global) : undefined;
  const smooth = options.global ? new Bucket(Math.max(1, Math.floor(options.global.limit / 10)), options.global.limit / options.global.windowMs, now()) : undefined;
  const chats = new Map<string, SlidingWindow>();
  const groups = new Map<string, SlidingWindow>();
  let pausedUntil = 0;

  function get(map: Map<string, SlidingWindow>, rate: Rate, key: string, t: number): SlidingWindow {
    let w = map.get(key);
    if (!w) {
      if (map.size > 50_000) for (const [k, old] of map) if (old.idle(t)) map.delete(k);
      w = window(rate);
      map.set(key, w);
    }
    return w;
  }

  return {
    acquire(chatId) {
      const t = now();
      if (pausedUntil > t) return { ok: false, waitMs: Math.ceil(pausedUntil - t), scope: 'paused' };
      const chat = options.perChat ? get(chats, options.perChat, chatId, t) : undefined;
      const group = options.perGroup && options.isGroup?.(chatId) ? get(groups, options.perGroup, chatId, t) : undefined;
      const chatWait = Math.max(chat?.wait(t) ?? 0, group?.wait(t) ?? 0);
      if (chatWait > 0) return { ok: false, waitMs: Math.ceil(chatWait), scope: 'chat' };
      const globalWait = Math.max(global?.wait(t) ?? 0, smooth?.wait(t) ?? 0);
      if (globalWait > 0) return { ok: false, waitMs: Math.max(1, Math.ceil(globalWait)), scope: 'global' };
      smooth?.take();
      const releases = [global?.take(), chat?.take(), group?.take()];
      return { ok: true, done: () => releases.forEach((r) => r?.()) };
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

export function platformLimiter(platform: string, limits: PlatformLimits = DEFAULT_LIMITS, marginMs?: number): Limiter {
  const h = marginMs === undefined ? {} : { marginMs };
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
