// Handling an update once when the platform re-sends it (a Telegram webhook re-sends an update it got
// no 2xx for, possibly to another process behind the load balancer). An update is claimed while it
// is handled and marked done only once the handling succeeded: a failure, or a process that dies
// mid-handling, leaves it to the re-send instead of losing it.
import { randomBytes } from 'node:crypto';

/** What `take` says: handle it (then report how it went), someone is handling it, or it was handled. */
export type Turn =
  | { kind: 'mine'; done(): Promise<void>; failed(): Promise<'retry' | 'gave up'> }
  | { kind: 'busy' }
  | { kind: 'done' };

export interface HandleOnce {
  take(key: string): Promise<Turn>;
}

/** Telegram re-sends an unanswered update for up to a day: a handled one is remembered that long. */
export const DONE_TTL_MS = 86_400_000;
/**
 * A claim lapses this long after its process stops renewing it (it crashed): Telegram's next re-send
 * is then handled. Renewed every third of it while the handling runs.
 */
export const CLAIM_TTL_MS = 30_000;
/**
 * An update whose handling failed this many times is given up (marked done): a permanent failure
 * (the bot may not post in that chat) would otherwise be re-sent for hours, holding up the updates after it.
 */
export const MAX_TRIES = 3;
const MEMORY_KEYS = 10_000;

/** One process's memory (no Redis): the same states, lost with the process. */
export function memoryOnce(): HandleOnce {
  const states = new Map<string, 'busy' | 'done'>();
  const tries = new Map<string, number>();
  const forgetOldest = (map: Map<string, unknown>) => {
    if (map.size > MEMORY_KEYS) map.delete(map.keys().next().value as string);
  };
  return {
    async take(key) {
      const state = states.get(key);
      if (state) return { kind: state };
      states.set(key, 'busy');
      forgetOldest(states);
      return {
        kind: 'mine',
        async done() {
          states.set(key, 'done');
          tries.delete(key);
        },
        async failed() {
          const n = (tries.get(key) ?? 0) + 1;
          tries.set(key, n);
          forgetOldest(tries);
          if (n < MAX_TRIES) {
            states.delete(key);
            return 'retry';
          }
          states.set(key, 'done');
          return 'gave up';
        },
      };
    },
  };
}

/** The few Redis commands used, so tests and callers need no more than an ioredis client. */
export interface OnceRedis {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  set(key: string, value: string, px: 'PX', ms: number): Promise<unknown>;
}

// SET NX PX claims; a value other than our token (another claim, or "done") is left alone.
const TAKE = `if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'mine' end
if redis.call('get', KEYS[1]) == 'done' then return 'done' end
return 'busy'`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0`;
const FAIL = `if redis.call('get', KEYS[1]) ~= ARGV[1] then return 'retry' end
local n = redis.call('incr', KEYS[2])
redis.call('pexpire', KEYS[2], ARGV[2])
if n >= tonumber(ARGV[3]) then
  redis.call('set', KEYS[1], 'done', 'PX', ARGV[2])
  redis.call('del', KEYS[2])
  return 'gave up'
end
redis.call('del', KEYS[1])
return 'retry'`;

export interface RedisOnceOptions {
  prefix: string;
  claimTtlMs?: number;
}

/** Shared by every process on the same Redis and prefix. */
export function redisOnce(redis: OnceRedis, options: RedisOnceOptions): HandleOnce {
  const claimTtl = options.claimTtlMs ?? CLAIM_TTL_MS;
  return {
    async take(key) {
      const claimKey = `${options.prefix}:once:${key}`;
      const triesKey = `${options.prefix}:once-tries:${key}`;
      const token = `busy:${randomBytes(8).toString('hex')}`;
      const got = (await redis.eval(TAKE, 1, claimKey, token, claimTtl)) as 'mine' | 'busy' | 'done';
      if (got !== 'mine') return { kind: got };
      // Renewed while the handling runs, so a slow handler keeps its claim; a dead process does not.
      const renew = setInterval(() => void redis.eval(RENEW, 1, claimKey, token, claimTtl).catch(() => undefined), Math.max(10, Math.floor(claimTtl / 3)));
      renew.unref();
      return {
        kind: 'mine',
        async done() {
          clearInterval(renew);
          await redis.set(claimKey, 'done', 'PX', DONE_TTL_MS);
        },
        async failed() {
          clearInterval(renew);
          return (await redis.eval(FAIL, 2, claimKey, triesKey, token, DONE_TTL_MS, MAX_TRIES)) as 'retry' | 'gave up';
        },
      };
    },
  };
}
