// The storage a test opens: SQLite in its folder, or, in the vitest "postgres" project
// (NEWSBOT_TEST_DIALECT=postgres), a fresh PostgreSQL database per folder, dropped after the file.
import { afterAll } from 'vitest';
import { openStorage, type Storage } from '../../src/storage/db.ts';
import type { Dialect } from '../../src/storage/migrations.ts';
import { freshDatabase } from './pg.ts';

export const testDialect: Dialect = process.env.NEWSBOT_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

const databases = new Map<string, Promise<{ url: string; drop(): Promise<void> }>>();
// Registered when a test file imports this module, so it runs after that file's tests (a child
// process started by a test imports it outside any suite: nothing to register there).
try {
  afterAll(async () => {
    for (const d of databases.values()) await (await d).drop();
    databases.clear();
  });
} catch {
  /* not inside a vitest file */
}

/** The PostgreSQL database that stands for a data folder (the same one when the folder is reopened). */
export function databaseFor(dataDir: string): Promise<{ url: string; drop(): Promise<void> }> {
  let db = databases.get(dataDir);
  if (!db) {
    databases.set(dataDir, (db = freshDatabase('t')));
  }
  return db;
}

/** openStorage for the dialect under test; a reopened folder finds the same database. */
export async function openTestStorage(options: { dataDir: string; busyTimeoutMs?: number }): Promise<Storage> {
  if (testDialect === 'sqlite') return openStorage(options);
  const { url } = await databaseFor(options.dataDir);
  return openStorage({ ...options, url, postgres: { connectAttempts: 1, poolSize: 4 } });
}
