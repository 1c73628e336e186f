// The Telegram adapter on telegraf: long polling (or a webhook), commands from the one table,
// plain questions, buttons, inline mode. Handlers run off telegraf's update loop (one queue per
// chat), so a reply waiting out a 429 never holds up other chats' updates.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telegraf } from 'telegraf';
import type { ChatMemberUpdated, InlineQuery, InlineQueryResultArticle, Message, UserFromGetMe } from 'telegraf/types';
import { inlineResults } from '../../bot/inline.ts';
import type { Post } from '../../bot/post.ts';
import type { IncomingMessage } from '../../bot/types.ts';
import type { AdapterHealth, ChatAdapter, ChatTarget, SendOptions } from '../chat-adapter.ts';
import type { AdapterDeps } from '../deps.ts';
import { createTokenState } from '../token-state.ts';
import { chatRef, onCallback, type ButtonContext } from './buttons.ts';
import { accessFrom, channelIncoming, migrationOf } from './chats.ts';
import { classify, createApiCaller, createTokenScrubber, DEFAULT_RETRY, describeError, toSendError, type ApiCaller, type RetryPolicy } from './errors.ts';
import { CallbackTokens, cleanText, renderKeyboard, renderPost, type InlineButton, type RenderedMessage } from './render.ts';
import { listenForUpdates } from './webhook.ts';

export interface TelegramAdapterOptions {
  retry?: Partial<RetryPolicy>;
  /** How long stop() waits for replies in progress. */
  stopTimeoutMs?: number;
}

export interface TelegramAdapter extends ChatAdapter {
  readonly platform: 'telegram';
  /** Chats that answered 403 (the user blocked the bot, or it was removed from the group). */
  readonly blockedChats: ReadonlySet<string>;
  /** The webhook server's address once it listens (webhook mode only). */
  webhookAddress(): { host: string; port: number } | undefined;
  isAdmin(chatId: string, userId: string): Promise<boolean>;
  /** Resolves once every update received so far has been handled. */
  idle(): Promise<void>;
  /** The bot's own user, known after start(). */
  me(): UserFromGetMe | undefined;
}

/** Channel posts and the bot's own membership changes come only when asked for. */
const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query', 'inline_query', 'my_chat_member'] as const;
const POLL_RESTART_MS = 5_000;
/** The user Telegram shows for an admin posting anonymously as the group (GroupAnonymousBot). */
const ANONYMOUS_ADMIN = '1087968824';

type Extra = NonNullable<Parameters<Telegraf['telegram']['sendMessage']>[2]>;

/** Telegraf joins "./bot<token>/<method>" to the API root: a path prefix needs its trailing slash. */
function apiRootOf(root: string | undefined): string | undefined {
  if (!root) return undefined;
  const url = new URL(root);
  if (url.pathname !== '/' && !url.pathname.endsWith('/')) url.pathname += '/';
  return url.toString();
}

const isParseError = (error: unknown) => /can't parse entities/i.test(classify(error).description);

