// English stage 4, speakers in apposition: a name and a role or body between commas before the verb
// ("David Frost, director general of ..., warned"; "Ann Bell, Westbay Trust said").

import type { Mention } from '../internal.ts';
import { HONORIFICS } from '../titles.ts';
import { CLAUSE_AUX, DETERMINERS, FUNCTION_CAPS, NAME_PARTICLES, ORG_WORDS, PRONOUNS, ROLE_TITLES, speakerNoun, STOP_AFTER } from '../words-en.ts';
import { CUES } from './cues.ts';
import { genderOfName, genderOfRole, personFirst, personLike, splitRole, subjectBefore } from './names.ts';
import { initialSubject } from './subjects.ts';
import { type Ctx, mentionText, trimStart } from './tokens.ts';

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
    if (!pure) {
      nameFrom = roleThenFullName(ctx, c, a);
      pure = nameFrom > 0;
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
    const start = toks.findIndex((x) => x.s === m.start);
    // "The Bishop of Durham, the Rt Rev Dr Tom Wright, said": a role first, the person's name in apposition.
    const named = m.kind === 'noun' || m.name.split(/\s+/).length === 1 || /\bof\b/.test(m.name) ? nameInApposition(ctx, init.comma + 1, a - 1) : undefined;
    if (named) {
      const s0 = trimStart(ctx, 0, init.comma);
      const role = mentionText(text, toks[s0]!.s, toks[init.comma - 1]!.e);
      return { mention: { ...named, role: named.role ? `${role}, ${named.role}` : role }, start: s0 };
    }
    return { mention: { ...m, role: m.role ? `${m.role}, ${appos}` : appos }, start };
  }
  // Otherwise the phrase before a comma, when what follows reads like an apposition; up to three of them:
  // "Tom Hagen, 23, of Leeds, told the court".
  for (let tries = 0; tries < 3 && c >= 1 && toks[c]!.t === ','; tries++) {
    const first = toks[c + 1]!.l;
    const appos = mentionText(text, toks[c + 1]!.s, toks[a - 1]!.e);
    const m = subjectBefore(ctx, c - 1, 0);
    // "Ann Bell, Orbis's chief executive, said": an owner's role is an apposition too.
    // "Sir Ann Bell, CBI director general, warned": a body's role after a name, too.
    const ownerRole = !toks[a - 1]!.cap && (speakerNoun(toks[a - 1]!.l) || ROLE_TITLES.has(toks[a - 1]!.l)) && !toks.slice(c + 1, a).some((x) => CLAUSE_AUX.has(x.l) || CUES.has(x.l) || PRONOUNS.has(x.l));
    const ageOrRole = /^\d+$/.test(first) || first === 'who' || first === 'whose' || DETERMINERS.has(first) || !toks[c + 1]!.cap || ownerRole;
    if (m && m.kind !== 'pronoun' && ageOrRole) return { mention: { ...m, role: m.role ? `${m.role}, ${appos}` : appos }, start: toks.findIndex((x) => x.s === m.start) };
    if (m || !ageOrRole) break;
    let d = c - 1;
    while (d >= 0 && toks[d]!.t !== ',' && ctx.inSpan[d]! < 0 && c - d < 12) d--;
    c = d;
  }
  return undefined;
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

/**
 * A person's name closing the tokens [from, to] after a determiner, role words and titles: "the Rt Rev Dr
 * Tom Wright", "the former minister Ann Bell", "Ann Bell".
 */
function nameInApposition(ctx: Ctx, from: number, to: number): Mention | undefined {
  const { toks, text } = ctx;
  let q = to;
  while (q >= from && toks[q]!.cap && toks[q]!.word && ctx.inSpan[q]! < 0) q--;
  if (q === to || to - q > 6) return undefined;
  for (let k = from; k <= q; k++) {
    const t = toks[k]!;
    if (!t.word || t.cap || ctx.inSpan[k]! >= 0 || CLAUSE_AUX.has(t.l) || CUES.has(t.l) || PRONOUNS.has(t.l)) return undefined;
  }
  const { nameStart } = splitRole(toks, q + 1, to);
  if (nameStart > to || !personFirst(toks, nameStart, to)) return undefined;
  const role = nameStart > q + 1 || q >= from ? mentionText(text, toks[from]!.s, toks[nameStart - 1]!.e) : undefined;
  const g = genderOfName(toks, nameStart, to) ?? (role ? genderOfRole(role) : undefined);
  return { kind: 'name', name: mentionText(text, toks[nameStart]!.s, toks[to]!.e), ...(role ? { role } : {}), ...(g ? { gender: g } : {}), start: toks[nameStart]!.s, end: toks[to]!.e };
}

/**
 * "the work's author, US playwright Eve Ensler, says": a role then a full name between the commas at c and a;
 * the name's first token, or -1. No preposition inside: "Ann Bell, of investment bank Orbis Stone, said" is
 * Ann Bell of a body.
 */
function roleThenFullName(ctx: Ctx, c: number, a: number): number {
  const { toks } = ctx;
  let q = a - 1;
  while (q > c && toks[q]!.word && toks[q]!.cap) q--;
  const prep = toks.slice(c + 1, q + 1).some((x) => STOP_AFTER.has(x.l));
  const roleWord = speakerNoun(toks[q]!.l) || ROLE_TITLES.has(toks[q]!.l) || /(?:ist|er|or|ian|ant|ent)$/.test(toks[q]!.l);
  return a - 1 - q >= 2 && q > c && !prep && !toks[q]!.cap && roleWord ? q + 1 : -1;
}
