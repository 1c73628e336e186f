// Sentence boundaries by the rules of Unicode UAX #29 (SB1-SB11), which ICU's sentence break iterator
// implements: the same boundaries as Intl.Segmenter's, at a fraction of its cost (ICU took about half of
// the sentence splitter's time). Only for text whose every character has a class known here (Latin,
// Arabic, general punctuation); anything else returns undefined and the caller asks ICU.
// tests/news/sentence-breaks.test.ts checks the boundaries against Intl.Segmenter's.

const OTHER = 1;
const CR = 2;
const LF = 3;
const SEP = 4;
const EXTEND = 5;
const FORMAT = 6;
const SP = 7;
const LOWER = 8;
const UPPER = 9;
const OLETTER = 10;
const NUMERIC = 11;
const ATERM = 12;
const STERM = 13;
const CLOSE = 14;
const SCONTINUE = 15;
/** A character outside the ranges classified here. */
const UNKNOWN = 255;

/** Where the classes below are known: C0 whitespace, ASCII, Latin-1, Latin Extended-A, Arabic (not its prepended number marks), general punctuation, the euro sign. */
function covered(c: number): boolean {
  return (
    c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0x17f) || (c >= 0x606 && c <= 0x6ff && c !== 0x6dd) || (c >= 0x2000 && c <= 0x2064) || c === 0x20ac
  );
}

const GRAPHEME_EXTEND = /^\p{Grapheme_Extend}$/u;
const SPACING_MARK = /^\p{Mc}$/u;
const FORMAT_CHAR = /^\p{Cf}$/u;
const WHITE_SPACE = /^\p{White_Space}$/u;
const LOWERCASE = /^\p{Lowercase}$/u;
const UPPERCASE = /^[\p{Uppercase}\p{Lt}]$/u;
const ALPHABETIC = /^\p{Alphabetic}$/u;
const SENTENCE_TERMINAL = /^\p{Sentence_Terminal}$/u;
const OPEN_CLOSE = /^[\p{Ps}\p{Pe}\p{Pi}\p{Pf}]$/u;
// Line_Break=Numeric among the covered characters: the digits and the Arabic decimal and thousands separators.
const NUMERIC_CHAR = /^[0-9\u0660-\u0669\u066B\u066C\u06F0-\u06F9]$/;
// Line_Break=Quotation among the covered characters that are not already Pi or Pf.
const QUOTATION = /^["']$/;
// Sentence_Break=SContinue among the covered characters.
const SCONTINUE_CHAR = /^[,\-:;\u060C\u060D\u2013\u2014]$/;

/** Sentence_Break of a covered code unit, as UAX #29 derives it. */
function classify(c: number): number {
  if (!covered(c)) return UNKNOWN;
  const ch = String.fromCharCode(c);
  if (c === 0x0d) return CR;
  if (c === 0x0a) return LF;
  if (c === 0x85 || c === 0x2028 || c === 0x2029) return SEP;
  if (GRAPHEME_EXTEND.test(ch) || SPACING_MARK.test(ch) || c === 0x200d) return EXTEND;
  if (FORMAT_CHAR.test(ch) && c !== 0x200c) return FORMAT;
  if (WHITE_SPACE.test(ch)) return SP;
  if (LOWERCASE.test(ch)) return LOWER;
  if (UPPERCASE.test(ch)) return UPPER;
  if (ALPHABETIC.test(ch) || c === 0xa0) return OLETTER;
  if (NUMERIC_CHAR.test(ch)) return NUMERIC;
  if (c === 0x2e || c === 0x2024) return ATERM;
  if (SENTENCE_TERMINAL.test(ch)) return STERM;
  if (OPEN_CLOSE.test(ch) || QUOTATION.test(ch)) return CLOSE;
  if (SCONTINUE_CHAR.test(ch)) return SCONTINUE;
  return OTHER;
}

/** Class of each UTF-16 code unit, filled on first sight; 0: not yet classified. */
const classes = new Uint8Array(0x10000);

function isParaSep(cls: number): boolean {
  return cls === SEP || cls === CR || cls === LF;
}

function isSATerm(cls: number): boolean {
  return cls === STERM || cls === ATERM;
}

// Reusable buffers: one entry per unit (a character with the Extend and Format characters after it, SB5).
let unitClass = new Uint8Array(4096);
let unitStart = new Int32Array(4096);
/** Buffers up to this size stay between calls; a longer text (up to content.maxFileBytes) gets its own, dropped after. */
const KEPT_UNITS = 1 << 16;

/** Cuts text into units; returns their count, or -1 when a character is not covered. */
function units(text: string): number {
  const length = text.length;
  if (unitClass.length < length + 1) {
    const size = Math.max(length + 1, Math.min(length * 2 + 1, KEPT_UNITS));
    unitClass = new Uint8Array(size);
    unitStart = new Int32Array(size);
  }
  let n = 0;
  let previous = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let cls = classes[code]!;
    if (cls === 0) cls = classes[code] = classify(code);
    if (cls === UNKNOWN) return -1;
    // SB5: Extend and Format join the character before them, except a paragraph separator.
    if ((cls === EXTEND || cls === FORMAT) && n > 0 && !isParaSep(previous)) continue;
    unitClass[n] = cls;
    unitStart[n++] = i;
    previous = cls;
  }
  unitStart[n] = length;
  return n;
}

