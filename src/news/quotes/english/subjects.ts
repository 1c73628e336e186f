// English stage 4, speakers of a sentence: after an inverted verb, before an apposition, the subject
// that opens the sentence, later clause subjects and every name (for pronouns and definite nouns).

import type { Sentence } from '../../sentences.ts';
import type { Mention } from '../internal.ts';
import { type MarkedSpan, spanIndexAt } from '../marks.ts';
import { HONORIFICS } from '../titles.ts';
import { CLAUSE_AUX, describesPersonNoun, DETERMINERS, FIRM_KINDS, FUNCTION_CAPS, NAME_JOINERS, NAME_PARTICLES, PRONOUNS, ROLE_TITLES, speakerNoun, STOP_AFTER, TAIL_OK, VAGUE } from '../words-en.ts';
import { CUES } from './cues.ts';
import { genderOfName, genderOfRole, personLike, subjectBefore } from './names.ts';
import { type Ctx, mentionText, trimStart } from './tokens.ts';

/** A speaker phrase starting at token i (after an inverted verb): "said Mr Stone", "said his wife, Sheila". */
export function subjectAfter(ctx: Ctx, i: number, limit: number): { mention: Mention; next: number } | undefined {
  const { toks } = ctx;
  if (i >= limit || ctx.inSpan[i]! >= 0) return undefined;
  // A role before the name in apposition, also when an owner opens it: "said Estravia's foreign minister, Ann Bell".
  if (!toks[i]!.cap || toks[i]!.l.endsWith("'s")) {
    const ap = roleThenName(ctx, i, limit);
    if (ap) return ap;
  }
  let j = i;
  let sawName = false;
  // An "and" inside an owner's name ("Richard and Judy executive producer Ann Bell") stays only when an owner
  // or a role follows it; else the phrase ends there.
  let andAt = -1;
  let ownedAfterAnd = false;
  while (j < limit && j - i < 12 && ctx.inSpan[j]! < 0) {
    const t = toks[j]!;
    if (!t.word) {
      // "said Calloway Securities' analyst Ann Bell": the bare apostrophe of a plural owner.
      const pluralOwner = (t.t === "'" || t.t === '’') && sawName && toks[j - 1]!.l.endsWith('s') && j + 1 < limit && toks[j + 1]!.word;
      if (t.l === "'s" || t.l === '’s' || pluralOwner) {
        if (andAt >= 0) ownedAfterAnd = true;
        j++;
        continue;
      }
      break;
    }
    if (t.cap) {
      sawName = true;
      if (andAt >= 0 && t.l.endsWith("'s")) ownedAfterAnd = true;
      j++;
      continue;
    }
    const l = t.l;
    if (sawName) {
      if (NAME_PARTICLES.has(l) && j + 1 < limit && toks[j + 1]!.cap) {
        j++;
        continue;
      }
      // "said Minister for Trade Ann Vale", "said Secretary of State Ann Vale": an office with its domain.
      if ((l === 'for' || l === 'of') && ROLE_TITLES.has(toks[j - 1]!.l) && j + 1 < limit && toks[j + 1]!.cap && toks[j + 1]!.word) {
        j++;
        continue;
      }
      if ((l === 'and' || l === '&') && andAt < 0 && j + 1 < limit && toks[j + 1]!.cap && toks[j + 1]!.word) {
        andAt = j;
        j++;
        continue;
      }
      // "the club's manager" after a capitalized owner; "AK chief Isaiah Kiplagat".
      if ((speakerNoun(l) || ROLE_TITLES.has(l)) && (toks[j - 1]!.l.endsWith("'s") || (j + 1 < limit && toks[j + 1]!.cap))) {
        j++;
        continue;
      }
      // "said an IAAF spokesman.": a role noun closing the phrase after its body's name.
      if (speakerNoun(l) && !VAGUE.has(l) && (j + 1 >= limit || !toks[j + 1]!.word)) {
        j++;
        break;
      }
      // Lower-case modifiers of a role before the name: "London race director Ann Bell".
      const r = roleRunEnd(ctx, j, limit);
      if (r > j) {
        if (andAt >= 0) ownedAfterAnd = true;
        j = r;
        continue;
      }
      break;
    }
    if (PRONOUNS.has(l) || CLAUSE_AUX.has(l) || (CUES.has(l) && j > i) || STOP_AFTER.has(l)) break;
    j++;
  }
  if (andAt >= 0 && !ownedAfterAnd) j = andAt;
  if (j === i) return undefined;
  // The phrase must close the clause (or run into an apposition or an "of ..." tail).
  if (j < limit && toks[j]!.word && ctx.inSpan[j]! < 0 && !TAIL_OK.has(toks[j]!.l)) return undefined;
  const appos = commaName(ctx, i, j, limit);
  if (appos) return appos;
  const m = subjectBefore(ctx, j - 1, i);
  if (!m) return undefined;
  return { mention: m, next: j };
}

