// The forms a word is matched by in who-said-what search: its stem (tokens.ts), and a looser form that
// lets inflections meet. One home for these rules: the glossary, the statement index and the question
// concepts all use them.

import { stem } from '../tokens.ts';

const ARABIC = /[\u0600-\u06FF]/;

// Irregular English verb forms and their base (the light stemmer leaves them apart): a question says
// "won", "fled" or "grown" where a statement says "win", "flees" or "growing". One home for the table.
const EN_IRREGULAR: Record<string, string> = Object.fromEntries(
  [
    'arise arose arisen', 'be was were been', 'beat beaten', 'become became', 'begin began begun', 'bring brought',
    'build built', 'burn burnt', 'buy bought', 'catch caught', 'choose chose chosen', 'come came', 'cut', 'deal dealt',
    'do did done', 'draw drew drawn', 'drive drove driven', 'eat ate eaten', 'fall fell fallen', 'feed fed', 'feel felt',
    'fight fought', 'find found', 'flee fled', 'fly flew flown', 'forbid forbade forbidden', 'forget forgot forgotten',
    'freeze froze frozen', 'get got gotten', 'give gave given', 'go went gone', 'grow grew grown', 'hang hung',
    'have had', 'hear heard', 'hide hid hidden', 'hit', 'hold held', 'hurt', 'keep kept', 'know knew known',
    'lay laid', 'lead led', 'leave left', 'lend lent', 'lose lost', 'make made', 'mean meant', 'meet met', 'pay paid',
    'rise rose risen', 'run ran', 'say said', 'see saw seen', 'seek sought', 'sell sold', 'send sent', 'set',
    'shake shook shaken', 'shoot shot', 'shut', 'sink sank sunk', 'sit sat', 'speak spoke spoken', 'spend spent',
    'spread', 'stand stood', 'steal stole stolen', 'strike struck', 'swear swore sworn', 'take took taken',
    'teach taught', 'tear tore torn', 'tell told', 'think thought', 'throw threw thrown', 'understand understood',
    'wake woke woken', 'wear wore worn', 'win won', 'withdraw withdrew withdrawn', 'write wrote written',
  ].flatMap((line) => {
    const [base, ...forms] = line.split(' ');
    return forms.map((f) => [f, base!]);
  }),
);

/** An English stem without the ending the light stemmer leaves uneven (rising/rise → ris, stopped → stop), an irregular form as its base (won → win). */
export function englishLemma(s: string): string {
  const base = EN_IRREGULAR[s] ?? s;
  return base.replace(/([b-df-hj-np-tv-z])\1$/, '$1').replace(/e$/, '');
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
  // A past plural of a three-letter root (نزحوا، رفضوا): its first letter is the root's, not a prefix.
  if (core.length === 5 && core.endsWith('وا')) return core.slice(0, -2);
  // After the future س a four-letter verb keeps one imperfect prefix, the same for every person, so that
  // ستطعن and سنطعن meet سيطعن and يطعن (a plain four-letter word keeps its first letter: نظام، تجار).
  if (core.length === 5 && core[0] === 'س' && 'تن'.includes(core[1]!)) core = `ي${core.slice(2)}`;
  if (core.length >= 5 && core[0] === 'س' && 'يتنا'.includes(core[1]!)) core = core.slice(1);
  // A verbal noun of the تفعيل pattern (تقديم، تسليم، تعليم) keeps its ت: without it, it would meet the
  // adjective of the same letters (قديم، سليم، عليم).
  if (core.length >= 5 && 'يتن'.includes(core[0]!) && !(core.length === 5 && core[0] === 'ت' && core[3] === 'ي')) core = core.slice(1);
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
