// End to end: the real adapter on real telegraf, the app's real router over the shipped content,
// against the fake Bot API server (which rejects any text Telegram's HTML parser would refuse).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SendError } from '../../../src/adapters/chat-adapter.ts';
import { MAX_MESSAGE_CHARS } from '../../../src/adapters/telegram/render.ts';
import { availableCommands } from '../../../src/bot/commands.ts';
import type { Post } from '../../../src/bot/post.ts';
import type { BotServices } from '../../../src/bot/types.ts';
import type { ApiCall } from '../../fakes/telegram-api.ts';
import { checkTelegramHtml } from '../../fakes/telegram-html.ts';
import { realServices } from '../../helpers/services.ts';
import { localWebhook, startHarness, WEBHOOK_SECRET, WEBHOOK_URL, type Harness, type HarnessOptions } from './harness.ts';

const BOT = 'newsbot_test_bot';
const GROUP = -1001234567890;

let services: BotServices;
let harnesses: Harness[] = [];
let tmp: string | undefined;

beforeAll(async () => {
  services = await realServices();
});
afterEach(async () => {
  for (const h of harnesses) await h.close();
  harnesses = [];
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function harness(options: HarnessOptions = {}, over: BotServices = services): Promise<Harness> {
  const h = await startHarness(over, options);
  harnesses.push(h);
  return h;
}

type Body = Record<string, unknown>;
const sendsTo = (calls: ApiCall[], chatId: number) => calls.filter((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === chatId);
const keyboardOf = (body: Body) => (body.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard;

/** Pushes a message and waits for `count` replies in that chat; returns the sendMessage calls. */
async function ask(h: Harness, text: string, opts: Parameters<Harness['fake']['message']>[1] = {}, count = 1): Promise<ApiCall[]> {
  const chatId = opts.chat?.id ?? (opts.chat?.type && opts.chat.type !== 'private' ? GROUP : (opts.from?.id ?? 1001));
  const before = h.texts(chatId).length;
  h.fake.pushUpdate(h.fake.message(text, opts));
  await h.fake.waitFor(() => h.texts(chatId).length >= before + count, 3000);
  return sendsTo(h.fake.calls, chatId).slice(-count); // the delivered ones come last

}

/** Every message the fake accepted is valid Telegram HTML within the limit; nothing was rejected. */
function expectClean(h: Harness) {
  expect(h.fake.rejections).toEqual([]);
  for (const list of h.fake.sent.values()) {
    for (const m of list) {
      expect(m.parse_mode).toBe('HTML');
      expect(checkTelegramHtml(m.raw).ok).toBe(true);
      expect(m.text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    }
  }
}

describe('start-up', () => {
  it('learns its username from getMe and registers the command table for ar, en and the default', async () => {
    const h = await harness();
    expect(services.settings.botUsername).toBe(BOT);
    expect(h.adapter.me()?.username).toBe(BOT);
    const visible = availableCommands(services).filter((c) => !c.hidden);
    for (const lang of ['ar', 'en'] as const) {
      expect(h.fake.commandsFor(undefined, lang)).toEqual(visible.map((c) => ({ command: c.name, description: c.description[lang] })));
    }
    expect(h.fake.commandsFor(undefined, '')).toEqual(visible.map((c) => ({ command: c.name, description: c.description[services.settings.defaultLang] })));
    expect(JSON.stringify(h.fake.commandsFor(undefined, 'en'))).not.toContain('"full"'); // hidden
    expect(h.fake.calls.map((c) => c.method).slice(-2)).toEqual(['deleteWebhook', 'getUpdates']);
    expect(h.fake.callsOf('getUpdates')[0]?.body.allowed_updates).toEqual(['message', 'channel_post', 'callback_query', 'inline_query', 'my_chat_member']);
  });

  it('stop is clean and idempotent, and start after stop is harmless', async () => {
    const h = await harness();
    const t0 = Date.now();
    await Promise.all([h.adapter.stop(), h.adapter.stop()]);
    await h.adapter.stop();
    expect(Date.now() - t0).toBeLessThan(1000);
    // telegraf's last getUpdates (limit 1) confirms the offset
    expect(h.fake.callsOf('getUpdates').at(-1)?.body.limit).toBe(1);
  });

  it('fails start() with a clear message when getMe is refused, without the token', async () => {
    const { createFakeTelegram } = await import('../../fakes/telegram-api.ts');
    const fake = await createFakeTelegram();
    const { loadConfig } = await import('../../../src/config.ts');
    const { createTelegramAdapter } = await import('../../../src/adapters/telegram/index.ts');
    const { createRouter } = await import('../../../src/bot/router.ts');
    const { memoryLogger } = await import('../../helpers/services.ts');
    const token = '654321:WRONG-token-for-this-fake';
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_CONFIG: 'config/newsbot.json' });
    const adapter = createTelegramAdapter({ router: createRouter(services), services, config, log: memoryLogger() });
    await expect(adapter.start()).rejects.toThrow(/getMe failed \(Unauthorized\)/);
    await adapter.stop();
    await fake.close();
  });
});

describe('commands and questions (long polling)', () => {
  it('/start and /help in a private chat', async () => {
    const h = await harness();
    const [start] = await ask(h, '/start', { from: { id: 7 } });
    expect(start?.body).toMatchObject({ parse_mode: 'HTML', chat_id: 7 });
    expect(h.texts(7)[0]).toContain('Hello!');
    expect(String(start?.body.text)).toContain('<code>/summary [document]</code>');
    const [help] = await ask(h, '/help', { from: { id: 7, language_code: 'ar' } });
    expect(h.texts(7)[1]).toContain('الأوامر');
    expect(help?.body.reply_parameters).toBeUndefined(); // private chats get no reply quote
    expectClean(h);
  });

  it('/summary answers with the newest document and a Full text button', async () => {
    const h = await harness();
    const [reply] = await ask(h, '/summary', { from: { id: 8 } });
    const latest = services.library().briefs[0]!;
    expect(h.texts(8)[0]).toContain(latest.doc.title);
    expect(String(reply?.body.text).startsWith(`<b>`)).toBe(true);
    const keyboard = keyboardOf(reply!.body);
    expect(keyboard?.[0]?.[0]?.text).toBe('Full text');
    expect(Buffer.byteLength(keyboard?.[0]?.[0]?.callback_data ?? '')).toBeLessThanOrEqual(64);
    expectClean(h);
  });

  it('/summary@botname in a group is answered as a reply; /summary@otherbot is not', async () => {
    const h = await harness();
    h.fake.pushUpdate(h.fake.message('/summary@other_news_bot', { chat: { type: 'supergroup' } }));
    const [reply] = await ask(h, `/summary@${BOT} 2`, { chat: { type: 'supergroup' } });
    expect(h.texts(GROUP)).toHaveLength(1);
    expect(h.texts(GROUP)[0]).toContain(services.library().briefs[1]!.doc.title);
    expect(reply?.body.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    expectClean(h);
  });

  it('ignores a group message that is not addressed to the bot', async () => {
    const h = await harness();
    h.fake.pushUpdate(h.fake.message('China and Russia talk', { chat: { type: 'group', id: -42 } }));
    h.fake.pushUpdate(h.fake.message('a reply to someone else', { chat: { type: 'group', id: -42 }, reply_to_message: { message_id: 1, date: 1, chat: { id: -42, type: 'group', title: 'g' }, from: { id: 5, is_bot: false, first_name: 'x' }, text: 'hi' } }));
    await ask(h, '/about', { chat: { type: 'group', id: -42 } }); // a command without @name still works
    expect(h.texts(-42)).toHaveLength(1);
    expect(h.texts(-42)[0]).toContain('newsbot:');
  });

  it('answers a mention in a group, and a reply to its own message', async () => {
    const h = await harness();
    const [first] = await ask(h, `@${BOT} maternity pay`, { chat: { type: 'supergroup' } });
    expect(h.texts(GROUP)[0]).toContain('Labour plans maternity pay rise');
    const sent = h.fake.sent.get(String(GROUP))![0]!;
    const mine = { message_id: sent.message_id, date: 1, chat: { id: GROUP, type: 'supergroup', title: 'Test group' }, from: h.fake.botUser, text: sent.text };
    await ask(h, 'Yukos loan', { chat: { type: 'supergroup' }, reply_to_message: mine });
    expect(h.texts(GROUP)[1]).toContain('Yukos');
    expect(first?.body.reply_parameters).toBeDefined();
    expectClean(h);
  });

  it('answers a plain Arabic message in a private chat, in Arabic, with Latin runs isolated', async () => {
    const h = await harness();
    const [reply] = await ask(h, 'الصين وروسيا', { from: { id: 9, language_code: 'en' } });
    const text = h.texts(9)[0]!;
    expect(text).toContain('الصين');
    expect(text).toContain('الوثيقة'); // the bot's own words follow the question's language
    expect(keyboardOf(reply!.body)?.[0]?.[0]?.text).toBe('النص الكامل');
    expectClean(h);
  });

  it('keeps a forum topic: the reply goes to the same message_thread_id', async () => {
    const h = await harness();
    const [reply] = await ask(h, `/list@${BOT}`, { chat: { type: 'supergroup' }, message_thread_id: 77 });
    expect(reply?.body.message_thread_id).toBe(77);
  });

  it('a failing handler is logged and the bot keeps running', async () => {
    const h = await harness({
      wrapRouter: (router) => ({
        ...router,
        handle: async (m) => {
          if (m.text === 'boom') throw new Error('boom');
          return router.handle(m);
        },
      }),
    });
    h.fake.pushUpdate(h.fake.message('boom', { from: { id: 10 } }));
    await ask(h, '/about', { from: { id: 10 } });
    expect(h.texts(10)).toHaveLength(1);
    expect(h.log.lines.some((l) => l.level === 'error' && l.msg.includes('message failed'))).toBe(true);
  });
});

describe('who said what', () => {
  it('/who Trump lists Trump quotes', async () => {
    const h = await harness();
    await ask(h, '/who Trump', { from: { id: 11 } });
    const html = String(h.fake.callsOf('sendMessage')[0]?.body.text);
    expect(html).toContain('<blockquote>');
    expect(h.texts(11)[0]).toMatch(/Trump|ترامب/);
    expect(h.texts(11)[0]).toContain('هناك كراهية هائلة');
    expectClean(h);
  });
  it('«ماذا قال ترامب؟» answers with his quotes in Arabic', async () => {
    const h = await harness();
    await ask(h, 'ماذا قال ترامب؟', { from: { id: 12 } });
    const html = String(h.fake.callsOf('sendMessage')[0]?.body.text);
    expect(html).toContain('<blockquote>');
    expect(h.texts(12)[0]).toContain('ترامب');
    expect(h.texts(12)[0]).toContain('نحن نحقق الكثير من التقدم');
    expectClean(h);
  });
});

describe('buttons', () => {
  function botMessage(h: Harness, chatId: number, index = -1) {
    const sent = h.fake.sent.get(String(chatId))!.at(index)!;
    return { message_id: sent.message_id, date: 1, chat: { id: chatId, type: 'private', first_name: 'Tester' }, from: h.fake.botUser, text: sent.text };
  }

  it('a press is answered (answerCallbackQuery) and the page is shown by editing the message', async () => {
    const h = await harness();
    const [list] = await ask(h, '/list', { from: { id: 20 } });
    const next = keyboardOf(list!.body)?.[0]?.[0];
    expect(next?.callback_data).toBe('/list 2');
    const press = h.fake.pushUpdate(h.fake.callbackQuery(next!.callback_data, { message: botMessage(h, 20), from: { id: 20 } }));
    const edit = await h.fake.waitFor((calls) => calls.find((c) => c.method === 'editMessageText'));
    expect(h.fake.callsOf('answerCallbackQuery')[0]?.body).toMatchObject({ callback_query_id: (press.callback_query as { id: string }).id });
    expect(edit.body).toMatchObject({ chat_id: 20, message_id: list ? h.fake.sent.get('20')![0]!.message_id : 0, parse_mode: 'HTML' });
    expect(String(edit.body.text)).toContain('page 2 of 2');
    expect(keyboardOf(edit.body)?.[0]?.[0]).toMatchObject({ callback_data: '/list 1' });

    // Pressing the same button again changes nothing: "message is not modified" is not an error.
    h.fake.pushUpdate(h.fake.callbackQuery('/list 2', { message: botMessage(h, 20), from: { id: 20 } }));
    await h.fake.waitFor(() => h.fake.callsOf('answerCallbackQuery').length === 2 && h.fake.callsOf('editMessageText').length === 2);
    await h.adapter.idle();
    expect(h.fake.rejections.map((r) => r.description)).toEqual([expect.stringContaining('message is not modified')]);
    expect(h.log.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(h.fake.callsOf('sendMessage')).toHaveLength(1);
  });

  it('Full text pages through a document by editing', async () => {
    const h = await harness();
    const [summary] = await ask(h, '/summary', { from: { id: 21 } });
    const full = keyboardOf(summary!.body)![0]![0]!;
    h.fake.pushUpdate(h.fake.callbackQuery(full.callback_data, { message: botMessage(h, 21), from: { id: 21 } }));
    const edit = await h.fake.waitFor((calls) => calls.find((c) => c.method === 'editMessageText'));
    expect(String(edit.body.text)).toContain('Full text, part 1 of');
    expect(h.fake.callsOf('answerCallbackQuery')).toHaveLength(1);
    expect(h.fake.rejections).toEqual([]);
  });

  it('answers the query even when the action fails', async () => {
    const h = await harness({
      wrapRouter: (router) => ({ ...router, handle: async (m) => (m.text === '/explode' ? Promise.reject(new Error('x')) : router.handle(m)) }),
    });
    h.fake.pushUpdate(h.fake.callbackQuery('/explode', { from: { id: 22 } }));
    const answer = await h.fake.waitFor((calls) => calls.find((c) => c.method === 'answerCallbackQuery'));
    expect(String(answer.body.text)).toContain('Sorry');
    h.fake.pushUpdate(h.fake.callbackQuery('~zzz', { from: { id: 22 } })); // an unknown token
    await h.fake.waitFor(() => h.fake.callsOf('answerCallbackQuery').length === 2);
    expect(String(h.fake.callsOf('answerCallbackQuery')[1]?.body.text)).toContain('expired');
    expect(h.fake.rejections).toEqual([]);
  });

  it('an action longer than 64 bytes travels as a short token kept on the server', async () => {
    const h = await harness();
    const action = `/summary ${'maternity '.repeat(10)}`;
    await h.adapter.send({ chatId: '23' }, { lang: 'en', blocks: [{ type: 'paragraph', content: ['Pick one'] }], buttons: [[{ label: 'Go', action }]] });
    const data = keyboardOf(h.fake.callsOf('sendMessage')[0]!.body)![0]![0]!.callback_data;
    expect(data).toMatch(/^~[0-9a-z]+$/);
    h.fake.pushUpdate(h.fake.callbackQuery(data, { message: botMessage(h, 23), from: { id: 23 } }));
    const edit = await h.fake.waitFor((calls) => calls.find((c) => c.method === 'editMessageText'));
    expect(String(edit.body.text)).toContain('Labour plans maternity pay rise');
  });
});

describe('inline mode', () => {
  it('answers @bot <words> with up to 50 ready messages in valid HTML', async () => {
    const h = await harness();
    h.fake.pushUpdate(h.fake.inlineQuery(''));
    h.fake.pushUpdate(h.fake.inlineQuery('maternity pay'));
    h.fake.pushUpdate(h.fake.inlineQuery('الصين', { from: { language_code: 'ar' } }));
    await h.fake.waitFor(() => h.fake.callsOf('answerInlineQuery').length === 3);
    const [newest, words, arabic] = h.fake.callsOf('answerInlineQuery').map((c) => c.body.results as Body[]);
    expect(newest).toHaveLength(services.library().briefs.length);
    expect(newest!.length).toBeLessThanOrEqual(50);
    expect(words?.[0]).toMatchObject({ type: 'article', title: 'Labour plans maternity pay rise' });
    expect(arabic?.[0]?.title).toContain('الصين');
    for (const r of [...newest!, ...words!, ...arabic!]) {
      const content = r.input_message_content as { message_text: string; parse_mode: string };
      expect(content.parse_mode).toBe('HTML');
      expect(checkTelegramHtml(content.message_text).ok).toBe(true);
      expect(Buffer.byteLength(String(r.id))).toBeLessThanOrEqual(64);
    }
    expect(h.fake.rejections).toEqual([]);
  });

  it("answers @bot <speaker> with that speaker's quotes first, each with its source", async () => {
    const h = await harness();
    h.fake.pushUpdate(h.fake.inlineQuery('Trump'));
    await h.fake.waitFor(() => h.fake.callsOf('answerInlineQuery').length === 1);
    const results = h.fake.callsOf('answerInlineQuery')[0]!.body.results as Body[];
    const first = results[0]!.input_message_content as { message_text: string };
    expect(String(results[0]!.title)).toMatch(/^Donald Trump: /);
    expect(first.message_text).toContain('<blockquote>');
    expect(first.message_text).toMatch(/هناك كراهية هائلة|نحن نحقق الكثير من التقدم|غاضب/);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    expect(h.fake.rejections).toEqual([]);
  });
});

describe('webhook mode', () => {
  it('checks the secret (403 otherwise), answers, and ignores a repeated update_id', async () => {
    const h = await harness({ webhook: true });
    expect(h.fake.callsOf('setWebhook')[0]?.body).toMatchObject({ url: WEBHOOK_URL, secret_token: WEBHOOK_SECRET });
    expect(h.fake.callsOf('getUpdates')).toEqual([]);
    const url = localWebhook(h);

    const wrong = await h.fake.postWebhook(url, h.fake.message('/start', { from: { id: 30 } }), 'not-the-secret');
    const missing = await h.fake.postWebhook(url, h.fake.message('/start', { from: { id: 30 } }));
    expect([wrong.status, missing.status]).toEqual([403, 403]);

    const update = h.fake.message('/summary', { from: { id: 30 } });
    const ok = await h.fake.postWebhook(url, update, WEBHOOK_SECRET);
    expect(ok.status).toBe(200);
    const again = await h.fake.postWebhook(url, update, WEBHOOK_SECRET); // Telegram re-sends when slow
    expect(again.status).toBe(200);
    await h.fake.waitFor(() => h.texts(30).length === 1);
    await h.adapter.idle();
    expect(h.texts(30)).toHaveLength(1);

    // Button presses go to the API too (webhookReply off), so they are seen and checked.
    const sent = h.fake.sent.get('30')![0]!;
    const press = h.fake.callbackQuery('/list 2', { message: { message_id: sent.message_id, date: 1, chat: { id: 30, type: 'private' }, from: h.fake.botUser, text: sent.text }, from: { id: 30 } });
    expect((await h.fake.postWebhook(url, press, WEBHOOK_SECRET)).status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsOf('answerCallbackQuery').length === 1 && h.fake.callsOf('editMessageText').length === 1);
    expect((await fetch(url, { method: 'GET' })).status).toBe(405);
    expect(h.fake.rejections).toEqual([]);
  });
});

describe('errors', () => {
  it('a 429 on sendMessage waits retry_after and retries', async () => {
    const h = await harness();
    h.fake.failNext('sendMessage', { code: 429, retry_after: 1 });
    const t0 = Date.now();
    await ask(h, '/about', { from: { id: 40 } });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(h.fake.callsOf('sendMessage')).toHaveLength(2);
    expect(h.texts(40)).toHaveLength(1);
    expect(h.log.lines.some((l) => l.level === 'warn' && l.msg.includes('rate limited'))).toBe(true);
  });

  it('a 403 records the chat as blocked', async () => {
    const h = await harness();
    h.fake.blockChat(41);
    h.fake.pushUpdate(h.fake.message('/start', { from: { id: 41 } }));
    await h.fake.waitFor(() => h.adapter.blockedChats.has('41'));
    expect(h.fake.callsOf('sendMessage')).toHaveLength(1); // not retried
    expect(h.log.lines.some((l) => l.level === 'warn' && l.msg.includes('blocked'))).toBe(true);
  });

  it('a dropped connection and a 502 on sendMessage are retried', async () => {
    const h = await harness({ retry: { backoffMs: 20 } });
    h.fake.dropNext('sendMessage');
    h.fake.failNext('sendMessage', { code: 502 });
    await ask(h, '/about', { from: { id: 42 } });
    expect(h.fake.callsOf('sendMessage')).toHaveLength(3);
    expect(h.texts(42)).toHaveLength(1);
    const logged = JSON.stringify(h.log.lines);
    expect(logged).not.toContain(h.fake.token);
    expect(logged).toContain('retrying');
  });

  it('send() does not wait: it throws SendError by kind, without the token', async () => {
    const h = await harness();
    const post: Post = { lang: 'en', blocks: [{ type: 'paragraph', content: ['Morning briefing'] }] };
    h.fake.failNext('sendMessage', { code: 429, retry_after: 30 });
    const t0 = Date.now();
    const limited = await h.adapter.send({ chatId: '50' }, post).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(500);
    expect(limited).toBeInstanceOf(SendError);
    expect(limited).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 });
    h.fake.blockChat(51);
    await expect(h.adapter.send({ chatId: '51' }, post)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(h.adapter.blockedChats.has('51')).toBe(true);
    h.fake.failNext('sendMessage', { code: 500 });
    await expect(h.adapter.send({ chatId: '50' }, post)).rejects.toMatchObject({ kind: 'transient' });
    h.fake.dropNext('sendMessage');
    const dropped = await h.adapter.send({ chatId: '50' }, post).catch((e: unknown) => e);
    expect(dropped).toMatchObject({ kind: 'transient' });
    expect(String((dropped as Error).message)).not.toContain(h.fake.token);
    h.fake.failNext('sendMessage', { code: 400, description: 'Bad Request: chat not found' });
    await expect(h.adapter.send({ chatId: '50' }, post)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(h.adapter.send({ chatId: '50', threadId: '5' }, post)).resolves.toHaveLength(1);
    expect(h.fake.callsOf('sendMessage').at(-1)?.body.message_thread_id).toBe(5);
    expect(JSON.stringify(h.log.lines)).not.toContain(h.fake.token);
  });

  it('stop() does not hang while a reply waits out a 429', async () => {
    const h = await harness();
    h.fake.failNext('sendMessage', { code: 429, retry_after: 30 });
    h.fake.pushUpdate(h.fake.message('/about', { from: { id: 43 } }));
    await h.fake.waitFor(() => h.fake.callsOf('sendMessage').length === 1);
    await new Promise((r) => setTimeout(r, 20));
    const t0 = Date.now();
    await h.adapter.stop();
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('isAdmin asks getChatMember in groups; private chats are their own admins', async () => {
    const h = await harness();
    h.fake.setChatMember(GROUP, 5, 'administrator');
    h.fake.setChatMember(GROUP, 6, 'creator');
    await expect(h.adapter.isAdmin(String(GROUP), '5')).resolves.toBe(true);
    await expect(h.adapter.isAdmin(String(GROUP), '6')).resolves.toBe(true);
    await expect(h.adapter.isAdmin(String(GROUP), '7')).resolves.toBe(false);
    await expect(h.adapter.isAdmin('7', '7')).resolves.toBe(true);
    expect(h.fake.callsOf('getChatMember')).toHaveLength(3);
  });
});

describe('long answers', () => {
  it('a summary longer than 4096 characters is split at sentence boundaries, each part valid', async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'newsbot-tg-'));
    const sentence = (n: number) => `Sentence ${n} reports that ${'the committee examined the long budget and its many annexes, '.repeat(28)}and closed.`;
    await fs.writeFile(path.join(tmp, 'long.txt'), `A very long report\n\n${[1, 2, 3].map(sentence).join('\n\n')}\n`);
    const longServices = await realServices(tmp);
    const h = await harness({}, longServices);
    expect(longServices.library().briefs).toHaveLength(1);
    const replies = await ask(h, '/summary', { from: { id: 60 } }, 2);
    await h.adapter.idle();
    const texts = h.texts(60);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(t.trim().endsWith('.') || t.trim().endsWith('closed.')).toBe(true);
    }
    // The keyboard rides on the last part only.
    const all = h.fake.callsOf('sendMessage');
    expect(all.slice(0, -1).every((c) => keyboardOf(c.body) === undefined)).toBe(true);
    expect(keyboardOf(all.at(-1)!.body)?.[0]?.[0]?.text).toBe('Full text');
    expect(replies[0]?.body.text).toBeDefined();
    expectClean(h);
  });

  it('send() splits a long Arabic post with quotes and lists, never breaking a tag or an entity', async () => {
    const h = await harness();
    const quote = `قال Donald Trump إن "الاتفاق" <قريب> & ${'مهم جدًا. '.repeat(600)}`;
    const post: Post = {
      lang: 'ar',
      blocks: [
        { type: 'heading', text: 'اقتباسات <b>ترامب</b>' },
        { type: 'quote', text: quote, cite: [{ text: 'دونالد ترامب', bold: true }, ' — ', { text: 'BBC & Co', link: 'https://example.org/?a=1&b=2' }] },
        { type: 'list', items: Array.from({ length: 300 }, (_, i) => [{ text: `بند ${i} & <i>`, italic: true }, ' Reuters']) },
      ],
      buttons: [[{ label: 'التالي', action: '/list 2' }]],
    };
    const ids = await h.adapter.send({ chatId: '61' }, post);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expectClean(h);
    const raws = h.fake.sent.get('61')!.map((m) => m.raw);
    expect(raws.filter((r) => r.includes('<blockquote>')).length).toBeGreaterThanOrEqual(2); // the quote spans messages
    expect(raws.join('')).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
  });
});
