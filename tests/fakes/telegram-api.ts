// A fake Telegram Bot API server (node:http only) for end-to-end tests of the bot through the real
// telegraf client: `new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } })`.
// It records every call, long-polls getUpdates, validates texts like Telegram (HTML parse mode,
// empty, 4096 UTF-16 units, buttons), injects faults and can enforce rate limits.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createChatState, type BotStatus, type ChannelOptions } from './telegram-chats.ts';
import { ApiError, bad } from './telegram-errors.ts';
import { checkTelegramText } from './telegram-html.ts';

type Obj = Record<string, unknown>;
export type Update = Obj & { update_id?: number };
export type ChatType = 'private' | 'group' | 'supergroup';
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';
export interface ApiCall { method: string; body: Obj; at: number }
export interface Rejection { method: string; body: Obj; code: number; description: string; at: number }
export interface SentMessage { message_id: number; chatId: string; text: string; raw: string; parse_mode?: string; at: number }
export interface RateLimits { perSecond?: number; perChatPerSecond?: number; perGroupPerMinute?: number }
export interface FakeTelegramOptions { token?: string; username?: string; botId?: number; limits?: RateLimits }
export interface FailOptions { code: number; description?: string; retry_after?: number; times?: number }
export interface UserOptions { id?: number; first_name?: string; username?: string; language_code?: string }
export interface MessageOptions {
  chat?: { id?: number; type?: ChatType; title?: string };
  from?: UserOptions;
  message_thread_id?: number;
  reply_to_message?: Obj;
}


const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request: injected failure', 401: 'Unauthorized', 403: 'Forbidden: injected failure',
  404: 'Not Found', 409: 'Conflict: injected failure', 500: 'Internal Server Error', 502: 'Bad Gateway',
};

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}
function obj(v: unknown): Obj | undefined {
  if (typeof v === 'string' && /^\s*[[{]/.test(v)) {
    try { return obj(JSON.parse(v)); } catch { return undefined; }
  }
  return v !== null && typeof v === 'object' ? (v as Obj) : undefined;
}
function list(v: unknown): unknown[] | undefined {
  const o = obj(v);
  return Array.isArray(o) ? o : undefined;
}
const nowSec = () => Math.floor(Date.now() / 1000);

/** Form fields: JSON-looking values (reply_markup, commands, results...) are parsed, the rest stay strings. */
function formFields(entries: Iterable<[string, string]>): Obj {
  const out: Obj = {};
  for (const [k, v] of entries) out[k] = obj(v) ?? v;
  return out;
}
function parseMultipart(raw: Buffer, boundary: string): Obj {
  const fields: [string, string][] = [];
  const files: Obj = {};
  for (const part of raw.toString('latin1').split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (name === undefined) continue;
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename !== undefined) files[name] = { filename, size: Buffer.byteLength(content, 'latin1') };
    else fields.push([name, Buffer.from(content, 'latin1').toString('utf8')]);
  }
  return { ...formFields(fields), ...files };
}
function parseBody(raw: Buffer, type: string, query: URLSearchParams): Obj {
  const fromQuery = formFields(query.entries());
  if (raw.length === 0) return fromQuery;
  const text = raw.toString('utf8');
  if (type.includes('application/x-www-form-urlencoded')) return { ...fromQuery, ...formFields(new URLSearchParams(text).entries()) };
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (type.includes('multipart/form-data') && boundary) return { ...fromQuery, ...parseMultipart(raw, boundary[1] ?? boundary[2] ?? '') };
  try { return { ...fromQuery, ...(obj(JSON.parse(text)) ?? {}) }; } catch { return fromQuery; }
}

/** Entities Telegram adds to an incoming text: /commands (with @botname) and @mentions. UTF-16 offsets. */
export function textEntities(text: string): Obj[] {
  const entities: Obj[] = [];
  const re = /(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?|@[A-Za-z][A-Za-z0-9_]{3,31})(?=$|[\s.,!?:;)])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const token = m[2] ?? '';
    const offset = m.index + (m[1] ?? '').length;
    entities.push({ type: token.startsWith('/') ? 'bot_command' : 'mention', offset, length: token.length });
  }
  return entities;
}

