// PostgreSQL behind the same Kysely interface as SQLite (NEWSBOT_DATABASE_URL=postgres://...): a pg
// Pool, bigint columns read back as numbers, the same migrations, and a connection that is waited
// for with backoff rather than a crash.
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import type { Logger } from '../bot/types.ts';
import { migrationProvider } from './migrations.ts';
import type { Database } from './schema.ts';
import { StorageError, type Storage } from './storage-error.ts';

export interface PostgresOptions {
  url: string;
  log?: Logger;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Tries to reach the server at start-up before giving up (default: keep trying). */
  connectAttempts?: number;
  /** Backoff between tries: base x 2^n, capped (default 500 ms .. 15 s). */
  backoff?: { baseMs: number; maxMs: number };
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export const isPostgresUrl = (url: string | undefined): url is string => Boolean(url && /^postgres(ql)?:\/\//i.test(url));

// int8 (bigint: ids, counts, millisecond times) comes back as a string by default; every value here
// is below 2^53, so a number is exact and the queries stay the same as on SQLite.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text'))) as typeof pg.types.getTypeParser,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function backoffDelay(attempt: number, backoff: { baseMs: number; maxMs: number }): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(attempt, 20)) * (0.8 + Math.random() * 0.4);
}

async function waitForServer(pool: pg.Pool, where: string, options: PostgresOptions): Promise<void> {
  const attempts = options.connectAttempts ?? Infinity;
  const backoff = options.backoff ?? { baseMs: 500, maxMs: 15_000 };
  for (let attempt = 0; ; attempt++) {
    try {
      await pool.query('select 1');
      if (attempt > 0) options.log?.info({ database: where }, `PostgreSQL at ${where} answers again`);
      return;
    } catch (error) {
      const reason = (error as Error).message;
      if (attempt + 1 >= attempts) throw new StorageError(where, `newsbot: cannot reach PostgreSQL at ${where} (${reason}). Is the server running, and is NEWSBOT_DATABASE_URL right?`, 'unreachable');
      const delay = Math.round(backoffDelay(attempt, backoff));
      options.log?.warn({ database: where, retryInMs: delay, attempt: attempt + 1 }, `PostgreSQL at ${where} does not answer (${reason}); retrying in ${delay} ms`);
      await sleep(delay);
    }
  }
}

export async function openPostgres(options: PostgresOptions): Promise<Storage> {
  const where = redactUrl(options.url);
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // An idle connection dropped by the server must not take the process down: the pool opens a new
  // one for the next query, and the query that meets the outage fails and is retried by its caller.
  pool.on('error', (error) => options.log?.warn({ database: where, err: error }, `PostgreSQL connection lost (${error.message}); reconnecting on next use`));
  try {
    await waitForServer(pool, where, options);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    // The Migrator takes an advisory lock: processes starting together migrate once.
    const { error, results } = await new Migrator({ db, provider: migrationProvider('postgres') }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new StorageError(where, `newsbot: the database ${where} could not be migrated${failed ? ` (migration ${failed})` : ''}: ${(error as Error).message}`, 'migration');
    }
  } catch (error) {
    await db.destroy().catch(() => undefined);
    if (error instanceof StorageError) throw error;
    throw new StorageError(where, `newsbot: cannot open the database ${where}: ${(error as Error).message}`, 'unreachable');
  }
  let closed = false;
  return {
    db,
    file: where,
    dialect: 'postgres',
    pool,
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
