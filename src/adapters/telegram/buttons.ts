// Button presses: the action behind the button runs through the router; the answer replaces the
// message the button was on (or a new message when that one can no longer be edited).
import type { Telegraf } from 'telegraf';
import type { CallbackQuery } from 'telegraf/types';
import { strings } from '../../bot/i18n.ts';
import type { Post } from '../../bot/post.ts';
import { pickLanguage, type Router } from '../../bot/router.ts';
import type { BotServices, Logger } from '../../bot/types.ts';
import type { ChatTarget } from '../chat-adapter.ts';
import { classify, describeError, type ApiCaller } from './errors.ts';
import type { CallbackTokens, InlineButton, RenderedMessage } from './render.ts';

export const NOT_MODIFIED = /message is not modified/i;
const isNotModified = (error: unknown) => NOT_MODIFIED.test(classify(error).description);

/** Numeric chat ids go to the API as numbers, @channel names as strings. */
export function chatRef(chatId: string): number | string {
  return /^-?\d{1,16}$/.test(chatId) ? Number(chatId) : chatId;
}

export interface ButtonContext {
  tg: Telegraf['telegram'];
  api: ApiCaller;
  tokens: CallbackTokens;
  router: Router;
  services: BotServices;
  log: Logger;
  scrub: (text: string) => string;
  renderFor(post: Post): { parts: RenderedMessage[]; keyboard: InlineButton[][] | undefined };
  deliver(target: ChatTarget, parts: RenderedMessage[], opts: { retry: boolean; keyboard?: InlineButton[][] | undefined }): Promise<string[]>;
}

async function actionPost(c: ButtonContext, query: CallbackQuery, chatId: string, threadId: string | undefined): Promise<Post | null> {
  const data = 'data' in query ? query.data : undefined;
  const chat = query.message?.chat;
  const group = chat?.type === 'group' || chat?.type === 'supergroup';
  const lang = pickLanguage('', query.from.language_code, c.services.settings.defaultLang);
  let notice: string | undefined;
  let post: Post | null = null;
  try {
    const action = data === undefined ? undefined : c.tokens.actionFor(data);
    if (action === undefined) notice = lang === 'ar' ? 'انتهت صلاحية هذا الزر. أرسل الأمر من جديد.' : 'This button has expired. Please send the command again.';
    else {
      post = await c.router.handle({
        platform: 'telegram',
        chatId,
        userId: String(query.from.id),
        text: action,
        chatType: chat ? (group ? 'group' : chat.type === 'channel' ? 'channel' : 'private') : 'private',
        addressed: true,
        ...(query.from.language_code ? { locale: query.from.language_code } : {}),
        ...(threadId ? { threadId } : {}),
      });
    }
  } catch (error) {
    notice = strings[lang].error;
    c.log.error({ err: describeError(error, c.scrub) }, 'telegram: button action failed');
  } finally {
    // Always answered, or the user's client shows a spinner for a while.
    await c.api
      .callWithRetry({ method: 'answerCallbackQuery', chatId }, () => c.tg.answerCbQuery(query.id, notice))
      .catch((error: unknown) => c.log.warn({ err: describeError(error, c.scrub) }, 'telegram: answerCallbackQuery failed'));
  }
  return post;
}

export async function onCallback(c: ButtonContext, query: CallbackQuery): Promise<void> {
  const message = query.message && 'text' in query.message ? query.message : undefined;
  const chatId = String(query.message?.chat.id ?? query.from.id);
  const threadId = message?.is_topic_message && message.message_thread_id !== undefined ? String(message.message_thread_id) : undefined;
  const post = await actionPost(c, query, chatId, threadId);
  if (!post) return;
  const { parts, keyboard } = c.renderFor(post);
  const first = parts[0];
  if (!first) return;
  const target = { chatId, ...(threadId ? { threadId } : {}) };
  const single = parts.length === 1;
  const extra = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true }, ...(single && keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {}) };
  const edit = (chatRefValue: number | string | undefined, messageId: number | undefined, inlineId: string | undefined) =>
    c.api.callWithRetry({ method: 'editMessageText', chatId }, () => c.tg.editMessageText(chatRefValue, messageId, inlineId, first.html, extra), (e) => NOT_MODIFIED.test(e.description));
  try {
    if (query.inline_message_id) await edit(undefined, undefined, query.inline_message_id);
    else if (message) await edit(chatRef(chatId), message.message_id, undefined);
    else {
      await c.deliver(target, parts, { retry: true, keyboard });
      return;
    }
  } catch (error) {
    if (!isNotModified(error)) {
      if (query.inline_message_id || classify(error).kind !== 'invalid') throw error;
      // The message can no longer be edited (too old, deleted): answer with a new one.
      await c.deliver(target, parts, { retry: true, keyboard });
      return;
    }
  }
  if (!single && !query.inline_message_id) await c.deliver(target, parts.slice(1), { retry: true, keyboard });
}
