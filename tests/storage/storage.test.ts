import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStorage, StorageError } from '../../src/storage/db.ts';
import { migrationProvider } from '../../src/storage/migrations.ts';
import { repoRoot } from '../helpers/services.ts';
import { openTestStorage, testDialect } from '../helpers/storage.ts';
import { tempDir } from '../briefings/helpers.ts';

describe(`storage (${testDialect})`, () => {
  it('claims a delivery once: insert ... on conflict do nothing returning', async () => {
    const s = await openTestStorage({ dataDir: tempDir() });
    const t = Date.now();
    const sub = await s.db
      .insertInto('subscriptions')
      .values({ platform: 'telegram', chat_id: '1', thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: t, next_run_at: t, created_at: t, updated_at: t })
      .returning('id')
      .executeTakeFirstOrThrow();
    const claim = () =>
      s.db
        .insertInto('deliveries')
        .values({ subscription_id: sub.id, local_date: '2025-03-01', slot: '08:00', status: 'queued', scheduled_at: t, documents: 0, created_at: t })
        .onConflict((oc) => oc.columns(['subscription_id', 'local_date', 'slot']).doNothing())
        .returning('id')
        .executeTakeFirst();
    expect(await claim()).toEqual({ id: expect.any(Number) });
    expect(await claim()).toBeUndefined();
    // Millisecond times and counts read back as numbers on both engines.
    const row = await s.db.selectFrom('subscriptions').select(['next_run_at', ({ fn }) => fn.countAll<number>().as('n')]).groupBy('next_run_at').executeTakeFirstOrThrow();
    expect(row).toEqual({ next_run_at: t, n: 1 });
    await s.close();
  });

  it('keeps the claim key of the worker that set an outbox row sending (migration 0007), null until then', async () => {
    const s = await openTestStorage({ dataDir: tempDir() });
    const t = Date.now();
    const { id } = await s.db
      .insertInto('outbox')
      .values({ platform: 'telegram', chat_id: '1', thread_id: '', idempotency_key: 'k1', post: '{}', status: 'pending', next_attempt_at: t, created_at: t, updated_at: t })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await s.db.selectFrom('outbox').select('claimed_by').executeTakeFirstOrThrow()).toEqual({ claimed_by: null });
    // Keys go up to 2^31 - 1: a 32-bit column on both engines holds the largest.
    await s.db.updateTable('outbox').set({ status: 'sending', claimed_by: 2 ** 31 - 1 }).where('id', '=', id).execute();
    expect(await s.db.selectFrom('outbox').select(['status', 'claimed_by']).executeTakeFirstOrThrow()).toEqual({ status: 'sending', claimed_by: 2 ** 31 - 1 });
    await s.close();
  });
});

describe.runIf(testDialect === 'sqlite')('storage (SQLite file)', () => {
  it('creates the data folder and newsbot.db in WAL mode, and migrates once', async () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const s = await openStorage({ dataDir: dir });
    expect(s.file).toBe(path.join(dir, 'newsbot.db'));
    await s.close();
    const raw = new BetterSqlite3(path.join(dir, 'newsbot.db'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = raw.prepare("select name from sqlite_master where type = 'table' order by name").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['subscriptions', 'deliveries', 'outbox', 'documents_seen', 'documents', 'kysely_migration']));
    raw.close();
    const again = await openStorage({ dataDir: dir });
    const migrations = await again.db.selectFrom('kysely_migration' as never).selectAll().execute();
    // Each migration once: none re-applied on the second open.
    expect(migrations).toHaveLength(Object.keys(await migrationProvider('sqlite').getMigrations()).length);
    await again.close();
  });

  it('refuses a file of garbage bytes with a message naming the file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'newsbot.db');
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 131 + 7) % 256)));
    const error = await openStorage({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).reason).toBe('corrupt');
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/corrupt or not an SQLite database/);
    // The file is left as it was, for the operator to look at.
    expect(fs.statSync(file).size).toBe(8192);
  });

  it('refuses a database held by an exclusive lock in another connection, naming the file', async () => {
    const dir = tempDir();
    const first = await openStorage({ dataDir: dir });
    await first.close();
    const file = path.join(dir, 'newsbot.db');
    const other = new BetterSqlite3(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    try {
      const started = Date.now();
      const error = await openStorage({ dataDir: dir, busyTimeoutMs: 150 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).reason).toBe('locked');
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toMatch(/locked by another process/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    const reopened = await openStorage({ dataDir: dir });
    await reopened.close();
  });
});

describe.runIf(testDialect === 'sqlite')('start-up', () => {
  it('npm start stops with exit 1 and a message naming a corrupt database file', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const file = path.join(dir, 'newsbot.db');
    fs.writeFileSync(file, 'this is not a database, just some text that is long enough to look like a header '.repeat(100));
    const run = spawnSync('npx', ['tsx', 'src/main.ts'], {
      cwd: repoRoot,
      input: '/help\n',
      encoding: 'utf8',
      env: { ...process.env, TELEGRAM_BOT_TOKEN: '', DISCORD_BOT_TOKEN: '', NEWSBOT_DATA_DIR: dir, LOG_LEVEL: 'error' },
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/corrupt or not an SQLite database/);
  });
});
