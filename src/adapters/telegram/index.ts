// The Telegram adapter on telegraf: long polling (or a webhook), commands from the one table,
// plain questions, buttons, inline mode. Handlers run off telegraf's update loop (one queue per
// chat), so a reply waiting out a 429 never holds up other chats' updates.
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telegraf } from 'telegraf';
import type { CallbackQuery, InlineQuery, InlineQueryResultArticle, Message, Update, UserFromGetMe } from 'telegraf/types';
import { inlineResults } from '../../bot/inline.ts';
import { strings } from '../../bot/i18n.ts';
import type { Post } from '../../bot/post.ts';
import { pickLanguage } from '../../bot/router.ts';
import type { IncomingMessage } from '../../bot/types.ts';
import type { ChatAdapter, ChatTarget, SendOptions } from '../chat-adapter.ts';
import type { AdapterDeps } from '../deps.ts';
import { classify, createApiCaller, createTokenScrubber, DEFAULT_RETRY, describeError, toSendError, type ApiCaller, type RetryPolicy } from './errors.ts';
import { CallbackTokens, cleanText, renderKeyboard, renderPost, type InlineButton, type RenderedMessage } from './render.ts';

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

const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;
const SEEN_UPDATES = 10_000;
const MAX_WEBHOOK_BODY = 1_000_000;
const POLL_RESTART_MS = 5_000;
/** The user Telegram shows for an admin posting anonymously as the group (GroupAnonymousBot). */
const ANONYMOUS_ADMIN = '1087968824';

type Extra = NonNullable<Parameters<Telegraf['telegram']['sendMessage']>[2]>;

/** Numeric chat ids go to the API as numbers, @channel names as strings. */
function chatRef(chatId: string): number | string {
  return /^-?\d{1,16}$/.test(chatId) ? Number(chatId) : chatId;
}

/** Telegraf joins "./bot<token>/<method>" to the API root: a path prefix needs its trailing slash. */
function apiRootOf(root: string | undefined): string | undefined {
  if (!root) return undefined;
  const url = new URL(root);
  if (url.pathname !== '/' && !url.pathname.endsWith('/')) url.pathname += '/';
  return url.toString();
}

const isParseError = (error: unknown) => /can't parse entities/i.test(classify(error).description);
const NOT_MODIFIED = /message is not modified/i;
const isNotModified = (error: unknown) => NOT_MODIFIED.test(classify(error).description);

