// Arabic stage 1, tokens: words of the folded text with folded offsets (mapped back through the fold's
// map), and small tests on a token: punctuation, the article, a clitic conjunction, an attached pronoun.

import type { Folded } from '../fold.ts';
import type { Gazetteer } from '../gazetteer.ts';
import type { Gender, Mention, Token } from '../internal.ts';
import type { MarkedSpan } from '../marks.ts';
import { EVENT_VERBS } from '../words-ar.ts';

export const LATIN = /^[A-Za-z\u00C0-\u024F]/;

/** Tokens of a folded range; s/e are folded offsets (mapped back when a candidate is made). */
export function arabicCode(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3);
}

export function latinCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export function spaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || (c >= 0x2000 && c <= 0x200f) || c === 0x3000;
}

/** Arabic words, Latin words (with inner ' ’ - .), numbers, and single punctuation marks, in one pass. */
export function tokenize(folded: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = folded.charCodeAt(i);
    if (spaceCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    if (arabicCode(c)) {
      while (j < to && arabicCode(folded.charCodeAt(j))) j++;
    } else if (latinCode(c)) {
      for (;;) {
        while (j < to && latinCode(folded.charCodeAt(j))) j++;
        const d = j < to ? folded.charCodeAt(j) : 0;
        if ((d === 0x27 || d === 0x2019 || d === 0x2d || d === 0x2e) && j + 1 < to && latinCode(folded.charCodeAt(j + 1))) {
          j++;
          continue;
        }
        break;
      }
    } else if (c >= 0x30 && c <= 0x39) {
      while (j < to) {
        const d = folded.charCodeAt(j);
        if ((d >= 0x30 && d <= 0x39) || ((d === 0x2e || d === 0x2c) && j + 1 < to && folded.charCodeAt(j + 1) >= 0x30 && folded.charCodeAt(j + 1) <= 0x39)) j++;
        else break;
      }
    } else if (c >= 0xd800 && c <= 0xdbff && j < to) j++;
    out.push({ t: folded.slice(i, j), s: i, e: j });
    i = j;
  }
  return out;
}

export interface Ctx {
  text: string;
  f: Folded;
  toks: Token[];
  spans: MarkedSpan[];
  /** Per token: index of the marked span (original offsets) it is inside, or -1. */
  inSpan: Int32Array;
  gaz: Gazetteer;
  /** Tokens before this index belong to a cue already read (a source inside a verb's subject). */
  consumedUntil?: number;
  /** The speaker phrase of the last verb read, quote or not: the subject a conjoined verb shares. */
  verbSubject?: Mention;
  /** Tokens [from, to) read as a subject in the accusative after أنّ/لكنّ: no object there (see asSubject). */
  nominative?: [number, number];
}

const TANWEEN_ALEF = /\u064Bا|ا\u064B/gu;

/**
 * «غير أن مسؤولًا في الوزارة أكد»: after أنّ or لكنّ the subject is in the accusative; its words, read as a
 * subject from s (their alef of tanween dropped), while `read` runs. The phrase's name is given without it.
 */
export function asSubject<T extends { mention: Mention }>(ctx: Ctx, s: number, e: number, read: () => T | undefined): T | undefined {
  let c = s;
  while (c < e && accusative(ctx, c)) c++;
  if (c === s) return read();
  const saved = ctx.toks.slice(s, c);
  for (let i = s; i < c; i++) {
    const tok = ctx.toks[i]!;
    ctx.toks[i] = { ...tok, t: tok.t.replace(/ا$/u, '') };
  }
  ctx.nominative = [s, c];
  try {
    const np = read();
    if (np) np.mention.name = np.mention.name.replace(TANWEEN_ALEF, '');
    return np;
  } finally {
    for (let i = s; i < c; i++) ctx.toks[i] = saved[i - s]!;
    ctx.nominative = undefined;
  }
}

export const orig = (ctx: Ctx, folded: number): number => ctx.f.map[folded]!;

/** In the set as written, or after a conjunction و/ف that is not part of the word. */
export function has(set: Set<string>, w: string): boolean {
  return set.has(w) || (w.length > 3 && (w[0] === 'و' || w[0] === 'ف') && set.has(w.slice(1)));
}

export function stripConj(w: string): string {
  return w.length > 2 && (w[0] === 'و' || w[0] === 'ف') ? w.slice(1) : w;
}

/** A sound plural by its ending (-ون, -ين, -ات), not a name in -دين or -طين («صلاح الدين», «فلسطين»). */
export function looksPlural(word: string): boolean {
  const w = stripConj(word);
  // (Not a name or place in -دين/-سين/-طين/-بين/-وين, unless a long word with the article: «الصيادين», «المهندسين».)
  return /(?:ون|ين|ات)$/.test(w) && w.length > 4 && (!/(?:دين|سين|طين|بين|وين)$/.test(w) || (w.startsWith('ال') && w.length >= 8));
}

