// English stage 4, speakers of a sentence: after an inverted verb, before an apposition, the subject
// that opens the sentence, later clause subjects and every name (for pronouns and definite nouns).

import type { Sentence } from '../../sentences.ts';
import type { Mention } from '../internal.ts';
import { type MarkedSpan, spanIndexAt } from '../marks.ts';
import { HONORIFICS } from '../titles.ts';
import { CLAUSE_AUX, DETERMINERS, FIRST_NAMES, FUNCTION_CAPS, NAME_JOINERS, NAME_PARTICLES, ORG_WORDS, PRONOUNS, ROLE_TITLES, speakerNoun, STOP_AFTER, TAIL_OK, VAGUE } from '../words-en.ts';
import { CUES } from './cues.ts';
import { genderOfName, genderOfRole, splitRole, subjectBefore } from './names.ts';
import { type Ctx, type EToken, mentionText, trimStart } from './tokens.ts';

/** A speaker phrase starting at token i (after an inverted verb): "said Mr Stone", "said his wife, Sheila". */
export function subjectAfter(ctx: Ctx, i: number, limit: number): { mention: Mention; next: number } | undefined {
  const { toks, text } = ctx;
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
  const last = j - 1;
  // Apposition after a comma: "his wife, Sheila", "the club's manager, Arsene Wenger".
  if (j + 1 < limit && toks[j]!.t === ',' && toks[j + 1]!.cap && !toks[i]!.cap) {
    let k = j + 1;
    while (k < limit && toks[k]!.cap && toks[k]!.word) k++;
    const endOk = k >= limit || !toks[k]!.word;
    if (endOk) {
      const role = mentionText(text, toks[i]!.s, toks[last]!.e);
      const g = genderOfRole(role);
      return { mention: { kind: 'name', name: mentionText(text, toks[j + 1]!.s, toks[k - 1]!.e), role, ...(g ? { gender: g } : {}), start: toks[j + 1]!.s, end: toks[k - 1]!.e }, next: k };
    }
  }
  const m = subjectBefore(ctx, last, i);
  if (!m) return undefined;
  return { mention: m, next: j };
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

/**
 * The speaker before a comma that stands right before the verb:
 * "David Frost, director general of ..., warned", "The Shadow Secretary ..., Theresa May, said",
 * "the play's organiser in Uganda, Sarah Mukasa, told", "The actor, whose films include ..., said".
 */
export function appositionSubject(ctx: Ctx, a: number): { mention: Mention; start: number } | undefined {
  const { toks, text } = ctx;
  let c = a - 1;
  while (c >= 0 && toks[c]!.t !== ',' && ctx.inSpan[c]! < 0 && a - c < 20) c--;
  // A name alone between the commas (or a role then a name): the role stands before it.
  if (c >= 0 && toks[c]!.t === ',' && a - c - 1 >= 1 && a - c - 1 <= 7) {
    let pure = a - c - 1 <= 4;
    for (let m = c + 1; m < a; m++) {
      const x = toks[m]!;
      if (!(x.word && (x.cap || NAME_PARTICLES.has(x.l)))) pure = false;
    }
    let nameFrom = c + 1;
    if (!pure || a - c - 1 > 4) {
      pure = false;
      // "the work's author, US playwright Eve Ensler, says": a role then a full name inside the commas.
      let q = a - 1;
      while (q > c && toks[q]!.word && toks[q]!.cap) q--;
      if (a - 1 - q >= 2 && q > c && !toks[q]!.cap && !STOP_AFTER.has(toks[q]!.l) && (speakerNoun(toks[q]!.l) || ROLE_TITLES.has(toks[q]!.l) || /(?:ist|er|or|ian|ant|ent)$/.test(toks[q]!.l))) {
        pure = true;
        nameFrom = q + 1;
      }
    }
    if (pure && (!FUNCTION_CAPS.has(toks[nameFrom]!.t) || HONORIFICS.has(toks[nameFrom]!.l)) && ctx.inSpan[nameFrom]! < 0) {
      // The role: back from the first comma to the clause start.
      let r = c - 1;
      while (r >= 0 && (toks[r]!.word || toks[r]!.l === "'s") && ctx.inSpan[r]! < 0 && c - r <= 10) r--;
      let role = r + 1 <= c - 1 ? mentionText(text, toks[r + 1]!.s, toks[c - 1]!.e) : undefined;
      if (role && nameFrom > c + 1) role = `${role}, ${mentionText(text, toks[c + 1]!.s, toks[nameFrom - 1]!.e)}`;
      const nameText = mentionText(text, toks[nameFrom]!.s, toks[a - 1]!.e);
      // "Mara Quinn, Lowland Water, said": a person's name first, then the body they speak for.
      if (role && nameFrom === c + 1 && r + 1 <= c - 1 && personLike(toks, r + 1, c - 1) && !personFirst(toks, nameFrom, a - 1)) {
        const g = genderOfName(toks, r + 1, c - 1);
        return { mention: { kind: 'name', name: role, role: nameText, ...(g ? { gender: g } : {}), start: toks[r + 1]!.s, end: toks[c - 1]!.e }, start: r + 1 };
      }
      // "Although details were scant, Mr Gates, said": a stray comma after a person's name; what stands
      // before it is a clause, no role.
      if (role && nameFrom === c + 1 && personFirst(toks, nameFrom, a - 1) && toks.slice(r + 1, c).some((x) => CLAUSE_AUX.has(x.l) || CUES.has(x.l))) {
        const g = genderOfName(toks, nameFrom, a - 1);
        return { mention: { kind: 'name', name: nameText, ...(g ? { gender: g } : {}), start: toks[nameFrom]!.s, end: toks[a - 1]!.e }, start: nameFrom };
      }
      if (role && /\p{L}/u.test(role)) {
        const g = genderOfRole(role) ?? genderOfName(toks, nameFrom, a - 1);
        return { mention: { kind: 'name', name: nameText, role, ...(g ? { gender: g } : {}), start: toks[nameFrom]!.s, end: toks[a - 1]!.e }, start: r + 1 };
      }
    }
  }
  // The sentence opens with the speaker, then an apposition or a relative clause.
  const init = initialSubject(ctx);
  if (init && init.comma < a) {
    const appos = mentionText(text, toks[init.comma + 1]!.s, toks[a - 1]!.e);
    const m = init.mention;
    return { mention: { ...m, role: m.role ? `${m.role}, ${appos}` : appos }, start: toks.findIndex((x) => x.s === m.start) };
  }
  // Otherwise the phrase before a comma, when what follows reads like an apposition; up to three of them:
  // "Tom Hagen, 23, of Leeds, told the court".
  for (let tries = 0; tries < 3 && c >= 1 && toks[c]!.t === ','; tries++) {
    const first = toks[c + 1]!.l;
    const appos = mentionText(text, toks[c + 1]!.s, toks[a - 1]!.e);
    const m = subjectBefore(ctx, c - 1, 0);
    // "Ann Bell, Orbis's chief executive, said": an owner's role is an apposition too.
    const ownerRole = /['’]s$/.test(first) && !toks[a - 1]!.cap && (speakerNoun(toks[a - 1]!.l) || ROLE_TITLES.has(toks[a - 1]!.l));
    const ageOrRole = /^\d+$/.test(first) || first === 'who' || first === 'whose' || DETERMINERS.has(first) || !toks[c + 1]!.cap || ownerRole;
    if (m && m.kind !== 'pronoun' && ageOrRole) return { mention: { ...m, role: m.role ? `${m.role}, ${appos}` : appos }, start: toks.findIndex((x) => x.s === m.start) };
    if (m || !ageOrRole) break;
    let d = c - 1;
    while (d >= 0 && toks[d]!.t !== ',' && ctx.inSpan[d]! < 0 && c - d < 12) d--;
    c = d;
  }
  return undefined;
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
      while (r < b && r - e <= 3 && toks[r]!.word && !toks[r]!.cap && (ROLE_TITLES.has(toks[r]!.l) || speakerNoun(toks[r]!.l))) r++;
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
  if (k >= b || toks[k]!.t !== ',' || k - comma < 3 || !personLike(toks, comma + 1, k - 1)) return undefined;
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
    // Names, and capitalized noun phrases ("the Labour Party", "the Prime Minister").
    if (m && (m.kind === 'name' || (m.kind === 'noun' && CAP_AFTER_THE.test(m.name)))) out.push(m);
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

/** A capitalized run [a, b] that opens with a title or a known first name: a person's name. */
function personFirst(toks: EToken[], a: number, b: number): boolean {
  for (let i = a; i <= b; i++) if (!toks[i]!.cap || !toks[i]!.word) return false;
  const first = toks[a]!.l;
  return HONORIFICS.has(first) || FIRST_NAMES.has(first);
}

/** A run that reads as a person's name: two or three capitalized words with no role or organisation word. */
function personLike(toks: EToken[], a: number, b: number): boolean {
  if (b - a < 1 || b - a > 2) return personFirst(toks, a, b);
  for (let i = a; i <= b; i++) {
    const t = toks[i]!;
    if (!t.cap || !t.word || ROLE_TITLES.has(t.l) || ORG_WORDS.test(t.t) || FUNCTION_CAPS.has(t.t)) return false;
  }
  return true;
}

/**
 * A person named before a comma, then a role phrase that runs up to the verb with no closing comma:
 * "Dr Ann Bell, director of the Westfield Trust said". A subject found before the verb (the body at the
 * end of the role phrase) is then the person's role, not the speaker.
 */
export function personBeforeRole(ctx: Ctx, a: number): { mention: Mention; start: number } | undefined {
  const { toks, text } = ctx;
  let c = a;
  while (c > 0 && a - c < 14 && toks[c]!.t !== ',') {
    const t = toks[c]!;
    if (ctx.inSpan[c]! >= 0 || (!t.word && t.t !== "'s" && t.t !== '’s') || CLAUSE_AUX.has(t.l) || CUES.has(t.l) || PRONOUNS.has(t.l) || t.l === 'who' || t.l === 'which') return undefined;
    c--;
  }
  if (c < 2 || toks[c]!.t !== ',') return undefined;
  const first = toks[c + 1]!;
  // "Colin Hale, Westbay Hotel Association said": the body a person speaks for, with no closing comma.
  const body = first.cap && ORG_WORDS.test(mentionText(text, first.s, toks[a]!.e)) && !toks.slice(c + 1, a).some((x) => x.l === 'and' || x.l === '&');
  if (!body && (first.cap || !(speakerNoun(first.l) || ROLE_TITLES.has(first.l) || DETERMINERS.has(first.l)))) return undefined;
  // The name before the comma, opening the clause.
  let b = c - 1;
  while (b - 1 >= 0 && toks[b - 1]!.cap && toks[b - 1]!.word && ctx.inSpan[b - 1]! < 0 && c - b < 4) b--;
  if (b > 0 && (toks[b - 1]!.word || ctx.inSpan[b - 1]! >= 0) && toks[b - 1]!.t !== "'s") {
    // Only a boundary may stand before the name: a comma, a dash, a quotation or the start.
    const p = toks[b - 1]!;
    if (!(p.t === ',' || p.t === '-' || p.t === '—' || p.t === '–' || ctx.inSpan[b - 1]! >= 0)) return undefined;
  }
  // A title before the name is part of the role: "Rabbi Aron Feld".
  const { nameStart } = splitRole(toks, b, c - 1);
  if (nameStart > c - 1 || (!personLike(toks, nameStart, c - 1) && !personFirst(toks, nameStart, c - 1))) return undefined;
  if (body && !personFirst(toks, nameStart, c - 1)) return undefined;
  const title = nameStart > b ? `${mentionText(text, toks[b]!.s, toks[nameStart - 1]!.e)}, ` : '';
  const role = title + mentionText(text, toks[c + 1]!.s, toks[a]!.e);
  const g = genderOfName(toks, b, c - 1) ?? genderOfRole(role);
  return { mention: { kind: 'name', name: mentionText(text, toks[nameStart]!.s, toks[c - 1]!.e), role, ...(g ? { gender: g } : {}), start: toks[nameStart]!.s, end: toks[c - 1]!.e }, start: b };
}
