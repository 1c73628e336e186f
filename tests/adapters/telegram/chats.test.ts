import { describe, expect, it } from 'vitest';
import type { ChatMember, ChatMemberUpdated } from 'telegraf/types';
import { accessFrom, migrationOf } from '../../../src/adapters/telegram/chats.ts';

const bot = { id: 123456, is_bot: true, first_name: 'NewsBot' };
const member = (status: ChatMember['status'], extra: Record<string, unknown> = {}) => ({ user: bot, status, ...extra }) as ChatMember;
function update(type: 'channel' | 'supergroup' | 'private', before: ChatMember, after: ChatMember): ChatMemberUpdated {
  const chat = type === 'private' ? { id: 5, type, first_name: 'A' } : { id: -1001, type, title: 'T' };
  return { chat, from: { id: 1, is_bot: false, first_name: 'Owner' }, date: 0, old_chat_member: before, new_chat_member: after } as ChatMemberUpdated;
}

describe('the bot’s membership (my_chat_member)', () => {
  it('in a channel, only an administrator with "Post messages" may post', () => {
    expect(accessFrom(update('channel', member('left'), member('administrator', { can_post_messages: true })))).toMatchObject({ canPost: true, event: 'added' });
    expect(accessFrom(update('channel', member('administrator', { can_post_messages: true }), member('administrator', { can_post_messages: false })))).toMatchObject({ canPost: false, event: 'demoted', reason: expect.stringContaining('Post messages') });
    expect(accessFrom(update('channel', member('administrator', { can_post_messages: false }), member('administrator', { can_post_messages: true })))).toMatchObject({ canPost: true, event: 'promoted' });
    expect(accessFrom(update('channel', member('administrator', { can_post_messages: true }), member('member')))).toMatchObject({ canPost: false, event: 'demoted' });
    expect(accessFrom(update('channel', member('administrator'), member('kicked')))).toMatchObject({ canPost: false, event: 'removed', reason: 'the bot was removed from the channel' });
  });

  it('in a group, a member may post unless restricted; in a private chat, kicked means blocked', () => {
    expect(accessFrom(update('supergroup', member('left'), member('member')))).toMatchObject({ canPost: true, event: 'added' });
    expect(accessFrom(update('supergroup', member('member'), member('restricted', { can_send_messages: false })))).toMatchObject({ canPost: false, event: 'demoted' });
    expect(accessFrom(update('supergroup', member('member'), member('left')))).toMatchObject({ canPost: false, reason: 'the bot left the group' });
    expect(accessFrom(update('private', member('member'), member('kicked')))).toMatchObject({ canPost: false, reason: 'the user blocked the bot' });
    expect(accessFrom(update('private', member('kicked'), member('member')))).toMatchObject({ canPost: true, event: 'added' });
  });

  it('reads both service messages of a group’s upgrade as the same move', () => {
    const from = migrationOf({ message_id: 1, date: 0, chat: { id: -42, type: 'group', title: 'G' }, migrate_to_chat_id: -10042 } as never);
    const to = migrationOf({ message_id: 2, date: 0, chat: { id: -10042, type: 'supergroup', title: 'G' }, migrate_from_chat_id: -42 } as never);
    expect(from).toEqual({ from: '-42', to: '-10042' });
    expect(to).toEqual(from);
  });
});