/** The agreement of a plural: one in -ات (things, or women) takes a feminine singular verb («وأكدت السفارات»). */
export function pluralGender(word: string): Gender {
  // (A count of people agrees with the people: «عشرات المزارعين … وقالوا».)
  const w = stripConj(word);
  return /ات$/u.test(w) && w !== 'عشرات' && w !== 'مييات' ? 'f' : 'p';
}

/** A verb of an event that names people without quoting them, with or without و/ف. */
export function eventVerb(t: string): boolean {
  if (EVENT_VERBS.has(t) || (t.length > 3 && (t[0] === 'و' || t[0] === 'ف') && EVENT_VERBS.has(t.slice(1)))) return true;
  // With an object pronoun: «لاجئون التقتهم الصحيفة».
  const bare = t.replace(/(?:هما|هم|ها|ه)$/u, '');
  return bare !== t && bare.length >= 3 && EVENT_VERBS.has(bare);
}

/** A dash, as after a dateline: «الخرطوم – …». */
export const isDash = (t: string): boolean => t === '-' || t === '–' || t === '—';

export const isPunct = (t: string): boolean => {
  const c = t.charCodeAt(0);
  return !(arabicCode(c) || latinCode(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669));
};

export const isComma = (t: string): boolean => t === '،' || t === ',';

export const isEnd = (t: string): boolean => t === '.' || t === '!' || t === '؟' || t === '?' || t === '؛' || t === ';';

export const hasArticle = (t: string): boolean => {
  const w = stripConj(t);
  return w.startsWith('ال') || w.startsWith('لل') || ((w[0] === 'ب' || w[0] === 'ك') && w.slice(1, 3) === 'ال');
};

/** The article on token k, not a name written with a hamza that folds like it («إلياس», «ألبرت» → الياس، البرت). */
export function articleAt(ctx: Ctx, k: number): boolean {
  const tok = ctx.toks[k]!;
  return hasArticle(tok.t) && !/^[وف]?[أإآ]ل/u.test(ctx.text.slice(orig(ctx, tok.s), orig(ctx, tok.s) + 3));
}

/** An indefinite accusative as written («مؤتمرًا», «صحفيًا»): an object or an adverb, never part of a speaker's phrase. */
export function accusative(ctx: Ctx, i: number): boolean {
  if (ctx.nominative && i >= ctx.nominative[0] && i < ctx.nominative[1]) return false;
  const tok = ctx.toks[i]!;
  const o = ctx.text.slice(orig(ctx, tok.s), orig(ctx, tok.e));
  return /(?:\u064Bا?|ا\u064B)$/u.test(o);
}

export function originalText(ctx: Ctx, a: number, b: number): string {
  // Tokens a..b inclusive, as written.
  return ctx.text.slice(orig(ctx, ctx.toks[a]!.s), orig(ctx, ctx.toks[b]!.e)).replace(/\s+/g, ' ').trim();
}

/** Feminine by the original spelling: a role word ending in ta marbuta. */
export function endsWithTaMarbuta(ctx: Ctx, i: number): boolean {
  const tok = ctx.toks[i]!;
  const o = ctx.text.slice(orig(ctx, tok.s), orig(ctx, tok.e));
  return /ة[\u064B-\u065F]*$/u.test(o);
}

/**
 * Ends with an attached pronoun (ه، ها، هم): an object, not a name. Uses the original spelling (ة is not ه); a
 * word with the article takes no pronoun («الله», «الإله»).
 */
export function hasPronounSuffix(ctx: Ctx, i: number): boolean {
  const tok = ctx.toks[i]!;
  if (hasArticle(tok.t) && !tok.t.startsWith('لل')) return false;
  const o = ctx.text.slice(orig(ctx, tok.s), orig(ctx, tok.e)).replace(/[\u064B-\u065F\u0640]/g, '');
  return o.length >= 4 && /(?:ه|ها|هم|هما|هن)$/u.test(o) && !/ة$/u.test(o);
}

export function gazetteerAt(ctx: Ctx, i: number, limit: number): { end: number; kind: string | undefined } | undefined {
  const w = ctx.toks[i]!.t.toLowerCase();
  const list = ctx.gaz.byFirstWord.get(w) ?? ctx.gaz.byFirstWord.get(stripConj(w));
  if (!list) return undefined;
  for (const { words, entry } of list) {
    if (i + words.length > limit) continue;
    let ok = true;
    for (let k = 1; k < words.length; k++) {
      if (ctx.toks[i + k]!.t.toLowerCase() !== words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { end: i + words.length - 1, kind: entry.kind };
  }
  return undefined;
}

/** A verb's form after a participle in an aside is its verbal noun: «، رافضًا ذكر اسمه،». */
export function governedNoun(ctx: Ctx, j: number): boolean {
  return j > 0 && (accusative(ctx, j - 1) || (/ا$/u.test(ctx.toks[j - 1]!.t) && isComma(ctx.toks[j - 2]?.t ?? '')));
}
