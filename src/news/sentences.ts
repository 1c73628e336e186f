import type { Lang } from './language.ts';

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
  const m = /(?:^|[\s(«“"])([\p{L}.]+)\.\s*$/u.exec(segment);
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

/** True while a quotation opened in `text` has not been closed. */
function insideQuotation(text: string): boolean {
  let guillemets = 0;
  let curly = 0;
  let straight = 0;
  for (const ch of text) {
    if (ch === '«') guillemets++;
    else if (ch === '»') guillemets = Math.max(0, guillemets - 1);
    else if (ch === '“' || ch === '„') curly++;
    else if (ch === '”') curly = Math.max(0, curly - 1);
    else if (ch === '"') straight ^= 1;
  }
  return guillemets > 0 || curly > 0 || straight === 1;
}

/**
 * Splits text into sentences: line breaks are hard boundaries; inside a line Intl.Segmenter does the
 * work, and segments are joined back where it split after an abbreviation or inside a quotation.
 */
export function splitSentences(text: string, lang: Lang | 'other' = 'en'): Sentence[] {
  const out: Sentence[] = [];
  const seg = segmenter(lang === 'other' ? 'en' : lang);
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) {
      const parts = [...seg.segment(line)];
      let current: { start: number; end: number } | undefined;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i]!;
        const start = lineStart + part.index;
        const end = start + part.segment.length;
        current = current ? { start: current.start, end } : { start, end };
        const soFar = text.slice(current.start, current.end);
        const next = parts[i + 1]?.segment ?? '';
        if (next && (endsWithAbbreviation(soFar, next) || (insideQuotation(soFar) && soFar.length < 2000))) continue;
        pushTrimmed(out, text, current.start, current.end);
        current = undefined;
      }
      if (current) pushTrimmed(out, text, current.start, current.end);
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}
