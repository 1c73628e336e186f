// English stage 3, noun phrases and names: a speaker phrase ending at a token, split into role and name,
// with its gender from a title, a role word or a noun.

import type { Gender, Mention } from '../internal.ts';
import { HONORIFICS } from '../titles.ts';
import { AGE_NOUN, CLAUSE_AUX, CLAUSE_START, descriptionNoun, DETERMINERS, FIRST_NAMES, ORG_HEAD, ORG_WORDS, personNoun, FUNCTION_CAPS, NAME_JOINERS, NAME_PARTICLES, PHRASE_STOP, PP_OBJECT, PP_OWNER, PRONOUNS, QUANTIFIERS, ROLE_TITLES, speakerNoun, VAGUE, WRITTEN } from '../words-en.ts';
import { CUES } from './cues.ts';
import { type Ctx, type EToken, mentionText } from './tokens.ts';

/** A capitalized name run ending at token index `end` (inclusive), walking left; returns its first index. */
export function nameRunStart(toks: EToken[], end: number, floor: number): number {
  let i = end;
  while (i - 1 >= floor) {
    const pt = toks[i - 1]!;
    const p = pt.l;
    // An owner is no part of the name it owns: "Ernst and Young's Sanjay Mehta" is Sanjay Mehta.
    if (pt.cap && pt.word && p.endsWith("'s") && i <= end) break;
    if (pt.cap && pt.word) {
      i--;
      continue;
    }
    // Joiners inside names and organisations: "Chambers of Commerce", "Department for Trade", "Leonardo da Vinci".
    if (NAME_JOINERS.has(p) && i - 2 >= floor && toks[i - 2]!.cap && toks[i - 2]!.word && p !== 'the') {
      i -= 2;
      continue;
    }
    // A chain of lower-case particles: "Pieter van der Berg".
    if (NAME_PARTICLES.has(p) && i - 3 >= floor && NAME_PARTICLES.has(toks[i - 2]!.l) && toks[i - 3]!.cap && toks[i - 3]!.word) {
      i -= 3;
      continue;
    }
    break;
  }
  // Drop sentence-initial function words ("But Mr X", "The").
  while (i < end && FUNCTION_CAPS.has(toks[i]!.t) && !HONORIFICS.has(toks[i]!.l)) i++;
  return i;
}

/** Splits a capitalized run into role and name: "Trade and Industry Secretary Patricia Hewitt". */
export function splitRole(toks: EToken[], a: number, b: number): { nameStart: number } {
  // A body's name ends with its kind: "Home Affairs Committee" is one name, no role before it.
  if (b > a && ORG_HEAD.test(toks[b]!.t)) return { nameStart: a };
  let last = a - 1;
  for (let i = a; i <= b; i++) {
    const l = toks[i]!.l;
    if (ROLE_TITLES.has(l) && !HONORIFICS.has(l)) last = i;
  }
  // "MP for Kelby Moor", "Secretary of State Colin Powell": after an office and its joiner, the name starts at
  // a first name or a title; with none, the whole run is the office.
  if (last >= a && last + 1 <= b && NAME_JOINERS.has(toks[last + 1]!.l) && !toks[last + 1]!.cap) {
    for (let i = last + 2; i <= b; i++) if (FIRST_NAMES.has(toks[i]!.l) || HONORIFICS.has(toks[i]!.l)) return { nameStart: i };
    // "Minister for Europe Ann Vale": a place of one word, then a name of two.
    return { nameStart: b - (last + 1) >= 3 ? b - 1 : b + 1 };
  }
  return { nameStart: last + 1 };
}

export function genderOfName(toks: EToken[], a: number, b: number): Gender | undefined {
  for (let i = a; i <= b; i++) {
    const l = toks[i]!.l;
    const h = HONORIFICS.get(l);
    if (h) return h;
  }
  return undefined;
}