export function createTelegramAdapter(deps: AdapterDeps, options: TelegramAdapterOptions = {}): TelegramAdapter {
  const { router, services, config } = deps;
  const secrets = config.secrets.telegram;
  if (!secrets?.token) throw new Error('Telegram: TELEGRAM_BOT_TOKEN is not set');
  const scrub = createTokenScrubber([secrets.token, secrets.webhookSecret ?? '']);
  const log = deps.log;
  const api: ApiCaller = createApiCaller(log, scrub, { ...DEFAULT_RETRY, ...options.retry });
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
    if (msg.from?.is_bot) return;
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

  // ---- buttons ----
  async function onCallback(query: CallbackQuery): Promise<void> {
    const data = 'data' in query ? query.data : undefined;
    const message = query.message && 'text' in query.message ? query.message : undefined;
    const chat = query.message?.chat;
    const chatId = String(chat?.id ?? query.from.id);
    const group = chat?.type === 'group' || chat?.type === 'supergroup';
    const threadId = message?.is_topic_message && message.message_thread_id !== undefined ? String(message.message_thread_id) : undefined;
    const lang = pickLanguage('', query.from.language_code, services.settings.defaultLang);
    let notice: string | undefined;
    let post: Post | null = null;
    try {
      const action = data === undefined ? undefined : tokens.actionFor(data);
      if (action === undefined) notice = lang === 'ar' ? 'انتهت صلاحية هذا الزر. أرسل الأمر من جديد.' : 'This button has expired. Please send the command again.';
      else {
        post = await router.handle({
          platform: 'telegram',
          chatId,
          userId: String(query.from.id),
          text: action,
          chatType: chat ? (group ? 'group' : 'private') : 'private',
          addressed: true,
          ...(query.from.language_code ? { locale: query.from.language_code } : {}),
          ...(threadId ? { threadId } : {}),
        });
      }
    } catch (error) {
      notice = strings[lang].error;
      log.error({ err: describeError(error, scrub) }, 'telegram: button action failed');
    } finally {
      // Always answered, or the user's client shows a spinner for a while.
      await api
        .callWithRetry({ method: 'answerCallbackQuery', chatId }, () => tg.answerCbQuery(query.id, notice))
        .catch((error: unknown) => log.warn({ err: describeError(error, scrub) }, 'telegram: answerCallbackQuery failed'));
    }
    if (!post) return;
    const { parts, keyboard } = renderFor(post);
    const first = parts[0];
    if (!first) return;
    const single = parts.length === 1;
    const extra = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true }, ...(single && keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {}) };
    const edit = (chatRefValue: number | string | undefined, messageId: number | undefined, inlineId: string | undefined) =>
      api.callWithRetry({ method: 'editMessageText', chatId }, () => tg.editMessageText(chatRefValue, messageId, inlineId, first.html, extra), (c) => NOT_MODIFIED.test(c.description));
    try {
      if (query.inline_message_id) await edit(undefined, undefined, query.inline_message_id);
      else if (message) await edit(chatRef(chatId), message.message_id, undefined);
      else {
        await deliver({ chatId, ...(threadId ? { threadId } : {}) }, parts, { retry: true, keyboard });
        return;
      }
    } catch (error) {
      if (!isNotModified(error)) {
        if (query.inline_message_id || classify(error).kind !== 'invalid') throw error;
        // The message can no longer be edited (too old, deleted): answer with a new one.
        await deliver({ chatId, ...(threadId ? { threadId } : {}) }, parts, { retry: true, keyboard });
        return;
      }
    }
    if (!single && !query.inline_message_id) await deliver({ chatId, ...(threadId ? { threadId } : {}) }, parts.slice(1), { retry: true, keyboard });
  }

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

  bot.on('message', (ctx) => {
    const msg = ctx.message;
    if ('text' in msg) enqueue(String(msg.chat.id), 'message', () => onMessage(msg));
  });
  bot.on('callback_query', (ctx) => {
    const query = ctx.callbackQuery;
    enqueue(String(query.message?.chat.id ?? query.from.id), 'button', () => onCallback(query));
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
      log.error({ err: describeError(error, scrub) }, c.code === 409
        ? 'telegram: another process is polling with this token (409); retrying'
        : 'telegram: polling stopped; restarting');
      if (c.code === 401) return; // the token was revoked: nothing to retry
      restartTimer = setTimeout(() => {
        if (!stopping) startPolling();
      }, POLL_RESTART_MS);
      restartTimer.unref();
    });
  }

  async function startWebhook(url: string, secret: string): Promise<void> {
    const { host, port, path } = config.telegram.webhook;
    const seen = new Set<number>();
    const expected = Buffer.from(secret);
    const secretOk = (header: string | string[] | undefined) => {
      const got = Buffer.from(typeof header === 'string' ? header : '');
      return got.length === expected.length && timingSafeEqual(got, expected);
    };
    const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
      const pathname = (req.url ?? '').split('?')[0];
      if (pathname !== path) return res.writeHead(404).end();
      if (req.method !== 'POST') return res.writeHead(405, { allow: 'POST' }).end();
      if (!secretOk(req.headers['x-telegram-bot-api-secret-token'])) {
        log.warn({ remote: req.socket.remoteAddress }, 'telegram: webhook request with a wrong or missing secret (403)');
        return res.writeHead(403).end();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_WEBHOOK_BODY) return res.writeHead(413).end();
        chunks.push(chunk as Buffer);
      }
      let update: Update;
      try {
        update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update;
      } catch {
        return res.writeHead(400).end();
      }
      if (typeof update?.update_id !== 'number') return res.writeHead(400).end();
      // Telegram re-sends an update when the answer is slow: each update_id is handled once.
      if (seen.has(update.update_id)) {
        log.debug({ updateId: update.update_id }, 'telegram: repeated update ignored');
        return res.writeHead(200).end();
      }
      seen.add(update.update_id);
      if (seen.size > SEEN_UPDATES) seen.delete(seen.values().next().value as number);
      await bot.handleUpdate(update);
      res.writeHead(200).end();
    };
    server = http.createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        log.error({ err: describeError(error, scrub) }, 'telegram: webhook request failed');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, host, () => {
        listening.off('error', reject);
        resolve();
      });
    });
    await api.callWithRetry({ method: 'setWebhook' }, () => tg.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] }));
    log.info({ url: scrub(url), host, port: (listening.address() as AddressInfo).port, path }, 'telegram: webhook set');
  }

  async function start(): Promise<void> {
    let info: UserFromGetMe;
    try {
      info = await api.callWithRetry({ method: 'getMe' }, () => tg.getMe());
    } catch (error) {
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
