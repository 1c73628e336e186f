// Speaker resolution, assembly: candidates become quotes with speakers, and a quotation with no cue of
// its own takes the speaker of the run it continues.

import type { Sentence } from '../../sentences.ts';
import type { Folded } from '../fold.ts';
import type { Gazetteer } from '../gazetteer.ts';
import type { Candidate, Mention, SubjectAt } from '../internal.ts';
import type { Quote, Speaker } from '../types.ts';
import { BODY_NOUN, descriptionNoun, officeNoun } from '../words-en.ts';
import { colonSubject, personLike, resolvePronoun } from './antecedents.ts';
import { arabicBodyHolder, arabicContinuedSpeaker, arabicDocumentIssuer, arabicRoleHolder } from './arabic-roles.ts';
import { resolveBody, resolveRoleNoun } from './bodies.ts';
import { speakerOf } from './canonical.ts';
import { type Entity, type Resolver, addForm, entityFor, sentenceOf } from './entities.ts';

export interface ResolveInput {
  text: string;
  sentences: Sentence[];
  candidates: Candidate[];
  subjectAt: SubjectAt;
  namesAt?: SubjectAt;
  english: boolean;
  /** The folded text when the caller has it (Arabic). */
  folded?: Folded;
  gaz: Gazetteer;
  /** Quotations with no cue: offsets of their text. */
  standalone: { start: number; end: number }[];
}

interface Resolved {
  c: Candidate;
  e: Entity;
  sentence: number;
}

/** Turns candidates into quotes with speakers, in document order. */
export function resolveSpeakers(input: ResolveInput): Quote[] {
  const { text, sentences, english, gaz } = input;
  const r: Resolver = { text, english, gaz, entities: [], events: [], sentences, ...(input.folded ? { folded: input.folded } : {}), ...(input.namesAt ? { namesAt: input.namesAt } : {}) };
  const resolved = attribute(r, input);
  // Quotations with no cue of their own continue a speaker's run.
  if (input.standalone.length) continueRuns(r, input, resolved);
  resolved.sort((a, b) => a.c.start - b.c.start);
  return toQuotes(r, resolved);
}

/** Each candidate with the entity of its speaker mention; quotes that share a cue share the speaker. */
function attribute(r: Resolver, input: ResolveInput): Resolved[] {
  const { sentences, subjectAt } = input;
  const cands = [...input.candidates].sort((a, b) => (a.cueAt ?? a.start) - (b.cueAt ?? b.start) || a.start - b.start);
  const resolved: Resolved[] = [];
  const byCue = new Map<number, Entity | null>();
  for (const c of cands) {
    const m = c.mention;
    if (!m) continue;
    const cueAt = c.cueAt ?? c.start;
    let e: Entity | undefined;
    const known = byCue.get(cueAt);
    if (known !== undefined) e = known ?? undefined;
    else {
      const sentence = sentenceOf(sentences, cueAt);
      e = m.kind === 'name' || m.kind === 'noun' ? nounEntity(r, m, sentence, subjectAt, c.cue) : resolvePronoun(r, m.start || cueAt, sentence, m.gender, subjectAt, false);
      byCue.set(cueAt, e ?? null);
      if (e) {
        if (m.gender && !e.gender && m.kind !== 'pronoun' && m.kind !== 'drop') e.gender = m.gender;
        if (m.kind === 'drop' && m.gender && !e.gender && m.gender !== 'm') e.gender = m.gender;
        r.events.push({ pos: m.kind === 'drop' || m.kind === 'pronoun' ? cueAt : m.start, sentence, entity: e, ...(m.gender ? { gender: m.gender } : {}), speaker: true });
      }
    }
    if (!e) continue;
    resolved.push({ c, e, sentence: sentenceOf(sentences, c.start) });
  }
  return resolved;
}

/**
 * The entity of a name or noun phrase. English definite nouns for a body ("the company", "the firm") are the
 * body met last; a person's role ("the minister") is the person met last with that role.
 */
function nounEntity(r: Resolver, m: Mention, sentence: number, subjectAt: SubjectAt, cue?: string): Entity {
  const e = entityFor(r, m);
  if (e.forms.size !== 1) return e;
  // «وقالت الفنانة»: a definite word read as a name is a role when the text put it before someone's name.
  if (!r.english && m.kind === 'name' && definiteWord(m.name)) return arabicRoleNoun(r, e, m, sentence, subjectAt, undefined, true);
  if (m.kind !== 'noun') return e;
  if (!r.english) return arabicRoleNoun(r, e, m, sentence, subjectAt, cue);
  const role = officeNoun(m.name);
  const body = BODY_NOUN.exec(m.name);
  const prev = body ? resolveBody(r, body[1]!.toLowerCase(), m.start, sentence, subjectAt) : role ? resolveRoleNoun(r, role, m.start, sentence, subjectAt) : undefined;
  // "the world indoor champion", "the 31-year-old": a description of the person named last.
  if (!prev && descriptionNoun(m.name)) {
    const person = resolvePronoun(r, m.start, sentence, m.gender, subjectAt, false);
    // Only a person known as one by a first name or a title, or who spoke before: not any capitalized pair
    // ("New York").
    const known = !!person && (r.events.some((ev) => ev.entity === person) || [...person.forms.values()].some((f) => personLike(f, undefined, undefined) || agedInText(r.text, f)));
    if (person?.person && person !== e && known) {
      // The description is a role of the person, not a name of theirs.
      r.entities.splice(r.entities.indexOf(e), 1);
      if (!person.roles.includes(m.name)) person.roles.push(m.name);
      return person;
    }
  }
  if (!prev || prev === e) return e;
  addForm(r, prev, m.name, m);
  r.entities.splice(r.entities.indexOf(e), 1);
  // Called "the company": a body, not a person.
  if (!role) prev.person = false;
  return prev;
}