/** A name in apposition after a comma at j, the phrase [i, j) its role: "his wife, Sheila", "the club's manager, Arsene Wenger". */
function commaName(ctx: Ctx, i: number, j: number, limit: number): { mention: Mention; next: number } | undefined {
  const { toks, text } = ctx;
  if (!(j + 1 < limit && toks[j]!.t === ',' && toks[j + 1]!.cap && !toks[i]!.cap)) return undefined;
  let k = j + 1;
  while (k < limit && toks[k]!.cap && toks[k]!.word) k++;
  if (k < limit && toks[k]!.word) return undefined;
  const role = mentionText(text, toks[i]!.s, toks[j - 1]!.e);
  const g = genderOfRole(role);
  return { mention: { kind: 'name', name: mentionText(text, toks[j + 1]!.s, toks[k - 1]!.e), role, ...(g ? { gender: g } : {}), start: toks[j + 1]!.s, end: toks[k - 1]!.e }, next: k };
}

/**
 * After an inverted verb, a role phrase and the name in apposition, the name closing the clause: "said one
 * of their lawyers, Ann Bell", "said the chairman of the finance committee, Labour MP Ann Bell".
 */
function roleThenName(ctx: Ctx, i: number, limit: number): { mention: Mention; next: number } | undefined {
  const { toks, text } = ctx;
  let c = i;
  let role = false;
  while (c < limit && c - i < 12 && toks[c]!.t !== ',') {
    const t = toks[c]!;
    if (ctx.inSpan[c]! >= 0 || (!t.word && t.t !== "'s" && t.t !== '’s') || CLAUSE_AUX.has(t.l) || CUES.has(t.l) || PRONOUNS.has(t.l) || t.l === 'who' || t.l === 'which' || t.l === 'that') return undefined;
    if (speakerNoun(t.l) || ROLE_TITLES.has(t.l)) role = true;
    c++;
  }
  if (!role || c === i || c + 1 >= limit || toks[c]!.t !== ',' || !toks[c + 1]!.cap || !toks[c + 1]!.word || ctx.inSpan[c + 1]! >= 0) return undefined;
  let k = c + 1;
  while (k < limit && toks[k]!.word && ctx.inSpan[k]! < 0 && (toks[k]!.cap || ((speakerNoun(toks[k]!.l) || ROLE_TITLES.has(toks[k]!.l)) && k + 1 < limit && toks[k + 1]!.cap) || (NAME_PARTICLES.has(toks[k]!.l) && k + 1 < limit && toks[k + 1]!.cap))) k++;
  if (k < limit && (toks[k]!.word || ctx.inSpan[k]! >= 0)) return undefined;
  const m = subjectBefore(ctx, k - 1, c + 1);
  if (!m || m.kind !== 'name') return undefined;
  const phrase = mentionText(text, toks[i]!.s, toks[c - 1]!.e);
  const g = m.gender ?? genderOfRole(phrase);
  return { mention: { ...m, role: m.role ? `${phrase}, ${m.role}` : phrase, ...(g ? { gender: g } : {}) }, next: k };
}

/**
 * Up to three lower-case words from token j ending with a role noun and followed by a capitalized name
 * ("race director" in "London race director Ann Bell"): the index of the role noun + 1, else j.
 */
export function roleRunEnd(ctx: Ctx, j: number, limit: number): number {
  const { toks } = ctx;
  for (let m = j; m < limit && m - j < 3; m++) {
    const t = toks[m]!;
    if (!t.word || t.cap || ctx.inSpan[m]! >= 0 || STOP_AFTER.has(t.l) || CLAUSE_AUX.has(t.l) || CUES.has(t.l) || PRONOUNS.has(t.l)) return j;
    if ((speakerNoun(t.l) || ROLE_TITLES.has(t.l)) && m + 1 < limit && toks[m + 1]!.cap && toks[m + 1]!.word && ctx.inSpan[m + 1]! < 0) return m + 1;
  }
  return j;
}

