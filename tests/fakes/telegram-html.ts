// What Telegram's Bot API does with a message text: parse_mode 'HTML' parsing (tags, entities,
// nesting), then the empty and length checks. Pure functions, shared by the fake Bot API server
// and by adapter unit tests ("would Telegram accept this text?").
//
// Error strings follow Telegram's: the server answers `Bad Request: ${error}`. Byte offsets are
// UTF-8 offsets into the raw text, as Telegram reports them. Lengths count UTF-16 code units.

export type TextCheck = { ok: true; text: string; plainLength: number } | { ok: false; error: string };

export const MAX_MESSAGE_LENGTH = 4096;

const ALLOWED_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler',
  'a', 'code', 'pre', 'blockquote', 'tg-emoji',
]);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
const ENTITY_RE = /^&(?:([a-zA-Z]+)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));/;
const SPACE_RE = /\s/;
const ATTR_NAME_RE = /[A-Za-z0-9_-]/;

/** Decodes the entity starting at html[i] ('&'), or returns undefined when it is not a valid one. */
function decodeEntity(html: string, i: number): { char: string; end: number } | undefined {
  const m = ENTITY_RE.exec(html.slice(i, i + 16));
  if (!m) return undefined;
  const end = i + m[0].length;
  if (m[1] !== undefined) {
    const char = NAMED_ENTITIES[m[1]];
    return char === undefined ? undefined : { char, end };
  }
  const cp = m[2] !== undefined ? parseInt(m[2], 10) : parseInt(m[3] ?? '', 16);
  if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return { char: String.fromCodePoint(cp), end };
}

function parseHtml(html: string): { ok: true; text: string } | { ok: false; error: string } {
  const offset = (k: number) => Buffer.byteLength(html.slice(0, k));
  const fail = (msg: string) => ({ ok: false as const, error: `can't parse entities: ${msg}` });
  const stack: string[] = [];
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n) {
    const c = html[i];
    if (c === '&') {
      const entity = decodeEntity(html, i);
      if (!entity) return fail(`Character "&" at byte offset ${offset(i)} must be escaped as "&amp;" or start a supported entity`);
      out += entity.char;
      i = entity.end;
      continue;
    }
    if (c !== '<') {
      out += c;
      i++;
      continue;
    }
    const tagStart = i;
    if (html[i + 1] === '/') {
      const close = html.indexOf('>', i + 2);
      if (close < 0) return fail(`Unclosed end tag at byte offset ${offset(tagStart)}`);
      const name = html.slice(i + 2, close).trim().toLowerCase();
      const open = stack.pop();
      if (open === undefined) return fail(`Unexpected end tag at byte offset ${offset(tagStart)}`);
      if (open !== name) {
        return fail(`Unmatched end tag at byte offset ${offset(tagStart)}, expected "</${open}>", found "</${name}>"`);
      }
      i = close + 1;
      continue;
    }
    let j = i + 1;
    while (j < n && !SPACE_RE.test(html[j] ?? '') && html[j] !== '>') j++;
    if (j >= n) return fail(`Unclosed start tag at byte offset ${offset(tagStart)}`);
    const name = html.slice(i + 1, j).toLowerCase();
    if (!ALLOWED_TAGS.has(name)) return fail(`Unsupported start tag "${name}" at byte offset ${offset(tagStart)}`);
    const attrs = new Map<string, string>();
    for (;;) {
      while (j < n && SPACE_RE.test(html[j] ?? '')) j++;
      if (j >= n) return fail(`Unclosed start tag at byte offset ${offset(tagStart)}`);
      if (html[j] === '>') break;
      const nameStart = j;
      while (j < n && ATTR_NAME_RE.test(html[j] ?? '')) j++;
      const attr = html.slice(nameStart, j).toLowerCase();
      if (attr === '') return fail(`Empty attribute name in the tag "${name}" at byte offset ${offset(j)}`);
      while (j < n && SPACE_RE.test(html[j] ?? '')) j++;
      if (html[j] !== '=') {
        attrs.set(attr, ''); // boolean attribute, e.g. <blockquote expandable>
        continue;
      }
      j++;
      while (j < n && SPACE_RE.test(html[j] ?? '')) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const endQuote = html.indexOf(quote, j + 1);
        if (endQuote < 0) return fail(`Unclosed end of attribute value in the tag "${name}" at byte offset ${offset(j)}`);
        attrs.set(attr, html.slice(j + 1, endQuote));
        j = endQuote + 1;
      } else {
        const valueStart = j;
        while (j < n && !SPACE_RE.test(html[j] ?? '') && html[j] !== '>' && html[j] !== '<') j++;
        if (j === valueStart) return fail(`Expected quote in declaration of attribute "${attr}" of the tag "${name}" at byte offset ${offset(j)}`);
        attrs.set(attr, html.slice(valueStart, j));
      }
    }
    if (name === 'span' && attrs.get('class') !== 'tg-spoiler') {
      return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${offset(tagStart)}`);
    }
    if (name === 'tg-emoji' && !/^[0-9]+$/.test(attrs.get('emoji-id') ?? '')) {
      return fail(`Tag "tg-emoji" must have attribute "emoji-id" with a custom emoji identifier at byte offset ${offset(tagStart)}`);
    }
    stack.push(name);
    i = j + 1;
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) return fail(`Can't find end tag corresponding to start tag "${unclosed}"`);
  return { ok: true, text: out };
}

/** Checks a message text the way sendMessage does: parse_mode 'HTML' (others are taken as plain text), then empty and length. */
export function checkTelegramText(raw: string, parseMode?: string, maxLength = MAX_MESSAGE_LENGTH): TextCheck {
  let text = raw;
  if (parseMode?.toUpperCase() === 'HTML') {
    const parsed = parseHtml(raw);
    if (!parsed.ok) return parsed;
    text = parsed.text;
  }
  if (text.trim() === '') return { ok: false, error: 'message text is empty' };
  if (text.length > maxLength) return { ok: false, error: 'message is too long' };
  return { ok: true, text, plainLength: text.length };
}

/** Checks an HTML message text (parse_mode 'HTML'): would Telegram accept it? */
export function checkTelegramHtml(text: string, maxLength = MAX_MESSAGE_LENGTH): TextCheck {
  return checkTelegramText(text, 'HTML', maxLength);
}
