// Config targets (config.briefings.targets) as subscriptions: upserted at every start, deactivated
// when removed from the file. A Telegram channel may be named `@channelname`: it is resolved to its
// numeric id through the adapter (getChat), and the name is kept with the subscription.
import type { Kysely } from 'kysely';
import type { ChatAdapter } from '../adapters/chat-adapter.ts';
import type { Logger } from '../bot/types.ts';
import type { Config } from '../config.ts';
import type { Database } from '../storage/schema.ts';
import { nextRunAfter } from './time.ts';

const DAY = 86_400_000;
export const REMOVED_FROM_CONFIG = 'removed from the configuration';

type Target = Config['briefings']['targets'][number];

export interface TargetsOptions {
  db: Kysely<Database>;
  config: Pick<Config, 'briefings' | 'bot'>;
  adapters: ReadonlyMap<string, ChatAdapter>;
  log: Logger;
  now: number;
}

const keyOf = (platform: string, chatId: string, threadId: string) => `${platform}\u0000${chatId}\u0000${threadId}`;

/** The numeric chat id of a target; undefined (logged) when a name cannot be resolved now. */
async function chatIdOf(target: Target, options: TargetsOptions): Promise<string | undefined> {
  if (!target.chatId.startsWith('@')) return target.chatId;
  const adapter = options.adapters.get(target.platform);
  if (!adapter?.resolveChat) {
    options.log.warn({ platform: target.platform, target: target.chatId }, `briefings: config target ${target.chatId} waits: ${target.platform} is not running to resolve the name`);
    return undefined;
  }
  try {
    return await adapter.resolveChat(target.chatId);
  } catch (error) {
    options.log.error({ platform: target.platform, target: target.chatId, err: error }, `briefings: config target ${target.chatId} could not be resolved (${(error as Error).message}); is the name right and the bot an administrator of the channel?`);
    return undefined;
  }
}

export async function upsertConfigTargets(options: TargetsOptions): Promise<void> {
  const { db, config, log, now: t } = options;
  const settings = config.briefings;
  const keys = new Set<string>();
  /** Names not resolved this time: their subscriptions are kept as they are. */
  const unresolved = new Set<string>();
  for (const target of settings.targets) {
    const time = target.time ?? settings.defaultTime;
    const zone = target.timeZone ?? settings.defaultTimeZone;
    const threadId = target.threadId ?? '';
    const chatId = await chatIdOf(target, options);
    if (chatId === undefined) {
      unresolved.add(target.chatId);
      continue;
    }
    keys.add(keyOf(target.platform, chatId, threadId));
    const ref = target.chatId.startsWith('@') ? target.chatId : null;
    const crosspost = target.crosspost ? 1 : 0;
    const topics = JSON.stringify(target.topics);
    await db
      .insertInto('subscriptions')
      .values({
        platform: target.platform, chat_id: chatId, thread_id: threadId, time, time_zone: zone, topics, lang: config.bot.defaultLanguage, source: 'config',
        active: 1, deactivated_reason: null, target_ref: ref, crosspost, last_digest_at: t - DAY, next_run_at: nextRunAfter(t, time, zone), created_at: t, updated_at: t,
      })
      .onConflict((oc) => oc.columns(['platform', 'chat_id', 'thread_id']).doNothing())
      .execute();
    const row = await db.selectFrom('subscriptions').selectAll().where('platform', '=', target.platform).where('chat_id', '=', chatId).where('thread_id', '=', threadId).executeTakeFirst();
    if (!row) continue;
    const changed = row.time !== time || row.time_zone !== zone || row.topics !== topics || row.source !== 'config' || !row.active || row.target_ref !== ref || row.crosspost !== crosspost;
    if (changed) {
      const next = row.time !== time || row.time_zone !== zone || !row.active ? nextRunAfter(t, time, zone) : row.next_run_at;
      await db.updateTable('subscriptions').set({ time, time_zone: zone, topics, source: 'config', active: 1, deactivated_reason: null, target_ref: ref, crosspost, next_run_at: next, updated_at: t }).where('id', '=', row.id).execute();
    }
  }
  for (const row of await db.selectFrom('subscriptions').selectAll().where('source', '=', 'config').where('active', '=', 1).execute()) {
    if (keys.has(keyOf(row.platform, row.chat_id, row.thread_id)) || (row.target_ref && unresolved.has(row.target_ref))) continue;
    await db.updateTable('subscriptions').set({ active: 0, deactivated_reason: REMOVED_FROM_CONFIG, updated_at: t }).where('id', '=', row.id).execute();
  }
  if (settings.targets.length) log.info({ targets: settings.targets.length }, `briefings: ${settings.targets.length} configured target(s)`);
}
