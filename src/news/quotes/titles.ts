// Titles before a name, one home for both languages: English honorifics (with the gender they give),
// other English titles a name can carry, and Arabic titles; and the genders read off a name.

import { FEMALE_NAMES, MALE_NAMES } from './firstnames.ts';
import { foldString } from './fold.ts';
import type { Gender } from './internal.ts';

/** English honorifics: part of a name run ("Mr Blair", "Dr Lena Fox"); the gender they give, when they do. */
export const HONORIFICS = new Map<string, Gender | undefined>([
  ['mr', 'm'],
  ['mrs', 'f'],
  ['ms', 'f'],
  ['miss', 'f'],
  ['sir', 'm'],
  ['lord', 'm'],
  ['lady', 'f'],
  ['dame', 'f'],
  ['dr', undefined],
  ['prof', undefined],
  ['professor', undefined],
  ['baroness', 'f'],
  ['baron', 'm'],
]);

// Other titles dropped from a name when speakers are compared ("Father Brown", «الشيخ ...»).
const OTHER_TITLES = new Map<string, Gender | undefined>([
  ['rev', undefined],
  ['reverend', undefined],
  ['rabbi', undefined],
  ['imam', undefined],
  ['cardinal', undefined],
  ['pastor', undefined],
  ['father', 'm'],
  ['sheikh', undefined],
  ['president', undefined],
  ['judge', undefined],
  ['السيد', undefined],
  ['السيدة', 'f'],
  ['الدكتور', undefined],
  ['الدكتورة', 'f'],
  ['العقيد', undefined],
  ['اللواء', undefined],
  ['العميد', undefined],
  ['الشيخ', undefined],
  ['المهندس', undefined],
  ['الاستاذ', undefined],
  ['الأستاذ', undefined],
]);

const ALL_TITLES = new Map([...HONORIFICS, ...OTHER_TITLES]);

/** The Arabic titles, folded as the Arabic stages read tokens («الدكتورة» → الدكتوره). */
export const ARABIC_TITLES = new Set([...OTHER_TITLES.keys()].filter((k) => /\p{Script=Arabic}/u.test(k)).map(foldString));

/** Titles that give a gender: "Mrs", "Lord", «السيدة». */
export const TITLE_GENDER = new Map<string, Gender>([...ALL_TITLES].filter((e): e is [string, Gender] => e[1] !== undefined));

/** Any run of titles at the start of a name. */
export const HONORIFIC_PREFIX = new RegExp(`^(?:(?:${[...ALL_TITLES.keys()].join('|')})\\.?\\s+)+(?=\\S)`, 'i');

/** One English honorific at the start of a name in its match key (lower case): "mr ", "dr. ". */
export const EN_HONORIFIC_KEY = new RegExp(`^(?:${[...HONORIFICS.keys()].join('|')})\\.?\\s+`);

export function stripHonorifics(name: string): string {
  const t = name.trim();
  return HONORIFIC_PREFIX.test(t) ? t.replace(HONORIFIC_PREFIX, '') : t;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
}

/** The first word of a name (up to white space), without splitting the whole name. */
export function firstWord(name: string): string {
  let a = 0;
  while (a < name.length && isSpace(name.charCodeAt(a))) a++;
  let b = a;
  while (b < name.length && !isSpace(name.charCodeAt(b))) b++;
  return a === 0 && b === name.length ? name : name.slice(a, b);
}

export function honorificGender(name: string): Gender | undefined {
  const first = firstWord(name).toLowerCase();
  return TITLE_GENDER.get(first.endsWith('.') ? first.slice(0, -1) : first);
}

export function firstNameGender(name: string): Gender | undefined {
  const first = firstWord(stripHonorifics(name)).toLowerCase();
  if (MALE_NAMES.has(first)) return 'm';
  if (FEMALE_NAMES.has(first)) return 'f';
  return undefined;
}
