// Direct quotations: pairs of quotation marks, found in one pass over the characters (no regex
// backtracking). Double marks of every style pair with each other (“ ” „ « » " and mixed pairs such as
// “…» or "…”), single marks (‘ ’ ‚ ‹ › ') only within a line and never across an apostrophe.

export interface MarkedSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or of the end of the line where an unclosed quotation stops. */
  close: number;
  /** Offsets of the text between the marks, trimmed of white space. */
  start: number;
  end: number;
  single: boolean;
}

const enum C {
  LF = 0x0a,
  DQ = 0x22, // "
  SQ = 0x27, // '
  LAQUO = 0xab, // «
  RAQUO = 0xbb, // »
  LSQUO = 0x2018, // ‘
  RSQUO = 0x2019, // ’
  SBQUO = 0x201a, // ‚
  LDQUO = 0x201c, // “
  RDQUO = 0x201d, // ”
  BDQUO = 0x201e, // „
  LSAQUO = 0x2039, // ‹
  RSAQUO = 0x203a, // ›
  TATWEEL = 0x0640,
}

function isDouble(c: number): boolean {
  return c === C.DQ || c === C.LDQUO || c === C.RDQUO || c === C.BDQUO || c === C.LAQUO || c === C.RAQUO || c === 0x201f;
}

function isSingle(c: number): boolean {
  return c === C.SQ || c === C.LSQUO || c === C.RSQUO || c === C.SBQUO || c === C.LSAQUO || c === C.RSAQUO;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x200f || c === 0x200e || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x0370 && c <= 0x052f);
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669);
}

// Punctuation that may stand right before an opening mark.
function isOpenContext(c: number): boolean {
  return c === 0x28 || c === 0x5b || c === 0x7b || c === 0x3a || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2f || c === 0x2c || c === 0x060c || c === 0x061b || c === 0x3b || isDouble(c) || isSingle(c);
}

// Punctuation that may stand right after a closing mark.
function isCloseContext(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x5d || c === 0x7d || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x060c || c === 0x061b || c === 0x061f || c === 0x2026 || isDouble(c) || isSingle(c);
}

const ARABIC_PROCLITICS = new Set([0x0648, 0x0641, 0x0628, 0x0644, 0x0643]); // و ف ب ل ك

/** The mark at i can open a quotation: something follows it, and it starts a word. */
function leftFlanking(text: string, i: number): boolean {
  const n = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
  if (n < 0 || isSpace(n)) return false;
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (isSpace(p) || isOpenContext(p)) return true;
  // An Arabic proclitic glued to the mark: و«...», بـ"...".
  let k = i - 1;
  if (p === C.TATWEEL) k--;
  if (k >= 0 && ARABIC_PROCLITICS.has(text.charCodeAt(k))) {
    const before = k > 0 ? text.charCodeAt(k - 1) : 0x20;
    if (isSpace(before) || isOpenContext(before) || (k > 0 && ARABIC_PROCLITICS.has(before) && (k < 2 || isSpace(text.charCodeAt(k - 2))))) return true;
  }
  return false;
}

/** The mark at i can close a quotation: it ends a word. */
function rightFlanking(text: string, i: number): boolean {
  if (i === 0) return false;
  const p = text.charCodeAt(i - 1);
  if (isSpace(p)) return false;
  if (i + 1 >= text.length) return true;
  const n = text.charCodeAt(i + 1);
  return isSpace(n) || isCloseContext(n);
}

function lineEndBefore(text: string, i: number): number {
  let e = i;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

function push(out: MarkedSpan[], text: string, open: number, close: number, single: boolean): void {
  let s = open + 1;
  let e = close;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e <= s) return;
  // Some letter or digit inside, or it is not a quotation ("..." or "-").
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (isLetter(c) || isDigit(c) || c > 0x2e80) {
      out.push({ open, close, start: s, end: e, single });
      return;
    }
  }
}

