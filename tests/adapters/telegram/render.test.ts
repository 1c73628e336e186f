import { describe, expect, it } from 'vitest';
import {
  CallbackTokens,
  cleanText,
  cutPoint,
  escapeHtml,
  FSI,
  isolateLatin,
  MAX_MESSAGE_CHARS,
  PDI,
  renderKeyboard,
  renderPost,
  type RenderedMessage,
} from '../../../src/adapters/telegram/render.ts';
import type { Block, Post } from '../../../src/bot/post.ts';
import { checkTelegramHtml } from '../../fakes/telegram-html.ts';

const en = (...blocks: Block[]): Post => ({ lang: 'en', blocks });
const ar = (...blocks: Block[]): Post => ({ lang: 'ar', blocks });
const para = (text: string): Block => ({ type: 'paragraph', content: [text] });

/** Every part is HTML Telegram accepts, within the limit, and what Telegram shows is `text`. */
function expectValid(parts: RenderedMessage[], max = MAX_MESSAGE_CHARS) {
  expect(parts.length).toBeGreaterThan(0);
  for (const part of parts) {
    const check = checkTelegramHtml(part.html, max);
    expect(check, part.html.slice(0, 200)).toMatchObject({ ok: true });
    if (check.ok) expect(check.text).toBe(part.text);
    expect(part.text.length).toBeLessThanOrEqual(max);
  }
}
const squash = (s: string) => s.replace(/[\s\u2068\u2069]/g, '');

