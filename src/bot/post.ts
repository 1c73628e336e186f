import type { Lang } from '../news/language.ts';

/** A run of text with optional styling; adapters escape `text` for their own markup. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  link?: string;
}
export type Inline = string | Span;

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; content: Inline[] }
  /** A verbatim quotation from a document; `cite` names the speaker and the source. */
  | { type: 'quote'; text: string; cite?: Inline[] }
  /** A list; numbered from `start` (default 1) when `ordered`, or by `numbers` when given (one per item). */
  | { type: 'list'; items: Inline[][]; ordered?: boolean; start?: number; numbers?: number[] };

export interface Button {
  label: string;
  /** Router action payload, e.g. "list:2"; at most 64 bytes (Telegram's callback_data cap). */
  action: string;
}

/** The neutral message every handler returns and every adapter renders its own way. */
export interface Post {
  lang: Lang;
  blocks: Block[];
  /** Rows of buttons. */
  buttons?: Button[][];
}

export const heading = (text: string): Block => ({ type: 'heading', text });
export const paragraph = (...content: Inline[]): Block => ({ type: 'paragraph', content });
export const bold = (text: string): Span => ({ text, bold: true });
export const italic = (text: string): Span => ({ text, italic: true });
export const link = (text: string, url: string): Span => ({ text, link: url });

export function spanText(inline: Inline): string {
  return typeof inline === 'string' ? inline : inline.text;
}

/** All visible text of a post, for searching in tests and for length estimates. */
export function postText(post: Post): string {
  return post.blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return b.text;
        case 'paragraph':
          return b.content.map(spanText).join('');
        case 'quote':
          return [b.text, ...(b.cite ?? []).map(spanText)].join(' ');
        case 'list':
          return b.items.map((item) => item.map(spanText).join('')).join('\n');
      }
    })
    .join('\n');
}
