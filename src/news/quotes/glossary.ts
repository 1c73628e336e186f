// The bilingual news glossary (config/glossary.json): English words and phrases with their common
// Arabic forms. Used only at question time, to carry a question's words into the other language (and to
// the other forms of the same word in its own language: الارتفاع ↔ سترتفع); documents are never translated.

import fs from 'node:fs';
import nodePath from 'node:path';
import { z } from 'zod';
import { isStopword } from '../stopwords.ts';
import { stem, words } from '../tokens.ts';
import { arabicCore, englishLemma, stemKeepingInitial } from './forms.ts';

const LATIN = /^[\p{Script=Latin}\d\s'’.-]+$/u;
const ARABIC = /[\u0600-\u06FF]/;
const DIACRITICS = /[\u064B-\u0652]/;
// No glossary form is longer than this many words.
const MAX_FORM_WORDS = 6;

const entrySchema = z.object({
  en: z.string().trim().min(1, 'en must not be empty').regex(LATIN, 'en must be English (Latin letters)'),
  also: z.array(z.string().trim().min(1, 'a form in also must not be empty').regex(LATIN, 'also holds English forms')).optional(),
  ar: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'an Arabic form must not be empty')
        .regex(ARABIC, 'ar holds Arabic forms')
        .refine((a) => !DIACRITICS.test(a), 'write Arabic forms unvocalized (no diacritics)'),
    )
    .min(1, 'ar needs at least one Arabic form'),
});

const fileSchema = z.object({
  about: z.string().min(1, 'about (the provenance header) must not be empty'),
  license: z.string().min(1),
  entries: z.array(entrySchema).min(1, 'entries must not be empty'),
});

export type GlossaryEntry = z.infer<typeof entrySchema>;

export class GlossaryError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'GlossaryError';
  }
}

/** One form of an entry as the stems of its words, in order (all words, for matching a run of tokens). */
interface Form {
  stems: string[];
  entry: number;
}

export interface GlossaryMatch {
  /** Tokens taken from the question. */
  length: number;
  /** Every entry with a form of that length there (منافسة is both a competition and a rival). */
  entries: number[];
}

export interface Glossary {
  readonly size: number;
  /** The longest entry form that starts at token i of a question (tokens as `words()` gives them). */
  matchAt(tokens: string[], i: number): GlossaryMatch | undefined;
  /** Every form of an entry in one language, each as its content-word stems. */
  forms(entry: number, lang: 'ar' | 'en'): string[][];
}

/**
 * The keys a token matches a glossary form by: its stem, then its loose form, then (Arabic) without a
 * leading ب or ل, which the stemmer leaves on words without the article (بخيبة → خيبة, لبيع → بيع), and
 * with the first و or ف the stemmer takes for a conjunction when it belongs to the word (فشلا → فشل,
 * وظائف → وظايف, the stem of الوظائف); a four-letter imperfect without its prefix (تتنح → تنح, يعمل → عمل).
 */
function tokenKeys(token: string): string[] {
  const s = stem(token);
  if (!ARABIC.test(s)) return [englishLemma(s)];
  const core = arabicCore(s);
  const keys = [s, core];
  // A short verb keeps its imperfect prefix in the loose form (ستتنحى → تتنح): the glossary holds its root form.
  if (core.length === 4 && 'يتن'.includes(core[0]!)) keys.push(core.slice(1));
  if (s.length >= 4 && (s[0] === 'ب' || s[0] === 'ل')) keys.push(stem(s.slice(1)));
  const kept = stemKeepingInitial(token);
  if (kept) keys.push(kept, arabicCore(kept));
  return keys;
}

/** A form's content words as stems; one-letter words (the e of e-mail) match nothing, as in the index. */
function contentStems(text: string, keepInitial = false): string[] {
  return words(text)
    .filter((w) => !isStopword(w) && (w.length > 1 || /\d/.test(w)))
    .map((w) => (keepInitial ? (stemKeepingInitial(w) ?? stem(w)) : stem(w)));
}