describe('escaping', () => {
  it('escapes & < > " and nothing else', () => {
    expect(escapeHtml(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d &quot;e&quot; 'f'`);
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('escapes every dynamic string: headings, paragraphs, spans, quotes, citations, lists, links', () => {
    const evil = '<b>&amp;"</b>';
    const [part] = renderPost(en(
      { type: 'heading', text: evil },
      { type: 'paragraph', content: [evil, { text: evil, bold: true, italic: true, code: true }, { text: evil, link: 'https://e.org/?q=<x>&y="1"' }] },
      { type: 'quote', text: evil, cite: [evil] },
      { type: 'list', items: [[evil], [{ text: evil, italic: true }]], ordered: true, start: 9 },
    ));
    expectValid([part!]);
    expect(part!.html).toContain('<b>&lt;b&gt;&amp;amp;&quot;&lt;/b&gt;</b>');
    expect(part!.html).toContain('<a href="https://e.org/?q=&lt;x&gt;&amp;y=&quot;1&quot;">');
    expect(part!.html).toContain('<b><i><code>&lt;b&gt;');
    expect(part!.html).toContain('<blockquote>&lt;b&gt;');
    expect(part!.text).toContain('9. <b>&amp;"</b>\n10. <b>');
    expect(part!.text.split(evil).length - 1).toBe(8);
  });

  it('links only to web and tg:// addresses', () => {
    const [part] = renderPost(en({ type: 'paragraph', content: [{ text: 'x', link: 'javascript:alert(1)' }, ' ', { text: 'y', link: 'tg://user?id=1' }] }));
    expect(part!.html).toBe('x <a href="tg://user?id=1">y</a>');
  });

  it('keeps link addresses within a per-message budget (ENTITIES_TOO_LONG); the rest show as text', () => {
    const url = `https://example.org/${'p'.repeat(1500)}`;
    const [part] = renderPost(en({ type: 'paragraph', content: [1, 2, 3, 4].map((n) => ({ text: `link ${n} `, link: url })) }));
    expect(part!.html.match(/<a href=/g)).toHaveLength(2);
    expect(part!.text).toBe('link 1 link 2 link 3 link 4 ');
  });

  it('strips bidi and C0 controls and repairs lone surrogates', () => {
    expect(cleanText('a\u202Eb\u2066c\u200Fd\u0000e\u0007f')).toBe('abcdef');
    expect(cleanText('x\uD83Dy\uDE00z 😀')).toBe('x\uFFFDy\uFFFDz 😀');
    const [part] = renderPost(ar(para('\u202Eمرحبا\u2067 بكم')));
    expect(part!.text).toBe('مرحبا بكم');
  });

  it('an empty or invisible post still renders something Telegram accepts', () => {
    expect(renderPost(en())).toEqual([{ html: '…', text: '…' }]);
    expect(renderPost(en(para('  \u200B\n '), { type: 'heading', text: '\u202E' }))).toEqual([{ html: '…', text: '…' }]);
  });
});

describe('Latin names in Arabic text', () => {
  it('wraps Latin runs in FSI…PDI, leaving trailing punctuation outside', () => {
    expect(isolateLatin('قال Donald J. Trump: نعم')).toBe(`قال ${FSI}Donald J. Trump${PDI}: نعم`);
    expect(isolateLatin('عن U.S. و G7 و BBC News.')).toBe(`عن ${FSI}U.S${PDI}. و ${FSI}G7${PDI} و ${FSI}BBC News${PDI}.`);
    expect(isolateLatin('بلا لاتينية ١٢٣')).toBe('بلا لاتينية ١٢٣');
    // Commands, mentions and hashtags keep their sign inside the isolate (Telegram links them).
    expect(isolateLatin('أرسل /help أو @newsbot_test_bot و#Gaza')).toBe(`أرسل ${FSI}/help${PDI} أو ${FSI}@newsbot_test_bot${PDI} و${FSI}#Gaza${PDI}`);
  });

  it('isolates only in right-to-left paragraphs', () => {
    const [part] = renderPost(ar(para('قال Trump إن'), para('Trump said'), { type: 'paragraph', content: ['وقالت ', { text: 'BBC', bold: true }] }));
    expect(part!.text).toBe(`قال ${FSI}Trump${PDI} إن\n\nTrump said\n\nوقالت ${FSI}BBC${PDI}`);
    expect(part!.html).toContain(`<b>${FSI}BBC${PDI}</b>`);
    const [english] = renderPost(en(para('Trump met ترامب')));
    expect(english!.text).toBe('Trump met ترامب');
  });

  it('decides direction by the first letter, then by the post language', () => {
    // Telegram lays out each paragraph by its first strong letter, so that decides, not the post.
    const [latinFirst] = renderPost(ar(para('2024: Reuters قالت')));
    expect(latinFirst!.text).toBe('2024: Reuters قالت');
    const [arabicFirst] = renderPost(en(para('2024: قالت Reuters')));
    expect(arabicFirst!.text).toBe(`2024: قالت ${FSI}Reuters${PDI}`);
  });
});

describe('splitting', () => {
  it('keeps a post that fits in one message, up to exactly 4096 characters', () => {
    const text = 'x'.repeat(MAX_MESSAGE_CHARS - 6);
    const parts = renderPost(en({ type: 'heading', text: 'Head' }, para(text)));
    expect(parts).toHaveLength(1);
    expect(parts[0]!.text.length).toBe(MAX_MESSAGE_CHARS);
    expect(renderPost(en({ type: 'heading', text: 'Head' }, para(`${text}y`)))).toHaveLength(2);
  });

  it('moves whole blocks to the next message rather than cutting them', () => {
    const block = 'word '.repeat(500).trim(); // 2499 characters
    const parts = renderPost(en(para(block), para(block), para(block)));
    expect(parts.map((p) => p.text)).toEqual([block, block, block]);
  });

  it('cuts a long paragraph at a sentence boundary', () => {
    const sentence = `${'Alpha beta gamma delta. '.repeat(4).trim()} `;
    const long = sentence.repeat(60).trim();
    const parts = renderPost(en(para(long)), { maxLength: 1000 });
    expectValid(parts, 1000);
    for (const p of parts.slice(0, -1)) expect(p.text.endsWith('.')).toBe(true);
    expect(squash(parts.map((p) => p.text).join(''))).toBe(squash(long));
  });

  it('prefers line breaks, then sentences, then words, then anything but a surrogate pair', () => {
    expect(cutPoint('aaaa\nbbbb. cccc dddd', 18)).toBe(10);
    expect(cutPoint('aaaa bbbb. cccc dddd', 18)).toBe(10);
    expect(cutPoint('aaaa bbbb cccc dddd', 12)).toBe(9);
    expect(cutPoint('aaaa\n\nbbbb\ncccc', 14)).toBe(4); // a blank line beats a later line break
    expect(cutPoint('a\n\nbbbbbbbb\ncccc', 14)).toBe(11); // ...unless it leaves too short a piece
    const emoji = '😀'.repeat(10);
    const c = cutPoint(emoji, 7);
    expect(c % 2).toBe(0);
    expect(cutPoint('short', 10)).toBe(5);
  });

  it('splits emoji and Arabic without breaking characters; every part is valid', () => {
    const parts = renderPost(ar(para('😀'.repeat(3000)), para('ب'.repeat(9000))));
    expectValid(parts);
    expect(parts.map((p) => p.text).join('')).not.toContain('\uFFFD');
    expect(squash(parts.map((p) => p.text).join(''))).toBe('😀'.repeat(3000) + 'ب'.repeat(9000));
  });

  it('closes and reopens tags around a cut: a long bold span, a long quote, a long link', () => {
    const words = 'bold words here. '.repeat(600);
    const parts = renderPost(en(
      { type: 'paragraph', content: [{ text: words, bold: true }] },
      { type: 'quote', text: 'quoted & "kept" <text>. '.repeat(400), cite: ['Someone'] },
      { type: 'paragraph', content: [{ text: 'link text. '.repeat(800), link: 'https://example.org/a?b=1&c=2' }] },
    ));
    expectValid(parts);
    expect(parts.length).toBeGreaterThanOrEqual(5);
    for (const p of parts) {
      const opens = (p.html.match(/<(b|blockquote|a)[ >]/g) ?? []).length;
      const closes = (p.html.match(/<\/(b|blockquote|a)>/g) ?? []).length;
      expect(opens).toBe(closes);
    }
    expect(parts.filter((p) => p.html.includes('<blockquote>')).length).toBeGreaterThanOrEqual(2);
  });

  it('a Latin run longer than a message is cut inside its isolate, which each part closes and reopens', () => {
    const parts = renderPost(ar(para(`مقدمة قصيرة ${'English words only '.repeat(600)}خاتمة`)));
    expectValid(parts);
    for (const p of parts) {
      expect((p.text.match(/\u2068/g) ?? []).length).toBe((p.text.match(/\u2069/g) ?? []).length);
    }
  });

  it('never exceeds the limit, whatever the blocks (small limit, many shapes)', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['word ', 'كلمة ', 'Trump ', '. ', '\n', '😀', '&<>"', ' ', 'x'];
    const text = () => Array.from({ length: rnd(120) }, () => pieces[rnd(pieces.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const blocks: Block[] = Array.from({ length: 1 + rnd(5) }, () => {
        switch (rnd(4)) {
          case 0: return { type: 'heading', text: text() };
          case 1: return { type: 'paragraph', content: [text(), { text: text(), bold: true }, { text: text(), link: 'https://x.y/' }] };
          case 2: return { type: 'quote', text: text(), cite: [text()] };
          default: return { type: 'list', items: [[text()], [{ text: text(), italic: true }]] };
        }
      });
      const post: Post = { lang: rnd(2) ? 'ar' : 'en', blocks };
      const max = 40 + rnd(200);
      const parts = renderPost(post, { maxLength: max });
      expectValid(parts, max);
      const whole = renderPost(post, { maxLength: 1_000_000 });
      expect(squash(parts.map((p) => p.text).join(''))).toBe(squash(whole.map((p) => p.text).join('')));
    }
  });
});

describe('buttons', () => {
  it('become an inline keyboard; long actions travel as short tokens', () => {
    const tokens = new CallbackTokens();
    const long = `/full ${'k'.repeat(80)} 2`;
    const keyboard = renderKeyboard([[{ label: 'Next ›', action: '/list 2' }, { label: '\u202E<b>', action: long }], [{ label: '  ', action: '~tilde' }]], tokens);
    expect(keyboard?.[0]?.[0]).toEqual({ text: 'Next ›', callback_data: '/list 2' });
    expect(keyboard?.[0]?.[1]?.text).toBe('<b>'); // button labels are plain text, never parsed
    const token = keyboard?.[0]?.[1]?.callback_data ?? '';
    expect(token).toMatch(/^~/);
    expect(tokens.actionFor(token)).toBe(long);
    expect(tokens.dataFor(long)).toBe(token); // the same action, the same token
    expect(keyboard?.[1]?.[0]?.text).toBe('•');
    expect(tokens.actionFor(keyboard?.[1]?.[0]?.callback_data ?? '')).toBe('~tilde');
    expect(tokens.actionFor('~unknown')).toBeUndefined();
    expect(renderKeyboard(undefined, tokens)).toBeUndefined();
    expect(renderKeyboard([[]], tokens)).toBeUndefined();
  });

  it('callback data never exceeds 64 bytes, even for multi-byte actions; the token map is bounded', () => {
    const tokens = new CallbackTokens(3);
    const arabic = '/summary ماذا قال ترامب عن الاتفاق'; // > 64 bytes in UTF-8
    expect(Buffer.byteLength(tokens.dataFor(arabic))).toBeLessThanOrEqual(64);
    const first = tokens.dataFor(`/x ${'a'.repeat(70)}`);
    for (let i = 0; i < 3; i++) tokens.dataFor(`/y ${i} ${'b'.repeat(70)}`);
    expect(tokens.actionFor(first)).toBeUndefined(); // evicted, oldest first
  });
});
