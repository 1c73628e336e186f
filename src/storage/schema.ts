import type { Generated } from 'kysely';

/**
 * Tables, as Kysely sees them. Times are milliseconds since the epoch (integers), booleans 0/1, so the
 * same queries run on SQLite and (with bigint columns) on PostgreSQL.
 */
export interface SubscriptionTable {
  id: Generated<number>;
  platform: string;
  chat_id: string;
  /** Forum topic / thread id, '' for the chat itself (part of the UNIQUE key, so never NULL). */
  thread_id: string;
  /** Local time of day, "HH:MM". */
  time: string;
  /** IANA time zone. */
  time_zone: string;
  /** Topic words, JSON array of strings; empty: every document. */
  topics: string;
  lang: string;
  /** 'chat' (made by /subscribe) or 'config' (config.briefings.targets). */
  source: string;
  active: number;
  deactivated_reason: string | null;
  /** Set while the bot cannot post in the chat (removed from the channel, no "Post messages" right): no digest is due, and the chat's messages are held. */
  paused_reason: Generated<string | null>;
  /** The name a config target gave the chat (`@channelname`), resolved to chat_id at start. */
  target_ref: Generated<string | null>;
  /** Discord announcement channels: publish each digest to following servers (config `crosspost`). */
  crosspost: Generated<number>;
  /** Documents first seen after this instant go into the next digest. */
  last_digest_at: number;
  /** The next scheduled run, as a UTC instant. */
  next_run_at: number;
  created_at: number;
  updated_at: number;
}

export interface DeliveryTable {
  id: Generated<number>;
  subscription_id: number;
  /** The subscriber's local date of the run, "YYYY-MM-DD". */
  local_date: string;
  /** The scheduled local time, "HH:MM". */
  slot: string;
  /** queued (messages in the outbox) | empty (nothing new, nothing sent) | skipped (missed beyond the grace period). */
  status: string;
  scheduled_at: number;
  documents: number;
  created_at: number;
}

export interface OutboxTable {
  id: Generated<number>;
  platform: string;
  chat_id: string;
  thread_id: string;
  subscription_id: number | null;
  delivery_id: number | null;
  /** Sent as the Discord nonce (enforce_nonce): at most 25 characters. */
  idempotency_key: string;
  /** The Post, as JSON. */
  post: string;
  /** pending -> sending -> sent | failed; `held` while the chat's subscription is paused. */
  status: string;
  /** Send tries. */
  attempts: Generated<number>;
  /** Transient failures in a row (5xx, network); capped. */
  failures: Generated<number>;
  /** 429 answers. */
  rate_limited: Generated<number>;
  /** Times this row was found in `sending` at start-up: it may have been delivered before the crash. */
  recovered: Generated<number>;
  next_attempt_at: number;
  last_error: string | null;
  message_ids: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  /** When the row first went to the platform: a retry long after it checks the chat first (Discord's nonce is forgotten). */
  first_claimed_at: Generated<number | null>;
  /** Send options as JSON ({"crosspost":true}), or null. */
  options: Generated<string | null>;
  /** The claim key of the worker process that set it `sending` (BullMQ outbox), or null. */
  claimed_by: Generated<number | null>;
}

export interface DocumentSeenTable {
  doc_id: string;
  first_seen_at: number;
}

/** A document and its processed brief (src/news/stored.ts), keyed by the document id. */
export interface DocumentTable {
  id: string;
  /** Content hash: the same hash means nothing to process again. */
  hash: string;
  /** `folder:<name>`, `feed:<id>`; '' when unknown. */
  source_id: string;
  /** Path inside the content folder, '' for other sources. */
  file: string;
  title: string;
  body: string;
  /** The document's date, ms since the epoch. */
  date: number;
  lang: string;
  source: string | null;
  url: string | null;
  author: string | null;
  canonical_url: string | null;
  fetched_at: number | null;
  /** JSON array of strings. */
  tags: string;
  /** The brief as offsets into the body, JSON (encodeBrief). */
  brief: string;
  /** 0: never "new" for digests and alerts. */
  announce: number;
  first_seen_at: number;
  updated_at: number;
}

export interface FeedTable {
  /** Short hash of the URL: stable, and part of each item's document id. */
  id: string;
  url: string;
  name: string | null;
  lang: string | null;
  interval_s: number;
  /** JSON array of strings. */
  tags: string;
  /** auto | always | never */
  fetch_article: string;
  /** config (config/newsbot.json, synced at start) | cli (`newsbot feeds add`). */
  origin: string;
  /** new | ok | failing | paused | gone */
  state: Generated<string>;
  /** Failed polls in a row. */
  failures: Generated<number>;
  last_error: string | null;
  /** The feed's own title, from its last good body. */
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  /** Hash of the last parsed body: the same body is not parsed again. */
  body_hash: string | null;
  last_success_at: number | null;
  last_attempt_at: number | null;
  next_poll_at: number;
  created_at: number;
  updated_at: number;
}

/** Every identity key of every item a feed has shown: a key seen once is never a new document again. */
export interface FeedItemTable {
  feed_id: string;
  item_key: string;
  doc_id: string;
  first_seen_at: number;
}

/** Operator settings that outlive a restart (e.g. `sending_paused`). */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface AlertTable {
  id: Generated<number>;
  platform: string;
  chat_id: string;
  thread_id: string;
  /** Topic words, JSON array of strings; empty: every story. */
  topics: string;
  lang: string;
  active: number;
  deactivated_reason: string | null;
  created_at: number;
  updated_at: number;
}

export interface AlertStoryTable {
  id: Generated<number>;
  alert_id: number;
  /** The story's id when it was alerted (its earliest document). */
  story_id: string;
  doc_id: string;
  /** sent | capped */
  status: string;
  created_at: number;
}

export interface Database {
  alerts: AlertTable;
  alert_stories: AlertStoryTable;
  documents: DocumentTable;
  subscriptions: SubscriptionTable;
  deliveries: DeliveryTable;
  outbox: OutboxTable;
  documents_seen: DocumentSeenTable;
  feeds: FeedTable;
  feed_items: FeedItemTable;
  settings: SettingTable;
}
