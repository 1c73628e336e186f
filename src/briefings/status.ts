// Subscriptions that need the operator: paused (the bot may not post in the chat) or stopped (the
// platform refused the chat). Shown by `newsbot check`.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { REMOVED_FROM_CONFIG } from './targets.ts';

export async function subscriptionNotes(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('subscriptions')
    .select(['platform', 'chat_id', 'thread_id', 'target_ref', 'active', 'deactivated_reason', 'paused_reason'])
    .where((eb) => eb.or([eb('paused_reason', 'is not', null), eb.and([eb('active', '=', 0), eb('deactivated_reason', '!=', REMOVED_FROM_CONFIG)])]))
    .orderBy('platform')
    .orderBy('chat_id')
    .execute();
  return rows.map((r) => {
    const where = `${r.platform} ${r.target_ref ? `${r.target_ref} (${r.chat_id})` : r.chat_id}${r.thread_id ? ` thread ${r.thread_id}` : ''}`;
    return r.active ? `${where}: paused, ${r.paused_reason ?? ''} (resumes when the bot may post there again)` : `${where}: stopped, ${r.deactivated_reason ?? '?'} (a /subscribe in the chat starts it again)`;
  });
}
