// The fake Bot API's chats beyond private chats and groups: channels (the bot posts there only as an
// administrator with "Post messages"; `@username` works as chat_id), the bot's own membership
// (my_chat_member updates), groups upgraded to supergroups (400 with migrate_to_chat_id, and the two
// service messages) and a revoked token (401 for every call until restored).
import { ApiError, bad } from './telegram-errors.ts';

type Obj = Record<string, unknown>;
export type BotStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';
export interface ChannelOptions { id: number; username?: string; title?: string; status?: BotStatus; canPost?: boolean }

export function createChatState(botUser: Obj, nextMessageId: () => number) {
  const channels = new Map<string, Obj>();
  const botStatus = new Map<string, { status: BotStatus; canPost: boolean }>();
  const migrated = new Map<string, number>();
  const state: { revoked: boolean; revokeAfter?: number } = { revoked: false };
  const nowSec = () => Math.floor(Date.now() / 1000);
  const memberObj = (s: { status: BotStatus; canPost: boolean }): Obj => ({
    user: botUser, status: s.status,
    ...(s.status === 'administrator' ? { can_be_edited: false, can_manage_chat: true, can_post_messages: s.canPost, can_edit_messages: s.canPost, can_delete_messages: true, is_anonymous: false } : {}),
    ...(s.status === 'restricted' ? { can_send_messages: s.canPost, is_member: true, until_date: 0 } : {}),
  });

  return {
    state,
    /** The numeric id behind a chat_id (`@username` of a known channel). */
    idOf(chatId: string): string {
      if (!chatId.startsWith('@')) return chatId;
      for (const [id, c] of channels) if (`@${String(c.username)}`.toLowerCase() === chatId.toLowerCase()) return id;
      throw bad('chat not found');
    },
    chat: (id: string): Obj | undefined => channels.get(id),
    /** Throws what Telegram answers when the bot may not post in the chat. */
    checkSend(id: string) {
      const to = migrated.get(id);
      if (to !== undefined) throw new ApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: to });
      const s = botStatus.get(id);
      if (!s) return;
      if (s.status === 'left' || s.status === 'kicked') throw new ApiError(403, `Forbidden: bot is not a member of the ${channels.has(id) ? 'channel' : 'group'} chat`);
      if (channels.has(id) && !(s.status === 'creator' || (s.status === 'administrator' && s.canPost))) throw bad('need administrator rights in the channel chat');
      if (s.status === 'restricted' && !s.canPost) throw bad('not enough rights to send text messages to the chat');
    },
    botMember: (id: string): Obj | undefined => {
      const s = botStatus.get(id);
      return s ? memberObj(s) : undefined;
    },
    addChannel(o: ChannelOptions): Obj {
      const chat = { id: o.id, type: 'channel', title: o.title ?? `Channel ${o.id}`, ...(o.username ? { username: o.username } : {}) };
      channels.set(String(o.id), chat);
      botStatus.set(String(o.id), { status: o.status ?? 'administrator', canPost: o.canPost ?? true });
      return chat;
    },
    /** Changes the bot's membership and returns the my_chat_member update Telegram sends for it. */
    setBotStatus(chat: Obj, status: BotStatus, canPost = true): Obj {
      const id = String(chat.id);
      const before = botStatus.get(id) ?? { status: 'left' as BotStatus, canPost: false };
      const after = { status, canPost };
      botStatus.set(id, after);
      return { my_chat_member: { chat, from: { id: 1001, is_bot: false, first_name: 'Owner' }, date: nowSec(), old_chat_member: memberObj(before), new_chat_member: memberObj(after) } };
    },
    /** The group becomes a supergroup: sends to the old id answer 400 with the new one; the two service messages as updates. */
    migrate(from: number, to: number): Obj[] {
      migrated.set(String(from), to);
      const sender = { id: 1001, is_bot: false, first_name: 'Owner' };
      return [
        { message: { message_id: nextMessageId(), date: nowSec(), chat: { id: from, type: 'group', title: 'Old group' }, from: sender, migrate_to_chat_id: to } },
        { message: { message_id: nextMessageId(), date: nowSec(), chat: { id: to, type: 'supergroup', title: 'Old group' }, sender_chat: { id: from, type: 'group', title: 'Old group' }, migrate_from_chat_id: from } },
      ];
    },
    /** Counts a delivered message: the token is revoked once `revokeAfter` of them went through. */
    afterSend() {
      if (state.revokeAfter === undefined) return;
      if (--state.revokeAfter <= 0) {
        state.revoked = true;
        delete state.revokeAfter;
      }
    },
    /** A text post in a channel: no `from`, the channel itself as sender_chat. */
    channelPost(chat: Obj, text: string, entities: Obj[]): Obj {
      return { channel_post: { message_id: nextMessageId(), date: nowSec(), chat, sender_chat: chat, text, ...(entities.length ? { entities } : {}) } };
    },
  };
}
