// The neutral Post as Discord messages: embeds (or plain content) that stay within every Discord
// limit, split over several messages rather than refused. Dynamic text is escaped, formatting is
// never cut in half, and Latin runs in right-to-left lines are isolated so names stay readable.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed } from 'discord.js';
import type { Block, Button, Inline, Post } from '../../bot/post.ts';
import { ActionStore } from './actions.ts';
import { cleanText, escapeMarkdown, isolateLatin, isRtl, RLM } from './text.ts';

export { cleanText, escapeMarkdown, isolateLatin, isRtl } from './text.ts';

/** Discord's limits (lengths are counted in UTF-16 units here, never fewer than Discord's own count). */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  embeds: 10,
  rows: 5,
  buttonsPerRow: 5,
  label: 80,
} as const;

export const EMBED_COLOR = 0x2f6fb5;
/** Mentions in a bot message never ping anyone; every send carries this. */
export const NO_MENTIONS = { parse: [] as [] };

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
}

export interface RenderOptions {
  /** Embeds or plain content; by default embeds when the post has a heading, plain text otherwise. */
  style?: 'embed' | 'plain';
  /** Where long button actions are kept; a fresh store when not given. */
  actions?: ActionStore;
}

function safeUrl(url: string): string | undefined {
  const u = url.trim();
  if (u.length > 512 || !/^https?:\/\/[^\s<>"]+$/i.test(u)) return undefined;
  return u.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

interface Style {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  link?: string;
}
interface Seg {
  text: string;
  style: Style;
}
interface Line {
  /** Markdown the line starts with: "> " for quotes, "3\. " for list items. */
  prefix: string;
  /** Prefix of the continuation when a long line is split. */
  cont: string;
  segs: Seg[];
}

function wrap(text: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [lead, core, trail] = [m?.[1] ?? '', m?.[2] ?? '', m?.[3] ?? ''];
  return core ? `${lead}${marker}${core}${marker}${trail}` : text;
}

/** One run of text as markdown. Only ever called on whole runs or on pieces cut from raw text. */
function formatSeg(text: string, style: Style, rtl: boolean, atLineStart: boolean): string {
  if (!text) return '';
  const visible = rtl ? isolateLatin(text) : text;
  if (style.code) {
    const t = visible.replace(/`/g, 'ˋ');
    return t.trim() ? wrap(t, '`') : t;
  }
  let out = escapeMarkdown(visible, atLineStart);
  const url = style.link ? safeUrl(style.link) : undefined;
  if (url && out.trim()) out = `[${out}](${url})`;
  if (style.italic) out = wrap(out, '*');
  if (style.bold) out = wrap(out, '**');
  return out;
}

/** Cut point for a piece that fits: the longest prefix, backed off to a space when one is near. */
function fitCut(text: string, fits: (n: number) => boolean): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0 || lo === text.length) return lo;
  const space = text.lastIndexOf(' ', lo - 1);
  let cut = space > lo * 0.6 ? space + 1 : lo;
  // Never split a surrogate pair.
  const before = text.charCodeAt(cut - 1);
  if (before >= 0xd800 && before <= 0xdbff) cut--;
  return cut;
}

function rawText(line: Line): string {
  return line.segs.map((s) => s.text).join('');
}

/** A line as one or more markdown lines, each at most `max` long. */
function renderLine(line: Line, max: number): string[] {
  const raw = rawText(line);
  const rtl = isRtl(raw);
  const lead = (continuation: boolean) => {
    const prefix = continuation ? line.cont : line.prefix;
    // A right-to-left line that opens with a Latin name still reads right to left.
    return rtl ? `${prefix}${RLM}` : prefix;
  };
  if (!raw.trim()) return [''];
  const out: string[] = [];
  let cur = lead(false);
  let has = false;
  const flush = () => {
    out.push(cur);
    cur = lead(true);
    has = false;
  };
  for (const seg of line.segs) {
    let rest = seg.text;
    while (rest) {
      if (!has) rest = rest.replace(/^[ \t]+/, '');
      if (!rest) break;
      const whole = formatSeg(rest, seg.style, rtl, !has);
      if (cur.length + whole.length <= max) {
        cur += whole;
        has = true;
        break;
      }
      const budget = max - cur.length;
      const atStart = !has;
      const piece = rest;
      let cut = fitCut(piece, (n) => formatSeg(piece.slice(0, n), seg.style, rtl, atStart).length <= budget);
      if (cut === 0) {
        if (has) {
          flush();
          continue;
        }
        cut = Math.min(piece.length, piece.codePointAt(0)! > 0xffff ? 2 : 1);
      }
      cur += formatSeg(piece.slice(0, cut), seg.style, rtl, atStart);
      has = true;
      rest = piece.slice(cut);
      flush();
    }
  }
  if (has) out.push(cur);
  return out.length ? out : [''];
}

// ---------------------------------------------------------------------------------------------
// Blocks to lines

function segsOf(content: Inline[]): Seg[][] {
  // Splits spans at line breaks: one Seg[] per line.
  const lines: Seg[][] = [[]];
  for (const part of content) {
    const span = typeof part === 'string' ? { text: part } : part;
    const style: Style = typeof part === 'string' ? {} : { ...(part.bold ? { bold: true } : {}), ...(part.italic ? { italic: true } : {}), ...(part.code ? { code: true } : {}), ...(part.link ? { link: part.link } : {}) };
    cleanText(span.text).split('\n').forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece) lines[lines.length - 1]!.push({ text: piece, style });
    });
  }
  return lines;
}

