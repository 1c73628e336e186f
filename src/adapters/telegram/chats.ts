// Telegram's news about chats themselves: channel posts (commands from the channel's admins), the
// bot's own membership (my_chat_member: added, promoted, demoted, removed) and a group's upgrade to a
// supergroup (a new chat id from then on). Pure functions; the adapter wires them.
import type { ChatMember, ChatMemberUpdated, Message, UserFromGetMe } from 'telegraf/types';
import type { IncomingMessage } from '../../bot/types.ts';

export interface ChatAccess {
  canPost: boolean;
  /** What happened, in words for logs, /subscriptions and `newsbot check`. */
  reason: string;
  event: 'added' | 'promoted' | 'demoted' | 'removed' | 'changed';
}

const RANK: Record<ChatMember['status'], number> = { kicked: 0, left: 0, restricted: 1, member: 2, administrator: 3, creator: 4 };

/** Whether the bot may post in a chat as this member, and why (not). */
function postingRight(member: ChatMember, where: 'channel' | 'chat' | 'group'): { canPost: boolean; reason: string } {
  switch (member.status) {
    case 'creator':
      return { canPost: true, reason: `the bot owns the ${where}` };
    case 'administrator':
      if (where === 'channel' && member.can_post_messages === false) return { canPost: false, reason: 'the bot is an administrator of the channel without the "Post messages" right' };
      return { canPost: true, reason: `the bot is an administrator of the ${where}` };
    case 'member':
      if (where === 'channel') return { canPost: false, reason: 'the bot is no longer an administrator of the channel (only administrators post there)' };
      return { canPost: true, reason: `the bot is a member of the ${where}` };
    case 'restricted':
      return member.can_send_messages ? { canPost: true, reason: `the bot is restricted in the ${where} but may send messages` } : { canPost: false, reason: `the bot may not send messages in the ${where}` };
    case 'left':
      return { canPost: false, reason: `the bot left the ${where}` };
    case 'kicked':
      return { canPost: false, reason: where === 'chat' ? 'the user blocked the bot' : `the bot was removed from the ${where}` };
  }
}

/** Whether the bot may post in the chat after a my_chat_member update, why (not), and what changed. */
export function accessFrom(update: ChatMemberUpdated): ChatAccess {
  const where = update.chat.type === 'channel' ? 'channel' : update.chat.type === 'private' ? 'chat' : 'group';
  const before = update.old_chat_member;
  const now = update.new_chat_member;
  const was = postingRight(before, where);
  const is = postingRight(now, where);
  const up = RANK[now.status] - RANK[before.status];
  const event: ChatAccess['event'] =
    RANK[now.status] === 0 ? 'removed' : RANK[before.status] === 0 ? 'added' : (is.canPost && !was.canPost) || (up > 0 && is.canPost === was.canPost) ? 'promoted' : (!is.canPost && was.canPost) || up < 0 ? 'demoted' : 'changed';
  return { ...is, event };
}

/** A channel post as an incoming message: no user (only the channel's admins can post), commands only unless the bot is named. */
export function channelIncoming(post: Message.TextMessage, me: UserFromGetMe | undefined): IncomingMessage {
  const name = me ? `@${me.username}`.toLowerCase() : undefined;
  const mentioned = name !== undefined && (post.entities ?? []).some((e) => e.type === 'mention' && post.text.slice(e.offset, e.offset + e.length).toLowerCase() === name);
  return { platform: 'telegram', chatId: String(post.chat.id), text: post.text, chatType: 'channel', addressed: mentioned };
}

/** The old and new id when a message is the service message of a group's upgrade (sent in both chats). */
export function migrationOf(msg: Message): { from: string; to: string } | undefined {
  if ('migrate_to_chat_id' in msg) return { from: String(msg.chat.id), to: String(msg.migrate_to_chat_id) };
  if ('migrate_from_chat_id' in msg) return { from: String(msg.migrate_from_chat_id), to: String(msg.chat.id) };
  return undefined;
}