/** One Arabic word with the article («الفنانة», «والمدربة»). */
function definiteWord(name: string): boolean {
  return /^(?:و|ف)?ال\S+$/u.test(name.trim());
}

/** "Ivy Marsh, 81, has ...": a name given an age is a person's. */
function agedInText(text: string, name: string): boolean {
  const at = text.indexOf(`${name}, `);
  return at >= 0 && /^, \d{1,3},/.test(text.slice(at + name.length, at + name.length + 6));
}

/** «وقال الرئيس»: the person named earlier with that role, who takes it among their roles; else the noun's own entity. */
function arabicRoleNoun(r: Resolver, e: Entity, m: Mention, sentence: number, subjectAt: SubjectAt, cue: string | undefined, holderOnly = false): Entity {
  const holder = holderOnly ? arabicRoleHolder(r, m, sentence, subjectAt) : (arabicRoleHolder(r, m, sentence, subjectAt) ?? arabicBodyHolder(r, m, sentence) ?? arabicDocumentIssuer(r, m, sentence) ?? arabicContinuedSpeaker(r, m, cue, sentence));
  if (!holder || holder === e) return e;
  r.entities.splice(r.entities.indexOf(e), 1);
  if (!holder.roles.includes(m.name)) holder.roles.push(m.name);
  return holder;
}

/** Quotations with no cue take the speaker of the run they continue (added to `resolved`). */
function continueRuns(r: Resolver, input: ResolveInput, resolved: Resolved[]): void {
  const { sentences, subjectAt } = input;
  const attributed = resolved.map((x) => ({ start: x.c.start, sentence: x.sentence, e: x.e })).sort((a, b) => a.start - b.start);
  // The sentence where the first quote starting at an offset ends (a quotation can run over several).
  const lastSentence = new Map<number, number>();
  for (const x of resolved) if (!lastSentence.has(x.c.start)) lastSentence.set(x.c.start, sentenceOf(sentences, Math.max(x.c.start, x.c.end - 1)));
  // Sentences that open with a quotation.
  const quoteSentences = new Set<number>();
  for (const st of input.standalone) quoteSentences.add(sentenceOf(sentences, st.start));
  for (const x of resolved) if (x.c.kind === 'direct') quoteSentences.add(x.sentence);
  for (const s of input.standalone) {
    const si = sentenceOf(sentences, s.start);
    let prev: (typeof attributed)[number] | undefined;
    let next: (typeof attributed)[number] | undefined;
    for (const a of attributed) {
      if (a.start < s.start) prev = a;
      else if (!next) next = a;
    }
    // "Tom Harlow was unrepentant: "..."": a quotation after a colon belongs to the subject of its sentence.
    // («واستدرك المدرب، …: «…»»: in Arabic a role noun is the person named earlier with that role.)
    let e: Entity | undefined = r.english ? colonSubject(r, s.start, si, subjectAt) : colonSubject(r, s.start, si, subjectAt, (m) => nounEntity(r, m, si, subjectAt));
    const prevLast = prev ? (lastSentence.get(prev.start) ?? -99) : -99;
    // A run of quoted sentences up to an attributed one: "...". "...". "...," she said.
    let runToNext = !!next;
    if (next) for (let q = si + 1; q < next.sentence; q++) if (!quoteSentences.has(q)) runToNext = false;
    if (e) {
      // Found above.
    } else if (prev && si - prevLast <= 1) e = prev.e;
    else if (next && runToNext && next.sentence - si <= 6) e = next.e;
    else if (prev && si - prevLast <= 3) e = prev.e;
    if (!e) continue;
    const cand: Candidate = { kind: 'direct', start: s.start, end: s.end, standalone: true };
    resolved.push({ c: cand, e, sentence: si });
    if (!lastSentence.has(s.start)) lastSentence.set(s.start, sentenceOf(sentences, Math.max(s.start, s.end - 1)));
    // Keep `attributed` in order: after every entry that starts at or before this one.
    let at = attributed.length;
    while (at > 0 && attributed[at - 1]!.start > s.start) at--;
    attributed.splice(at, 0, { start: s.start, sentence: si, e });
  }
}

/** The quotes, each with its speaker as shown (one Speaker object per entity). */
function toQuotes(r: Resolver, resolved: Resolved[]): Quote[] {
  const { text } = r;
  const speakers = new Map<Entity, Speaker>();
  const out: Quote[] = [];
  for (const { c, e, sentence } of resolved) {
    let sp = speakers.get(e);
    if (!sp) {
      sp = speakerOf(r, e);
      speakers.set(e, sp);
    }
    const q: Quote = { text: text.slice(c.start, c.end), kind: c.kind, speaker: sp, start: c.start, end: c.end, sentence };
    if (c.cue) q.cue = c.cue;
    else if (c.standalone) {
      // The cue of the run: the nearest attributed quote of the same speaker (the first of equals).
      let near: Candidate | undefined;
      for (const x of resolved) if (x.e === e && x.c.cue && (!near || Math.abs(x.c.start - c.start) < Math.abs(near.start - c.start))) near = x.c;
      if (near?.cue) q.cue = near.cue;
    }
    out.push(q);
  }
  return out;
}
