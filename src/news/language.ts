export type Lang = 'ar' | 'en';
/** A detected language: a supported one, or 'other' where we fall back to English wording. */
export type DetectedLang = Lang | 'other';

const ENGLISH_HINTS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'was', 'on', 'with', 'he', 'she', 'said', 'what', 'who', 'did', 'say', 'a', 'be', 'are', 'by', 'at', 'this', 'from', 'show', 'me', 'list', 'latest', 'news', 'summary', 'help']);

function isArabicLetter(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** Counts letters by script; Arabic wins when it holds a real share, since Arabic text often quotes Latin names. */
export function detectLanguage(text: string): DetectedLang {
  let arabic = 0;
  let latin = 0;
  // Code units are enough: every letter counted here lies in the Basic Multilingual Plane. The opening
  // 2,000 characters decide, as in other detectors: a document does not switch language halfway.
  const end = Math.min(text.length, 2_000);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (isArabicLetter(c)) arabic++;
    else if (isLatinLetter(c)) latin++;
  }
  if (arabic === 0 && latin === 0) return 'other';
  if (arabic >= latin * 0.3) return 'ar';
  // A couple of hundred words tell English from other Latin-script languages.
  const { words, hits } = countHints(text.slice(0, 1500).toLowerCase());
  // Too short to judge: Latin script is taken as English, the second language.
  if (words < 12) return 'en';
  return hits / words >= 0.04 ? 'en' : 'other';
}

/** The longest hint word: longer runs are counted without being cut out of the text. */
const LONGEST_HINT = Math.max(...[...ENGLISH_HINTS].map((w) => w.length));

/** Runs of a-z in lower-cased text, and how many of them are hints: one scan, no array of words. */
function countHints(lower: string): { words: number; hits: number } {
  let words = 0;
  let hits = 0;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && lower.charCodeAt(i) >= 0x61 && lower.charCodeAt(i) <= 0x7a) i++;
    words++;
    if (i - start <= LONGEST_HINT && ENGLISH_HINTS.has(lower.slice(start, i))) hits++;
  }
  return { words, hits };
}
