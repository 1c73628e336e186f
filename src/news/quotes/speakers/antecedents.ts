// Speaker resolution, antecedents: pronouns and dropped subjects take the nearest earlier speaker or
// subject that agrees in gender and number.

import { nameKey } from '../gazetteer.ts';
import type { Gender, Mention, SubjectAt } from '../internal.ts';
import { HONORIFIC_PREFIX, firstNameGender, honorificGender } from '../titles.ts';
import { ORG_WORDS, personRole } from '../words-en.ts';
import { englishFullNames } from './canonical.ts';
import { type Entity, type Resolver, entityFor } from './entities.ts';

export function agree(want: Gender | undefined, have: Gender | undefined, english: boolean): boolean {
  if (!want || !have) return true;
  if (want === have) return true;
  if (english) {
    // "they" for a body, "it" for a body.
    if (want === 'p' && have === 'n') return true;
    return false;
  }
  // Arabic: a masculine verb for a body or a feminine noun never happens; plural needs plural.
  if (want === 'm' && have === 'n') return true;
  return false;
}

export interface PoolItem {
  pos: number;
  entity?: Entity;
  mention?: Mention;
  gender?: Gender;
  speaker: boolean;
}

export function subjectGender(r: Resolver, m: Mention): Gender | undefined {
  const key = nameKey(m.name);
  for (const e of r.entities) if (e.forms.has(key)) return e.gender ?? m.gender;
  return m.gender ?? (r.english ? (honorificGender(m.name) ?? firstNameGender(m.name)) : undefined);
}

export function resolvePronoun(r: Resolver, pos: number, sentence: number, gender: Gender | undefined, subjectAt: SubjectAt, speakersOnly: boolean): Entity | undefined {
  const introduced = speakersOnly ? undefined : introducedBefore(r, pos, sentence, gender, subjectAt);
  if (introduced) return introduced;
  // Walk back over speakers and sentence subjects, nearest first; the first that agrees wins.
  const pool: PoolItem[] = [];
  for (const ev of r.events) if (ev.pos < pos && ev.sentence >= sentence - 6) pool.push({ pos: ev.pos, entity: ev.entity, gender: ev.entity.gender ?? ev.gender, speaker: true });
  if (!speakersOnly) {
    for (let s = sentence; s >= 0 && s >= sentence - 3; s--) {
      for (const m of subjectAt(s)) {
        if (m.start >= pos || m.kind === 'pronoun' || m.kind === 'drop') continue;
        const g = subjectGender(r, m);
        pool.push({ pos: m.start, mention: m, ...(g ? { gender: g } : {}), speaker: false });
      }
    }
  }
  pool.sort((a, b) => b.pos - a.pos);
  const item = pickAgreeing(r, pool, gender);
  if (item) return materialize(r, item, gender);
  if (speakersOnly || !r.english || !r.namesAt || !(gender === 'm' || gender === 'f')) return undefined;
  // The subject of an earlier sentence, further back: a profile names its subject once, then describes them.
  const far: PoolItem[] = [];
  for (let s = sentence - 4; s >= 0 && s >= sentence - 8; s--) {
    for (const m of subjectAt(s)) {
      if (m.kind !== 'name') continue;
      const g = subjectGender(r, m);
      far.push({ pos: m.start, mention: m, ...(g ? { gender: g } : {}), speaker: false });
    }
  }
  const distant = pickAgreeing(r, far, gender);
  if (distant) return materialize(r, distant, gender);
  // No speaker or subject agrees: the nearest person named anywhere before ("Police questioned Mark Daly
  // and Helen Quist. ... she said"). Only then: a speaker or a subject is the likelier antecedent than a
  // nearer object ("He e-mailed Jeremy Paxman ... he said" is not Paxman).
  const named = pickAgreeing(r, namedBefore(r, pos, sentence, r.namesAt), gender);
  if (named) return materialize(r, named, gender);
  // Nothing near: a feature's "he says" paragraphs after other voices take the last speaker of that gender,
  // however far back (the profile's subject named in its first paragraph).
  for (let i = r.events.length - 1; i >= 0; i--) {
    const ev = r.events[i]!;
    if (ev.pos < pos && ev.entity.person && (ev.entity.gender ?? ev.gender) === gender) return ev.entity;
  }
  return undefined;
}