const MAX_SPAN = 4000;
const DOUBLE_OR_LF = /[\n"“”„«»‟]/g;
const SINGLE_OR_LF = /[\n'‘’‚‹›]/g;

/** All quotation spans of the text, in order. */
export function findMarkedSpans(text: string): MarkedSpan[] {
  const doubles = findDoubles(text);
  const singles = findSingles(text, doubles);
  if (singles.length === 0) return doubles;
  return [...doubles, ...singles].sort((a, b) => a.start - b.start);
}

function findDoubles(text: string): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  const n = text.length;
  let open = -1;
  let openChar = 0;
  let depth = 0; // nested quotations inside the open one
  DOUBLE_OR_LF.lastIndex = 0;
  for (;;) {
    const hit = DOUBLE_OR_LF.exec(text);
    if (!hit) break;
    let i = hit.index;
    const c = text.charCodeAt(i);
    if (c === C.LF) {
      // A quotation left open at a line end continues (the news convention for quotations over several
      // paragraphs: the next paragraph reopens with a new mark), unless it has run on too long.
      if (open >= 0 && i - open > MAX_SPAN) {
        const firstEnd = text.indexOf('\n', open);
        push(out, text, open, lineEndBefore(text, firstEnd), false);
        open = -1;
        i = firstEnd;
        DOUBLE_OR_LF.lastIndex = i + 1;
      }
      continue;
    }
    if (!isDouble(c)) continue;
    const canOpen = leftFlanking(text, i);
    const canClose = rightFlanking(text, i);
    if (open < 0) {
      if (c === C.RAQUO) continue;
      if (canOpen && !(c === C.RDQUO && canClose)) {
        open = i;
        openChar = c;
        depth = 0;
      }
      continue;
    }
    // Inside a quotation.
    let closes = false;
    if (c === C.DQ) {
      // A straight mark that only opens a word is a reopening mark of a continued quotation.
      closes = canClose;
    } else if (c === C.LAQUO || c === C.BDQUO) {
      if (canOpen && !canClose) depth++;
      else if (canClose && c === C.BDQUO) closes = false;
      continue;
    } else if (c === C.LDQUO) {
      if (openChar === C.BDQUO && depth === 0 && canClose) closes = true;
      else if (canOpen && !canClose) {
        if (openChar !== C.LDQUO) depth++;
        continue;
      } else closes = canClose;
    } else {
      // ” » ‟
      closes = canClose || !canOpen;
    }
    if (!closes) continue;
    if (depth > 0) {
      depth--;
      continue;
    }
    push(out, text, open, i, false);
    open = -1;
  }
  if (open >= 0) {
    const firstEnd = text.indexOf('\n', open);
    if (n - open > MAX_SPAN && firstEnd > 0) push(out, text, open, lineEndBefore(text, firstEnd), false);
    else push(out, text, open, lineEndBefore(text, n), false);
  }
  return out;
}

function insideAny(spans: MarkedSpan[], pos: number): boolean {
  // Spans are sorted and few; a linear scan is cheaper than anything clever.
  for (const s of spans) {
    if (s.open > pos) return false;
    if (pos <= s.close) return true;
  }
  return false;
}

function findSingles(text: string, doubles: MarkedSpan[]): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  let open = -1;
  const n = text.length;
  SINGLE_OR_LF.lastIndex = 0;
  for (;;) {
    const hit = SINGLE_OR_LF.exec(text);
    if (!hit) break;
    const i = hit.index;
    const c = text.charCodeAt(i);
    if (c === C.LF) {
      open = -1;
      continue;
    }
    const p = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const nx = i + 1 < n ? text.charCodeAt(i + 1) : 0x20;
    // An apostrophe between letters or digits: don't, Jesus's, 5'10.
    if ((isLetter(p) || isDigit(p)) && (isLetter(nx) || isDigit(nx))) continue;
    if (open < 0) {
      if (c === C.RSAQUO) continue;
      if (c === C.RSQUO && !(isSpace(p) || isOpenContext(p))) continue;
      if (!leftFlanking(text, i) || !isLetter(nx)) continue;
      if (insideAny(doubles, i)) continue;
      open = i;
      continue;
    }
    if (c === C.LSQUO || c === C.SBQUO || c === C.LSAQUO) {
      if (leftFlanking(text, i) && !rightFlanking(text, i)) open = i;
      continue;
    }
    if (!rightFlanking(text, i)) continue;
    // 'n' in rock 'n' roll is not a quotation: a single-quoted span needs a word.
    if (i - open > 2) push(out, text, open, i, true);
    open = -1;
  }
  return out;
}

/** The index of the span (sorted by position) that holds `pos`, or -1: a binary search. */
export function spanIndexAt(spans: MarkedSpan[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (pos < s.open) hi = mid - 1;
    else if (pos > s.close) lo = mid + 1;
    else return mid;
  }
  return -1;
}