export function createTelegramAdapter(deps: AdapterDeps, options: TelegramAdapterOptions = {}): TelegramAdapter {
  const { router, services, config } = deps;
  const secrets = config.secrets.telegram;
  if (!secrets?.token) throw new Error('Telegram: TELEGRAM_BOT_TOKEN is not set');
  const scrub = createTokenScrubber([secrets.token, secrets.webhookSecret ?? '']);
  const log = deps.log;
  const token = createTokenState(log, 'telegram', 'TELEGRAM_BOT_TOKEN');
  const api: ApiCaller = createApiCaller(log, scrub, { ...DEFAULT_RETRY, ...options.retry }, (description) => token.refuse(`401 ${description}`));
  const apiRoot = apiRootOf(secrets.apiRoot);
  const bot = new Telegraf(secrets.token, { telegram: { ...(apiRoot ? { apiRoot } : {}), webhookReply: false } });
  const tg = bot.telegram;
  const tokens = new CallbackTokens();
  const stopTimeoutMs = options.stopTimeoutMs ?? 5_000;

  let me: UserFromGetMe | undefined;
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let polling: Promise<void> | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let server: http.Server | undefined;

  // ---- work queue: one chain per chat keeps replies in order; all are awaited on stop ----
  const pending = new Set<Promise<void>>();
  const chains = new Map<string, Promise<void>>();
  function enqueue(key: string | undefined, what: string, task: () => Promise<void>) {
    const previous = (key && chains.get(key)) || Promise.resolve();
    const run = previous.then(task).catch((error: unknown) => log.error({ err: describeError(error, scrub), what }, `telegram: ${what} failed`));
    if (key) chains.set(key, run);
    pending.add(run);
    void run.finally(() => {
      pending.delete(run);
      if (key && chains.get(key) === run) chains.delete(key);
    });
  }

  // ---- sending ----
  interface DeliverOptions {
    retry: boolean;
    replyTo?: number;
    keyboard?: InlineButton[][] | undefined;
  }
  function sendExtra(target: ChatTarget, first: boolean, last: boolean, opts: DeliverOptions): Extra {
    return {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(target.threadId && /^\d+$/.test(target.threadId) ? { message_thread_id: Number(target.threadId) } : {}),
      ...(first && opts.replyTo ? { reply_parameters: { message_id: opts.replyTo, allow_sending_without_reply: true } } : {}),
      ...(last && opts.keyboard ? { reply_markup: { inline_keyboard: opts.keyboard } } : {}),
    };
  }

  async function sendPart(target: ChatTarget, part: RenderedMessage, extra: Extra, retry: boolean): Promise<Message.TextMessage> {
    const ctx = { method: 'sendMessage', chatId: target.chatId };
    const call = <T>(fn: () => Promise<T>) => (retry ? api.callWithRetry(ctx, fn) : api.callOnce(ctx, fn));
    try {
      return await call(() => tg.sendMessage(chatRef(target.chatId), part.html, extra));
    } catch (error) {
      if (!isParseError(error)) throw error;
      // A rendering bug must not cost the user the answer: send the same text without markup.
      log.error({ chatId: target.chatId, err: describeError(error, scrub) }, 'telegram: HTML refused, sending plain text');
      const { parse_mode: _mode, ...plain } = extra;
      return call(() => tg.sendMessage(chatRef(target.chatId), part.text, plain));
    }
  }

  async function deliver(target: ChatTarget, parts: RenderedMessage[], opts: DeliverOptions): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, part] of parts.entries()) {
      const sent = await sendPart(target, part, sendExtra(target, i === 0, i === parts.length - 1, opts), opts.retry);
      ids.push(String(sent.message_id));
    }
    return ids;
  }

  function renderFor(post: Post): { parts: RenderedMessage[]; keyboard: InlineButton[][] | undefined } {
    return { parts: renderPost(post), keyboard: renderKeyboard(post.buttons, tokens) };
  }

  // ---- messages ----
  function addressedToMe(msg: Message.TextMessage): boolean {
    if (msg.chat.type === 'private') return true;
    if (!me) return false;
    if (msg.reply_to_message?.from?.id === me.id) return true;
    const name = `@${me.username}`.toLowerCase();
    for (const e of msg.entities ?? []) {
      if (e.type === 'mention' && msg.text.slice(e.offset, e.offset + e.length).toLowerCase() === name) return true;
      if (e.type === 'text_mention' && e.user.id === me.id) return true;
    }
    return new RegExp(`(^|[^\\w@])${name}\\b`, 'i').test(msg.text);
  }

  async function onMessage(msg: Message.TextMessage): Promise<void> {
    if (me && msg.via_bot?.id === me.id) return; // our own inline results, posted by a user
    // A channel post copied into its discussion group was handled in the channel.
    if (msg.from?.is_bot || msg.is_automatic_forward) return;
    const chatId = String(msg.chat.id);
    const group = msg.chat.type === 'group' || msg.chat.type === 'supergroup';
    if (!group && msg.chat.type !== 'private') return;
    if (!group) api.blockedChats.delete(chatId); // they write again: no longer blocked
    const threadId = msg.is_topic_message && msg.message_thread_id !== undefined ? String(msg.message_thread_id) : undefined;
    const incoming: IncomingMessage = {
      platform: 'telegram',
      chatId,
      text: msg.text,
      chatType: group ? 'group' : 'private',
      addressed: addressedToMe(msg),
      ...(msg.from ? { userId: String(msg.from.id) } : {}),
      ...(msg.from?.language_code ? { locale: msg.from.language_code } : {}),
      ...(threadId ? { threadId } : {}),
    };
    const post = await router.handle(incoming);
    if (!post) return;
    const { parts, keyboard } = renderFor(post);
    await deliver({ chatId, ...(threadId ? { threadId } : {}) }, parts, { retry: true, keyboard, ...(group ? { replyTo: msg.message_id } : {}) });
  }

  const buttons: ButtonContext = { tg, api, tokens, router, services, log, scrub, renderFor, deliver };

  // ---- inline mode (personal: the bot's own words follow each user's language) ----
  async function onInline(query: InlineQuery): Promise<void> {
    const results: InlineQueryResultArticle[] = inlineResults(services, query.query, query.from.language_code ? { locale: query.from.language_code } : {}).map((r) => {
      const { parts, keyboard } = renderFor(r.post);
      const title = cleanText(r.title).trim() || '…';
      const description = cleanText(r.description).trim();
      return {
        type: 'article',
        id: r.id,
        title,
        ...(description ? { description } : {}),
        input_message_content: { message_text: parts[0]?.html ?? '…', parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
        ...(keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {}),
      };
    });
    await api.callWithRetry({ method: 'answerInlineQuery' }, () => tg.answerInlineQuery(query.id, results, { cache_time: 30, is_personal: true }));
  }

  // ---- channels, membership, migrations ----
  async function onChannelPost(post: Message.TextMessage): Promise<void> {
    const incoming = channelIncoming(post, me);
    const reply = await router.handle(incoming);
    if (!reply) return;
    const { parts, keyboard } = renderFor(reply);
    // Sent to the channel, the answer appears as the channel's own post.
    await deliver({ chatId: incoming.chatId }, parts, { retry: true, keyboard, replyTo: post.message_id });
  }

  async function onMembership(update: ChatMemberUpdated): Promise<void> {
    const chatId = String(update.chat.id);
    const access = accessFrom(update);
    log.info({ chatId, chatType: update.chat.type, from: update.old_chat_member.status, to: update.new_chat_member.status, canPost: access.canPost }, `telegram: bot ${access.event} in ${update.chat.type} ${chatId}: ${access.reason}`);
    if (access.canPost) api.blockedChats.delete(chatId);
    await services.chats?.chatAccess('telegram', chatId, access);
  }

  async function onMigration(move: { from: string; to: string }): Promise<void> {
    log.info(move, `telegram: group ${move.from} became supergroup ${move.to}`);
    await services.chats?.chatMoved('telegram', move.from, move.to);
  }

  bot.on('message', (ctx) => {
    const msg = ctx.message;
    const move = migrationOf(msg);
    if (move) enqueue(move.from, 'migration', () => onMigration(move));
    else if ('text' in msg) enqueue(String(msg.chat.id), 'message', () => onMessage(msg));
  });
  bot.on('channel_post', (ctx) => {
    const post = ctx.channelPost;
    if ('text' in post) enqueue(String(post.chat.id), 'channel post', () => onChannelPost(post));
  });
  bot.on('my_chat_member', (ctx) => {
    const update = ctx.myChatMember;
    enqueue(String(update.chat.id), 'membership', () => onMembership(update));
  });
  bot.on('callback_query', (ctx) => {
    const query = ctx.callbackQuery;
    enqueue(String(query.message?.chat.id ?? query.from.id), 'button', () => onCallback(buttons, query));
  });
  bot.on('inline_query', (ctx) => {
    const query = ctx.inlineQuery;
    enqueue(undefined, 'inline query', () => onInline(query));
  });
  bot.catch((error, ctx) => {
    log.error({ err: describeError(error, scrub), updateId: ctx.update.update_id }, 'telegram: update failed (the bot keeps running)');
  });

  // ---- start ----
  async function registerCommands(): Promise<void> {
    const visible = router.commands().filter((c) => !c.hidden && /^[a-z0-9_]{1,32}$/.test(c.name));
    const list = (lang: 'ar' | 'en') => visible.map((c) => ({ command: c.name, description: (c.description[lang] || c.name).slice(0, 256) }));
    const call = (lang: 'ar' | 'en', code?: string) =>
      api.callWithRetry({ method: 'setMyCommands' }, () => tg.setMyCommands(list(lang), code ? { language_code: code } : {}));
    await call(services.settings.defaultLang);
    await call('ar', 'ar');
    await call('en', 'en');
  }

  function startPolling() {
    polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => {
      if (stopping) return;
      const c = classify(error);
      // The token was revoked: nothing to retry until the operator sets a working one.
      if (c.kind === 'unauthorized') return token.refuse(`401 ${scrub(c.description)}`);
      log.error({ err: describeError(error, scrub) }, c.code === 409
        ? 'telegram: another process is polling with this token (409); retrying'
        : 'telegram: polling stopped; restarting');
      restartTimer = setTimeout(() => {
        if (!stopping) startPolling();
      }, POLL_RESTART_MS);
      restartTimer.unref();
    });
  }

  async function startWebhook(url: string, secret: string): Promise<void> {
    const { host, port, path } = config.telegram.webhook;
    const listening = (server = await listenForUpdates({ bot, host, port, path, secret, log, scrub }));
    await api.callWithRetry({ method: 'setWebhook' }, () => tg.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] }));
    log.info({ url: scrub(url), host, port: (listening.address() as AddressInfo).port, path }, 'telegram: webhook set');
  }

  async function start(): Promise<void> {
    let info: UserFromGetMe;
    try {
      info = await api.callWithRetry({ method: 'getMe' }, () => tg.getMe());
    } catch (error) {
      if (classify(error).kind === 'unauthorized') token.refuse(`401 ${scrub(classify(error).description)}`);
      throw new Error(`Telegram: getMe failed (${describeError(error, scrub).description}); check TELEGRAM_BOT_TOKEN${secrets?.apiRoot ? ' and TELEGRAM_API_ROOT' : ''}`);
    }
    me = info;
    bot.botInfo = info;
    services.settings.botUsername = info.username;
    await registerCommands().catch((error: unknown) => log.warn({ err: describeError(error, scrub) }, 'telegram: setMyCommands failed; menus may be out of date'));
    if (stopping) return;
    if (secrets?.webhookUrl) {
      if (!secrets.webhookSecret) throw new Error('Telegram: TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL');
      await startWebhook(secrets.webhookUrl, secrets.webhookSecret);
    } else {
      startPolling();
    }
    log.info({ username: info.username, mode: secrets?.webhookUrl ? 'webhook' : 'polling' }, `telegram: @${info.username} started`);
  }

  const within = (p: Promise<unknown>, ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      void p.then(
        () => (clearTimeout(timer), resolve()),
        () => (clearTimeout(timer), resolve()),
      );
    });

  return {
    platform: 'telegram',
    blockedChats: api.blockedChats,
    me: () => me,
    webhookAddress() {
      const address = server?.listening ? (server.address() as AddressInfo | null) : null;
      return address ? { host: address.address, port: address.port } : undefined;
    },
    start() {
      starting ??= start();
      return starting;
    },
    stop() {
      stopping ??= (async () => {
        api.abort(); // no more waiting on 429s or backoffs
        clearTimeout(restartTimer);
        if (starting) await within(starting, stopTimeoutMs);
        if (polling) {
          try {
            bot.stop('stop');
          } catch {
            // not running (launch failed or never got going)
          }
        }
        if (server) {
          const s = server;
          const closed = new Promise<void>((resolve) => s.close(() => resolve()));
          s.closeIdleConnections();
          await within(Promise.allSettled([...pending]), stopTimeoutMs);
          s.closeAllConnections();
          await closed;
        } else {
          await within(Promise.allSettled([...pending]), stopTimeoutMs);
        }
        if (polling) await within(polling, stopTimeoutMs);
      })();
      return stopping;
    },
    async send(target: ChatTarget, post: Post, _options?: SendOptions): Promise<string[]> {
      // Telegram has no idempotency key; the outbox's claim-before-send keeps sends single.
      const { parts, keyboard } = renderFor(post);
      try {
        return await deliver(target, parts, { retry: false, keyboard });
      } catch (error) {
        throw toSendError(error, scrub);
      }
    },
    health(): AdapterHealth {
      if (token.refused) return { ok: false, detail: token.refused };
      if (!me) return { ok: false, detail: 'not started' };
      return { ok: true, detail: `@${me.username}, ${secrets.webhookUrl ? 'webhook' : 'polling'}` };
    },
    async resolveChat(ref: string): Promise<string> {
      const chat = await api.callWithRetry({ method: 'getChat', chatId: ref }, () => tg.getChat(chatRef(ref)));
      return String(chat.id);
    },
    async isAdmin(chatId: string, userId: string): Promise<boolean> {
      if (!chatId.startsWith('-')) return true; // a private chat: the user owns it
      if (userId === ANONYMOUS_ADMIN) return true; // only admins can post as the group
      const member = await api.callWithRetry({ method: 'getChatMember', chatId }, () => tg.getChatMember(chatRef(chatId), Number(userId)));
      return member.status === 'administrator' || member.status === 'creator';
    },
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
