import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telegraf, TelegramError } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeTelegram, textEntities, type FakeTelegram, type FakeTelegramOptions } from './telegram-api.ts';
import { checkTelegramHtml, checkTelegramText } from './telegram-html.ts';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.reverse()) await fn();
  cleanups = [];
});

async function fakeServer(options?: FakeTelegramOptions): Promise<FakeTelegram> {
  const fake = await createFakeTelegram(options);
  cleanups.push(() => fake.close());
  return fake;
}

/** A real telegraf bot polling the fake; `setup` registers handlers before launch. */
async function pollingBot(setup: (bot: Telegraf) => void, options?: FakeTelegramOptions) {
  const fake = await fakeServer(options);
  const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
  const errors: unknown[] = [];
  bot.catch((err) => { errors.push(err); });
  setup(bot);
  void bot.launch().catch((err: unknown) => { errors.push(err); });
  cleanups.push(() => { try { bot.stop('test end'); } catch { /* not running */ } });
  await fake.waitFor((calls) => calls.some((c) => c.method === 'getUpdates'));
  return { fake, bot, errors };
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('fake Telegram Bot API with real telegraf (long polling)', () => {
  it('launches (getMe, deleteWebhook, long poll) and answers /start', async () => {
    const { fake, errors } = await pollingBot((bot) => {
      bot.start((ctx) => ctx.reply(`Welcome, ${ctx.from.first_name}`));
      bot.command('digest', (ctx) => ctx.reply(`<b>Digest</b> for ${ctx.chat.type}`, { parse_mode: 'HTML' }));
    });
    expect(fake.calls.slice(0, 3).map((c) => c.method)).toEqual(['getMe', 'deleteWebhook', 'getUpdates']);
    expect(fake.callsOf('getUpdates')[0]?.body).toMatchObject({ timeout: 50, offset: 0 });

    fake.pushUpdate(fake.message('/start', { from: { id: 42, first_name: 'Amal' } }));
    await fake.waitFor(() => fake.sentTo(42).length === 1);
    expect(fake.sentTo(42)).toEqual(['Welcome, Amal']);

    // /cmd@botname in a group matches only because the builder adds the bot_command entity.
    fake.pushUpdate(fake.message('/digest@newsbot_test_bot', { chat: { id: -100777, type: 'supergroup' } }));
    await fake.waitFor(() => fake.sentTo(-100777).length === 1);
    expect(fake.sentTo(-100777)).toEqual(['Digest for supergroup']);
    expect(fake.sent.get('-100777')?.[0]).toMatchObject({ raw: '<b>Digest</b> for supergroup', parse_mode: 'HTML' });
    expect(errors).toEqual([]);
    expect(fake.rejections).toEqual([]);
  });

  it('confirms offsets: every update is delivered exactly once', async () => {
    const seen: number[] = [];
    const { fake } = await pollingBot((bot) => {
      bot.on('message', (ctx) => { seen.push(ctx.update.update_id); });
    });
    const pushed = [1, 2, 3].map((n) => fake.pushUpdate(fake.message(`hello ${n}`)).update_id);
    await fake.waitFor(() => seen.length === 3);
    const later = fake.pushUpdate(fake.message('later')).update_id;
    const last = later ?? 0;
    await fake.waitFor((calls) => calls.some((c) => c.method === 'getUpdates' && c.body.offset === last + 1));
    expect(seen).toEqual([...pushed, later]);
    const offsets = fake.callsOf('getUpdates').map((c) => Number(c.body.offset));
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('answers a callback query and edits the message', async () => {
    const { fake, errors } = await pollingBot((bot) => {
      bot.action(/^page:(\d+)$/, async (ctx) => {
        await ctx.answerCbQuery('Loading');
        await ctx.editMessageText(`Page ${ctx.match[1]}`);
      });
    });
    const menu = await new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } }).telegram
      .sendMessage(55, 'Page 1', { reply_markup: { inline_keyboard: [[{ text: 'Next', callback_data: 'page:2' }]] } });
    const update = fake.pushUpdate(fake.callbackQuery('page:2', { message: menu as unknown as Record<string, unknown>, from: { id: 55 } }));
    const edit = await fake.waitFor((calls) => calls.find((c) => c.method === 'editMessageText'));
    const answer = fake.callsOf('answerCallbackQuery')[0];
    expect(answer?.body).toMatchObject({ callback_query_id: (update.callback_query as { id: string }).id, text: 'Loading' });
    expect(edit.body).toMatchObject({ chat_id: 55, message_id: menu.message_id, text: 'Page 2' });
    expect(errors).toEqual([]);
    expect(fake.rejections).toEqual([]);
  });

  it('answers an inline query and rejects more than 50 results', async () => {
    const { fake, errors } = await pollingBot((bot) => {
      bot.on('inline_query', (ctx) => {
        const count = ctx.inlineQuery.query === 'many' ? 51 : 1;
        return ctx.answerInlineQuery(Array.from({ length: count }, (_, i) => ({
          type: 'article' as const, id: `r${i}`, title: `Result ${i}`,
          input_message_content: { message_text: `<b>Story ${i}</b>`, parse_mode: 'HTML' as const },
        })));
      });
    });
    fake.pushUpdate(fake.inlineQuery('gaza'));
    const call = await fake.waitFor((calls) => calls.find((c) => c.method === 'answerInlineQuery'));
    expect(call.body).toMatchObject({ results: [{ id: 'r0', title: 'Result 0' }] });
    fake.pushUpdate(fake.inlineQuery('many'));
    await fake.waitFor(() => errors.length === 1);
    expect(errors[0]).toBeInstanceOf(TelegramError);
    expect(fake.rejections.map((r) => r.description)).toEqual(['Bad Request: RESULTS_TOO_MUCH']);
  });

  it('recovers from a dropped getUpdates connection (telegraf backs off a fixed 5 s)', async () => {
    const seen: string[] = [];
    const { fake } = await pollingBot((bot) => {
      bot.on('text', (ctx) => { seen.push(ctx.message.text); });
    });
    fake.dropNext('getUpdates');
    fake.pushUpdate(fake.message('before drop')); // answers the held poll; the next poll is dropped
    await fake.waitFor(() => seen.length === 1);
    fake.pushUpdate(fake.message('after drop'));
    await fake.waitFor(() => seen.length === 2, 8000);
    expect(seen).toEqual(['before drop', 'after drop']);
  }, 12_000);

  it('stops and closes without hanging, even with a poll held open', async () => {
    const { fake, bot } = await pollingBot(() => {});
    const t0 = Date.now();
    bot.stop('test');
    await fake.waitFor((calls) => calls.some((c) => c.method === 'getUpdates' && c.body.limit === 1));
    await fake.close();
    const lone = await createFakeTelegram();
    const held = fetch(`${lone.apiRoot}/bot${lone.token}/getUpdates`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timeout: 50 }),
    }).then((r) => r.json(), (e: unknown) => e);
    await lone.waitFor((calls) => calls.length === 1);
    await lone.close();
    expect(await held).toEqual({ ok: true, result: [] });
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('faults, limits and API errors', () => {
  it('a 429 from failNext surfaces as TelegramError with retry_after; the next call succeeds', async () => {
    const fake = await fakeServer();
    const { telegram } = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    fake.failNext('sendMessage', { code: 429, retry_after: 3 });
    const err = await caught(telegram.sendMessage(1, 'hi'));
    expect(err).toBeInstanceOf(TelegramError);
    expect(err).toMatchObject({ code: 429, parameters: { retry_after: 3 }, description: 'Too Many Requests: retry after 3' });
    await expect(telegram.sendMessage(1, 'hi')).resolves.toMatchObject({ text: 'hi' });
    expect(fake.sentTo(1)).toEqual(['hi']);
  });

  it('drops a sendMessage connection (FetchError), blocks chats (403) and repeats failures `times`', async () => {
    const fake = await fakeServer();
    const { telegram } = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    fake.dropNext('sendMessage');
    expect(await caught(telegram.sendMessage(1, 'x'))).toMatchObject({ name: 'FetchError' });
    fake.blockChat(2);
    expect(await caught(telegram.sendMessage(2, 'x'))).toMatchObject({ code: 403, description: 'Forbidden: bot was blocked by the user' });
    fake.failNext('getChat', { code: 500, times: 2 });
    expect(await caught(telegram.getChat(3))).toMatchObject({ code: 500 });
    expect(await caught(telegram.getChat(3))).toMatchObject({ code: 500 });
    await expect(telegram.getChat(3)).resolves.toMatchObject({ id: 3, type: 'private' });
    expect(fake.rejections).toEqual([]);
  });

  it('enforces rate limits with integer retry_after and counts deliveries', async () => {
    const fake = await fakeServer({ limits: { perChatPerSecond: 1, perGroupPerMinute: 2, perSecond: 3 } });
    const { telegram } = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    await telegram.sendMessage(10, 'a');
    const perChat = await caught(telegram.sendMessage(10, 'b'));
    expect(perChat).toMatchObject({ code: 429, parameters: { retry_after: 1 } });
    await telegram.sendMessage(-500, 'g1');
    await telegram.sendMessage(11, 'c');
    expect(await caught(telegram.sendMessage(12, 'd'))).toMatchObject({ code: 429 }); // 3 per second overall
    await new Promise((r) => setTimeout(r, 1050)); // the per-second windows pass
    await telegram.sendMessage(10, 'b again');
    expect(fake.tooManyRequests).toBe(2);
    expect(fake.deliveredCounts()).toEqual({ '10': 2, '-500': 1, '11': 1 });

    const groups = await fakeServer({ limits: { perGroupPerMinute: 2 } });
    const tg2 = new Telegraf(groups.token, { telegram: { apiRoot: groups.apiRoot } }).telegram;
    await tg2.sendMessage(-500, 'g1');
    await tg2.sendMessage(-500, 'g2');
    await tg2.sendMessage(500, 'private chats are not groups');
    await tg2.sendMessage(500, 'and have no per-chat limit here');
    const group = await caught(tg2.sendMessage(-500, 'g3'));
    const retry = (group as TelegramError).parameters?.retry_after ?? 0;
    expect(Number.isInteger(retry) && retry >= 59 && retry <= 60).toBe(true);
    expect(groups.tooManyRequests).toBe(1);
    expect(groups.deliveredCounts()).toEqual({ '-500': 2, '500': 2 });
  });

  it('answers 401 for another token and 404 for an unknown method', async () => {
    const fake = await fakeServer();
    const post = (path: string) => fetch(`${fake.apiRoot}${path}`, { method: 'POST' }).then(async (r) => [r.status, await r.json()]);
    expect(await post('/bot999:wrong/getMe')).toEqual([401, { ok: false, error_code: 401, description: 'Unauthorized' }]);
    expect(await post(`/bot${fake.token}/sendTelepathy`)).toEqual([404, { ok: false, error_code: 404, description: 'Not Found: method not found' }]);
    expect(fake.calls.map((c) => c.method)).toEqual(['sendTelepathy']);
  });

  it('parses form-urlencoded and multipart bodies as well as JSON', async () => {
    const fake = await fakeServer();
    await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, { method: 'POST', body: new URLSearchParams({ chat_id: '7', text: 'form' }) });
    const form = new FormData();
    form.set('chat_id', '8');
    form.set('text', 'مرحبا');
    form.set('reply_markup', JSON.stringify({ inline_keyboard: [[{ text: 'ok', callback_data: 'ok' }]] }));
    await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, { method: 'POST', body: form });
    expect(fake.sentTo(7)).toEqual(['form']);
    expect(fake.sentTo(8)).toEqual(['مرحبا']);
    expect(fake.callsOf('sendMessage')[1]?.body.reply_markup).toEqual({ inline_keyboard: [[{ text: 'ok', callback_data: 'ok' }]] });
  });

  it('validates texts, buttons, edits and deletes like Telegram and lists the rejections', async () => {
    const fake = await fakeServer();
    const { telegram } = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    const html = await caught(telegram.sendMessage(1, '<b>bold', { parse_mode: 'HTML' }));
    expect(html).toMatchObject({ code: 400, description: 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"' });
    expect(await caught(telegram.sendMessage(1, '   '))).toMatchObject({ description: 'Bad Request: message text is empty' });
    expect(await caught(telegram.sendMessage(1, 'x'.repeat(4097)))).toMatchObject({ description: 'Bad Request: message is too long' });
    expect(await caught(telegram.sendMessage(1, 'menu', {
      reply_markup: { inline_keyboard: [[{ text: 'Go', callback_data: 'x'.repeat(65) }]] },
    }))).toMatchObject({ description: 'Bad Request: BUTTON_DATA_INVALID' });
    expect(await caught(telegram.sendMessage(1, 'menu', {
      reply_markup: { inline_keyboard: [[{ text: '', callback_data: 'go' }]] },
    }))).toMatchObject({ description: 'Bad Request: BUTTON_TEXT_INVALID' });
    const msg = await telegram.sendMessage(1, 'a &lt; b', { parse_mode: 'HTML' });
    expect(msg.text).toBe('a < b');
    expect(await caught(telegram.editMessageText(1, msg.message_id, undefined, 'a < b'))).toMatchObject({ description: expect.stringContaining('message is not modified') });
    await telegram.editMessageText(1, msg.message_id, undefined, 'edited');
    await telegram.deleteMessage(1, msg.message_id);
    expect(await caught(telegram.deleteMessage(1, msg.message_id))).toMatchObject({ description: 'Bad Request: message to delete not found' });
    expect(fake.rejections).toHaveLength(7);
    expect(fake.sentTo(1)).toEqual(['a < b']);
  });

  it('setMyCommands validates and stores commands per scope and language; getChatMember is configurable', async () => {
    const fake = await fakeServer();
    const { telegram } = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    const en = [{ command: 'digest', description: 'Daily digest' }];
    const ar = [{ command: 'digest', description: 'الملخص اليومي' }];
    await telegram.setMyCommands(en);
    await telegram.setMyCommands(ar, { language_code: 'ar', scope: { type: 'all_group_chats' } });
    await expect(telegram.getMyCommands()).resolves.toEqual(en);
    await expect(telegram.getMyCommands({ language_code: 'ar', scope: { type: 'all_group_chats' } })).resolves.toEqual(ar);
    await expect(telegram.getMyCommands({ language_code: 'ar' })).resolves.toEqual([]);
    expect(fake.commandsFor({ type: 'all_group_chats' }, 'ar')).toEqual(ar);
    expect(await caught(telegram.setMyCommands([{ command: 'Digest', description: 'x' }]))).toMatchObject({ description: 'Bad Request: BOT_COMMAND_INVALID' });
    expect(await caught(telegram.setMyCommands([{ command: 'digest', description: '' }]))).toMatchObject({ description: 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID' });
    const many = Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: 'd' }));
    expect(await caught(telegram.setMyCommands(many))).toMatchObject({ description: 'Bad Request: BOT_COMMANDS_TOO_MUCH' });

    fake.setChatMember(-100, 7, 'administrator');
    await expect(telegram.getChatMember(-100, 7)).resolves.toMatchObject({ status: 'administrator', user: { id: 7 } });
    await expect(telegram.getChatMember(-100, 8)).resolves.toMatchObject({ status: 'member' });
    await expect(telegram.sendChatAction(-100, 'typing')).resolves.toBe(true);
  });
});

