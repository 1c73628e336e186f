import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { claimsMigration, deliveryMigration } from './migrations-delivery.ts';
import { alertsMigration } from './migrations-alerts.ts';
import { feedsMigration } from './migrations-feeds.ts';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The column types that differ between the two engines; everything else is written once. Ids are
 * `integer autoincrement` on SQLite (as the first databases were made) and `bigint` identity on
 * PostgreSQL; references to them follow. Times are `bigint` milliseconds on both.
 */
export interface Columns {
  dialect: Dialect;
  /** A generated primary key named `id`. */
  id<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /** The type of a column that holds such an id. */
  ref: 'integer' | 'bigint';
}

export function columnsFor(dialect: Dialect): Columns {
  return {
    dialect,
    id: (table) =>
      dialect === 'postgres'
        ? table.addColumn('id', 'bigint', (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity())
        : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement()),
    ref: dialect === 'postgres' ? 'bigint' : 'integer',
  };
}

/** A migration written once for both engines. */
export type DualMigration = (columns: Columns) => Migration;

const briefings: DualMigration = (col) => ({
  async up(db: Kysely<unknown>) {
    await col
      .id(db.schema.createTable('subscriptions'))
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('chat_id', 'text', (c) => c.notNull())
      .addColumn('thread_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().defaultTo('chat'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('deactivated_reason', 'text')
      .addColumn('last_digest_at', 'bigint', (c) => c.notNull())
      .addColumn('next_run_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('subscriptions_target', ['platform', 'chat_id', 'thread_id'])
      .execute();
    await db.schema.createIndex('subscriptions_due').on('subscriptions').columns(['active', 'next_run_at']).execute();

    await col
      .id(db.schema.createTable('deliveries'))
      .addColumn('subscription_id', col.ref, (c) => c.notNull().references('subscriptions.id').onDelete('cascade'))
      .addColumn('local_date', 'text', (c) => c.notNull())
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('scheduled_at', 'bigint', (c) => c.notNull())
      .addColumn('documents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('deliveries_once', ['subscription_id', 'local_date', 'slot'])
      .execute();

    await col
      .id(db.schema.createTable('outbox'))
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('chat_id', 'text', (c) => c.notNull())
      .addColumn('thread_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('subscription_id', col.ref)
      .addColumn('delivery_id', col.ref)
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      .addColumn('post', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rate_limited', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('recovered', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('message_ids', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('sent_at', 'bigint')
      .execute();
    await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'platform', 'next_attempt_at']).execute();
    await db.schema.createIndex('outbox_chat').on('outbox').columns(['platform', 'chat_id', 'thread_id', 'status', 'id']).execute();

    await db.schema
      .createTable('documents_seen')
      .addColumn('doc_id', 'text', (c) => c.primaryKey())
      .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['documents_seen', 'outbox', 'deliveries', 'subscriptions']) await sql`drop table if exists ${sql.table(table)}`.execute(db);
  },
});

/**
 * Migrations as code (not files read at run time), applied in name order by Kysely's Migrator. A plain
 * Migration must already run on both engines; one that needs an id column takes the Columns.
 */
const migrations: Record<string, DualMigration | Migration> = {
  '0001_briefings': briefings,
  '0002_delivery': deliveryMigration,
  '0003_documents': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('file', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('date', 'bigint', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('url', 'text')
        .addColumn('author', 'text')
        .addColumn('canonical_url', 'text')
        .addColumn('fetched_at', 'bigint')
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('brief', 'text', (c) => c.notNull())
        .addColumn('announce', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_source').on('documents').column('source_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('documents').ifExists().execute();
    },
  },
  '0004_feeds': feedsMigration,
  '0005_alerts': alertsMigration,
  '0006_settings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('settings').ifExists().execute();
    },
  },
  '0007_outbox_claims': claimsMigration,
};

export function migrationProvider(dialect: Dialect): MigrationProvider {
  const columns = columnsFor(dialect);
  return { getMigrations: async () => Object.fromEntries(Object.entries(migrations).map(([name, m]) => [name, typeof m === 'function' ? m(columns) : m])) };
}