function blockLines(block: Block, withHeadings: boolean): Line[] {
  const line = (segs: Seg[], prefix = '', cont = ''): Line => ({ prefix, cont, segs });
  switch (block.type) {
    case 'heading':
      return withHeadings ? segsOf([block.text]).map((segs) => line(segs.map((s) => ({ ...s, style: { bold: true } })))) : [];
    case 'paragraph':
      return segsOf(block.content).map((segs) => line(segs));
    case 'quote': {
      const lines = segsOf([block.text]).map((segs) => line(segs, '> ', '> '));
      if (block.cite?.length) lines.push(...segsOf(['— ', ...block.cite]).map((segs) => line(segs, '> ', '> ')));
      return lines;
    }
    case 'list': {
      const start = block.start ?? 1;
      return block.items.flatMap((item, i) =>
        segsOf(item).map((segs, j) => {
          const marker = block.ordered ? `${block.numbers?.[i] ?? start + i}\\. ` : '• ';
          return j === 0 ? line(segs, marker, '') : line(segs);
        }),
      );
    }
  }
}

/** The post's lines, a blank line between blocks. */
function postLines(blocks: Block[], withHeadings: boolean): Line[] {
  const out: Line[] = [];
  for (const block of blocks) {
    const lines = blockLines(block, withHeadings);
    if (!lines.length) continue;
    if (out.length) out.push({ prefix: '', cont: '', segs: [] });
    out.push(...lines);
  }
  return out;
}

/** Title text within `max`: clipped with an ellipsis, escaped, isolated. */
function renderTitle(text: string, max: number): string {
  const raw = cleanText(text).replace(/\s+/g, ' ').trim();
  const rtl = isRtl(raw);
  const lead = rtl ? RLM : '';
  const full = lead + formatSeg(raw, {}, rtl, true);
  if (full.length <= max) return full;
  const cut = fitCut(raw, (n) => lead.length + formatSeg(raw.slice(0, n).trimEnd(), {}, rtl, true).length + 1 <= max);
  return `${lead}${formatSeg(raw.slice(0, cut).trimEnd(), {}, rtl, true)}…`;
}

// ---------------------------------------------------------------------------------------------
// Buttons

