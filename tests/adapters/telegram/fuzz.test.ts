// 2,000 hostile inputs (HTML, Markdown, right-to-left controls, huge, empty, emoji, broken
// surrogates...) through real telegraf as messages, commands, mentions, button presses and inline
// queries; then hostile posts through send(). The fake's HTML validator must reject nothing.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../../src/adapters/telegram/render.ts';
import type { Inline, Post } from '../../../src/bot/post.ts';
import type { BotServices } from '../../../src/bot/types.ts';
import type { Update } from '../../fakes/telegram-api.ts';
import { checkTelegramHtml } from '../../fakes/telegram-html.ts';
import { realServices } from '../../helpers/services.ts';
import { startHarness, type Harness } from './harness.ts';

const FRAGMENTS = [
  '<b>', '</b>', '<i>bold</b>', '<a href="javascript:alert(1)">x</a>', '<script>alert(1)</script>', '<br>', '<p>',
  '<tg-spoiler>', '<span class="tg-spoiler">', '<pre><code class="language-js">', '</code>', '<blockquote>', '<',
  '>', '&', '&amp;', '&lt;', '&#0;', '&#xD800;', '&nbsp;', '&#65;', '"', "'", '«', '»', '“', '”', '„',
  '*bold*', '_italic_', '`code`', '```block```', '[link](https://e.com)', '||spoiler||', '~~strike~~', '\\', '#', '__u__',
  '\u202E', '\u202B', '\u202A', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F', '\u200E', '\u061C', '\u200B', '\uFEFF',
  'مرحبا', 'ماذا قال ترامب؟', '<b>مرحبا</b>', 'الصين', 'بكين وموسكو', 'Donald Trump', 'ترامب Trump', 'ال<i>صين</i>',
  '😀', '👨‍👩‍👧‍👦', '🇸🇦', '\uD83D', '\uDE00', '\u0000', '\u0007', '\u001B[31m', '\r\n', '\t', '\u00A0', '\u3000', '\u2028',
  'Z̷̢a̸l̶g̵o̴', '٣٤٥', '/summary', '/full', '/list', '/who', '@newsbot_test_bot', '@other_bot', 'maternity', 'latest',
  ' ', '\n\n', '.', '؟', '...', '9'.repeat(20), '-1', '0', 'NaN', '%s%n', '${x}', '{{x}}', 'null', "'); DROP TABLE--",
];

function prng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    s = (s ^ (s >>> 12)) >>> 0;
    return s % n;
  };
}

function hostileTexts(count: number, seed: number): string[] {
  const rnd = prng(seed);
  const pick = () => FRAGMENTS[rnd(FRAGMENTS.length)]!;
  const special = ['', ' ', '\n', '\u202E', '\u200B', '<b>'.repeat(5000), 'ب'.repeat(100_000), '&'.repeat(4097), 'x'.repeat(4096), '😀'.repeat(50_000), '"'.repeat(3), '<b>عربي', 'a\u0000b'];
  return Array.from({ length: count }, (_, i) => {
    if (i < special.length) return special[i]!;
    if (rnd(100) === 0) return pick().repeat(100_000 / Math.max(1, pick().length)).slice(0, 100_000); // huge
    return Array.from({ length: 1 + rnd(12) }, () => (rnd(4) === 0 ? pick().repeat(1 + rnd(50)) : pick())).join(rnd(3) ? '' : ' ');
  });
}

/** At most `max` UTF-8 bytes, cut on a character boundary (callback_data and inline ids are byte-capped). */
function bytesCap(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

let services: BotServices;
let h: Harness | undefined;
beforeAll(async () => {
  services = await realServices();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('fuzz', () => {
  it('2,000 hostile inputs through real telegraf: zero rejections, every one answered', async () => {
    h = await startHarness(services);
    const { fake } = h;
    const texts = hostileTexts(2000, 20260101);
    const updates: Update[] = [];
    let messages = 0;
    let presses = 0;
    let inline = 0;
    texts.forEach((text, i) => {
      const from = { id: 5000 + (i % 250), language_code: i % 3 ? 'ar' : 'en' };
      switch (i % 10) {
        case 0: case 1: case 2: case 3: case 4:
          messages++;
          return updates.push(fake.message(text, { from }));
        case 5:
          messages++;
          return updates.push(fake.message(`${['/summary', '/full', '/list', '/help', '/nope_x'][i % 5]} ${text}`, { from }));
        case 6:
          messages++;
          return updates.push(fake.message(`@newsbot_test_bot ${text}`, { from, chat: { type: 'supergroup', id: -100 - (i % 7) } }));
        case 7:
          // Group chatter: not a command, no mention, no reply to the bot.
          updates.push(fake.message(`chat: ${text.replaceAll('@newsbot_test_bot', '@someone')}`, { from, chat: { type: 'group', id: -900 } }));
          return;
        case 8:
          presses++;
          return updates.push(fake.callbackQuery(bytesCap(text, 64) || '/list 2', { from }));
        default:
          inline++;
          return updates.push(fake.inlineQuery(text.slice(0, 256), { from }));
      }
    });
    for (const u of updates) fake.pushUpdate(u);
    const last = updates.at(-1)?.update_id ?? 0;
    await fake.waitFor((calls) => calls.some((c) => c.method === 'getUpdates' && Number(c.body.offset) > last), 15_000);
    await h.adapter.idle();

    expect(fake.rejections.map((r) => `${r.method}: ${r.description}`)).toEqual([]);
    expect(h.log.lines.filter((l) => l.level === 'error')).toEqual([]);
    const repliedChats = new Set(fake.callsOf('sendMessage').map((c) => String(c.body.chat_id)));
    expect(repliedChats.has('-900')).toBe(false); // the group chatter was left alone
    expect(fake.callsOf('sendMessage').length).toBeGreaterThanOrEqual(messages);
    expect(fake.callsOf('answerCallbackQuery')).toHaveLength(presses);
    expect(fake.callsOf('answerInlineQuery')).toHaveLength(inline);
    for (const list of fake.sent.values()) for (const m of list) expect(m.text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    for (const c of fake.callsOf('answerInlineQuery')) {
      for (const r of c.body.results as { input_message_content: { message_text: string } }[]) {
        expect(checkTelegramHtml(r.input_message_content.message_text).ok).toBe(true);
      }
    }
  }, 20_000);

  it('hostile posts (every field) through send(): zero rejections', async () => {
    h = await startHarness(services);
    const rnd = prng(99);
    const texts = hostileTexts(300, 4242);
    const t = () => texts[rnd(texts.length)]!;
    const span = (): Inline => (rnd(2) ? t() : { text: t(), bold: rnd(2) === 0, italic: rnd(2) === 0, code: rnd(3) === 0, ...(rnd(3) === 0 ? { link: rnd(2) ? `https://e.org/${t()}` : t() } : {}) });
    for (let i = 0; i < 150; i++) {
      const post: Post = {
        lang: rnd(2) ? 'ar' : 'en',
        blocks: [
          { type: 'heading', text: t() },
          { type: 'paragraph', content: [span(), span(), span()] },
          { type: 'quote', text: t(), cite: [span()] },
          { type: 'list', items: [[span()], [span(), span()]], ordered: rnd(2) === 0 },
        ],
        buttons: [[{ label: t(), action: t() }, { label: t(), action: `/list ${t()}` }]],
      };
      await h.adapter.send({ chatId: String(7000 + i) }, post);
    }
    expect(h.fake.rejections.map((r) => `${r.method}: ${r.description}`)).toEqual([]);
    for (const list of h.fake.sent.values()) for (const m of list) expect(m.text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  }, 20_000);
});
