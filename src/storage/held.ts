// One PostgreSQL connection taken out of the pool and kept, for what lives in a session: a LISTEN, a
// session-level advisory lock. It is set up by the caller, watched for errors, set up again with
// backoff when it drops, and given back to the pool exactly once: a dropping connection can emit
// several errors, and one can come after stop() gave it back, but pg-pool throws on a second release.
import type pg from 'pg';
import { backoffDelay } from './postgres.ts';

export interface HoldOptions {
  /**
   * Sets up a fresh connection (LISTEN, take a lock). A throw gives the connection back and tries
   * again with backoff; `attempt` counts the tries since the connection was last held (0: the first).
   */
  onHeld(c: pg.PoolClient, attempt: number): Promise<void>;
  /** The held connection dropped: it is given back, and a new one is set up with backoff. */
  onLost(error: Error): void;
  /** Setting a connection up failed (no connection, or onHeld threw); tried again with backoff. */
  onFailed(error: Error): void;
  /** Held again after a loss or a failure. */
  onBack?(): void;
  /** Undoes onHeld on a clean stop (UNLISTEN, unlock) before the connection goes back; errors are ignored. */
  onStop?(c: pg.PoolClient): Promise<void>;
  /** Told each NOTIFY the connection hears; attached before onHeld, removed whenever it is given back. */
  onNotification?: (message: pg.Notification) => void;
  backoff: { baseMs: number; maxMs: number };
}

export interface HeldConnection {
  /** The connection while it is held and set up. */
  client(): pg.PoolClient | undefined;
  /** When the connection now held was set up; undefined while none is. */
  since(): Date | undefined;
  /** Resolves once the first try ended, held or not. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** A held connection idles by design: a host that vanished (no FIN) is noticed within half a minute, not after the kernel's two hours. */
const KEEPALIVES = 'set tcp_keepalives_idle = 10; set tcp_keepalives_interval = 5; set tcp_keepalives_count = 3';

export function holdConnection(pool: pg.Pool, options: HoldOptions): HeldConnection {
  let held: { c: pg.PoolClient; release: (error?: Error) => void; since: Date } | undefined;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  let firstTry: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (firstTry = resolve));
  const onNotification = options.onNotification;

  async function connect(): Promise<void> {
    if (stopped) return;
    let giveBack: ((error?: Error) => void) | undefined;
    try {
      const c = await pool.connect();
      let released = false;
      const release = (error?: Error) => {
        if (released) return;
        released = true;
        if (onNotification) c.removeListener('notification', onNotification);
        c.release(error);
      };
      giveBack = release;
      if (onNotification) c.on('notification', onNotification);
      c.on('error', (error: Error) => {
        if (released) return;
        release(error);
        if (held?.c === c) held = undefined;
        options.onLost(error);
        retry();
      });
      await c.query(KEEPALIVES);
      await options.onHeld(c, attempt);
      if (stopped) {
        await options.onStop?.(c).catch(() => undefined);
        release();
        return;
      }
      held = { c, release, since: new Date() };
      if (attempt > 0) options.onBack?.();
      attempt = 0;
    } catch (error) {
      giveBack?.(error as Error);
      options.onFailed(error as Error);
      retry();
    } finally {
      firstTry();
    }
  }
  function retry() {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, backoffDelay(attempt++, options.backoff));
    timer.unref();
  }
  void connect();

  return {
    client: () => held?.c,
    since: () => held?.since,
    ready,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const h = held;
      held = undefined;
      if (h) {
        await options.onStop?.(h.c).catch(() => undefined);
        h.release();
      }
    },
  };
}
