import type { Lang } from './language.ts';
import { sentenceBreaks } from './sentence-breaks.ts';

export interface Sentence {
  text: string;
  /** Offsets into the document text, so quotes and highlights can point back at the source. */
  start: number;
  end: number;
}

// Titles and abbreviations after which ICU wrongly ends a sentence.
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'col', 'capt', 'lt', 'sgt', 'rev', 'hon', 'mt', 'ft', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'dept', 'est', 'fig', 'e.g', 'i.e', 'a.m', 'p.m']);
const ARABIC_ABBREVIATIONS = new Set(['د', 'أ', 'م', 'ص', 'ه', 'ق', 'ج', 'س', 'ع', 'أد', 'م.م']);
const SENTENCE_STARTERS = new Set(['The', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'And', 'In', 'A', 'This', 'That', 'There', 'Its', 'His', 'Her', 'Their', 'However', 'Meanwhile']);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

function endsWithAbbreviation(segment: string, next: string): boolean {
  if (!/\.\s*$/.test(segment)) return false;
  const m = /(?:^|[\s(«“"])([\p{L}.]+)\.\s*$/u.exec(segment.slice(-24));
  if (!m || !m[1]) return false;
  const word = m[1];
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return true;
  if (ARABIC_ABBREVIATIONS.has(word)) return true;
  // A single Latin initial ("J. K. Rowling").
  if (/^\p{Lu}$/u.test(word)) return true;
  // Dotted acronyms (U.S., U.K.) end sentences too; keep them inside unless a typical sentence start follows.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    const first = /^\s*([\p{L}]+)/u.exec(next)?.[1] ?? '';
    return !SENTENCE_STARTERS.has(first);
  }
  return false;
}

const QUOTE_MARKS = /[«»“”„"]/;

/** Tracks open quotation marks across the segments of one sentence. */
class QuoteDepth {
  private guillemets = 0;
  private curly = 0;
  private straight = 0;

  add(text: string): void {
    if (!QUOTE_MARKS.test(text)) return;
    for (const ch of text) {
      if (ch === '«') this.guillemets++;
      else if (ch === '»') this.guillemets = Math.max(0, this.guillemets - 1);
      else if (ch === '“' || ch === '„') this.curly++;
      else if (ch === '”') this.curly = Math.max(0, this.curly - 1);
      else if (ch === '"') this.straight ^= 1;
    }
  }

  reset(): void {
    this.guillemets = 0;
    this.curly = 0;
    this.straight = 0;
  }

  get open(): boolean {
    return this.guillemets > 0 || this.curly > 0 || this.straight === 1;
  }
}

// A quotation left open by a typo must not swallow a whole article.
const MAX_QUOTED_SENTENCE = 1500;

/**
 * Splits text into sentences: line breaks are hard boundaries; inside a line the Unicode sentence rules do
 * the work (sentence-breaks.ts, else Intl.Segmenter), and segments are joined back where they split after an
 * abbreviation or inside a quotation.
 */
export function splitSentences(text: string, lang: Lang | 'other' = 'en'): Sentence[] {
  const out: Sentence[] = [];
  if (!text) return out;
  let start = -1;
  const depth = new QuoteDepth();
  const breaks = segmentBreaks(text, lang);
  for (let b = 0; b <= breaks.length; b++) {
    const index = b === 0 ? 0 : breaks[b - 1]!;
    const end = b === breaks.length ? text.length : breaks[b]!;
    const segment = text.slice(index, end);
    if (start === -1) start = index;
    // A segment always ends after a line break (Unicode SB4), so a newline inside a segment is a hard boundary.
    if (end < text.length && !segment.includes('\n')) {
      depth.add(segment);
      if (depth.open ? end - start < MAX_QUOTED_SENTENCE : endsWithAbbreviation(segment, text.slice(end, end + 24))) continue;
    }
    pushLines(out, text, start, end);
    start = -1;
    depth.reset();
  }
  return out;
}

/** Where ICU would end sentences: computed here for the scripts sentence-breaks.ts knows, else by Intl.Segmenter. */
function segmentBreaks(text: string, lang: Lang | 'other'): number[] {
  const known = sentenceBreaks(text);
  if (known) return known;
  const breaks: number[] = [];
  // One segment() call over the whole text: ICU's per-call cost dominates when it is called per line.
  for (const part of segmenter(lang === 'other' ? 'en' : lang).segment(text)) if (part.index > 0) breaks.push(part.index);
  return breaks;
}

/** Pushes [start, end), cut at any line break a joined segment may hold, trimmed. */
function pushLines(out: Sentence[], text: string, start: number, end: number): void {
  let from = start;
  for (let nl = text.indexOf('\n', from); nl !== -1 && nl < end; nl = text.indexOf('\n', from)) {
    pushTrimmed(out, text, from, nl);
    from = nl + 1;
  }
  pushTrimmed(out, text, from, end);
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}