/** The noun phrase that opens the sentence, when a comma follows it (an apposition or a relative clause). */
export function initialSubject(ctx: Ctx): { mention: Mention; relative: boolean; comma: number } | undefined {
  if (ctx.initial === undefined) ctx.initial = computeInitialSubject(ctx) ?? null;
  return ctx.initial ?? undefined;
}

export function computeInitialSubject(ctx: Ctx): { mention: Mention; relative: boolean; comma: number } | undefined {
  const { toks } = ctx;
  const n = toks.length;
  const s0 = trimStart(ctx, 0, n);
  if (s0 >= n || ctx.inSpan[s0]! >= 0 || !toks[s0]!.word) return undefined;
  let e = s0;
  if ((toks[s0]!.cap && !FUNCTION_CAPS.has(toks[s0]!.t)) || HONORIFICS.has(toks[s0]!.l)) {
    while (e + 1 < n && toks[e + 1]!.word && (toks[e + 1]!.cap || (NAME_JOINERS.has(toks[e + 1]!.l) && e + 2 < n && toks[e + 2]!.cap))) e++;
  } else if (DETERMINERS.has(toks[s0]!.l)) {
    while (e + 1 < n && e - s0 < 9 && toks[e + 1]!.word && !CLAUSE_AUX.has(toks[e + 1]!.l) && !CUES.has(toks[e + 1]!.l) && toks[e + 1]!.l !== 'who') e++;
  } else return undefined;
  if (e + 1 >= n || toks[e + 1]!.t !== ',') return undefined;
  const m = subjectBefore(ctx, e, s0);
  if (!m || m.kind === 'pronoun') return undefined;
  const after = e + 2 < n ? toks[e + 2]!.l : '';
  return { mention: m, relative: after === 'who' || after === 'whose' || after === 'which', comma: e + 1 };
}

/** The subject of a sentence, when it opens with a name, a role or a pronoun. */
export function sentenceSubject(ctx: Ctx, a: number, b: number): Mention | undefined {
  const { toks } = ctx;
  let k = a;
  // Skip a leading adverbial ending with a comma: "Earlier, she ...", "In a statement, the company ...",
  // "Realising his error, Mr Campbell ..." (not a name in apposition: "Ms Robinson, a friend of ...").
  const lead = a < b ? toks[a]! : undefined;
  const adverbial = !!lead && lead.word && ((FUNCTION_CAPS.has(lead.t) && !DETERMINERS.has(lead.l) && !PRONOUNS.has(lead.l) && !HONORIFICS.has(lead.l)) || /(?:ing|ed)$/.test(lead.l) || /^\d/.test(lead.l) || !lead.cap);
  for (let m = a; adverbial && m < Math.min(b, a + 8); m++) {
    if (toks[m]!.t === ',') {
      k = m + 1;
      break;
    }
  }
  for (let tries = 0; tries < 2; tries++) {
    const start = trimStart(ctx, k, b);
    if (start >= b || ctx.inSpan[start]! >= 0) return undefined;
    // Walk to the end of the first noun phrase.
    let e = start;
    while (e + 1 < b && toks[e + 1]!.word && (toks[e + 1]!.cap || (NAME_JOINERS.has(toks[e + 1]!.l) && e + 2 < b && toks[e + 2]!.cap))) e++;
    const first = toks[start]!.l;
    if (PRONOUNS.has(first)) return subjectBefore(ctx, start, start);
    if (DETERMINERS.has(first)) {
      let m = start + 1;
      while (m < b && m - start < 10 && toks[m]!.word && !CLAUSE_AUX.has(toks[m]!.l) && !CUES.has(toks[m]!.l)) m++;
      const mm = subjectBefore(ctx, m - 1, start);
      if (mm) return appositiveName(ctx, m, b, mm) ?? mm;
      return undefined;
    }
    if (toks[start]!.cap) {
      // "TV presenter Anne Robinson", "Tory leader Michael Howard": role words between capitalized runs.
      let r = e + 1;
      while (r < b && r - e <= 3 && toks[r]!.word && !toks[r]!.cap && (ROLE_TITLES.has(toks[r]!.l) || speakerNoun(toks[r]!.l) || FIRM_KINDS.has(toks[r]!.l))) r++;
      if (r > e + 1 && r < b && toks[r]!.cap && toks[r]!.word) {
        e = r;
        while (e + 1 < b && toks[e + 1]!.word && toks[e + 1]!.cap) e++;
      }
      // "Low-cost airlines", "Many analysts": a capitalized modifier of a generic noun is no subject.
      const after = e + 1 < b ? toks[e + 1]! : undefined;
      if (after && after.word && !after.cap && VAGUE.has(after.l)) return undefined;
      const mm = subjectBefore(ctx, e, start);
      if (mm) return mm;
    }
    if (k === a) break;
    k = a;
  }
  return undefined;
}

