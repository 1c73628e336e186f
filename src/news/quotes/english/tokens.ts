// English stage 1, tokens: words and punctuation of a sentence with their offsets, and which quotation
// each token stands in.

import type { Mention, Token } from '../internal.ts';
import { type MarkedSpan, spanIndexAt } from '../marks.ts';
import { CONNECTIVES } from '../words-en.ts';

export interface EToken extends Token {
  /** Lower case, curly apostrophe straightened. */
  l: string;
  cap: boolean;
  word: boolean;
}

export const CAP = /^\p{Lu}/u;

export function isWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || (c >= 0x2000 && c <= 0x200f) || c === 0x3000 || c === 0xfeff;
}

/** Words (with inner apostrophes, hyphens, ampersands) and single punctuation marks, in one pass. */
export function tokenize(text: string, from: number, to: number): EToken[] {
  const out: EToken[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    const word = isWordCode(c);
    let upper = (c >= 0x41 && c <= 0x5a) || c >= 0xc0;
    if (word) {
      for (;;) {
        while (j < to) {
          const d = text.charCodeAt(j);
          if (d >= 0x61 && d <= 0x7a) {
            j++;
            continue;
          }
          if (!isWordCode(d)) break;
          if ((d >= 0x41 && d <= 0x5a) || d >= 0xc0) upper = true;
          j++;
        }
        const d = j < to ? text.charCodeAt(j) : 0;
        if ((d === 0x27 || d === 0x2019 || d === 0x2d || d === 0x26) && j + 1 < to && isWordCode(text.charCodeAt(j + 1))) {
          if (d === 0x2019) upper = true;
          j++;
          continue;
        }
        break;
      }
      // An initial keeps its full stop when a name goes on: "George W. Bush", "J.K. Rowling".
      if (j === i + 1 && c >= 0x41 && c <= 0x5a && j + 1 < to && text.charCodeAt(j) === 0x2e) {
        const d = text.charCodeAt(j + 1);
        if ((d >= 0x41 && d <= 0x5a) || (d === 0x20 && j + 2 < to && text.charCodeAt(j + 2) >= 0x41 && text.charCodeAt(j + 2) <= 0x5a)) j++;
      }
    } else if (c >= 0xd800 && c <= 0xdbff && j < to) j++;
    const t = text.substring(i, j);
    let l = upper ? t.toLowerCase() : t;
    if (word && upper && l.includes('’')) l = l.replace(/’/g, "'");
    const cap = word && ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c > 0xff && CAP.test(t)));
    out.push({ t, s: i, e: j, l, cap, word });
    i = j;
  }
  return out;
}

export const isQuoteMark = (t: string): boolean => t === '"' || t === '“' || t === '”' || t === '«' || t === '»' || t === '„' || t === "'" || t === '‘' || t === '’';

export interface Ctx {
  text: string;
  toks: EToken[];
  spans: MarkedSpan[];
  /** Per token: index of the marked span it is inside, or -1. */
  inSpan: number[];
  initial?: { mention: Mention; relative: boolean; comma: number } | null;
}

/** For each token, the marked span it stands in (or -1): one merge walk over both sorted lists. */
export function spanIndexes(toks: Token[], spans: MarkedSpan[]): number[] {
  const out = new Array<number>(toks.length).fill(-1);
  if (!spans.length || !toks.length) return out;
  let j = spanIndexAt(spans, toks[0]!.s);
  if (j < 0) {
    j = 0;
    while (j < spans.length && spans[j]!.close < toks[0]!.s) j++;
  }
  for (let k = 0; k < toks.length; k++) {
    const pos = toks[k]!.s;
    while (j < spans.length && spans[j]!.close < pos) j++;
    if (j >= spans.length) break;
    const sp = spans[j]!;
    if (pos >= sp.open) out[k] = j;
  }
  return out;
}

export function mentionText(text: string, s: number, e: number): string {
  const t = text.slice(s, e);
  return /\s\s|[\n\t\u00a0]/.test(t) ? t.replace(/\s+/g, ' ').trim() : t.trim();
}

export function trimEnd(text: string, s: number, e: number): number {
  while (e > s && /[\s.,;:!?\-–—]/.test(text[e - 1]!)) e--;
  return e;
}

export function trimStart(ctx: Ctx, k: number, limit: number): number {
  const { toks } = ctx;
  // A leading connective is dropped: "However, ...", "But ...".
  while (k < limit && (CONNECTIVES.has(toks[k]!.l) || toks[k]!.t === ',')) k++;
  return k;
}
