// What /healthz and /readyz answer: every running platform connected, the database answering, the
// scheduler ticking. Each check names what is wrong, so a 503's body says where to look.
import type { AdapterHealth, ChatAdapter } from '../adapters/chat-adapter.ts';

/** A tick later than this past its minute means the scheduler is stuck (the two minutes). */
export const TICK_OVERDUE_MS = 2 * 60_000;
const TICK_EVERY_MS = 60_000;
/** A database that has not answered `select 1` by then is as good as down. */
const DATABASE_TIMEOUT_MS = 2_000;

export type Check = () => AdapterHealth | Promise<AdapterHealth>;

export interface HealthReport {
  ok: boolean;
  checks: Record<string, AdapterHealth>;
}

export interface Health {
  /** Adds (or replaces) a named check. */
  add(name: string, check: Check): void;
  report(): Promise<HealthReport>;
}

export function createHealth(): Health {
  const checks = new Map<string, Check>();
  return {
    add(name, check) {
      checks.set(name, check);
    },
    async report() {
      const entries = await Promise.all(
        [...checks].map(async ([name, check]): Promise<[string, AdapterHealth]> => {
          try {
            return [name, await check()];
          } catch (error) {
            return [name, { ok: false, detail: `check failed: ${error instanceof Error ? error.message : String(error)}` }];
          }
        }),
      );
      const result = Object.fromEntries(entries);
      return { ok: entries.every(([, h]) => h.ok), checks: result };
    },
  };
}

/** A platform without its own health() is healthy once started (the console: it answers as soon as it runs). */
export function adapterCheck(adapter: ChatAdapter, started: () => boolean): Check {
  return () => {
    if (!started()) return { ok: false, detail: 'not started yet' };
    return adapter.health?.() ?? { ok: true, detail: 'answering' };
  };
}

/** An adapter of a process that takes no updates: never started, it sends through the outbox, whose failures are its own. */
export const sendOnlyCheck: Check = () => ({ ok: true, detail: 'sends only (this role takes no updates)' });

/** The database answers a trivial query within two seconds. */
export function databaseCheck(ping: () => Promise<unknown>): Check {
  return async () => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS);
    });
    try {
      await Promise.race([ping(), timeout]);
      return { ok: true, detail: `answered in ${Math.round(performance.now() - started)} ms` };
    } catch (error) {
      return { ok: false, detail: `database: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The minute scheduler runs and its last tick started no more than a minute plus two ago. */
export function schedulerCheck(scheduler: () => { running: boolean; lastTickAt?: number }, now: () => number = Date.now): Check {
  return () => {
    const s = scheduler();
    if (!s.running) return { ok: false, detail: 'the scheduler is not running' };
    if (s.lastTickAt === undefined) return { ok: false, detail: 'no tick yet' };
    const late = now() - s.lastTickAt - TICK_EVERY_MS;
    if (late > TICK_OVERDUE_MS) return { ok: false, detail: `a tick is overdue by ${Math.round(late / 1000)} s` };
    return { ok: true, detail: `last tick ${Math.round((now() - s.lastTickAt) / 1000)} s ago` };
  };
}
