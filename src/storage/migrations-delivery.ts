import type { Kysely, Migration } from 'kysely';

/**
 * Delivery that survives channels, migrated groups and long outages: a subscription can be paused
 * (the bot was removed from the channel or may no longer post there) and remembers the name a config
 * target was given by (`@channel`); an outbox row remembers when it was first handed to the platform
 * (a late retry checks the chat before posting again) and its send options (Discord crosspost).
 */
export const deliveryMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('subscriptions').addColumn('paused_reason', 'text').execute();
    await db.schema.alterTable('subscriptions').addColumn('target_ref', 'text').execute();
    await db.schema.alterTable('subscriptions').addColumn('crosspost', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('outbox').addColumn('first_claimed_at', 'bigint').execute();
    await db.schema.alterTable('outbox').addColumn('options', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    for (const column of ['paused_reason', 'target_ref', 'crosspost']) await db.schema.alterTable('subscriptions').dropColumn(column).execute();
    for (const column of ['first_claimed_at', 'options']) await db.schema.alterTable('outbox').dropColumn(column).execute();
  },
};

/**
 * Which worker process claimed an outbox row for its send (its claim key, src/delivery/claims.ts):
 * a job that finds the row `sending` asks whether that process still lives before sending again.
 */
export const claimsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('outbox').addColumn('claimed_by', 'integer').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('outbox').dropColumn('claimed_by').execute();
  },
};