export function genderOfNoun(word: string): Gender | undefined {
  if (/^(spokeswoman|chairwoman|wife|mother|daughter|sister|actress|queen|princess|woman|girl|lady|businesswoman|baroness|grandmother|aunt|niece|widow|mum|mrs|ms)$/.test(word)) return 'f';
  if (/^(spokesman|chairman|husband|father|son|brother|actor|king|prince|man|boy|businessman|grandfather|uncle|nephew|widower|dad|mr)$/.test(word)) return 'm';
  if (/^(company|firm|group|government|department|ministry|commission|committee|council|agency|union|party|club|bank|report|statement|study|survey|ruling|court|regulator|watchdog|airline|carrier|retailer|authority|board|inquiry|tribunal|organisation|organization|charity|institute|association|federation|panel|taskforce|coalition|consortium|alliance|think-tank|office|embassy|palace|band|team|orchestra|army|military)$/.test(word)) return 'n';
  if (word.endsWith('s') && !word.endsWith('ss')) return 'p';
  // "postwoman", "fisherman", "mother-of-two": the gender in the word's last part.
  if (/.(?:woman|wife|mother|daughter|sister)$|^mother-of/.test(word)) return 'f';
  if (/.(?:[^u]man|husband|father|son|brother)$|^father-of/.test(word) && word !== 'german' && word !== 'person') return 'm';
  return undefined;
}

/**
 * A definite description right after a quotation, the subject of the verb at token a: `"...," the retired
 * postwoman said`, `"...," the 45-year-old mother of two said`. Only a phrase that stands for a person.
 */
export function describedSpeaker(ctx: Ctx, a: number): Mention | undefined {
  const { toks, text } = ctx;
  let d = a;
  while (d > 0 && a - d < 7 && toks[d]!.word && ctx.inSpan[d]! < 0 && toks[d]!.l !== 'the' && !CUES.has(toks[d]!.l) && !CLAUSE_AUX.has(toks[d]!.l) && !PRONOUNS.has(toks[d]!.l)) d--;
  if (d < 1 || d === a || toks[d]!.l !== 'the' || ctx.inSpan[d]! >= 0) return undefined;
  const b = d - 1;
  const afterQuote = ctx.inSpan[b]! >= 0 || (toks[b]!.t === ',' && b >= 1 && ctx.inSpan[b - 1]! >= 0);
  if (!afterQuote) return undefined;
  const name = mentionText(text, toks[d]!.s, toks[a]!.e);
  if (!descriptionNoun(name)) return undefined;
  // The head noun: before an "of two" tail.
  const ofAt = toks.slice(d, a + 1).findIndex((x) => x.l === 'of');
  const head = toks[ofAt > 0 ? d + ofAt - 1 : a]!.l;
  const g = genderOfNoun(head);
  return { kind: 'noun', name, ...(g === 'm' || g === 'f' ? { gender: g } : {}), start: toks[d]!.s, end: toks[a]!.e };
}

export function genderOfRole(role: string): Gender | undefined {
  for (const w of role.toLowerCase().split(/\s+/)) {
    const g = genderOfNoun(w);
    if (g === 'm' || g === 'f') return g;
  }
  return undefined;
}

/** The lower-case role words right before a name run: "chairman and chief executive" Richard Parsons. */
export function rolePrefix(ctx: Ctx, nameFirst: number): string | undefined {
  const { toks } = ctx;
  let i = nameFirst;
  let n = 0;
  while (i - 1 >= 0 && n < 8) {
    const t = toks[i - 1]!;
    if (!t.word && t.t !== "'s" && t.t !== '’s') break;
    const l = t.l;
    if (DETERMINERS.has(l) && l !== 'one') {
      i--;
      break;
    }
    if (CUES.has(l) || CLAUSE_AUX.has(l) || l === 'that' || l === 'by' || l === 'to' || l === 'with' || l === 'as' || l === 'said') break;
    i--;
    n++;
  }
  if (i >= nameFirst) return undefined;
  const role = mentionText(ctx.text, toks[i]!.s, toks[nameFirst - 1]!.e);
  if (!/\p{L}/u.test(role)) return undefined;
  // Only keep it when it reads like a role.
  const words = role.toLowerCase().split(/\s+/);
  if (!words.some((w) => speakerNoun(w) || ROLE_TITLES.has(w))) return undefined;
  return role;
}

/**
 * The start of a subject phrase whose name begins at token i: role words, owners and a determiner before
 * it ("chairman and chief executive Richard Parsons", "the company's boss Jane Doe"), when a clause
 * boundary (a comma, a dash, a colon or a closing quotation mark) stands right before them.
 */