export function buildGlossary(entries: GlossaryEntry[]): Glossary {
  const byFirst = new Map<string, Form[]>();
  const put = (stems: string[], entry: number): void => {
    const first = stems[0];
    if (!first) return;
    const list = byFirst.get(first) ?? [];
    if (!list.some((f) => f.entry === entry && f.stems.join(' ') === stems.join(' '))) list.push({ stems, entry });
    byFirst.set(first, list);
  };
  // Each form under its stems and under its loose forms, so سيستمر finds the entry of يستمر.
  // A form whose first letter is a root و or ف is also put under its stem with that letter, the stem its
  // form with the article has (وظائف under ظايف and وظايف), so الوظائف in a question finds it.
  const add = (text: string, entry: number): void => {
    const ws = words(text);
    const keys = ws.map(tokenKeys);
    put(keys.map((k) => k[0]!), entry);
    put(keys.map((k) => k[1] ?? k[0]!), entry);
    if (ws.some((w) => stemKeepingInitial(w))) put(ws.map((w) => stemKeepingInitial(w) ?? stem(w)), entry);
  };
  entries.forEach((e, i) => {
    for (const f of [e.en, ...(e.also ?? []), ...e.ar]) add(f, i);
  });
  // Longest forms first, so "prime minister" is taken before "minister".
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  const formCache = new Map<string, string[][]>();
  return {
    size: entries.length,
    matchAt(tokens, i) {
      const first = tokens[i];
      if (first === undefined) return undefined;
      const keys = tokens.slice(i, i + MAX_FORM_WORDS).map(tokenKeys);
      let length = 0;
      let found: number[] = [];
      for (const key of new Set(keys[0])) {
        for (const f of byFirst.get(key) ?? []) {
          if (f.stems.length > keys.length || f.stems.length < length) continue;
          if (!f.stems.every((s, k) => keys[k]!.includes(s))) continue;
          if (f.stems.length > length) {
            length = f.stems.length;
            found = [];
          }
          if (!found.includes(f.entry)) found.push(f.entry);
        }
        // The stem's own matches win over those of its looser forms.
        if (length) break;
      }
      return length ? { length, entries: found } : undefined;
    },
    forms(entry, lang) {
      const key = `${entry}:${lang}`;
      let out = formCache.get(key);
      if (!out) {
        const e = entries[entry];
        const texts = !e ? [] : lang === 'ar' ? e.ar : [e.en, ...(e.also ?? [])];
        // Arabic forms also as the stems their words take after an article (وظائف → الوظائف).
        const stems = texts.map((t) => contentStems(t));
        if (lang === 'ar') for (const t of texts) if (words(t).some((w) => stemKeepingInitial(w))) stems.push(contentStems(t, true));
        out = stems.filter((s) => s.length > 0);
        if (formCache.size > 5_000) formCache.clear();
        formCache.set(key, out);
      }
      return out;
    },
  };
}

function duplicateKeys(entries: GlossaryEntry[]): string[] {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  entries.forEach((e, i) => {
    const key = e.en.toLowerCase().replace(/\s+/g, ' ');
    const before = seen.get(key);
    if (before !== undefined) problems.push(`entries.${i}.en: "${e.en}" repeats entries.${before}.en (merge their Arabic forms into one entry)`);
    else seen.set(key, i);
  });
  return problems;
}

/** Reads and validates a glossary file; a bad file throws an error naming the file, the entry and the key. */
export function loadGlossary(path: string): Glossary {
  let raw: string;
  try {
    raw = fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new GlossaryError(path, `cannot read the glossary (${(e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new GlossaryError(path, `not valid JSON (${(e as Error).message})`);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    throw new GlossaryError(path, detail);
  }
  const dups = duplicateKeys(parsed.data.entries);
  if (dups.length) throw new GlossaryError(path, dups.slice(0, 5).join('; '));
  return buildGlossary(parsed.data.entries);
}

// Relative to the working directory, like config/names.json.
export const DEFAULT_GLOSSARY_PATH = nodePath.resolve('config', 'glossary.json');

let cached: Glossary | undefined;

/** The project glossary, loaded on first use (the first question, not at ingest). */
export function defaultGlossary(): Glossary {
  cached ??= loadGlossary(DEFAULT_GLOSSARY_PATH);
  return cached;
}

/** Replaces the glossary used for questions (start-up with a configured file, tests). */
export function setDefaultGlossary(g: Glossary): void {
  cached = g;
}
