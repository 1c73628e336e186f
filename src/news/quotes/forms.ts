// The forms a word is matched by in who-said-what search: its stem (tokens.ts), and a looser form that
// lets inflections meet. One home for these rules: the glossary, the statement index and the question
// concepts all use them.

import { stem } from '../tokens.ts';

const ARABIC = /[\u0600-\u06FF]/;

/** An English stem without the ending the light stemmer leaves uneven: rising/rise → ris, stopped → stop. */
export function englishLemma(s: string): string {
  return s.replace(/([b-df-hj-np-tv-z])\1$/, '$1').replace(/e$/, '');
}

/**
 * An Arabic stem without the future and imperfect prefixes, a final feminine ت, plural ات or وا, a
 * possessive (نا، كم، هم، ها) or the alif of an indefinite accusative: ستستمر/يستمر → ستمر, بلدنا → بلد,
 * حساباته/حسابات → حساب, ذريعًا → ذريع, يوميًا → يوم. Only on stems of five letters or more (four for the alif), so short
 * nouns keep their letters.
 */
export function arabicCore(s: string): string {
  let core = s;
  // A nisba adjective as an adverb or indefinite accusative (يوميًا، جامعيًا، سنويًا) meets its noun (يوم،
  // جامعة، سنة): its يا goes before a prefix rule could read its first letter as one.
  if (core.length >= 5 && core.endsWith('يا')) return core.slice(0, -2);
  if (core.length >= 5 && core[0] === 'س' && 'يتنا'.includes(core[1]!)) core = core.slice(1);
  if (core.length >= 5 && 'يتن'.includes(core[0]!)) core = core.slice(1);
  const before = core;
  if (core.length >= 5) core = core.replace(/(?:ات|ت|وا|نا|كم|هم|ها)$/u, '');
  if (core === before && core.length >= 4 && /[^اوي]ا$/u.test(core)) core = core.slice(0, -1);
  return core;
}

/** The loose form of a stem in either script. */
export function looseForm(s: string): string {
  return ARABIC.test(s) ? arabicCore(s) : englishLemma(s);
}

/** The index forms of one normalized word: its stem and, marked with ~, its loose form. */
export function wordForms(word: string): [string, string] {
  const s = stem(word);
  return [s, `~${looseForm(s)}`];
}

/**
 * The stem of an Arabic word whose first letter و or ف belongs to the word, not a conjunction the stemmer
 * strips (وظائف → وظايف, as الوظائف stems; فرص → فرص), or undefined when the stem kept it anyway.
 */
export function stemKeepingInitial(word: string): string | undefined {
  if (word.length < 4 || (word[0] !== 'و' && word[0] !== 'ف') || word.startsWith('ال', 1)) return undefined;
  // After an article the stemmer takes no conjunction: the article goes and the letter stays.
  const kept = stem(`ال${word}`);
  return kept === stem(word) ? undefined : kept;
}
