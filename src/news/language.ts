export type Lang = 'ar' | 'en';
/** A detected language: a supported one, or 'other' where we fall back to English wording. */
export type DetectedLang = Lang | 'other';

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/u;
const ENGLISH_HINTS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'was', 'on', 'with', 'he', 'she', 'said', 'what', 'who', 'did', 'say', 'a', 'be', 'are', 'by', 'at', 'this', 'from', 'show', 'me', 'list', 'latest', 'news', 'summary', 'help']);

/** Counts letters by script; Arabic wins when it holds a real share, since Arabic text often quotes Latin names. */
export function detectLanguage(text: string): DetectedLang {
  let arabic = 0;
  let latin = 0;
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const ch of sample) {
    if (ARABIC_LETTER.test(ch)) arabic++;
    else if (LATIN_LETTER.test(ch)) latin++;
  }
  if (arabic === 0 && latin === 0) return 'other';
  if (arabic >= latin * 0.3) return 'ar';
  const words = sample.toLowerCase().match(/[a-z]+/g) ?? [];
  // Too short to judge: Latin script is taken as English, the second language.
  if (words.length < 12) return 'en';
  const hits = words.filter((w) => ENGLISH_HINTS.has(w)).length;
  return hits / words.length >= 0.04 ? 'en' : 'other';
}

/** The language the bot speaks back: Arabic or English, never 'other'. */
export function replyLanguage(text: string, fallback: Lang): Lang {
  const lang = detectLanguage(text);
  if (lang === 'other') return fallback;
  return lang;
}
