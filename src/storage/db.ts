import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import type { Logger } from '../bot/types.ts';
import { migrationProvider } from './migrations.ts';
import type { PostgresOptions } from './postgres.ts';
import type { Database } from './schema.ts';
import { StorageError, type Storage } from './storage-error.ts';

export { StorageError, type Storage };

export const DATABASE_FILE = 'newsbot.db';

export interface StorageOptions {
  dataDir: string;
  /** File name inside dataDir (default newsbot.db). */
  file?: string;
  /** How long a statement waits for another connection's lock before failing (ms). Default 5000. */
  busyTimeoutMs?: number;
  /** NEWSBOT_DATABASE_URL: a postgres:// URL puts everything on PostgreSQL instead of the SQLite file. */
  url?: string;
  log?: Logger;
  /** PostgreSQL only: pool size, start-up tries and their backoff. */
  postgres?: Omit<PostgresOptions, 'url' | 'log'>;
}

function classify(file: string, error: unknown, busyTimeoutMs: number): StorageError {
  const code = (error as { code?: string }).code ?? '';
  const detail = (error as Error).message;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StorageError(file, `newsbot: the database ${file} is locked by another process (still locked after ${busyTimeoutMs} ms). Is another newsbot running on the same data folder? Stop it, or set NEWSBOT_DATA_DIR to another folder. (${detail})`, 'locked');
  }
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return new StorageError(file, `newsbot: the database ${file} is corrupt or not an SQLite database (${detail}). Move it aside (the bot then starts with an empty database: subscriptions are lost) or restore a backup.`, 'corrupt');
  }
  return new StorageError(file, `newsbot: cannot open the database ${file}: ${detail}`, 'unreadable');
}

/** Statements kept by their SQL text, at most this many. */
const STATEMENTS = 64;

/**
 * The database as Kysely sees it, each statement prepared once and run again: preparing a multi-row insert
 * costs about as much as running it, and Kysely prepares every query it runs.
 */
function reusingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const kept = statements.get(text);
      // A statement still being iterated (a streamed query) cannot run again: a new one then.
      if (kept && !kept.busy) return kept;
      const statement = sqlite.prepare(text);
      if (statements.size >= STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(text, statement);
      return statement;
    },
  };
}

/**
 * With a postgres:// URL, opens PostgreSQL (see postgres.ts). Otherwise opens (creating when missing) the SQLite database in the data folder, in WAL mode with a busy
 * timeout, checks it and applies the migrations. A locked or corrupt file throws a StorageError whose
 * message names the file.
 */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.url) {
    // Loaded only here: a bot on SQLite never holds the pg driver in memory.
    const { isPostgresUrl, openPostgres } = await import('./postgres.ts');
    if (!isPostgresUrl(options.url)) throw new StorageError(options.url, 'newsbot: NEWSBOT_DATABASE_URL must be a postgres:// or postgresql:// URL', 'unreadable');
    return openPostgres({ ...options.postgres, url: options.url, ...(options.log ? { log: options.log } : {}) });
  }
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const file = path.resolve(options.dataDir, options.file ?? DATABASE_FILE);
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    sqlite = new BetterSqlite3(file, { timeout: busyTimeoutMs });
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (String(mode).toLowerCase() !== 'wal') throw Object.assign(new Error(`could not switch to WAL mode (journal_mode is ${String(mode)})`), { code: 'SQLITE_BUSY' });
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
  } catch (error) {
    try {
      sqlite?.close();
    } catch {
      /* already failing */
    }
    if (error instanceof StorageError) throw error;
    if ((error as { code?: string }).code === undefined && !(error instanceof Error && /SQLITE|database/i.test(error.message))) {
      throw new StorageError(file, `newsbot: cannot open the database ${file}: ${(error as Error).message}`, 'unreadable');
    }
    throw classify(file, error, busyTimeoutMs);
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
  try {
    // Unordered: features landing in parallel add migrations whose names may sort before one already applied.
    const migrator = new Migrator({ db, provider: migrationProvider('sqlite'), allowUnorderedMigrations: true });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      const code = (error as { code?: string }).code;
      if (code) throw error;
      throw new StorageError(file, `newsbot: the database ${file} could not be migrated${failed ? ` (migration ${failed})` : ''}: ${(error as Error).message}`, 'migration');
    }
  } catch (error) {
    await db.destroy().catch(() => undefined);
    if (error instanceof StorageError) throw error;
    throw classify(file, error, busyTimeoutMs);
  }

  let closed = false;
  return {
    db,
    file,
    dialect: 'sqlite',
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
