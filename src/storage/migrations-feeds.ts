import { sql, type Kysely, type Migration } from 'kysely';

/** The feeds and every identity key their items have shown (src/sources). */
export const feedsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('feeds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text')
      .addColumn('lang', 'text')
      .addColumn('interval_s', 'integer', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('fetch_article', 'text', (c) => c.notNull().defaultTo('auto'))
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('new'))
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('title', 'text')
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('body_hash', 'text')
      .addColumn('last_success_at', 'bigint')
      .addColumn('last_attempt_at', 'bigint')
      .addColumn('next_poll_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('feed_items')
      .addColumn('feed_id', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('doc_id', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('feed_items_pk', ['feed_id', 'item_key'])
      .execute();
    await db.schema.createIndex('feed_items_doc').on('feed_items').columns(['feed_id', 'doc_id']).execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['feed_items', 'feeds']) await sql`drop table if exists ${sql.table(table)}`.execute(db);
  },
};
