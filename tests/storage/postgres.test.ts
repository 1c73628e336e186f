// PostgreSQL only (the vitest "postgres" project): migrations in a fresh database, several processes
// migrating at once, a server that does not answer, a dropped connection.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openStorage, StorageError } from '../../src/storage/db.ts';
import { migrationProvider } from '../../src/storage/migrations.ts';
import { redactUrl } from '../../src/storage/postgres.ts';
import { tempDir } from '../briefings/helpers.ts';
import { memoryLogger } from '../helpers/services.ts';
import { databaseFor, testDialect } from '../helpers/storage.ts';

describe.runIf(testDialect === 'postgres')('storage (PostgreSQL)', () => {
  it('migrates a fresh database once, even when three processes open it at the same moment', async () => {
    const { url } = await databaseFor(tempDir());
    const opened = await Promise.all([1, 2, 3].map(() => openStorage({ dataDir: tempDir(), url, postgres: { connectAttempts: 1, poolSize: 2 } })));
    const [s] = opened;
    expect(s?.dialect).toBe('postgres');
    const tables = await s!.db.selectFrom('information_schema.tables' as never).select('table_name' as never).where('table_schema' as never, '=', 'public' as never).execute();
    expect(tables.map((t) => (t as { table_name: string }).table_name)).toEqual(expect.arrayContaining(['subscriptions', 'deliveries', 'outbox', 'documents_seen', 'documents', 'kysely_migration']));
    expect(await s!.db.selectFrom('kysely_migration' as never).selectAll().execute()).toHaveLength(Object.keys(await migrationProvider('postgres').getMigrations()).length);
    // Ids are bigint identity columns, read back as numbers.
    const id = await s!.db.selectFrom('information_schema.columns' as never).select(['data_type' as never, 'is_identity' as never]).where('table_name' as never, '=', 'outbox' as never).where('column_name' as never, '=', 'id' as never).executeTakeFirstOrThrow();
    expect(id).toEqual({ data_type: 'bigint', is_identity: 'YES' });
    for (const o of opened) await o.close();
  });

  it('gives up on a server that does not answer after the tries asked for, naming it without the password', async () => {
    const log = memoryLogger();
    const url = 'postgres://newsbot:hunter2secret@127.0.0.1:1/newsbot';
    const error = await openStorage({ dataDir: tempDir(), url, log, postgres: { connectAttempts: 2, backoff: { baseMs: 10, maxMs: 20 } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).reason).toBe('unreachable');
    expect((error as Error).message).toContain('127.0.0.1:1');
    expect((error as Error).message).not.toContain('hunter2secret');
    expect(redactUrl(url)).toBe('postgres://newsbot:***@127.0.0.1:1/newsbot');
    // One retry shown in the log before giving up.
    expect(log.lines.filter((l) => l.level === 'warn' && /does not answer/.test(l.msg))).toHaveLength(1);
  });

  it('keeps working after the server drops its connections (no crash, the next query reconnects)', async () => {
    const { url } = await databaseFor(tempDir());
    const log = memoryLogger();
    const s = await openStorage({ dataDir: tempDir(), url, log, postgres: { connectAttempts: 1, poolSize: 2 } });
    await s.ping();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = new URL(url).pathname.slice(1);
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    await admin.end();
    await new Promise((r) => setTimeout(r, 200));
    await s.ping();
    expect(await s.db.selectFrom('outbox').select('id').execute()).toEqual([]);
    expect(log.lines.some((l) => /connection lost/.test(l.msg))).toBe(true);
    await s.close();
  });
});