function clipLabel(label: string): string {
  const t = cleanText(label).replace(/\s+/g, ' ').trim();
  if (!t) return '…';
  if (t.length <= LIMITS.label) return t;
  let cut = LIMITS.label - 1;
  const c = t.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${t.slice(0, cut)}…`;
}

/** Rows of buttons: at most 5 rows of 5, unique custom_ids, labels within 80 characters. */
export function renderButtons(rows: Button[][] | undefined, actions: ActionStore): ButtonRow[] {
  const out: ButtonRow[] = [];
  const used = new Map<string, number>();
  for (const row of rows ?? []) {
    const buttons = row.filter((b) => b.action.trim());
    for (let i = 0; i < buttons.length && out.length < LIMITS.rows; i += LIMITS.buttonsPerRow) {
      const components = buttons.slice(i, i + LIMITS.buttonsPerRow).map((b): APIButtonComponentWithCustomId => {
        const nth = used.get(b.action) ?? 0;
        used.set(b.action, nth + 1);
        return { type: ComponentType.Button, style: ButtonStyle.Secondary, label: clipLabel(b.label), custom_id: actions.customIdFor(b.action, nth) };
      });
      out.push({ type: ComponentType.ActionRow, components });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Posts

function firstHeading(post: Post): string | undefined {
  const first = post.blocks[0];
  return first?.type === 'heading' ? first.text : undefined;
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && !lines[a]) a++;
  while (b > a && !lines[b - 1]) b--;
  return lines.slice(a, b);
}

function renderEmbeds(post: Post): DiscordMessage[] {
  const titleText = firstHeading(post);
  const title = titleText !== undefined ? renderTitle(titleText, LIMITS.title) : undefined;
  const blocks = titleText !== undefined ? post.blocks.slice(1) : post.blocks;
  const lines = postLines(blocks, true).flatMap((l) => renderLine(l, LIMITS.description));

  const messages: APIEmbed[][] = [];
  let embeds: APIEmbed[] = [];
  let total = 0;
  let desc: string[] = [];
  let descLen = 0;
  let pendingTitle = title && title.trim() ? title : undefined;
  if (pendingTitle) total += pendingTitle.length;

  const closeEmbed = () => {
    const body = trimBlank(desc).join('\n');
    if (body || pendingTitle) {
      embeds.push({ ...(pendingTitle ? { title: pendingTitle } : {}), ...(body ? { description: body } : {}), color: EMBED_COLOR });
      pendingTitle = undefined;
    }
    desc = [];
    descLen = 0;
  };
  const newMessage = () => {
    if (embeds.length) messages.push(embeds);
    embeds = [];
    total = 0;
  };

  for (const l of lines) {
    if (!l && !desc.length) continue; // no blank line at the top of an embed
    const add = (desc.length ? 1 : 0) + l.length;
    if (descLen + add <= LIMITS.description && total + add <= LIMITS.embedTotal) {
      desc.push(l);
      descLen += add;
      total += add;
      continue;
    }
    if (!l) continue; // a blank line at a break is dropped
    closeEmbed();
    if (embeds.length >= LIMITS.embeds || total + l.length > LIMITS.embedTotal) newMessage();
    desc = [l];
    descLen = l.length;
    total += l.length;
  }
  closeEmbed();
  newMessage();
  return messages.map((e) => ({ embeds: e }));
}

function renderPlainMessages(post: Post): DiscordMessage[] {
  const lines = postLines(post.blocks, true).flatMap((l) => renderLine(l, LIMITS.content));
  const out: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const l of lines) {
    if (!l && !cur.length) continue;
    const add = (cur.length ? 1 : 0) + l.length;
    if (len + add <= LIMITS.content) {
      cur.push(l);
      len += add;
      continue;
    }
    if (!l) continue;
    out.push(trimBlank(cur).join('\n'));
    cur = [l];
    len = l.length;
  }
  if (cur.length) out.push(trimBlank(cur).join('\n'));
  return out.filter((c) => c.trim()).map((content) => ({ content }));
}

/** Renders a post as one or more messages; buttons go on the last one. Never returns an empty list. */
export function renderPost(post: Post, options: RenderOptions = {}): DiscordMessage[] {
  const style = options.style ?? (firstHeading(post) !== undefined ? 'embed' : 'plain');
  const messages = style === 'embed' ? renderEmbeds(post) : renderPlainMessages(post);
  if (!messages.length) messages.push({ content: '…' });
  const components = renderButtons(post.buttons, options.actions ?? new ActionStore());
  if (components.length) messages[messages.length - 1]!.components = components;
  return messages;
}

/** A short plain message (errors, notices), escaped and clipped to one message. */
export function plainMessage(text: string): DiscordMessage {
  return renderPost({ lang: 'en', blocks: [{ type: 'paragraph', content: [text.slice(0, LIMITS.content)] }] }, { style: 'plain' })[0] ?? { content: '…' };
}

/** Characters Discord counts toward the 6000 limit of one message's embeds. */
export function embedChars(embeds: readonly APIEmbed[]): number {
  let n = 0;
  for (const e of embeds) {
    n += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
    for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  }
  return n;
}

/** Message options for discord.js: mentions never ping. */
export function replyOptions(m: DiscordMessage) {
  return { ...(m.content !== undefined ? { content: m.content } : {}), embeds: m.embeds ?? [], components: m.components ?? [], allowedMentions: NO_MENTIONS };
}
/** For edits: every part is set, so an old embed, text or button row does not linger. */
export function editOptions(m: DiscordMessage) {
  return { content: m.content ?? '', embeds: m.embeds ?? [], components: m.components ?? [], allowedMentions: NO_MENTIONS };
}
/** The raw REST body of a channel message. */
export function restBody(m: DiscordMessage): Record<string, unknown> {
  return { ...(m.content !== undefined ? { content: m.content } : {}), ...(m.embeds?.length ? { embeds: m.embeds } : {}), ...(m.components?.length ? { components: m.components } : {}), allowed_mentions: NO_MENTIONS };
}
