import { normalizeForMatch } from './normalize.ts';
import { isStopword } from './stopwords.ts';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const ARABIC = /[\u0600-\u06FF]/;

/** Words of a text in their match form (normalized, lower case), in order. */
export function words(text: string): string[] {
  return normalizeForMatch(text).match(WORD) ?? [];
}

/** Strips Arabic proclitics (conjunction و/ف, prepositions ب/ل/ك, article ال) while a stem of 2+ letters remains. */
export function stripProclitics(word: string): string {
  let w = word;
  if (w.length > 3 && (w[0] === 'و' || w[0] === 'ف')) w = w.slice(1);
  if (w.length > 4 && w.startsWith('لل')) return w.slice(2);
  if (w.length > 4 && (w[0] === 'ب' || w[0] === 'ل' || w[0] === 'ك') && w.slice(1, 3) === 'ال') return w.slice(3);
  if (w.length > 3 && w.startsWith('ال')) return w.slice(2);
  return w;
}

const AR_SUFFIXES = ['هما', 'كما', 'ات', 'ان', 'ون', 'ين', 'ها', 'هم', 'يه', 'ه', 'ي'];

/** A light Arabic stem: proclitics then one common suffix, keeping at least 3 letters. */
export function stemArabic(word: string): string {
  let w = stripProclitics(word);
  for (const s of AR_SUFFIXES) {
    if (w.length - s.length >= 3 && w.endsWith(s)) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  return w;
}

/** A light English stem: enough to make plurals and verb forms meet. */
export function stemEnglish(word: string): string {
  const w = word.replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3);
  if (w.endsWith('ed') && w.length > 4) return w.slice(0, -2);
  if (w.endsWith('es') && /(?:sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

export function stem(word: string): string {
  return ARABIC.test(word) ? stemArabic(word) : stemEnglish(word);
}

/** The term of each word met lately, null for a word that is none: words repeat across documents. */
const termCache = new Map<string, string | null>();
/** Bounds the cache (a few MB at most); it starts over when full. */
const MAX_CACHED_TERMS = 20_000;

function termOf(w: string): string | null {
  let t = termCache.get(w);
  if (t === undefined) {
    t = isStopword(w) || isStopword(stripProclitics(w)) || (w.length < 2 && !/\d/.test(w)) ? null : stem(w);
    if (termCache.size >= MAX_CACHED_TERMS) termCache.clear();
    termCache.set(w, t);
  }
  return t;
}

/** Content terms for similarity and search: stopwords out, stems in. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = termOf(w);
    if (t !== null) out.push(t);
  }
  return out;
}
