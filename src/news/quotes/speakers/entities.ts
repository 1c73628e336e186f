// Speaker resolution, entities: one per person or body of a document, with every form it was called by;
// short forms join their full form («قو» → Guo Jiakun, "Mr Blair" → Tony Blair).

import type { Sentence } from '../../sentences.ts';
import type { Folded } from '../fold.ts';
import { type Gazetteer, type GazetteerEntry, nameKey } from '../gazetteer.ts';
import type { Gender, Mention, SubjectAt } from '../internal.ts';
import { firstNameGender, honorificGender, stripHonorifics } from '../titles.ts';
import { editDistance, nameSkeletons, skeleton } from '../translit.ts';
import { ORG_WORDS } from '../words-en.ts';

export interface Entity {
  id: number;
  /** Surface forms by match key. */
  forms: Map<string, string>;
  roles: string[];
  gender?: Gender;
  person: boolean;
  gaz?: GazetteerEntry;
  /** Match keys of the words of its person-name forms. */
  words: Set<string>;
  /** Its match keys without spaces ("timewarner"), built when first needed. */
  compact?: Set<string>;
}

export interface Event {
  pos: number;
  sentence: number;
  entity: Entity;
  gender?: Gender;
  speaker: boolean;
}

export const ARABIC = /[\u0600-\u06FF]/;

export const CAPITALIZED = /\p{Lu}/u;

export interface Resolver {
  text: string;
  english: boolean;
  gaz: Gazetteer;
  entities: Entity[];
  events: Event[];
  sentences: Sentence[];
  fullNames?: Map<string, string[]>;
  folded?: Folded;
  /** English: every person or body name of a sentence, subject or not (for pronouns and definite nouns). */
  namesAt?: SubjectAt;
}

export function sentenceOf(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

export const wordsCache = new Map<string, string[]>();

export function nameWords(name: string): string[] {
  let w = wordsCache.get(name);
  if (!w) {
    w = nameKey(stripHonorifics(name)).split(' ').filter(Boolean);
    if (wordsCache.size > 20_000) wordsCache.clear();
    wordsCache.set(name, w);
  }
  return w;
}

export function newEntity(r: Resolver, mention: Mention): Entity {
  const raw = mention.name.trim();
  const e: Entity = { id: r.entities.length, forms: new Map(), roles: [], person: false, words: new Set() };
  addForm(r, e, raw, mention);
  r.entities.push(e);
  return e;
}

export function addForm(r: Resolver, e: Entity, surface: string, mention?: Mention): void {
  const key = nameKey(surface);
  if (!key) return;
  if (!e.forms.has(key)) {
    e.forms.set(key, surface);
    e.compact?.add(key.replace(/ /g, ''));
  }
  const bare = stripHonorifics(surface);
  if (bare !== surface) {
    const k2 = nameKey(bare);
    if (!e.forms.has(k2)) {
      e.forms.set(k2, bare);
      e.compact?.add(k2.replace(/ /g, ''));
    }
  }
  const person = mention ? mention.kind === 'name' && !(r.english && ORG_WORDS.test(surface)) && !/^the\b/i.test(surface) : e.person;
  if (person) {
    e.person = true;
    for (const w of nameWords(surface)) e.words.add(w);
  }
  const g = honorificGender(surface) ?? (r.english ? firstNameGender(surface) : undefined);
  if (g && !e.gender) e.gender = g;
  if (mention?.gender && !e.gender && mention.kind !== 'pronoun') e.gender = mention.gender;
  if (r.english && mention && (ORG_WORDS.test(surface) || /^the\b/i.test(surface)) && !e.gender && mention.kind !== 'pronoun') {
    if (!/\b(?:spokesman|spokeswoman|minister|secretary|leader|chairman|wife|husband|chief|boss|manager|coach)\b/i.test(surface)) e.gender = 'n';
  }
  if (mention?.role) {
    const role = mention.role.trim();
    if (role && !e.roles.includes(role)) e.roles.push(role);
  }
  if (!e.gaz) {
    const g2 = r.gaz.lookup(surface) ?? r.gaz.lookup(bare);
    if (g2) e.gaz = g2;
  }
}

export function crossScript(a: string, b: string): boolean {
  return ARABIC.test(a) !== ARABIC.test(b);
}

/** The entity a name or noun phrase refers to, created when new. */
export function entityFor(r: Resolver, mention: Mention): Entity {
  const raw = mention.name.trim();
  const key = nameKey(raw);
  const bareKey = nameKey(stripHonorifics(raw));
  for (const e of r.entities) if (e.forms.has(key) || e.forms.has(bareKey)) return withForm(r, e, raw, mention);
  // "TimeWarner" / "Time Warner": the same letters.
  const compact = bareKey.replace(/ /g, '');
  if (compact.length >= 6) {
    for (const e of r.entities) {
      e.compact ??= new Set([...e.forms.keys()].map((k) => k.replace(/ /g, '')));
      if (e.compact.has(compact)) return withForm(r, e, raw, mention);
    }
  }
  const gazEntry = r.gaz.lookup(raw) ?? r.gaz.lookup(stripHonorifics(raw));
  if (gazEntry) for (const e of r.entities) if (e.gaz === gazEntry) return withForm(r, e, raw, mention);
  if (mention.kind === 'name') {
    const words = nameWords(raw);
    const last = words[words.length - 1];
    if (words.length === 1 && last) {
      // A surname or a short form: "Hewitt", «ماكرون», «قو» → the person already met.
      for (let i = r.entities.length - 1; i >= 0; i--) {
        const e = r.entities[i]!;
        if (!e.person) continue;
        if (e.words.has(last)) return withForm(r, e, raw, mention);
      }
      const sk = r.entities.some((e) => e.person && [...e.forms.values()].some((f) => crossScript(f, raw))) ? skeleton(last) : '';
      if (sk) {
        for (let i = r.entities.length - 1; i >= 0; i--) {
          const e = r.entities[i]!;
          if (!e.person) continue;
          for (const form of e.forms.values()) {
            if (!crossScript(form, raw)) continue;
            const sks = nameSkeletons(form);
            if (sks.some((s) => s === sk || (sk.length >= 3 && editDistance(s, sk, 1) <= 1))) return withForm(r, e, raw, mention);
          }
        }
      }
    } else if (last) {
      // "Patricia Hewitt" after "Ms Hewitt": same surname, and no clash of first names.
      for (let i = r.entities.length - 1; i >= 0; i--) {
        const e = r.entities[i]!;
        if (!e.person || !e.words.has(last)) continue;
        const firsts = [...e.forms.keys()].map((k) => nameWords(k)).filter((w) => w.length > 1).map((w) => w[0]);
        if (firsts.length === 0 || firsts.includes(words[0])) return withForm(r, e, raw, mention);
      }
    }
  }
  const e = newEntity(r, mention);
  if (gazEntry) e.gaz = gazEntry;
  return e;
}

export function withForm(r: Resolver, e: Entity, raw: string, mention: Mention): Entity {
  addForm(r, e, raw, mention);
  return e;
}