/**
 * "The court heard from Ann Bell, ... She told the court ...": a sentence that opens with "he" or "she" right
 * after one whose subject is no person takes the person that sentence brought in, when the gender agrees.
 */
function introducedBefore(r: Resolver, pos: number, sentence: number, gender: Gender | undefined, subjectAt: SubjectAt): Entity | undefined {
  if (!r.english || !r.namesAt || sentence < 1 || !(gender === 'm' || gender === 'f')) return undefined;
  const sent = r.sentences[sentence]!;
  if (r.text.slice(sent.start, pos).trim() !== '' || /\n\s*\n/.test(r.text.slice(r.sentences[sentence - 1]!.end, sent.start))) return undefined;
  const subj = subjectAt(sentence - 1)[0];
  if (subj && (subj.kind === 'pronoun' || (subj.kind === 'name' && subjectGender(r, subj) !== 'n'))) return undefined;
  const named = r.namesAt(sentence - 1).filter((m) => m.kind === 'name' && subjectGender(r, m) === gender && !r.events.some((ev) => ev.entity.forms.has(nameKey(m.name))));
  const last = named[named.length - 1];
  return last && materialize(r, { pos: last.start, mention: last, gender, speaker: false }, gender);
}

/** Person and body names anywhere in the sentences up to `sentence`, before `pos`, nearest first. */
export function namedBefore(r: Resolver, pos: number, sentence: number, namesAt: SubjectAt): PoolItem[] {
  const pool: PoolItem[] = [];
  for (let s = sentence; s >= 0 && s >= sentence - 3; s--) {
    for (const m of namesAt(s)) {
      if (m.start >= pos) continue;
      const g = subjectGender(r, m);
      pool.push({ pos: m.start, mention: m, ...(g ? { gender: g } : {}), speaker: false });
    }
  }
  return pool.sort((a, b) => b.pos - a.pos);
}

export function pickAgreeing(r: Resolver, pool: PoolItem[], gender: Gender | undefined): PoolItem | undefined {
  for (const c of pool) {
    if (!agree(gender, c.gender, r.english)) continue;
    // English: a subject of unknown gender that is not a person-like name does not take "he"/"she".
    if (r.english && !c.speaker && (gender === 'm' || gender === 'f') && !c.gender) {
      const m = c.mention!;
      // "The prime minister ... He insisted": a role held by a person takes "he" or "she".
      const heldByPerson = m.kind === 'noun' && personRole(m.name);
      if (!heldByPerson && (m.kind !== 'name' || ORG_WORDS.test(m.name))) continue;
      // A single word is a person when the document gives it a first name ("Collins" / "Kim Collins").
      if (!heldByPerson && m.name.split(/\s+/).length < 2 && englishFullNames(r, m.name).length === 0) continue;
    }
    return c;
  }
  return undefined;
}

export function materialize(r: Resolver, c: PoolItem, gender: Gender | undefined): Entity {
  const e = c.entity ?? entityFor(r, c.mention!);
  if (gender && (gender === 'm' || gender === 'f') && !e.gender && e.person) e.gender = gender;
  return e;
}

/** A name that reads as a person's: a title, a known first name, a gender, or a person's role. */
export function personLike(name: string, gender: Gender | undefined, role: string | undefined): boolean {
  if (gender === 'm' || gender === 'f') return true;
  if (honorificGender(name) || firstNameGender(name) || HONORIFIC_PREFIX.test(name)) return true;
  return !!role && personRole(role);
}

/** The subject of the sentence when a quotation opens right after a colon in it (no reporting verb). */
export function colonSubject(r: Resolver, start: number, sentence: number, subjectAt: SubjectAt, toEntity: (m: Mention) => Entity = (m) => entityFor(r, m)): Entity | undefined {
  const text = r.text;
  let k = start - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '"' || text[k] === '“' || text[k] === '«' || text[k] === '\u00a0')) k--;
  if (k < 0 || text[k] !== ':' || r.sentences[sentence]!.start >= k) return undefined;
  const m = subjectAt(sentence).find((x) => x.start < k);
  if (!m || m.kind === 'drop') return undefined;
  if (m.kind === 'pronoun') return resolvePronoun(r, m.start, sentence, m.gender, subjectAt, false);
  return toEntity(m);
}
