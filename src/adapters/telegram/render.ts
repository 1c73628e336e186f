// The neutral Post as Telegram HTML (parse_mode 'HTML'): every dynamic string escaped, messages cut
// to Telegram's 4096 characters (counted after entity parsing, in UTF-16 units) at paragraph or
// sentence boundaries, never inside a tag or an entity, and Latin runs isolated in Arabic paragraphs.
import type { Block, Button, Inline, Post } from '../../bot/post.ts';
import { stripControls } from '../../news/normalize.ts';

/** Telegram's limit for a message text, after entity parsing. */
export const MAX_MESSAGE_CHARS = 4096;
/** Telegram's limit for callback_data, in bytes. */
export const MAX_CALLBACK_BYTES = 64;
const MAX_BUTTON_LABEL = 64;

export const FSI = '\u2068';
export const PDI = '\u2069';

/** One message: the HTML to send and the text Telegram will show (what its 4096 limit counts). */
export interface RenderedMessage {
  html: string;
  text: string;
}

export interface InlineButton {
  text: string;
  callback_data: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for Telegram HTML, in element content and in attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

/**
 * Text that is safe to show: bidi controls and C0 controls removed (they could reorder or hide
 * what follows), lone surrogates (not valid UTF-8 once sent) replaced.
 */
export function cleanText(text: string): string {
  return stripControls(text).replace(LONE_SURROGATE, '\uFFFD');
}

const FIRST_STRONG = /[\p{L}]/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Whether a paragraph reads right to left: by its first letter, else by the post's language. */
export function isRtl(text: string, fallbackRtl = false): boolean {
  const first = FIRST_STRONG.exec(text)?.[0];
  return first === undefined ? fallbackRtl : RTL_LETTER.test(first);
}

// A Latin run: Latin words with the digits, spaces and joiners between them ("Donald J. Trump",
// "BBC News", "G7", "U.S."); it starts with a Latin letter, or with the / @ # of a command, a
// mention or a hashtag, which stays attached so Telegram still makes "/help" clickable.
const LATIN_RUN = /[/@#]?\p{Script=Latin}(?:[\p{Script=Latin}\p{M}\p{Nd}'’.&_/:+@#-]|\s(?=[\p{Script=Latin}\p{Nd}]))*/gu;
const TRAILING_PUNCT = /[.'’&_/:+@#-]+$/u;

/**
 * Wraps each Latin run of a right-to-left text in FSI…PDI, so "قال Donald Trump: ..." keeps the
 * name in reading order and the colon on the Arabic side.
 */
export function isolateLatin(text: string): string {
  return text.replace(LATIN_RUN, (run) => {
    const tail = TRAILING_PUNCT.exec(run)?.[0] ?? '';
    const core = tail ? run.slice(0, -tail.length) : run;
    return core ? `${FSI}${core}${PDI}${tail}` : run;
  });
}

// ---- intermediate form: blocks of styled runs, lengths in shown characters ----

interface Run {
  /** Shown text: cleaned, isolated, not escaped. */
  text: string;
  /** A checked http(s) or tg:// address; the <a> tag is added per message (see LINK_BUDGET). */
  link?: string;
  open: string;
  close: string;
}
interface RBlock {
  /** What separates it from the previous block in the same message. */
  sep: string;
  open: string;
  close: string;
  runs: Run[];
}

const plainRun = (text: string): Run => ({ text, open: '', close: '' });
const runsLength = (runs: Run[]) => runs.reduce((n, r) => n + r.text.length, 0);
const runsText = (runs: Run[]) => runs.map((r) => r.text).join('');

/** Only web and Telegram links become <a>: anything else is shown as text. */
function safeUrl(url: string): string | undefined {
  const u = cleanText(url).trim();
  if (!/^(https?:\/\/|tg:\/\/)[^\s]+$/i.test(u) || u.length > 2048) return undefined;
  return u;
}

function inlineRun(part: Inline, rtl: boolean): Run {
  const span = typeof part === 'string' ? { text: part } : part;
  let text = cleanText(span.text);
  if (rtl) text = isolateLatin(text);
  const tags: [string, string][] = [];
  const url = typeof part === 'string' || !part.link ? undefined : safeUrl(part.link);
  if (typeof part !== 'string') {
    if (part.bold) tags.push(['<b>', '</b>']);
    if (part.italic) tags.push(['<i>', '</i>']);
    if (part.code) tags.push(['<code>', '</code>']);
  }
  return { text, ...(url ? { link: url } : {}), open: tags.map((t) => t[0]).join(''), close: tags.map((t) => t[1]).reverse().join('') };
}

function blockRtl(parts: Inline[], fallbackRtl: boolean): boolean {
  return isRtl(parts.map((p) => cleanText(typeof p === 'string' ? p : p.text)).join(''), fallbackRtl);
}

function toBlocks(block: Block, postRtl: boolean): RBlock[] {
  switch (block.type) {
    case 'heading': {
      const rtl = blockRtl([block.text], postRtl);
      return [{ sep: '\n\n', open: '', close: '', runs: [inlineRun({ text: block.text, bold: true }, rtl)] }];
    }
    case 'paragraph': {
      const rtl = blockRtl(block.content, postRtl);
      return [{ sep: '\n\n', open: '', close: '', runs: block.content.map((p) => inlineRun(p, rtl)) }];
    }
    case 'quote': {
      const out: RBlock[] = [{ sep: '\n\n', open: '<blockquote>', close: '</blockquote>', runs: [inlineRun(block.text, blockRtl([block.text], postRtl))] }];
      if (block.cite?.length) {
        const rtl = blockRtl(block.cite, postRtl);
        out.push({ sep: '\n', open: '', close: '', runs: [plainRun('— '), ...block.cite.map((p) => inlineRun(p, rtl))] });
      }
      return out;
    }
    case 'list': {
      const runs: Run[] = [];
      block.items.forEach((item, i) => {
        const rtl = blockRtl(item, postRtl);
        if (i > 0) runs.push(plainRun('\n'));
        runs.push(plainRun(block.ordered ? `${block.numbers?.[i] ?? (block.start ?? 1) + i}. ` : '• '), ...item.map((p) => inlineRun(p, rtl)));
      });
      return [{ sep: '\n\n', open: '', close: '', runs }];
    }
  }
}

/** Text with nothing visible: Telegram refuses it as "message text is empty". */
function blank(text: string): boolean {
  return text.replace(/[\s\p{Cf}]/gu, '') === '';
}

// ---- splitting ----

/** Isolate depth before each position of `text` (length + 1 entries). */
function isolateDepths(text: string): Uint16Array {
  const depth = new Uint16Array(text.length + 1);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    depth[i] = d;
    const c = text[i];
    if (c === FSI) d++;
    else if (c === PDI && d > 0) d--;
  }
  depth[text.length] = d;
  return depth;
}

const SENTENCE_END = /[.!?؟…。]["'”’»)\]]*\s/gu;
const LOW_SURROGATE = /[\uDC00-\uDFFF]/;
const MARK = /\p{M}/u;

/**
 * Where to cut `text` so the first piece has at most `budget` characters: after a blank line, else
 * a line, a sentence, a word, and only then anywhere (never inside a surrogate pair). Cuts outside
 * a Unicode isolate are preferred; `depths` gives the isolate depth at each position.
 */
export function cutPoint(text: string, budget: number, depths: ArrayLike<number> = isolateDepths(text)): number {
  if (text.length <= budget) return text.length;
  const window = text.slice(0, budget + 1);
  const min = Math.floor(budget / 3);
  const lists: number[][] = [[], [], [], []];
  for (let i = window.indexOf('\n\n'); i >= 0; i = window.indexOf('\n\n', i + 1)) lists[0]!.push(i);
  for (let i = window.indexOf('\n'); i >= 0; i = window.indexOf('\n', i + 1)) lists[1]!.push(i);
  for (const m of window.matchAll(SENTENCE_END)) lists[2]!.push(m.index + m[0].length - 1);
  for (const m of window.matchAll(/\s/g)) lists[3]!.push(m.index);
  for (const isolated of [false, true]) {
    for (const list of lists) {
      for (let k = list.length - 1; k >= 0; k--) {
        const c = list[k]!;
        if (c >= min && c <= budget && c > 0 && (isolated || !depths[c])) return c;
      }
    }
  }
  // No boundary at all: cut anywhere, but not between a surrogate pair or before a combining mark.
  let c = budget;
  while (c > min && (LOW_SURROGATE.test(text[c] ?? '') || MARK.test(text[c] ?? ''))) c--;
  if (c <= min) c = LOW_SURROGATE.test(text[budget] ?? '') ? budget - 1 : budget;
  return Math.max(1, c);
}

/** The runs covering shown characters [from, to) of a block, each piece keeping its tags. */
function sliceRuns(runs: Run[], from: number, to: number): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const run of runs) {
    const start = at;
    const end = at + run.text.length;
    at = end;
    if (end <= from || start >= to) continue;
    const text = run.text.slice(Math.max(0, from - start), Math.min(run.text.length, to - start));
    if (text) out.push({ ...run, text });
  }
  return out;
}

/**
 * Cuts a block into pieces of at most `first` characters, then `max` each. A piece cut inside an
 * isolate closes it (PDI) and the next piece reopens it (FSI), so each message stays balanced.
 */
function splitBlock(block: RBlock, first: number, max: number): RBlock[] {
  const text = runsText(block.runs);
  const depths = isolateDepths(text);
  const pieces: RBlock[] = [];
  let from = 0;
  let budget = first;
  while (from < text.length) {
    const cut = cutPoint(text.slice(from), budget - 2, depths.subarray(from));
    const to = from + cut;
    const runs = sliceRuns(block.runs, from, to);
    const head = runs[0];
    const tail = runs[runs.length - 1];
    if (head && depths[from]) runs[0] = { ...head, text: FSI.repeat(depths[from]!) + head.text };
    if (tail && depths[to]) runs[runs.length - 1] = { ...(runs[runs.length - 1] ?? tail), text: (runs[runs.length - 1] ?? tail).text + PDI.repeat(depths[to]!) };
    pieces.push({ ...block, runs });
    from = to;
    while (from < text.length && /\s/.test(text[from] ?? '')) from++;
    budget = max;
  }
  return pieces.filter((p) => !blank(runsText(p.runs)));
}

/**
 * Link addresses count towards a limit of their own (Telegram answers ENTITIES_TOO_LONG past roughly
 * 9,500 characters of entities): past this budget in one message, links are shown as plain text.
 */
const LINK_BUDGET = 4000;

function messageOf(blocks: RBlock[]): RenderedMessage {
  let html = '';
  let text = '';
  let linkBudget = LINK_BUDGET;
  const runHtml = (r: Run) => {
    const body = r.open + escapeHtml(r.text) + r.close;
    if (!r.link || r.link.length > linkBudget) return body;
    linkBudget -= r.link.length;
    return `<a href="${escapeHtml(r.link)}">${body}</a>`;
  };
  blocks.forEach((b, i) => {
    const sep = i === 0 ? '' : b.sep;
    html += sep + b.open + b.runs.map(runHtml).join('') + b.close;
    text += sep + runsText(b.runs);
  });
  return { html, text };
}

export interface RenderOptions {
  /** Shown characters per message (Telegram: 4096). */
  maxLength?: number;
}

/**
 * Renders a post as one or more Telegram HTML messages, each at most 4096 shown characters.
 * Blocks are kept whole when they fit; a longer block is cut at a paragraph, sentence or word
 * boundary and each piece keeps its own tags.
 */
export function renderPost(post: Post, options: RenderOptions = {}): RenderedMessage[] {
  const max = options.maxLength ?? MAX_MESSAGE_CHARS;
  const postRtl = post.lang === 'ar';
  const blocks = post.blocks.flatMap((b) => toBlocks(b, postRtl)).filter((b) => !blank(runsText(b.runs)));
  const messages: RBlock[][] = [];
  let current: RBlock[] = [];
  let length = 0;
  const flush = () => {
    if (current.length) messages.push(current);
    current = [];
    length = 0;
  };
  for (const block of blocks) {
    const size = runsLength(block.runs);
    const sep = current.length ? block.sep.length : 0;
    if (length + sep + size <= max) {
      current.push(block);
      length += sep + size;
      continue;
    }
    if (size <= max) {
      flush();
      current.push(block);
      length = size;
      continue;
    }
    // A block longer than a message: fill what is left of this one when that is worth it.
    const room = max - length - sep;
    const useRoom = current.length > 0 && room >= Math.min(1000, max / 4);
    if (!useRoom) flush();
    const pieces = splitBlock(block, useRoom ? room : max, max);
    pieces.forEach((piece, i) => {
      if (i > 0) flush();
      current.push(i === 0 ? piece : { ...piece, sep: '' });
      length += (i === 0 && current.length > 1 ? sep : 0) + runsLength(piece.runs);
    });
  }
  flush();
  const rendered = messages.map(messageOf).filter((m) => !blank(m.text));
  return rendered.length ? rendered : [{ html: '…', text: '…' }];
}

// ---- buttons ----

/** Maps long button actions to short tokens kept on the server, since callback_data holds 64 bytes. */
export class CallbackTokens {
  private readonly actions = new Map<string, string>();
  private readonly tokens = new Map<string, string>();
  private next = 0;

