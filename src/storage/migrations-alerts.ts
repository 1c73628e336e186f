import { sql, type Kysely } from 'kysely';
import type { DualMigration } from './migrations.ts';

/** Instant alerts (/alert): one row per chat, and one per (alert, story) sent or held back, never twice. */
export const alertsMigration: DualMigration = (col) => ({
  async up(db: Kysely<unknown>) {
    await col
      .id(db.schema.createTable('alerts'))
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('chat_id', 'text', (c) => c.notNull())
      .addColumn('thread_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('deactivated_reason', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('alerts_target', ['platform', 'chat_id', 'thread_id'])
      .execute();
    await col
      .id(db.schema.createTable('alert_stories'))
      .addColumn('alert_id', col.ref, (c) => c.notNull().references('alerts.id').onDelete('cascade'))
      .addColumn('story_id', 'text', (c) => c.notNull())
      .addColumn('doc_id', 'text', (c) => c.notNull())
      /** sent (in the outbox) | capped (over the hourly cap: left to the next digest) */
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('alert_stories_once', ['alert_id', 'story_id'])
      .execute();
    await db.schema.createIndex('alert_stories_recent').on('alert_stories').columns(['alert_id', 'status', 'created_at']).execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['alert_stories', 'alerts']) await sql`drop table if exists ${sql.table(table)}`.execute(db);
  },
});
