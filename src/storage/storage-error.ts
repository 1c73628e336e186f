import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Dialect } from './migrations.ts';
import type { Database } from './schema.ts';

/** Start-up stops on this: the message names the file (or the server) and says what to do. */
export class StorageError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly reason: 'locked' | 'corrupt' | 'unreadable' | 'migration' | 'unreachable',
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export interface Storage {
  db: Kysely<Database>;
  /** The path of the SQLite file, or the PostgreSQL URL without its password. */
  file: string;
  dialect: Dialect;
  /** The PostgreSQL pool (LISTEN/NOTIFY and health use their own connections from it). */
  pool?: pg.Pool;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
