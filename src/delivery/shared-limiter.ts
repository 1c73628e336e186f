// Send limits shared by every process through Redis: sliding windows (overall, per chat, per group)
// counted on Redis's clock in one Lua script, so three workers together stay under Telegram's 30/s
// and 1/s per chat exactly as one process does (src/briefings/limiter.ts, same rule: a send holds
// its slot from when it is taken until a window after its answer came back).
import type { Redis } from 'ioredis';
import type { Acquire } from '../briefings/limiter.ts';
import { DEFAULT_LIMITS, isTelegramGroup, type PlatformLimits, type Rate } from '../briefings/limiter.ts';

/** A slot taken and not given back within this long (its process died) frees itself. */
const HOLD_MS = 30_000;

// KEYS: pause key, then one sorted set per window. ARGV: member, holdMs, then limit and windowMs per
// window, then the scope of each ('global' | 'chat'). Scores are the answer time, or now+hold while
// the send is in flight.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = redis.call('PTTL', KEYS[1])
if paused > 0 then return {0, paused, 'paused'} end
local n = #KEYS - 1
local hold = tonumber(ARGV[2])
for i = 1, n do
  local key = KEYS[i + 1]
  local limit = tonumber(ARGV[1 + i * 2])
  local window = tonumber(ARGV[2 + i * 2])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count >= limit then
    local freeing = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    local score = tonumber(freeing[2])
    local wait = 5
    if score <= now then wait = math.max(1, score + window - now) end
    return {0, wait, ARGV[2 + n * 2 + i]}
  end
end
for i = 1, n do
  redis.call('ZADD', KEYS[i + 1], now + hold, ARGV[1])
  redis.call('PEXPIRE', KEYS[i + 1], hold + tonumber(ARGV[2 + i * 2]) + 1000)
end
return {1, 0, 'ok'}
`;

// KEYS: the windows the slot was taken in. ARGV: member. The slot now ends at the answer's time.
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, #KEYS do redis.call('ZADD', KEYS[i], 'XX', now, ARGV[1]) end
return 1
`;

type LimiterRedis = Redis & {
  nbAcquire(numKeys: number, ...args: (string | number)[]): Promise<[number, number, string]>;
  nbRelease(numKeys: number, ...args: (string | number)[]): Promise<number>;
};

export interface SharedLimiter {
  /** Takes a slot for one send to `chatId` (member: unique per send attempt). */
  acquire(chatId: string, member: string): Promise<Acquire>;
  /** Stops every process's sends for this platform for `ms` (a 429's retry_after). */
  pause(ms: number): Promise<void>;
}

interface Window {
  key: string;
  rate: Rate;
  scope: 'global' | 'chat';
}

export function createSharedLimiter(redis: Redis, prefix: string, platform: string, limits: PlatformLimits = DEFAULT_LIMITS, marginMs = 2): SharedLimiter {
  const r = redis as LimiterRedis;
  if (!('nbAcquire' in r)) {
    redis.defineCommand('nbAcquire', { lua: ACQUIRE });
    redis.defineCommand('nbRelease', { lua: RELEASE });
  }
  const base = `${prefix}:limit:${platform}`;
  const windows = (chatId: string): Window[] => {
    if (platform === 'telegram') {
      const l = limits.telegram;
      const w: Window[] = [
        { key: `${base}:chat:${chatId}`, rate: { limit: l.perChatPerSecond, windowMs: 1000 }, scope: 'chat' },
        { key: `${base}:all`, rate: { limit: l.perSecond, windowMs: 1000 }, scope: 'global' },
      ];
      if (isTelegramGroup(chatId)) w.unshift({ key: `${base}:group:${chatId}`, rate: { limit: l.perGroupPerMinute, windowMs: 60_000 }, scope: 'chat' });
      return w;
    }
    if (platform === 'discord') return [{ key: `${base}:all`, rate: { limit: limits.discord.perSecond, windowMs: 1000 }, scope: 'global' }];
    return [];
  };
  return {
    async acquire(chatId, member) {
      const w = windows(chatId);
      const args = w.flatMap((x) => [x.rate.limit, x.rate.windowMs + marginMs]);
      const [ok, waitMs, scope] = await r.nbAcquire(w.length + 1, `${base}:pause`, ...w.map((x) => x.key), member, HOLD_MS, ...args, ...w.map((x) => x.scope));
      if (ok === 1) {
        let done = false;
        return {
          ok: true,
          done: () => {
            if (done || w.length === 0) return;
            done = true;
            void r.nbRelease(w.length, ...w.map((x) => x.key), member).catch(() => undefined);
          },
        };
      }
      return { ok: false, waitMs: Number(waitMs), scope: scope === 'chat' ? 'chat' : scope === 'paused' ? 'paused' : 'global' };
    },
    async pause(ms) {
      // Never shortens a longer pause another process set.
      const left = await redis.pttl(`${base}:pause`);
      if (left < ms) await redis.set(`${base}:pause`, '1', 'PX', Math.max(1, Math.ceil(ms)));
    },
  };
}