/** "The show's writer, Ann Bell, grew up ...": the name in apposition after a role subject, with that role. */
function appositiveName(ctx: Ctx, comma: number, b: number, role: Mention): Mention | undefined {
  const { toks, text } = ctx;
  if (role.kind !== 'noun' || comma + 2 >= b || toks[comma]!.t !== ',') return undefined;
  let k = comma + 1;
  while (k < b && k - comma <= 4 && toks[k]!.cap && toks[k]!.word && ctx.inSpan[k]! < 0) k++;
  // One word is a name only after a person's noun: "His sister, Elsa, ...".
  const one = k - comma === 2 && describesPersonNoun(role.name.split(/\s+/).pop()!) && !FUNCTION_CAPS.has(toks[comma + 1]!.t);
  if (k >= b || toks[k]!.t !== ',' || (k - comma < 3 && !one) || (!one && !personLike(toks, comma + 1, k - 1))) return undefined;
  const g = genderOfName(toks, comma + 1, k - 1) ?? genderOfRole(role.name);
  return { kind: 'name', name: mentionText(text, toks[comma + 1]!.s, toks[k - 1]!.e), role: role.name, ...(g ? { gender: g } : {}), start: toks[comma + 1]!.s, end: toks[k - 1]!.e };
}

export const CAP_AFTER_THE = /^(?:[Tt]he\s+)?\p{Lu}/u;

/** The capitalized names of a sentence outside quotations, each with the role words before it. */
export function sentenceNames(ctx: Ctx): Mention[] {
  const { toks } = ctx;
  const n = toks.length;
  const out: Mention[] = [];
  for (let k = 0; k < n; k++) {
    const t = toks[k]!;
    if (!t.cap || !t.word || ctx.inSpan[k]! >= 0) continue;
    let e = k;
    while (e + 1 < n && toks[e + 1]!.word && ctx.inSpan[e + 1]! < 0 && (toks[e + 1]!.cap || (NAME_PARTICLES.has(toks[e + 1]!.l) && e + 2 < n && toks[e + 2]!.cap))) e++;
    const m = subjectBefore(ctx, e, k);
    // Names, and capitalized noun phrases ("the Labour Party", "the Prime Minister"); not the place of an
    // office ("the MP for Carrow Vale").
    const placeOfOffice = m?.role && /\b(?:for|of|at|in)$/.test(m.role);
    if (m && !placeOfOffice && (m.kind === 'name' || (m.kind === 'noun' && CAP_AFTER_THE.test(m.name)))) out.push(m);
    k = e;
  }
  return out;
}

export const CLAUSE_SUBJECT = /\b(?:but|and|while|whereas|although|though|as|so|yet) ((?:Mr |Mrs |Ms |Dr |Sir |Lord )?[A-Z\u00C0-\u00DE][\w'’-]*(?: [A-Z\u00C0-\u00DE][\w'’-]*){0,3}) ([a-z]+)/g;

/** Subjects of later clauses, from the raw sentence: "... but McIlroy is unfazed". */
export function clauseSubjects(text: string, sent: Sentence, spans: MarkedSpan[], first: Mention | undefined): Mention[] {
  const out: Mention[] = [];
  const slice = text.slice(sent.start, sent.end);
  if (!/\b(?:but|and|while|whereas|although|though|as|so|yet) [A-Z\u00C0-\u00DE]/.test(slice)) return out;
  CLAUSE_SUBJECT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_SUBJECT.exec(slice))) {
    const name = m[1]!;
    const verb = m[2]!;
    const start = sent.start + m.index + m[0].indexOf(name);
    if (first && start <= first.start) continue;
    if (spans.length && spanIndexAt(spans, start) >= 0) continue;
    if (FUNCTION_CAPS.has(name.split(' ')[0]!) && !HONORIFICS.has(name.split(' ')[0]!.toLowerCase())) continue;
    if (!(CLAUSE_AUX.has(verb) || CUES.has(verb) || /(?:ed|s)$/.test(verb))) continue;
    const g = HONORIFICS.get(name.split(' ')[0]!.toLowerCase());
    out.push({ kind: 'name', name, ...(g ? { gender: g } : {}), start, end: start + name.length });
  }
  return out;
}
