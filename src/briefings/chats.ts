// What happens to a chat's briefings when the platform says something about the chat itself: the
// bot was removed or may no longer post (paused, its messages held), was given the right to post
// again (resumed), or the chat has a new id (a Telegram group upgraded to a supergroup: everything
// moves there).
import type { Kysely } from 'kysely';
import type { ChatEvents, Logger } from '../bot/types.ts';
import type { Database } from '../storage/schema.ts';
import type { Outbox, OutboxRow } from './outbox.ts';
import { REMOVED_FROM_CONFIG } from './targets.ts';

export interface ChatEventsOptions {
  db: Kysely<Database>;
  outbox: Pick<Outbox, 'moveChat' | 'wake'>;
  log: Logger;
  now: () => number;
}

export interface BriefingChats extends ChatEvents {
  /** The outbox's hook for a send answered with the chat's new id: moves the subscriptions (and so their deliveries). */
  onMoved(row: OutboxRow, to: string): Promise<void>;
}

export function createChatEvents({ db, outbox, log, now }: ChatEventsOptions): BriefingChats {
  async function pause(platform: string, chatId: string, reason: string) {
    const t = now();
    const subs = await db.updateTable('subscriptions').set({ paused_reason: reason.slice(0, 300), updated_at: t }).where('platform', '=', platform).where('chat_id', '=', chatId).executeTakeFirst();
    const held = await db.updateTable('outbox').set({ status: 'held', updated_at: t }).where('platform', '=', platform).where('chat_id', '=', chatId).where('status', '=', 'pending').executeTakeFirst();
    const n = Number(subs.numUpdatedRows);
    if (n || Number(held.numUpdatedRows)) log.warn({ platform, chatId, subscriptions: n, held: Number(held.numUpdatedRows) }, `${platform} chat ${chatId}: briefings paused (${reason})`);
  }

  async function resume(platform: string, chatId: string) {
    const t = now();
    const paused = await db.updateTable('subscriptions').set({ paused_reason: null, updated_at: t }).where('platform', '=', platform).where('chat_id', '=', chatId).where('paused_reason', 'is not', null).executeTakeFirst();
    // Refused before the platform said why (a send answered 403 first): the bot is welcome again.
    const refused = await db
      .updateTable('subscriptions')
      .set({ active: 1, deactivated_reason: null, updated_at: t })
      .where('platform', '=', platform)
      .where('chat_id', '=', chatId)
      .where('active', '=', 0)
      .where((eb) => eb.or([eb('deactivated_reason', 'is', null), eb('deactivated_reason', '!=', REMOVED_FROM_CONFIG)]))
      .executeTakeFirst();
    const released = await db.updateTable('outbox').set({ status: 'pending', next_attempt_at: t, updated_at: t }).where('platform', '=', platform).where('chat_id', '=', chatId).where('status', '=', 'held').executeTakeFirst();
    const n = Number(paused.numUpdatedRows) + Number(refused.numUpdatedRows);
    if (n || Number(released.numUpdatedRows)) {
      log.info({ platform, chatId, subscriptions: n, released: Number(released.numUpdatedRows) }, `${platform} chat ${chatId}: briefings resumed`);
      outbox.wake();
    }
  }

  /** Subscriptions move to the new id; one already there wins, and the old one's messages are dropped (no digest twice). */
  async function moveSubscriptions(platform: string, from: string, to: string): Promise<void> {
    const t = now();
    const rows = await db.selectFrom('subscriptions').select(['id', 'thread_id', 'source']).where('platform', '=', platform).where('chat_id', '=', from).execute();
    for (const row of rows) {
      const there = await db.selectFrom('subscriptions').select('id').where('platform', '=', platform).where('chat_id', '=', to).where('thread_id', '=', row.thread_id).executeTakeFirst();
      if (there) {
        await db.updateTable('subscriptions').set({ active: 0, deactivated_reason: `moved to ${to}, which has its own briefing`, updated_at: t }).where('id', '=', row.id).execute();
        await db.updateTable('outbox').set({ status: 'failed', last_error: `moved to ${to}, which has its own briefing`, updated_at: t }).where('subscription_id', '=', row.id).where('status', 'in', ['pending', 'held', 'sending']).execute();
        continue;
      }
      await db.updateTable('subscriptions').set({ chat_id: to, updated_at: t }).where('id', '=', row.id).execute();
      if (row.source === 'config') log.warn({ platform, from, to }, `briefings: configured target ${from} is now ${to}: change its chatId in the configuration file`);
    }
  }

  return {
    async chatAccess(platform, chatId, access) {
      if (access.canPost) await resume(platform, chatId);
      else await pause(platform, chatId, access.reason);
    },
    async chatMoved(platform, from, to) {
      if (from === to) return;
      await moveSubscriptions(platform, from, to);
      const moved = await outbox.moveChat(platform, from, to);
      log.info({ platform, from, to, messages: moved }, `${platform} chat ${from} is now ${to}: its briefings moved there`);
      outbox.wake();
    },
    onMoved: (row, to) => moveSubscriptions(row.platform, row.chat_id, to),
  };
}
