import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, FeedTable } from './schema.ts';

export type FeedRow = Selectable<FeedTable>;
export type FeedPatch = Updateable<FeedTable>;
export type FetchArticle = 'auto' | 'always' | 'never';
export type FeedOrigin = 'config' | 'cli';

/** A feed as configured: the settings, not its polling state. */
export interface FeedSpec {
  id: string;
  url: string;
  name?: string;
  lang?: 'ar' | 'en';
  interval: number;
  tags: string[];
  fetchArticle: FetchArticle;
}

function settings(spec: FeedSpec) {
  return {
    url: spec.url,
    name: spec.name ?? null,
    lang: spec.lang ?? null,
    interval_s: spec.interval,
    tags: JSON.stringify(spec.tags),
    fetch_article: spec.fetchArticle,
  };
}

/** Feed queries (Kysely only, so they run on SQLite and PostgreSQL alike). */
export class FeedRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(): Promise<FeedRow[]> {
    return this.db.selectFrom('feeds').selectAll().orderBy('created_at').orderBy('id').execute();
  }

  get(id: string): Promise<FeedRow | undefined> {
    return this.db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A feed by id, URL or name. */
  async find(ref: string): Promise<FeedRow | undefined> {
    return this.db
      .selectFrom('feeds')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', ref), eb('url', '=', ref), eb('name', '=', ref)]))
      .executeTakeFirst();
  }

  /** Adds a feed, or updates its settings when its id is already there (polling state is kept). */
  async upsert(spec: FeedSpec, origin: FeedOrigin, now: number): Promise<void> {
    await this.db
      .insertInto('feeds')
      .values({ id: spec.id, ...settings(spec), origin, next_poll_at: now, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...settings(spec), origin, updated_at: now }))
      .execute();
  }

  /**
   * Makes the configured feeds the `config` feeds: adds and updates them, removes config feeds no
   * longer listed. Feeds added with the command line are left alone. Returns the ids removed.
   */
  async syncConfig(specs: FeedSpec[], now: number): Promise<string[]> {
    const wanted = new Set(specs.map((s) => s.id));
    const stale = (await this.db.selectFrom('feeds').select('id').where('origin', '=', 'config').execute()).map((r) => r.id).filter((id) => !wanted.has(id));
    for (const spec of specs) await this.upsert(spec, 'config', now);
    for (const id of stale) await this.remove(id);
    return stale;
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('feed_items').where('feed_id', '=', id).execute();
      await trx.deleteFrom('feeds').where('id', '=', id).execute();
    });
  }

  async update(id: string, patch: FeedPatch): Promise<void> {
    await this.db.updateTable('feeds').set(patch).where('id', '=', id).execute();
  }

  /** Documents per feed (an item counts once, whatever number of keys it has). */
  async itemCounts(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('feed_items')
      .select(['feed_id', (eb) => eb.fn.count<number | string | bigint>('doc_id').distinct().as('n')])
      .groupBy('feed_id')
      .execute();
    return new Map(rows.map((r) => [r.feed_id, Number(r.n)]));
  }

  /** Which of these keys the feed has shown before. */
  async seen(feedId: string, keys: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    // Chunks keep each statement under every engine's bound-parameter limit.
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const rows = await this.db.selectFrom('feed_items').select('item_key').where('feed_id', '=', feedId).where('item_key', 'in', chunk).execute();
      for (const r of rows) found.add(r.item_key);
    }
    return found;
  }

  async record(feedId: string, items: { key: string; docId: string }[], now: number): Promise<void> {
    for (let i = 0; i < items.length; i += 200) {
      const values = items.slice(i, i + 200).map((it) => ({ feed_id: feedId, item_key: it.key, doc_id: it.docId, first_seen_at: now }));
      await this.db
        .insertInto('feed_items')
        .values(values)
        .onConflict((oc) => oc.columns(['feed_id', 'item_key']).doNothing())
        .execute();
    }
  }

  async docIds(feedId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('feed_items').select('doc_id').distinct().where('feed_id', '=', feedId).execute();
    return rows.map((r) => r.doc_id);
  }
}