  constructor(private readonly capacity = 10_000) {}

  /** The callback_data for an action: the action itself when it fits, else a token "~<n>". */
  dataFor(action: string): string {
    // Telegram takes 1-64 bytes of valid UTF-8; anything else (and our own "~" prefix) gets a token.
    if (action && Buffer.byteLength(action) <= MAX_CALLBACK_BYTES && !action.startsWith('~') && !HAS_LONE_SURROGATE.test(action)) return action;
    const known = this.tokens.get(action);
    if (known) return known;
    const token = `~${(this.next++).toString(36)}`;
    this.actions.set(token, action);
    this.tokens.set(action, token);
    if (this.actions.size > this.capacity) {
      const [oldest, oldAction] = this.actions.entries().next().value as [string, string];
      this.actions.delete(oldest);
      this.tokens.delete(oldAction);
    }
    return token;
  }

  /** The action for callback_data; undefined for a token this server no longer knows. */
  actionFor(data: string): string | undefined {
    return data.startsWith('~') ? this.actions.get(data) : data;
  }
}

function buttonLabel(label: string): string {
  const text = cleanText(label).replace(/\s+/g, ' ').trim();
  const cut = text.length > MAX_BUTTON_LABEL ? `${text.slice(0, MAX_BUTTON_LABEL - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : text;
  return blank(cut) ? '•' : cut;
}

/** Buttons as an inline keyboard; undefined when there are none. */
export function renderKeyboard(buttons: Button[][] | undefined, tokens: CallbackTokens): InlineButton[][] | undefined {
  const rows = (buttons ?? [])
    .map((row) => row.map((b) => ({ text: buttonLabel(b.label), callback_data: tokens.dataFor(b.action) })))
    .filter((row) => row.length > 0);
  return rows.length ? rows : undefined;
}
