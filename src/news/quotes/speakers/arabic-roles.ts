// Speaker resolution, Arabic role nouns: «وقال الرئيس», «وأضافت الوزيرة» stand for the person named earlier with
// that role («الرئيس اللبناني ميشال سليمان», «وزيرة التخطيط رانيا المشاط»).

import { foldString } from '../fold.ts';
import type { Mention, SubjectAt } from '../internal.ts';
import { BODY_HEADS, CONTINUING_CUES, DOCUMENTS, ROLE_HEADS } from '../words-ar.ts';
import { agree } from './antecedents.ts';
import { type Entity, type Resolver, entityFor } from './entities.ts';

/** Folded words without the article: «الرئيس الفرنسي» → ['رييس', 'فرنسي']. */
function roleWords(s: string): string[] {
  return foldString(s)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/^(?:و|ف)?ال/u, ''));
}

/** A role phrase that holds the noun's words in order from its head: «الرئيس» in «الرئيس اللبناني». */
function holds(role: string, noun: string[]): boolean {
  const words = roleWords(role);
  return noun.every((w, i) => words[i] === w);
}

/**
 * The person met last (as a speaker, or as a sentence subject in the last four sentences) whose role opens with
 * this role noun, for a definite role noun of one or two words; undefined otherwise.
 */
export function arabicRoleHolder(r: Resolver, m: Mention, sentence: number, subjectAt: SubjectAt): Entity | undefined {
  const raw = m.name.trim().split(/\s+/);
  if (raw.length > 2 || !/^(?:و|ف)?ال/u.test(foldString(raw[0]!))) return undefined;
  const noun = roleWords(m.name);
  // A noun the text itself put before a person's name is a role there, listed head or not («الفنانة التشكيلية سارة …»).
  let best: { pos: number; entity?: Entity; mention?: Mention } | undefined;
  for (const ev of r.events) {
    if (ev.pos >= m.start || ev.sentence < sentence - 6 || !ev.entity.person) continue;
    if (ev.entity.roles.some((x) => holds(x, noun)) && (!best || ev.pos > best.pos)) best = { pos: ev.pos, entity: ev.entity };
  }
  for (let s = sentence; s >= 0 && s >= sentence - 3; s--) {
    for (const x of subjectAt(s)) {
      if (x.kind !== 'name' || x.start >= m.start || !x.role || !holds(x.role, noun)) continue;
      if (!best || x.start > best.pos) best = { pos: x.start, mention: x };
    }
  }
  if (!best) return undefined;
  return best.entity ?? entityFor(r, best.mention!);
}

/** «وأشار البيان إلى أن …»: a definite document speaks for the body that spoke last, within three sentences. */
export function arabicDocumentIssuer(r: Resolver, m: Mention, sentence: number): Entity | undefined {
  const words = roleWords(m.name);
  if (words.length !== 1 || !DOCUMENTS.has(words[0]!) || !/^(?:و|ف)?ال/u.test(foldString(m.name))) return undefined;
  let best: { pos: number; entity: Entity } | undefined;
  for (const ev of r.events) {
    if (ev.pos >= m.start || ev.sentence < sentence - 3 || ev.entity.person) continue;
    if (!best || ev.pos > best.pos) best = { pos: ev.pos, entity: ev.entity };
  }
  return best?.entity;
}

/**
 * «وأضافت المخرجة الشابة أن …» with no one named earlier by that role: «added» goes on from someone who spoke, so
 * the role noun of a person is the last speaker within six sentences who agrees with the verb.
 */
export function arabicContinuedSpeaker(r: Resolver, m: Mention, cue: string | undefined, sentence: number): Entity | undefined {
  if (!cue || m.kind !== 'noun' || !CONTINUING_CUES.has(foldString(cue).replace(/^[وف]/u, ''))) return undefined;
  const noun = roleWords(m.name);
  if (!ROLE_HEADS.has(noun[0]!) || !/^(?:و|ف)?ال/u.test(foldString(m.name))) return undefined;
  for (let i = r.events.length - 1; i >= 0; i--) {
    const ev = r.events[i]!;
    if (ev.pos >= m.start || ev.sentence < sentence - 6 || !ev.entity.person) continue;
    return agree(m.gender, ev.entity.gender ?? ev.gender, false) ? ev.entity : undefined;
  }
  return undefined;
}

/**
 * «وأضافت الوزارة», «وحذرت الهيئة»: a body's head noun with the article stands for the body that spoke before with
 * that head («وزارة الصحة», «الهيئة العامة للمياه»), the last one within six sentences.
 */
export function arabicBodyHolder(r: Resolver, m: Mention, sentence: number): Entity | undefined {
  const raw = m.name.trim().split(/\s+/);
  if (raw.length !== 1 || !/^(?:و|ف)?ال/u.test(foldString(raw[0]!))) return undefined;
  const head = roleWords(m.name)[0]!;
  if (!BODY_HEADS.has(head)) return undefined;
  const opens = (name: string): boolean => {
    const w = roleWords(name);
    return w.length > 1 && w[0] === head;
  };
  let best: { pos: number; entity: Entity } | undefined;
  for (const ev of r.events) {
    if (ev.pos >= m.start || ev.sentence < sentence - 6 || ev.entity.person) continue;
    if ([...ev.entity.forms.values()].some(opens) && (!best || ev.pos > best.pos)) best = { pos: ev.pos, entity: ev.entity };
  }
  return best?.entity;
}
