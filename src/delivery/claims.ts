// Which worker process is sending an outbox row, and whether it still lives. BullMQ's job lock is
// renewed by a timer in the worker's event loop: a worker starved of CPU misses the renewal, its job
// is handed to another worker while the first is still sending, and Telegram got the message twice.
// So the row itself says who claimed it (`claimed_by`), and each worker process holds a PostgreSQL
// session-level advisory lock on its claim key for as long as it runs. PostgreSQL keeps such a lock
// until it is released or the session ends, whatever the client's event loop does: a starved worker
// keeps it, a worker killed with kill -9 loses it at once (the kernel closes its socket and the server
// ends the session). Another worker asks with pg_try_advisory_lock, so a live holder is never taken
// for dead, however late its timers run.
import { randomInt } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from '../bot/types.ts';
import { holdConnection } from '../storage/held.ts';

/** The advisory-lock class of claim keys (two-int form), so no other lock of the database collides. */
const CLAIM_LOCK_CLASS = 0x6e62;

export interface WorkerClaims {
  /** The key this process writes in the rows it claims; undefined while it cannot prove it lives (its lock connection is down). */
  key(): number | undefined;
  /** Whether a key is this process's own. */
  mine(key: number): boolean;
  /** Whether the (other) process that claimed a row with this key still lives. */
  alive(key: number): Promise<boolean>;
  /** This process's own lock (PostgreSQL only): held or not, since when. */
  lock?(): ClaimLock;
  stop(): Promise<void>;
}

export interface ClaimLock {
  held: boolean;
  key: number;
  /** When the lock now held was taken. */
  since?: Date;
}

/**
 * Without PostgreSQL (the SQLite file: one process) only this process can be known alive; a row
 * another key claimed is taken as a dead process's, as after a restart.
 */
export function localClaims(): WorkerClaims {
  const key = randomInt(1, 2 ** 31);
  return { key: () => key, mine: (k) => k === key, alive: async () => false, stop: async () => undefined };
}

const ALIVE = 'select case when pg_try_advisory_lock($1::int, $2::int) then not pg_advisory_unlock($1::int, $2::int) else true end as alive';

/** Holds this process's claim lock on its own connection, taken again (same key) when it drops. */
export function postgresClaims(pool: pg.Pool, log: Logger): WorkerClaims & { ready: Promise<void>; lock(): ClaimLock } {
  let key = randomInt(1, 2 ** 31);
  const held = holdConnection(pool, {
    async onHeld(c, attempt) {
      const got = await c.query<{ ok: boolean }>('select pg_try_advisory_lock($1::int, $2::int) as ok', [CLAIM_LOCK_CLASS, key]);
      // Taken: another process's key (one in two billion), or a probe of ours that holds it this instant.
      if (!got.rows[0]?.ok) {
        if (attempt > 2) key = randomInt(1, 2 ** 31);
        throw new Error('claim key busy');
      }
    },
    onLost: (error) => log.warn({ err: error.message }, `outbox: the worker's claim connection to PostgreSQL dropped (${error.message}); no new sends until it is back`),
    onFailed: (error) => log.warn({ err: error.message }, `outbox: cannot take the worker's claim lock yet (${error.message}); retrying`),
    onBack: () => log.info({}, 'outbox: the worker holds its claim lock again'),
    onStop: async (c) => void (await c.query('select pg_advisory_unlock($1::int, $2::int)', [CLAIM_LOCK_CLASS, key])),
    backoff: { baseMs: 200, maxMs: 10_000 },
  });

  return {
    ready: held.ready,
    key: () => (held.client() ? key : undefined),
    mine: (k) => k === key,
    async alive(k) {
      const r = await pool.query<{ alive: boolean }>(ALIVE, [CLAIM_LOCK_CLASS, k]);
      return r.rows[0]?.alive ?? true;
    },
    lock() {
      const since = held.since();
      return { held: since !== undefined, key, ...(since ? { since } : {}) };
    },
    stop: () => held.stop(),
  };
}