export async function createFakeTelegram(options: FakeTelegramOptions = {}) {
  const token = options.token ?? '123456:TEST-token';
  const username = options.username ?? 'newsbot_test_bot';
  const botId = options.botId ?? (Number(token.split(':')[0]) || 123456);
  const botUser = { id: botId, is_bot: true, first_name: 'NewsBot Test', username };
  const limits = options.limits;

  const calls: ApiCall[] = [];
  const rejections: Rejection[] = [];
  const sent = new Map<string, SentMessage[]>();
  const messages = new Map<string, Obj>(); // `${chatId}:${message_id}` -> message
  const chats = new Map<string, Obj>();
  const members = new Map<string, MemberStatus>();
  const commands = new Map<string, unknown[]>();
  const openQueries = new Set<string>();
  const blocked = new Set<string>();
  const failures = new Map<string, FailOptions[]>();
  const drops = new Map<string, number>();
  const delays = new Map<string, number[]>();
  const deliveries: { chatId: string; group: boolean; at: number }[] = [];
  let queue: Update[] = [];
  let lastUpdateId = 0;
  let lastMessageId = 0;
  let lastQueryId = 0;
  let webhook: Obj = { url: '' };
  let allowedUpdates: string[] = [];
  let poll: { offset: number; limit: number; finish: (result: Update[] | ApiError) => void } | undefined;
  const state = { tooManyRequests: 0 };
  const chatState = createChatState(botUser, () => ++lastMessageId);

  // ---- chats and messages ----
  function chatOf(chatId: string): Obj {
    const known = chatState.chat(chatId) ?? chats.get(chatId);
    if (known) return known;
    const id = num(chatId) ?? chatId;
    return typeof id === 'number' && id > 0
      ? { id, type: 'private', first_name: 'User' }
      : { id, type: 'supergroup', title: `Chat ${chatId}` };
  }
  function remember(message: Obj | undefined) {
    const chat = obj(message?.chat);
    if (!message || !chat) return;
    chats.set(String(chat.id), chat);
    const key = `${String(chat.id)}:${String(message.message_id)}`;
    if (!messages.has(key)) messages.set(key, message);
    remember(obj(message.reply_to_message));
  }
  function requireChat(b: Obj): string {
    if (b.chat_id === undefined || b.chat_id === '') throw bad('chat_id is empty');
    return chatState.idOf(String(b.chat_id));
  }
  function checkText(raw: unknown, parseMode: unknown): string {
    if (typeof raw !== 'string') throw bad('message text is empty');
    const r = checkTelegramText(raw, typeof parseMode === 'string' ? parseMode : undefined);
    if (!r.ok) throw bad(r.error);
    return r.text;
  }
  function checkMarkup(markup: Obj | undefined) {
    const rows = list(markup?.inline_keyboard) ?? list(markup?.keyboard) ?? [];
    for (const row of rows) {
      for (const button of list(row) ?? []) {
        const b = typeof button === 'string' ? { text: button } : obj(button) ?? {};
        if (typeof b.text !== 'string' || b.text.trim() === '') throw bad('BUTTON_TEXT_INVALID');
        if (b.callback_data !== undefined && (typeof b.callback_data !== 'string'
          || Buffer.byteLength(b.callback_data) < 1 || Buffer.byteLength(b.callback_data) > 64)) throw bad('BUTTON_DATA_INVALID');
      }
    }
  }

  // ---- rate limits (sendMessage only) ----
  function checkRate(chatId: string, group: boolean) {
    if (!limits) return;
    const now = Date.now();
    while (deliveries.length > 0 && (deliveries[0]?.at ?? now) <= now - 60_000) deliveries.shift();
    const over = (entries: { at: number }[], limit: number | undefined, windowMs: number) => {
      if (!limit || entries.length < limit) return 0;
      const freeing = entries[entries.length - limit]?.at ?? now;
      return Math.max(1, Math.ceil((freeing + windowMs - now) / 1000));
    };
    const lastSecond = deliveries.filter((d) => d.at > now - 1000);
    const wait = Math.max(
      over(lastSecond, limits.perSecond, 1000),
      over(lastSecond.filter((d) => d.chatId === chatId), limits.perChatPerSecond, 1000),
      group ? over(deliveries.filter((d) => d.chatId === chatId), limits.perGroupPerMinute, 60_000) : 0,
    );
    if (wait > 0) {
      state.tooManyRequests++;
      throw new ApiError(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
    }
  }

  // ---- updates ----
  function takeUpdates(offset: number, limit: number): Update[] {
    if (offset > 0) queue = queue.filter((u) => (u.update_id ?? 0) >= offset);
    else if (offset < 0) queue = queue.slice(offset);
    if (allowedUpdates.length > 0) queue = queue.filter((u) => allowedUpdates.some((k) => k in u));
    return queue.slice(0, limit);
  }
  function register(update: Update): Update {
    if (update.update_id === undefined) update.update_id = ++lastUpdateId;
    else lastUpdateId = Math.max(lastUpdateId, update.update_id);
    remember(obj(update.message) ?? obj(update.edited_message) ?? obj(update.channel_post));
    const query = obj(update.callback_query) ?? obj(update.inline_query);
    if (query) openQueries.add(String(query.id));
    remember(obj(obj(update.callback_query)?.message));
    return update;
  }
  function pushUpdate(update: Update): Update {
    queue.push(register(update));
    if (poll) {
      const ready = takeUpdates(poll.offset, poll.limit);
      if (ready.length > 0) poll.finish(ready);
    }
    return update;
  }

  // ---- methods ----
  type Handler = (b: Obj, res: http.ServerResponse) => unknown;
  const methods: Record<string, Handler> = {
    getMe: () => ({ ...botUser, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true }),
    setWebhook: (b) => {
      const url = typeof b.url === 'string' ? b.url : '';
      if (url !== '') {
        const u = new URL(url);
        if (u.protocol !== 'https:') throw bad('bad webhook: An HTTPS URL must be provided for webhook');
        if (!['', '443', '80', '88', '8443'].includes(u.port)) throw bad('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
      }
      if (b.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(b.secret_token))) throw bad('bad webhook: secret token contains unallowed characters');
      if (b.drop_pending_updates === true || b.drop_pending_updates === 'true') queue = [];
      webhook = { ...b, url };
      return true;
    },
    deleteWebhook: (b) => {
      if (b.drop_pending_updates === true || b.drop_pending_updates === 'true') queue = [];
      webhook = { url: '' };
      return true;
    },
    getWebhookInfo: () => ({
      url: webhook.url, has_custom_certificate: false, pending_update_count: queue.length,
      ...(webhook.max_connections !== undefined ? { max_connections: num(webhook.max_connections) } : {}),
      ...(webhook.allowed_updates !== undefined ? { allowed_updates: webhook.allowed_updates } : {}),
    }),
    getUpdates: (b, res) => {
      if (webhook.url !== '') throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      const offset = num(b.offset) ?? 0;
      const limit = Math.min(100, Math.max(1, num(b.limit) ?? 100));
      const timeout = num(b.timeout) ?? 0;
      const allowed = list(b.allowed_updates);
      if (allowed) allowedUpdates = allowed.map(String);
      poll?.finish(new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
      const ready = takeUpdates(offset, limit);
      if (ready.length > 0 || timeout <= 0) return ready;
      return new Promise<Update[]>((resolve, reject) => {
        const mine = {
          offset, limit,
          finish: (result: Update[] | ApiError) => {
            clearTimeout(timer);
            if (poll === mine) poll = undefined;
            if (result instanceof ApiError) reject(result);
            else resolve(result);
          },
        };
        const timer = setTimeout(() => mine.finish([]), timeout * 1000);
        poll = mine;
        res.on('close', () => { if (poll === mine) mine.finish([]); });
      });
    },
    sendMessage: (b) => {
      const chatId = requireChat(b);
      const text = checkText(b.text, b.parse_mode);
      const markup = obj(b.reply_markup);
      checkMarkup(markup);
      if (blocked.has(chatId)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
      chatState.checkSend(chatId);
      const chat = chatOf(chatId);
      checkRate(chatId, chat.type !== 'private');
      const replyParams = obj(b.reply_parameters);
      const replyId = num(replyParams?.message_id ?? b.reply_to_message_id);
      const replyTo = replyId === undefined ? undefined : messages.get(`${chatId}:${replyId}`);
      const threadId = num(b.message_thread_id);
      const message: Obj = {
        message_id: ++lastMessageId, from: botUser, chat, date: nowSec(), text,
        ...(threadId !== undefined ? { message_thread_id: threadId, is_topic_message: true } : {}),
        ...(replyTo ? { reply_to_message: replyTo } : {}),
        ...(markup?.inline_keyboard ? { reply_markup: { inline_keyboard: markup.inline_keyboard } } : {}),
      };
      messages.set(`${chatId}:${lastMessageId}`, message);
      deliveries.push({ chatId, group: chat.type !== 'private', at: Date.now() });
      const record: SentMessage = { message_id: lastMessageId, chatId, text, raw: String(b.text), at: Date.now() };
      if (typeof b.parse_mode === 'string') record.parse_mode = b.parse_mode;
      sent.set(chatId, [...(sent.get(chatId) ?? []), record]);
      chatState.afterSend();
      return message;
    },
    editMessageText: (b) => {
      const text = checkText(b.text, b.parse_mode);
      const markup = obj(b.reply_markup);
      checkMarkup(markup);
      if (b.inline_message_id !== undefined) return true;
      const chatId = requireChat(b);
      const message = messages.get(`${chatId}:${String(num(b.message_id))}`);
      if (!message) throw bad('message to edit not found');
      if (obj(message.from)?.id !== botId) throw bad("message can't be edited");
      const newMarkup = markup?.inline_keyboard ? { inline_keyboard: markup.inline_keyboard } : undefined;
      if (message.text === text && JSON.stringify(message.reply_markup) === JSON.stringify(newMarkup)) {
        throw bad('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
      }
      message.text = text;
      message.edit_date = nowSec();
      if (newMarkup) message.reply_markup = newMarkup;
      else delete message.reply_markup;
      return message;
    },
    deleteMessage: (b) => {
      const key = `${requireChat(b)}:${String(num(b.message_id))}`;
      if (!messages.delete(key)) throw bad('message to delete not found');
      return true;
    },
    answerCallbackQuery: (b) => {
      if (!openQueries.delete(String(b.callback_query_id))) throw bad('query is too old and response timeout expired or query ID is invalid');
      return true;
    },
    answerInlineQuery: (b) => {
      if (!openQueries.has(String(b.inline_query_id))) throw bad('query is too old and response timeout expired or query ID is invalid');
      const results = list(b.results) ?? [];
      if (results.length > 50) throw bad('RESULTS_TOO_MUCH');
      const ids = new Set<string>();
      for (const item of results) {
        const r = obj(item) ?? {};
        const id = typeof r.id === 'string' ? r.id : '';
        if (Buffer.byteLength(id) < 1 || Buffer.byteLength(id) > 64) throw bad('RESULT_ID_INVALID');
        if (ids.has(id)) throw bad('RESULT_ID_DUPLICATE');
        ids.add(id);
        if (r.type === 'article' && (typeof r.title !== 'string' || r.title === '')) throw bad('RESULT_TITLE_EMPTY');
        const content = obj(r.input_message_content);
        if (content && 'message_text' in content) checkText(content.message_text, content.parse_mode);
        checkMarkup(obj(r.reply_markup));
      }
      openQueries.delete(String(b.inline_query_id));
      return true;
    },
    setMyCommands: (b) => {
      const list_ = list(b.commands);
      if (!list_) throw bad('commands must be an array');
      if (list_.length > 100) throw bad('BOT_COMMANDS_TOO_MUCH');
      for (const item of list_) {
        const c = obj(item) ?? {};
        if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw bad('BOT_COMMAND_INVALID');
        if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) throw bad('BOT_COMMAND_DESCRIPTION_INVALID');
      }
      commands.set(commandsKey(b), list_);
      return true;
    },
    getMyCommands: (b) => commands.get(commandsKey(b)) ?? [],
    deleteMyCommands: (b) => { commands.delete(commandsKey(b)); return true; },
    getChatMember: (b) => {
      const chatId = requireChat(b);
      const userId = num(b.user_id);
      if (userId === undefined) throw bad('user_id is empty');
      const own = userId === botId ? chatState.botMember(chatId) : undefined;
      if (own) return own;
      const status = members.get(`${chatId}:${userId}`) ?? 'member';
      const user = userId === botId ? botUser : { id: userId, is_bot: false, first_name: `User ${userId}` };
      return {
        status, user,
        ...(status === 'administrator' ? { can_be_edited: false, can_manage_chat: true, can_delete_messages: true, can_restrict_members: true, is_anonymous: false } : {}),
        ...(status === 'creator' ? { is_anonymous: false } : {}),
      };
    },
    getChat: (b) => chatOf(requireChat(b)),
    sendChatAction: (b) => {
      requireChat(b);
      if (typeof b.action !== 'string' || b.action === '') throw bad('action is empty');
      return true;
    },
  };
  const methodsByName = new Map(Object.entries(methods).map(([k, v]) => [k.toLowerCase(), v]));
  function commandsKey(b: Obj): string {
    return `${JSON.stringify(obj(b.scope) ?? { type: 'default' })}|${typeof b.language_code === 'string' ? b.language_code : ''}`;
  }

  // ---- HTTP ----
  function answer(res: http.ServerResponse, status: number, payload: Obj) {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  }
  function answerError(res: http.ServerResponse, e: ApiError) {
    answer(res, e.code, { ok: false, error_code: e.code, description: e.description, ...(e.parameters ? { parameters: e.parameters } : {}) });
  }
  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const m = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z]+)\/?$/.exec(url.pathname);
    if (!m) return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (m[1] !== token || chatState.state.revoked) return answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2] ?? '';
    const body = parseBody(Buffer.concat(chunks), req.headers['content-type'] ?? '', url.searchParams);
    calls.push({ method, body, at: Date.now() });
    const key = method.toLowerCase();
    const dropCount = drops.get(key) ?? 0;
    if (dropCount > 0) {
      drops.set(key, dropCount - 1);
      req.socket.destroy();
      return;
    }
    const delay = delays.get(key)?.shift();
    if (delay !== undefined) await new Promise((r) => setTimeout(r, delay));
    const fault = failures.get(key)?.[0];
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) failures.get(key)?.shift();
      const retry = fault.retry_after ?? (fault.code === 429 ? 1 : undefined);
      const description = fault.description ?? (fault.code === 429 ? `Too Many Requests: retry after ${retry}` : DEFAULT_DESCRIPTIONS[fault.code] ?? 'Injected failure');
      return answerError(res, new ApiError(fault.code, description, retry !== undefined ? { retry_after: retry } : undefined));
    }
    const impl = methodsByName.get(key);
    if (!impl) return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    try {
      const result = await impl(body, res);
      answer(res, 200, { ok: true, result });
    } catch (e) {
      if (!(e instanceof ApiError)) return answer(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(e)}` });
      if (e.code === 400) rejections.push({ method, body, code: e.code, description: e.description, at: Date.now() });
      answerError(res, e);
    }
  }

  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => { void handle(req, res); });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  // ---- update builders ----
  function user(u: UserOptions = {}): Obj {
    return { id: u.id ?? 1001, is_bot: false, first_name: u.first_name ?? 'Tester', language_code: u.language_code ?? 'en', ...(u.username ? { username: u.username } : {}) };
  }
  function message(text: string, opts: MessageOptions = {}): Update {
    const from = user(opts.from);
    const type = opts.chat?.type ?? 'private';
    const chat = type === 'private'
      ? { id: opts.chat?.id ?? from.id, type, first_name: from.first_name }
      : { id: opts.chat?.id ?? -1001234567890, type, title: opts.chat?.title ?? 'Test group' };
    const entities = textEntities(text);
    return {
      message: {
        message_id: ++lastMessageId, date: nowSec(), chat, from, text,
        ...(entities.length > 0 ? { entities } : {}),
        ...(opts.message_thread_id !== undefined ? { message_thread_id: opts.message_thread_id, is_topic_message: true } : {}),
        ...(opts.reply_to_message ? { reply_to_message: opts.reply_to_message } : {}),
      },
    };
  }
  function callbackQuery(data: string, opts: { message?: Obj; from?: UserOptions } = {}): Update {
    const from = user(opts.from);
    const msg = opts.message ?? { message_id: ++lastMessageId, date: nowSec(), chat: { id: from.id, type: 'private', first_name: from.first_name }, from: botUser, text: 'Menu' };
    return { callback_query: { id: String(++lastQueryId), from, chat_instance: `ci-${String(obj(msg.chat)?.id)}`, data, message: msg } };
  }
  function inlineQuery(query: string, opts: { from?: UserOptions; offset?: string } = {}): Update {
    return { inline_query: { id: String(++lastQueryId), from: user(opts.from), query, offset: opts.offset ?? '', chat_type: 'sender' } };
  }

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botUser,
    calls,
    rejections,
    sent,
    get tooManyRequests() { return state.tooManyRequests; },
    callsOf: (method: string) => calls.filter((c) => c.method === method),
    sentTo: (chatId: number | string) => (sent.get(String(chatId)) ?? []).map((s) => s.text),
    /** Delivered sendMessage count per chat id. */
    deliveredCounts: () => Object.fromEntries([...sent].map(([k, v]) => [k, v.length])),
    pushUpdate,
    message,
    callbackQuery,
    inlineQuery,
    setChatMember: (chatId: number | string, userId: number, status: MemberStatus) => { members.set(`${chatId}:${userId}`, status); },
    /** A channel the bot is in (an administrator with "Post messages" unless said otherwise). */
    addChannel: (o: ChannelOptions) => chatState.addChannel(o),
    /** A post in a channel, as an update (push it with pushUpdate). */
    channelPost: (chat: Obj, text: string) => chatState.channelPost(chat, text, textEntities(text)),
    /** Changes the bot's own membership in a chat; returns the my_chat_member update. */
    setBotStatus: (chat: Obj, status: BotStatus, canPost = true) => chatState.setBotStatus(chat, status, canPost),
    /** Upgrades a group to a supergroup; returns the two service-message updates. */
    migrateChat: (from: number, to: number) => chatState.migrate(from, to),
    /** Every call answers 401 Unauthorized until restoreToken(). */
    revokeToken: () => { chatState.state.revoked = true; poll?.finish(new ApiError(401, 'Unauthorized')); },
    restoreToken: () => { chatState.state.revoked = false; },
    /** Revokes the token once n more messages were delivered (mid-fan-out). */
    revokeAfter: (n: number) => { chatState.state.revokeAfter = n; },
    blockChat: (chatId: number | string) => { blocked.add(String(chatId)); },
    failNext: (method: string, fail: FailOptions) => {
      const key = method.toLowerCase();
      failures.set(key, [...(failures.get(key) ?? []), { ...fail }]);
    },
    /** The next call of `method` is answered only after `ms` (a reply still in flight). */
    delayNext: (method: string, ms: number) => { delays.set(method.toLowerCase(), [...(delays.get(method.toLowerCase()) ?? []), ms]); },
    dropNext: (method: string, times = 1) => { drops.set(method.toLowerCase(), (drops.get(method.toLowerCase()) ?? 0) + times); },
    /** Commands set for a scope (default {type:'default'}) and language ('' = all). */
    commandsFor: (scope?: Obj, languageCode?: string) => commands.get(commandsKey({ scope, language_code: languageCode })),
    get webhook() { return webhook; },
    async postWebhook(url: string, update: Update, secret?: string): Promise<{ status: number; body: unknown }> {
      register(update);
      const r = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'X-Telegram-Bot-Api-Secret-Token': secret } : {}) },
        body: JSON.stringify(update),
      });
      const text = await r.text();
      let body: unknown = text === '' ? null : text;
      try { body = JSON.parse(text) as unknown; } catch { /* not JSON */ }
      return { status: r.status, body };
    },
    /** Polls until predicate(calls) is truthy and returns that value; throws with the recorded methods on timeout. */
    async waitFor<T>(predicate: (calls: ApiCall[]) => T | undefined | null | false, timeoutMs = 2000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = predicate(calls);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close(): Promise<void> {
      poll?.finish([]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        setImmediate(() => { for (const s of sockets) s.destroy(); });
      });
    },
  };
}

export type FakeTelegram = Awaited<ReturnType<typeof createFakeTelegram>>;