export function phraseStart(ctx: Ctx, i: number): number {
  const { toks } = ctx;
  let w = i;
  let role = false;
  while (w - 1 >= 0 && i - w < 8) {
    const x = toks[w - 1]!;
    if (ctx.inSpan[w - 1]! >= 0 || !x.word) break;
    const l = x.l;
    // A joiner inside a capitalized name: "Bank of England governor Mervyn King".
    if (NAME_JOINERS.has(l) && l !== 'the' && w - 2 >= 0 && toks[w - 2]!.cap && toks[w - 2]!.word && toks[w]!.cap) {
      w--;
      continue;
    }
    if (CUES.has(l) || CLAUSE_AUX.has(l) || PRONOUNS.has(l) || CLAUSE_START.has(l) || PHRASE_STOP.has(l)) break;
    const head = l.includes('-') && !AGE_NOUN.test(l) ? l.slice(l.lastIndexOf('-') + 1) : l;
    if (ROLE_TITLES.has(head) || speakerNoun(head) || personNoun(l) || /['’]s$/.test(l)) role = true;
    w--;
  }
  // Or a determiner with adjectives: "a defiant Mr Tamm".
  if (!role && (toks[w]!.l === 'a' || toks[w]!.l === 'an' || toks[w]!.l === 'the')) role = true;
  if (w === i || w === 0 || !role) return i;
  const b = toks[w - 1]!;
  return b.t === ',' || b.t === '-' || b.t === '—' || b.t === '–' || b.t === ':' || ctx.inSpan[w - 1]! >= 0 ? w : i;
}

/**
 * A speaker phrase ending at token j (inclusive), walking left. A phrase that is the object of a
 * preposition is no subject: it belongs to the role or the name before it ("a spokesman for the
 * Department of Health", "Dr Jane Doe of the University of Leeds"), or it is no speaker at all.
 */
export function subjectBefore(ctx: Ctx, j: number, floor: number): Mention | undefined {
  const m = subjectBeforeCore(ctx, j, floor);
  if (!m || m.kind === 'pronoun') return m;
  const { toks } = ctx;
  let s0 = j;
  while (s0 > floor && toks[s0]!.s > m.start) s0--;
  const p = s0 - 1;
  if (p < floor || p < 1 || !PP_OBJECT.has(toks[p]!.l) || ctx.inSpan[p]! >= 0) return m;
  const owner = PP_OWNER.has(toks[p]!.l);
  // Between capitalized words the preposition is part of a name: "the Committee to Protect Bloggers".
  const inName = toks[p - 1]!.cap && toks[p - 1]!.word && !FUNCTION_CAPS.has(toks[p - 1]!.t);
  if (!owner) return inName ? m : undefined;
  const inner = subjectBeforeCore(ctx, p - 1, floor) ?? roleOf(ctx, p - 1, floor);
  if (!inner || inner.kind === 'pronoun') return inName ? m : undefined;
  // "the MP for Carrow Vale": an office for a place is the office-holder, not the place.
  const office = inner.kind === 'noun' && personNoun(inner.name.split(/\s+/).pop()!);
  if (inName && !office && !(inner.role || inner.gender === 'm' || inner.gender === 'f' || FIRST_NAMES.has(inner.name.split(' ')[0]!.toLowerCase()))) return m;
  // "a statement from the club", "a report by the Audit Office": a written source speaks for its author.
  if (inner.kind === 'noun' && toks[p]!.l !== 'for' && WRITTEN.has(inner.name.split(/\s+/).pop()!.toLowerCase())) return m;
  const tail = mentionText(ctx.text, toks[p]!.s, m.end);
  if (inner.kind === 'name') return { ...inner, role: inner.role ? `${inner.role} ${tail}` : tail };
  return { ...inner, name: mentionText(ctx.text, inner.start, m.end), end: m.end };
}

/** "a spokesman" before "for the Department of Health": a role noun back to its determiner. */
export function roleOf(ctx: Ctx, j: number, floor: number): Mention | undefined {
  const { toks } = ctx;
  const h = toks[j]!;
  if (!h.word || h.cap || !(speakerNoun(h.l) || ROLE_TITLES.has(h.l)) || VAGUE.has(h.l)) return undefined;
  let d = j;
  while (d - 1 >= floor && j - d < 4 && toks[d - 1]!.word && !DETERMINERS.has(toks[d - 1]!.l) && !toks[d - 1]!.cap && (speakerNoun(toks[d - 1]!.l) || ROLE_TITLES.has(toks[d - 1]!.l))) d--;
  if (d - 1 < floor || !DETERMINERS.has(toks[d - 1]!.l)) return undefined;
  d--;
  const g = genderOfNoun(h.l);
  return { kind: 'noun', name: mentionText(ctx.text, toks[d]!.s, h.e), ...(g ? { gender: g } : {}), start: toks[d]!.s, end: h.e };
}

export function subjectBeforeCore(ctx: Ctx, j: number, floor: number): Mention | undefined {
  const { toks } = ctx;
  if (j < floor) return undefined;
  const t = toks[j]!;
  if (ctx.inSpan[j]! >= 0) return undefined;
  const l = t.l;
  const pg = PRONOUNS.get(l);
  if (pg !== undefined) {
    if (l === 'i' || l === 'we') return undefined;
    return { kind: 'pronoun', name: l, gender: pg, start: t.s, end: t.e };
  }
  if (t.cap && t.word && !FUNCTION_CAPS.has(t.t)) return capitalizedSubject(ctx, j, floor);
  // A written source speaks for its author: "Mr Campbell's e-mail", "the council's ruling".
  if (t.word && WRITTEN.has(l) && j - 1 >= floor && /['’]s$/.test(toks[j - 1]!.l)) {
    const owner = subjectBefore(ctx, j - 1, floor);
    if (owner && owner.kind !== 'pronoun') return { ...owner, name: owner.name.replace(/['’]s$/, ''), end: t.e };
  }
  return nounSubject(ctx, j, floor);
}

/** A capitalized name run ending at token j, with the role words before it: "Tory leader Michael Howard". */
function capitalizedSubject(ctx: Ctx, j: number, floor: number): Mention | undefined {
  const { toks, text } = ctx;
  const t = toks[j]!;
  const a = nameRunStart(toks, j, floor);
  if (a > j) return undefined;
  const { nameStart } = splitRole(toks, a, j);
  if (nameStart > j) {
    // Only role words: "the Prime Minister", "Tory leader".
    const s0 = a > floor && toks[a - 1]!.l === 'the' ? a - 1 : a;
    return { kind: 'noun', name: mentionText(text, toks[s0]!.s, t.e), start: toks[s0]!.s, end: t.e };
  }
  const roleWords = nameStart > a ? mentionText(text, toks[a]!.s, toks[nameStart - 1]!.e) : undefined;
  const prefix = rolePrefix(ctx, a);
  let role = [prefix, roleWords].filter(Boolean).join(' ') || undefined;
  // "analyst Mike Powell of Dresdner Kleinwort Wasserstein": a person of a body.
  for (let o = nameStart + 1; o < j; o++) {
    if (toks[o]!.l !== 'of' && toks[o]!.l !== 'from') continue;
    const len = o - nameStart;
    const first = toks[nameStart]!.l;
    if (len >= 2 && len <= 4 && (role || HONORIFICS.has(first) || FIRST_NAMES.has(first))) {
      const tail = mentionText(text, toks[o]!.s, t.e);
      role = role ? `${role} ${tail}` : tail;
      const g = genderOfName(toks, nameStart, o - 1) ?? genderOfRole(role);
      return { kind: 'name', name: mentionText(text, toks[nameStart]!.s, toks[o - 1]!.e), role, ...(g ? { gender: g } : {}), start: toks[nameStart]!.s, end: toks[o - 1]!.e };
    }
    break;
  }
  if (nameStart === j && VAGUE.has(t.l)) return undefined;
  // "many Britons", "female MPs": a generic plural, not a named source.
  if (a > 0 && nameStart === a) {
    const before = toks[a - 1]!;
    // (A role noun before the name is its role, and a verb no modifier: "security firm Sophos", "said Jones".)
    const roleBefore = speakerNoun(before.l) || ROLE_TITLES.has(before.l) || CUES.has(before.l) || PP_OBJECT.has(before.l);
    if (QUANTIFIERS.has(before.l) || (nameStart === j && /s$/.test(t.t) && before.word && !before.cap && !DETERMINERS.has(before.l) && !roleBefore)) return undefined;
  }
  // "the Tories", "the Equal Opportunities Commission": keep the article with a name that took it.
  let s0 = nameStart;
  if (nameStart === a && a > floor && toks[a - 1]!.l === 'the') s0 = a - 1;
  const gender = genderOfName(toks, nameStart, j) ?? (role ? genderOfRole(role) : undefined);
  const nm = mentionText(text, toks[s0]!.s, t.e).replace(/['’]s$/, '');
  return { kind: 'name', name: nm, ...(role ? { role } : {}), ...(gender ? { gender } : {}), start: toks[s0]!.s, end: t.e };
}

/** A role or body noun back to its determiner: "a Cabinet Office spokeswoman", "the firm's boss". */
function nounSubject(ctx: Ctx, j: number, floor: number): Mention | undefined {
  const { toks, text } = ctx;
  const t = toks[j]!;
  const l = t.l;
  const head = l.includes('-') && !AGE_NOUN.test(l) ? l.slice(l.lastIndexOf('-') + 1) : l;
  if (t.word && (speakerNoun(head) || personNoun(l))) {
    // A noun phrase back to its determiner: "a Cabinet Office spokeswoman", "the prime minister's spokesman".
    let i = j;
    let found = -1;
    while (i - 1 >= floor && j - i < 8) {
      const p = toks[i - 1]!.l;
      if (DETERMINERS.has(p)) {
        found = i - 1;
        break;
      }
      // "Kostas Kenteris' lawyer": the bare apostrophe of a plural or s-final owner.
      const bareOwner = (p === "'" || p === '’') && i - 2 >= floor && toks[i - 2]!.word && toks[i - 2]!.l.endsWith('s');
      if (!toks[i - 1]!.word && p !== "'s" && p !== '’s' && !bareOwner) break;
      // "the health and social care committee": "and" between two lower-case modifiers of the head.
      const inner = p === 'and' && i - 2 >= floor && i < j && !toks[i]!.cap && toks[i - 2]!.word && !toks[i - 2]!.cap && !DETERMINERS.has(toks[i - 2]!.l) && !speakerNoun(toks[i - 2]!.l);
      if (CUES.has(p) || CLAUSE_AUX.has(p) || p === 'that' || p === 'who' || p === 'which' || (p === 'and' && !inner) || p === 'but') break;
      i--;
    }
    if (found < 0) {
      if (VAGUE.has(l)) return undefined;
      // Bare singular role words with a capitalized modifier: "Tory leader", "Liberal Democrat spokeswoman";
      // only capitalized words and role words, not "refused to discuss weekend newspaper".
      let m = j;
      const ownerMark = (x: number): boolean => (toks[x]!.l === "'" || toks[x]!.l === '’') && x - 1 >= i && toks[x - 1]!.cap && toks[x - 1]!.l.endsWith('s');
      while (m - 1 >= i && ((toks[m - 1]!.word && (toks[m - 1]!.cap || speakerNoun(toks[m - 1]!.l) || ROLE_TITLES.has(toks[m - 1]!.l) || /['’]s$/.test(toks[m - 1]!.l))) || ownerMark(m - 1))) m--;
      if (m === j || !toks.slice(m, j).some((x) => x.cap)) return undefined;
      found = m;
    }
    const det = toks[found]!.l;
    if (det === 'a' || det === 'an' || det === 'one' || det === 'another') {
      // "a spokeswoman" is specific enough only with a named body or a body's kind: "a Cabinet Office
      // spokeswoman", "a government spokesperson" (not "a senior figure").
      if (!toks.slice(found + 1, j).some((x) => x.cap || (x.word && genderOfNoun(x.l) === 'n' && !x.l.endsWith('s')))) return undefined;
    }
    if (VAGUE.has(l) && (det === 'some' || det === 'many')) return undefined;
    const g = genderOfNoun(l);
    return { kind: 'noun', name: mentionText(text, toks[found]!.s, t.e), ...(g ? { gender: g } : {}), start: toks[found]!.s, end: t.e };
  }
  return undefined;
}

/** A capitalized run [a, b] that opens with a title or a known first name: a person's name. */
export function personFirst(toks: EToken[], a: number, b: number): boolean {
  for (let i = a; i <= b; i++) if (!toks[i]!.cap || !toks[i]!.word) return false;
  const first = toks[a]!.l;
  return HONORIFICS.has(first) || FIRST_NAMES.has(first);
}

/** A run that reads as a person's name: two or three capitalized words with no role or organisation word. */
export function personLike(toks: EToken[], a: number, b: number): boolean {
  if (b - a < 1 || b - a > 2) return personFirst(toks, a, b);
  for (let i = a; i <= b; i++) {
    const t = toks[i]!;
    if (!t.cap || !t.word || ROLE_TITLES.has(t.l) || ORG_WORDS.test(t.t) || FUNCTION_CAPS.has(t.t)) return false;
  }
  return true;
}
