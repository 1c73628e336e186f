// The search index's words: Arabic and English, normalized for matching, stopwords out, stemmed with
// the Snowball stemmers (Arabic: Chelli and Benzahia's light stemmer; English: Porter2).
//
// Arabic prefixes are ambiguous: و in «وترامب» is "and", in «وزير» part of the word; ب in «بغزة» is
// "in", in «بيان» part of the word. Rather than guess, a word yields the stems of each reading (at most
// a handful), in documents and queries alike, so either reading meets. Snowball stems a noun better
// with its article on («الانتخابات» → انتخاب, «انتخابات» → انتخابا) and a verb better without
// («قالت» → قال), so both are taken too. Measured on variant pairs in `npm run eval -- search`.
import snowball from 'snowball-stemmers';
import { INVISIBLES, normalizeArabic } from '../normalize.ts';
import { isStopword } from '../stopwords.ts';
import { stripProclitics } from '../tokens.ts';

const arabicStemmer = snowball.newStemmer('arabic');
const englishStemmer = snowball.newStemmer('english');

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const ARABIC = /[\u0600-\u06FF]/;
const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;
const MAX_WORD = 40;

/** Folds spelling variants the stemmer may leave (alef forms, ى, ة, hamza seats); digits to ASCII. */
const fold = normalizeArabic;

function arabicReadings(word: string): string[] {
  const forms = [word];
  if (word.length > 3 && (word[0] === 'و' || word[0] === 'ف')) forms.push(word.slice(1));
  for (const f of [...forms]) {
    if (f.length > 3 && (f[0] === 'ب' || f[0] === 'ل' || f[0] === 'ك') && f.slice(1, 3) !== 'ال' && !f.startsWith('لل')) forms.push(f.slice(1));
  }
  return forms;
}

function stemArabicWord(word: string): string[] {
  const out = new Set<string>();
  for (const f of arabicReadings(word)) {
    const bare = stripProclitics(f);
    out.add(fold(arabicStemmer.stem(bare)));
    out.add(fold(arabicStemmer.stem(`ال${bare}`)));
  }
  out.delete('');
  return [...out];
}

/** A word as written (lower case, diacritics out) -> its search terms; none for a stopword. */
export function wordTerms(raw: string): string[] {
  const folded = fold(raw);
  let terms: string[];
  if (isStopword(folded) || isStopword(stripProclitics(folded)) || (folded.length < 2 && !/\d/.test(folded))) terms = [];
  else if (raw.length > MAX_WORD) terms = [folded.slice(0, MAX_WORD)];
  else if (!ARABIC.test(raw) && raw.length <= 3) terms = [folded];
  else if (ARABIC.test(raw)) terms = stemArabicWord(raw);
  else if (/^\d+$/.test(folded)) terms = [folded];
  else terms = [englishStemmer.stem(folded.replace(/['’]s$/, '').replace(/’/g, "'"))];
  return terms;
}

const ASCII_TEXT = /^[\t\n\r\x20-\x7e]*$/;
const ASCII_WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

/** The words of a text as written (NFKC, lower case, diacritics and invisibles out), in order. */
export function rawWords(text: string): string[] {
  // Most English text is plain ASCII: no normalization to do, and a simpler pattern finds the same words.
  if (ASCII_TEXT.test(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
  return text.normalize('NFKC').replace(INVISIBLES, '').replace(DIACRITICS, '').toLowerCase().match(WORD) ?? [];
}

/** Every search term of a text, in order (a word with several readings gives each). */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of rawWords(text)) for (const t of wordTerms(w)) out.push(t);
  return out;
}
