// Speaker resolution, names shown: the fullest form of an entity, looked up in the document when only a
// surname was used.

import { fold, foldString } from '../fold.ts';
import { nameKey } from '../gazetteer.ts';
import { stripHonorifics } from '../titles.ts';
import type { Speaker } from '../types.ts';
import { NOT_FIRST, ORG_WORDS } from '../words-en.ts';
import { ARABIC, CAPITALIZED, type Entity, type Resolver } from './entities.ts';

export const CAP_WORD_BEFORE = /(?:^|[\s(])((?:[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’-]*\s+){1,3})$/;

/** English: full names in the document that end with this word ("Hewitt" → ["Patricia Hewitt"]). */
export function englishFullNames(r: Resolver, word: string): string[] {
  const key = nameKey(word);
  r.fullNames ??= new Map();
  const hit = r.fullNames.get(key);
  if (hit) return hit;
  const out: string[] = [];
  const text = r.text;
  let at = word.length >= 2 ? text.indexOf(word) : -1;
  while (at >= 0) {
    const end = at + word.length;
    const boundary = (at === 0 || !/[A-Za-z\u00C0-\u024F]/.test(text[at - 1]!)) && (end >= text.length || !/[a-z\u00C0-\u024F]/.test(text[end]!));
    if (boundary) {
      const m = CAP_WORD_BEFORE.exec(text.slice(Math.max(0, at - 60), at));
      if (m) {
        const words = m[1]!.trim().split(/\s+/);
        while (words.length && NOT_FIRST.test(words[0]!)) words.shift();
        if (words.length >= 1 && words.length <= 3) {
          const full = `${words.join(' ')} ${word}`;
          if (!ORG_WORDS.test(full) && !out.includes(full)) out.push(full);
        }
      }
    }
    at = text.indexOf(word, at + 1);
  }
  r.fullNames.set(key, out);
  return out;
}

/** Arabic: the fuller form of a one-word name, from where it stands after a role («الرئيس الأمريكي دونالد ترامب»). */
export function arabicFullName(r: Resolver, word: string): string | undefined {
  const key = foldString(word).toLowerCase();
  if (!key || key.includes(' ')) return undefined;
  r.folded ??= fold(r.text);
  const f = r.folded;
  let best: string | undefined;
  let at = f.text.indexOf(key);
  while (at >= 0) {
    const end = at + key.length;
    const boundary = (at === 0 || /[\s«»“”"(،,]/.test(f.text[at - 1]!)) && (end >= f.text.length || !/[\u0621-\u064A]/.test(f.text[end]!));
    if (boundary) {
      // The words before: a role word with the article, then a first name (and a father's name: «جاسم محمد»).
      const before = f.text.slice(Math.max(0, at - 60), at);
      // («عبد الله» is one part: a word with the article after عبد.)
      const given = givenNamesBefore(before);
      if (given) {
        const s0 = f.map[at - given.length - 1]!;
        const full = r.text.slice(s0, f.map[end]!);
        if (!best || full.length > best.length) best = full;
      }
    }
    at = f.text.indexOf(key, at + 1);
  }
  return best;
}

const NOT_GIVEN = /^(?:و|ف)?(?:قال|قالت|اكد|اضاف|ادعي|زعم|قام|وصل|التقي|ان|في|من|الي|علي|عن|مع|بعد|قبل|لكن|كان)$/;

/** The one to three name words at the end of `before` (folded, ending in a space) that follow a word with the article. */
function givenNamesBefore(before: string): string | undefined {
  if (!before.endsWith(' ') || before.endsWith('  ')) return undefined;
  const words = before.trimEnd().split(' ');
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const parts = words.slice(-n);
    if (!/^ال[\u0621-\u064A]+$/u.test(words[words.length - n - 1]!)) continue;
    if (parts.every((w, i) => /^[\u0621-\u064A]{2,}$/u.test(w) && (!w.startsWith('ال') || parts[i - 1] === 'عبد') && !NOT_GIVEN.test(w))) return parts.join(' ');
  }
  return undefined;
}

/** A form with a capital letter past a leading "the": a proper name, not "the company". */
export function properForm(f: string): boolean {
  const the = f.length > 4 && (f.charCodeAt(0) | 0x20) === 0x74 && (f.charCodeAt(1) | 0x20) === 0x68 && (f.charCodeAt(2) | 0x20) === 0x65 && f.charCodeAt(3) === 0x20;
  return CAPITALIZED.test(the ? f.slice(4) : f);
}

/** The fullest name form of an entity, without titles. */
export function canonical(r: Resolver, e: Entity): string {
  let best = '';
  let bestWords = 0;
  // English: a proper name beats a common noun phrase ("Time Warner", not "the company").
  let proper = false;
  if (r.english && e.forms.size > 1) for (const f of e.forms.values()) if (properForm(f)) proper = true;
  for (const surface of e.forms.values()) {
    if (proper && !properForm(surface)) continue;
    const bare = stripHonorifics(surface).replace(/^the\s+/i, (m) => (e.person ? '' : m));
    const n = bare.split(/\s+/).length;
    // Prefer Latin script for a name first met in Latin inside Arabic text (Guo Jiakun), then more words.
    const better = n > bestWords || (n === bestWords && bare.length > best.length);
    if (!best || better) {
      best = bare;
      bestWords = n;
    }
  }
  if (e.person && bestWords <= 1) {
    // Look for a fuller form in the document.
    if (r.english) {
      const list = englishFullNames(r, best);
      if (list && list.length === 1) return list[0]!;
    } else if (ARABIC.test(best)) {
      if (e.gaz) {
        const forms = [e.gaz.name, ...e.gaz.aliases].filter((f) => ARABIC.test(f) && f.split(/\s+/).length > 1 && r.text.includes(f));
        forms.sort((a, b) => b.length - a.length);
        if (forms[0]) return forms[0];
      }
      const full = arabicFullName(r, best);
      if (full) return full;
    }
  }
  // A Latin form among the forms of an entity met in Arabic text: keep the Latin full name.
  for (const surface of e.forms.values()) {
    if (!ARABIC.test(surface) && ARABIC.test(best) && surface.split(/\s+/).length >= bestWords) return stripHonorifics(surface);
  }
  return best;
}

export function speakerOf(r: Resolver, e: Entity): Speaker {
  const name = canonical(r, e);
  const aliases = new Set<string>();
  for (const surface of e.forms.values()) if (surface !== name) aliases.add(surface);
  if (e.person) {
    const words = name.split(/\s+/);
    if (words.length > 1) aliases.add(words[words.length - 1]!);
  }
  if (e.gaz) {
    if (e.gaz.name !== name) aliases.add(e.gaz.name);
    for (const a of e.gaz.aliases) if (a !== name) aliases.add(a);
  }
  return { name, aliases: [...aliases], roles: [...e.roles] };
}
