// The Telegram adapter on telegraf: long polling (or a webhook), commands from the one table,
// plain questions, buttons, inline mode. Handlers run off telegraf's update loop (one queue per
// chat), so a reply waiting out a 429 never holds up other chats' updates.
import { Telegraf } from 'telegraf';
import type { ChatMemberUpdated, InlineQuery, InlineQueryResultArticle, Message, UserFromGetMe } from 'telegraf/types';
import { inlineResults } from '../../bot/inline.ts';
import type { Post } from '../../bot/post.ts';
import type { IncomingMessage } from '../../bot/types.ts';
import type { AdapterHealth, ChatAdapter, ChatTarget, SendOptions } from '../chat-adapter.ts';
import type { AdapterDeps } from '../deps.ts';
import { commandLabel, observeUpdate, type Observed } from '../observe.ts';
import { createTokenState } from '../token-state.ts';
import { chatRef, onCallback, type ButtonContext } from './buttons.ts';
import { accessFrom, channelIncoming, migrationOf } from './chats.ts';
import { classify, createApiCaller, createTokenScrubber, DEFAULT_RETRY, describeError, toSendError, type ApiCaller, type RetryPolicy } from './errors.ts';
import { CallbackTokens, cleanText, renderKeyboard, renderPost, type InlineButton, type RenderedMessage } from './render.ts';
import { createConnectionState } from './health.ts';
import { registerMenus } from './menus.ts';
import { serveWebhook, updateWaiter, webhookHandler, type WebhookServer } from './webhook.ts';

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
  const api: ApiCaller = createApiCaller(log, scrub, { ...DEFAULT_RETRY, ...options.retry }, (description) => token.refuse(`401 ${description}`), (ms) => deps.observer?.rateLimited?.('telegram', ms));
  const apiRoot = apiRootOf(secrets.apiRoot);
  const bot = new Telegraf(secrets.token, { telegram: { ...(apiRoot ? { apiRoot } : {}), webhookReply: false } });
  const tg = bot.telegram;
  const connection = createConnectionState(tg);
  const tokens = new CallbackTokens();
  const stopTimeoutMs = options.stopTimeoutMs ?? 5_000;

  let me: UserFromGetMe | undefined;
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let receiving: Promise<void> | undefined;
  let polling: Promise<void> | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let webhook: WebhookServer | undefined;

  // ---- work queue: one chain per chat keeps replies in order; all are awaited on stop ----
  const pending = new Set<Promise<void>>();
  const chains = new Map<string, Promise<void>>();
  const waiter = updateWaiter((update) => bot.handleUpdate(update));
  function enqueue(key: string | undefined, what: Observed, task: () => Promise<void>) {
    const previous = (key && chains.get(key)) || Promise.resolve();
    const observed = { ...what, receivedAt: performance.now() };
    const outcome = previous.then(() => observeUpdate(log, deps.observer, observed, task));
    waiter.settle(what.id, outcome);
    const run = outcome
      .catch((error: unknown) => log.error({ err: describeError(error, scrub), what: what.kind, updateId: what.id }, `telegram: ${what.kind} failed`));
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

  const known = (name: string) => router.commands().some((c) => c.name === name);
  const observed = (kind: string, id: number, text: string): Observed => ({ platform: 'telegram', kind, id, command: commandLabel(text, known) });
  bot.on('message', (ctx) => {
    const msg = ctx.message;
    const move = migrationOf(msg);
    if (move) enqueue(move.from, { platform: 'telegram', kind: 'migration', id: ctx.update.update_id, command: 'event' }, () => onMigration(move));
    else if ('text' in msg) enqueue(String(msg.chat.id), observed('message', ctx.update.update_id, msg.text), () => onMessage(msg));
  });
  bot.on('channel_post', (ctx) => {
    const post = ctx.channelPost;
    if ('text' in post) enqueue(String(post.chat.id), observed('channel post', ctx.update.update_id, post.text), () => onChannelPost(post));
  });
  bot.on('my_chat_member', (ctx) => {
    const update = ctx.myChatMember;
    enqueue(String(update.chat.id), { platform: 'telegram', kind: 'membership', id: ctx.update.update_id, command: 'event' }, () => onMembership(update));
  });
  bot.on('callback_query', (ctx) => {
    const query = ctx.callbackQuery;
    const action = 'data' in query && query.data !== undefined ? tokens.actionFor(query.data) : undefined;
    enqueue(String(query.message?.chat.id ?? query.from.id), observed('button', ctx.update.update_id, action ?? ''), () => onCallback(buttons, query));
  });
  bot.on('inline_query', (ctx) => {
    const query = ctx.inlineQuery;
    enqueue(undefined, { platform: 'telegram', kind: 'inline query', id: ctx.update.update_id, command: 'inline' }, () => onInline(query));
  });
  bot.catch((error, ctx) => {
    log.error({ err: describeError(error, scrub), updateId: ctx.update.update_id }, 'telegram: update failed (the bot keeps running)');
  });

  // ---- start ----
  const registerCommands = () => registerMenus({ tg, api, commands: router.commands(), defaultLang: services.settings.defaultLang, operators: config.admins.telegram, log, scrub });

  function startPolling() {
    connection.pollingStarted();
    polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => {
      if (receiving) return;
      const c = classify(error);
      connection.pollingStopped(c.code === 409 ? 'another process polls with this token (409)' : `polling stopped: ${scrub(c.description)}`);
      // The token was revoked: nothing to retry until the operator sets a working one.
      if (c.kind === 'unauthorized') return token.refuse(`401 ${scrub(c.description)}`);
      log.error({ err: describeError(error, scrub) }, c.code === 409
        ? 'telegram: another process is polling with this token (409); retrying'
        : 'telegram: polling stopped; restarting');
      restartTimer = setTimeout(() => {
        if (!receiving) startPolling();
      }, POLL_RESTART_MS);
      restartTimer.unref();
    });
  }

  async function startWebhook(url: string, secret: string): Promise<void> {
    const { host, port, path } = config.telegram.webhook;
    const handler = webhookHandler({ path, secret, log, scrub, handleUpdate: waiter.handleAndWait, onCall: () => connection.webhookCalled(), ...(deps.once ? { once: deps.once } : {}) });
    webhook = await serveWebhook(handler, { ...(deps.http ? { shared: deps.http } : {}), host, port, path }, (error) => log.error({ err: describeError(error, scrub) }, 'telegram: webhook request failed'));
    await api.callWithRetry({ method: 'setWebhook' }, () => tg.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] }));
    connection.webhookSet();
    log.info({ url: scrub(url), path, ...(webhook.address() ?? { shared: true }) }, 'telegram: webhook set');
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
    if (receiving) return;
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

  /** bot.stop() only works once telegraf's launch has got to polling: asked again until it ends. */
  async function stopPolling(): Promise<void> {
    const current = polling;
    if (!current) return;
    let ended = false;
    void current.finally(() => (ended = true));
    const deadline = Date.now() + stopTimeoutMs;
    while (!ended && Date.now() < deadline) {
      try {
        bot.stop('stop');
      } catch {
        // not polling yet (launch still deleting the webhook) or already stopped
      }
      await within(current, 100);
    }
  }

  /** Takes no more updates and lets the replies in progress finish (bounded); sending still works. */
  function stopReceiving(): Promise<void> {
    receiving ??= (async () => {
      clearTimeout(restartTimer);
      if (starting) await within(starting, stopTimeoutMs);
      const drain = () => within(Promise.allSettled([...pending]), stopTimeoutMs);
      if (webhook) await webhook.close(drain);
      else await Promise.all([stopPolling(), drain()]);
    })();
    return receiving;
  }

  return {
    platform: 'telegram',
    blockedChats: api.blockedChats,
    me: () => me,
    webhookAddress: () => webhook?.address(),
    start() {
      starting ??= start();
      return starting;
    },
    stopReceiving,
    stop() {
      stopping ??= (async () => {
        api.abort(); // no more waiting on 429s or backoffs
        await stopReceiving();
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
      return connection.health();
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
