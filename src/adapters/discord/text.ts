// Text for Discord: incoming text made safe to echo, markdown escaped, and Latin runs isolated in
// right-to-left lines so names stay readable.
import { stripControls } from '../../news/normalize.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const FSI = '\u2068';
const PDI = '\u2069';
export const RLM = '\u200F';
const ARABIC_LETTERS = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/g;
const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F]/g;
const LATIN_WORD = "[A-Za-z\\u00C0-\\u024F0-9](?:[A-Za-z\\u00C0-\\u024F0-9'’.&-]*[A-Za-z\\u00C0-\\u024F0-9])?";
const LATIN_RUN = new RegExp(`[/@]?[A-Za-z\\u00C0-\\u024F](?:[A-Za-z\\u00C0-\\u024F0-9'’.&-]*[A-Za-z\\u00C0-\\u024F0-9])?(?:[ \\t]+${LATIN_WORD})*`, 'g');

/** Incoming text made safe to echo: bidi and control characters removed, line breaks unified. */
export function cleanText(text: string): string {
  return stripControls(text.replace(/\r\n?/g, '\n')).replace(LONE_SURROGATE, '\uFFFD');
}

/** A line reads right to left when it has more Arabic letters than Latin ones. */
export function isRtl(text: string): boolean {
  const arabic = text.match(ARABIC_LETTERS)?.length ?? 0;
  return arabic > 0 && arabic >= (text.match(LATIN_LETTERS)?.length ?? 0);
}

/** Wraps each Latin run (a name, a title) in first-strong isolates, for right-to-left lines. */
export function isolateLatin(text: string): string {
  return text.replace(LATIN_RUN, (run) => `${FSI}${run}${PDI}`);
}

/**
 * Escapes Discord markdown: emphasis, code, spoilers, masked links and mention syntax everywhere;
 * quotes, headings and list markers at the start of a line.
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  const escaped = text.replace(/[\\*_~`|[\]<]/g, '\\$&');
  return escaped
    .replace(/(^|\n)([ \t]*)([>#+-])/g, (m, nl: string, sp: string, c: string, offset: number) => (offset === 0 && !atLineStart ? m : `${nl}${sp}\\${c}`))
    .replace(/(^|\n)([ \t]*)(\d+)([.)])/g, (m, nl: string, sp: string, d: string, p: string, offset: number) => (offset === 0 && !atLineStart ? m : `${nl}${sp}${d}\\${p}`));
}