/** After units 0..j-1: SB8's "ATerm Close* Sp*" before, and a Lower after only non-letters. */
function lowerFollows(j: number, n: number): boolean {
  for (let k = j; k < n; k++) {
    const cls = unitClass[k]!;
    if (cls === LOWER) return true;
    if (cls === OLETTER || cls === UPPER || isParaSep(cls) || isSATerm(cls)) return false;
  }
  return false;
}

/** Whether there is a sentence boundary between units j-1 and j (0 < j < n). */
function breaksBefore(j: number, n: number): boolean {
  const before = unitClass[j - 1]!;
  const cls = unitClass[j]!;
  if (before === CR && cls === LF) return false; // SB3
  if (isParaSep(before)) return true; // SB4
  if (before === ATERM && cls === NUMERIC) return false; // SB6
  if (before === ATERM && cls === UPPER && j >= 2 && (unitClass[j - 2] === UPPER || unitClass[j - 2] === LOWER)) return false; // SB7
  // Back over Sp* then Close* to a terminator.
  let k = j - 1;
  let spaces = false;
  while (k >= 0 && unitClass[k] === SP) {
    k--;
    spaces = true;
  }
  while (k >= 0 && unitClass[k] === CLOSE) k--;
  if (k < 0) return false;
  const term = unitClass[k]!;
  if (!isSATerm(term)) return false; // SB998
  if (term === ATERM && lowerFollows(j, n)) return false; // SB8
  if (cls === SCONTINUE || isSATerm(cls)) return false; // SB8a
  if (!spaces && (cls === CLOSE || cls === SP || isParaSep(cls))) return false; // SB9
  if (cls === SP || isParaSep(cls)) return false; // SB10
  return true; // SB11
}

/**
 * Offsets of the sentence boundaries inside text (neither 0 nor text.length), ascending, as Intl.Segmenter
 * finds them; undefined when text holds a character whose class is not known here.
 */
export function sentenceBreaks(text: string): number[] | undefined {
  const n = units(text);
  const out = n < 0 ? undefined : breaks(n);
  if (unitClass.length > KEPT_UNITS) {
    unitClass = new Uint8Array(4096);
    unitStart = new Int32Array(4096);
  }
  return out;
}

/** The boundaries between the n units in the buffers. */
function breaks(n: number): number[] {
  const out: number[] = [];
  // Only a paragraph separator or a run "SATerm Close* Sp*" can end a sentence: the rules are read there only.
  let run = false;
  let spaces = false;
  for (let j = 1; j < n; j++) {
    const before = unitClass[j - 1]!;
    if (isSATerm(before)) {
      run = true;
      spaces = false;
    } else if (before === SP) spaces = true;
    else if (before !== CLOSE || spaces) run = false;
    if ((run || isParaSep(before)) && breaksBefore(j, n)) out.push(unitStart[j]!);
  }
  return out;
}