describe('webhook mode', () => {
  async function webhookBot(webhookReply: boolean) {
    const fake = await fakeServer();
    const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot, webhookReply } });
    const handled: string[] = [];
    bot.catch((err) => { handled.push(`error: ${String(err)}`); });
    bot.action('more', async (ctx) => { handled.push('more'); await ctx.answerCbQuery('ok'); });
    bot.on('text', async (ctx) => { handled.push(ctx.message.text); await ctx.reply('got it'); });
    const handler = await bot.createWebhook({ domain: 'bot.example.com', path: '/tg/hook', secret_token: 's3cret_token' });
    const server = http.createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tg/hook`;
    return { fake, url, handled };
  }

  it('checks the secret and replies through the webhook response (webhookReply trap)', async () => {
    const { fake, url, handled } = await webhookBot(true);
    expect(fake.callsOf('setWebhook')[0]?.body).toMatchObject({ url: 'https://bot.example.com/tg/hook', secret_token: 's3cret_token' });
    expect(fake.webhook.url).toBe('https://bot.example.com/tg/hook');

    const wrong = await fake.postWebhook(url, fake.message('hi'), 'nope');
    const missing = await fake.postWebhook(url, fake.message('hi'));
    expect([wrong.status, missing.status]).toEqual([403, 403]);
    expect(handled).toEqual([]);

    const press = await fake.postWebhook(url, fake.callbackQuery('more'), 's3cret_token');
    expect(press.status).toBe(200);
    expect(press.body).toMatchObject({ method: 'answerCallbackQuery', text: 'ok' });
    expect(fake.callsOf('answerCallbackQuery')).toEqual([]); // it never reached the API

    const text = await fake.postWebhook(url, fake.message('hello', { from: { id: 9 } }), 's3cret_token');
    expect(text.status).toBe(200);
    expect(fake.sentTo(9)).toEqual(['got it']); // sendMessage is not webhook-replyable: a real API call
    expect(handled).toEqual(['more', 'hello']);

    const conflict = await fetch(`${fake.apiRoot}/bot${fake.token}/getUpdates`, { method: 'POST' }).then((r) => r.json());
    expect(conflict).toMatchObject({ ok: false, error_code: 409 });
  });

  it('with webhookReply:false every call goes to the API', async () => {
    const { fake, url, handled } = await webhookBot(false);
    const update = fake.callbackQuery('more');
    const press = await fake.postWebhook(url, update, 's3cret_token');
    expect(press).toEqual({ status: 200, body: null });
    expect(fake.callsOf('answerCallbackQuery')[0]?.body).toMatchObject({ callback_query_id: (update.callback_query as { id: string }).id });
    expect(handled).toEqual(['more']);
    expect(fake.rejections).toEqual([]);
  });
});

describe('update builders', () => {
  it('adds bot_command and mention entities with UTF-16 offsets', () => {
    expect(textEntities('/digest@newsbot_test_bot today @alice')).toEqual([
      { type: 'bot_command', offset: 0, length: 24 },
      { type: 'mention', offset: 31, length: 6 },
    ]);
    expect(textEntities('😀 /start')).toEqual([{ type: 'bot_command', offset: 3, length: 6 }]);
    expect(textEntities('no commands here')).toEqual([]);
  });
});

describe('checkTelegramHtml', () => {
  const arabic = 'مرحبا بالعالم'; // 13 UTF-16 units
  it.each([
    ['plain text', 'hello', 5],
    ['nested tags', '<b>bold <i>both</i></b> <a href="https://x.y/?a=1&amp;b=2">link</a>', 14],
    ['all entities', '&lt;&gt;&amp;&quot;&#65;&#x42;', 6],
    ['bare >', 'a > b', 5],
    ['spoilers, quotes, code', '<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler><blockquote expandable>q</blockquote><pre><code class="language-ts">x</code></pre>', 4],
    ['case-insensitive tags', '<B>x</B>', 1],
    ['custom emoji', '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', 2],
    ['Arabic', `<b>${arabic}</b>`, 13],
    ['emoji counts 2', '😀', 2],
    ['4096 after entities', `<b>${'&amp;'.repeat(4096)}</b>`, 4096],
    ['4096 Arabic', 'ب'.repeat(4096), 4096],
  ])('accepts %s', (_name, html, length) => {
    expect(checkTelegramHtml(html)).toMatchObject({ ok: true, plainLength: length });
  });

  it.each([
    ['unclosed', '<b>bold', 'Can\'t find end tag corresponding to start tag "b"'],
    ['mis-nested', '<b><i>x</b></i>', 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ['stray end tag', 'x</b>', 'Unexpected end tag at byte offset 1'],
    ['unknown tag', '<br>', 'Unsupported start tag "br" at byte offset 0'],
    ['bare <', 'a < b', 'Unsupported start tag "" at byte offset 2'],
    ['Arabic byte offsets', 'مرحبا <p>', 'Unsupported start tag "p" at byte offset 11'],
    ['bare &', 'Tom & Jerry', 'Character "&" at byte offset 4'],
    ['unknown named entity', '&nbsp;', 'Character "&"'],
    ['entity without ;', '&amp', 'Character "&"'],
    ['span without spoiler class', '<span>x</span>', 'Tag "span" must have class "tg-spoiler"'],
    ['unclosed start tag', 'x <b', 'Unclosed start tag'],
    ['empty after parsing', '<b> </b>', 'message text is empty'],
    ['4097 chars', 'x'.repeat(4097), 'message is too long'],
    ['4097 after entities', `${'&lt;'.repeat(4097)}`, 'message is too long'],
    ['4097 Arabic', 'ب'.repeat(4097), 'message is too long'],
    ['2049 emoji (4098 UTF-16 units)', '😀'.repeat(2049), 'message is too long'],
  ])('rejects %s', (_name, html, error) => {
    const r = checkTelegramHtml(html);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toContain(error);
  });

  it('checks only empty and length without parse_mode', () => {
    expect(checkTelegramText('<b>not html & fine')).toMatchObject({ ok: true, plainLength: 18 });
    expect(checkTelegramText('')).toEqual({ ok: false, error: 'message text is empty' });
  });
});
