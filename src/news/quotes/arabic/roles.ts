// Arabic stage 3a, roles and personal names: a role phrase read as a chain of construct nouns, adjectives and
// prepositional phrases («رئيس شعبة المواد الغذائية بالغرفة التجارية»), then the personal name that closes it
// («شريف أبو الفتوح», «هيفاء بنت ناصر آل سعود»), or the role alone («والي الولاية»).

import type { Gender, Mention } from '../internal.ts';
import { ACTION_NOUNS, BODY_HEADS, COMMON_HEADS, COMPOUND_FIRST, COMPOUND_SECOND, CONSTRUCT, GROUP_NOUNS, NAME_LINKS, NAME_START, PLACE_HEADS, ROLE_HEADS, SPEECH_EVENTS, STANDS_FOR, STOP_WORDS, SURNAME_PARTICLES, TIME_WORDS } from '../words-ar.ts';
import { verbAt } from './cues.ts';
import { accusative, articleAt, type Ctx, endsWithTaMarbuta, eventVerb, looksPlural, pluralGender, gazetteerAt, hasArticle, hasPronounSuffix, isPunct, orig, originalText, stripConj } from './tokens.ts';

/** A word that can be part of a personal name: no punctuation, function word, verb, quotation or attached pronoun. */
export function nameWord(ctx: Ctx, k: number): boolean {
  const t = ctx.toks[k]!.t;
  return ctx.inSpan[k]! < 0 && !isPunct(t) && (!STOP_WORDS.has(t) || spelledAli(ctx, k)) && !hasPronounSuffix(ctx, k) && !verbAt(t) && !eventVerb(t) && !accusative(ctx, k);
}

/** «علي» as written (with ي), a name; «على» folds to the same word but is written with ى. */
function spelledAli(ctx: Ctx, k: number): boolean {
  const tok = ctx.toks[k]!;
  return tok.t === 'علي' && ctx.text.slice(orig(ctx, tok.s), orig(ctx, tok.e)).replace(/[\u064B-\u065F]/gu, '').endsWith('ي');
}

/** A word that opens no personal name: a body, place or group noun («شركة», «محافظة», «سكان»). */
function notNameStart(t: string): boolean {
  return CONSTRUCT.has(t) || COMMON_HEADS.has(t) || GROUP_NOUNS.has(t);
}

/** A name part opened by a particle or a compound first part at k: «عبد الرحمن», «أبو خليل», «نور الدين»; k if none. */
function startGroup(ctx: Ctx, k: number, end: number): number {
  const t = ctx.toks[k]!.t;
  if (k + 1 >= end || !nameWord(ctx, k + 1)) return k;
  if (NAME_START.has(t)) return k + 2;
  if (COMPOUND_FIRST.has(t) && COMPOUND_SECOND.has(ctx.toks[k + 1]!.t)) return k + 2;
  return k;
}

/** A linked part at k: «بن خليفة», «بن عبد العزيز», «آل ثاني», «ولد عبد الله»; k if none. */
function linkGroup(ctx: Ctx, k: number, end: number): number {
  // The word after a link is a name even when it reads as a function word («بن علي»: علي is also folded على).
  if (!NAME_LINKS.has(ctx.toks[k]!.t) || k + 1 >= end || ctx.inSpan[k + 1]! >= 0 || isPunct(ctx.toks[k + 1]!.t)) return k;
  const g = startGroup(ctx, k + 1, end);
  return g > k + 1 ? g : k + 2;
}

/**
 * A personal name from token i: its parts (a word, a particle with its word, a linked patronymic or family
 * part), at most two plain words and a surname with the article unless a third closes the phrase; a word
 * followed by a possessive («خسارة فريقه») is an object, not a name. Undefined when no name starts at i.
 */
export function nameAt(ctx: Ctx, i: number, end: number, linkFirst = false): { end: number; units: number } | undefined {
  const { toks } = ctx;
  let k = i;
  let units = 0;
  let linked = false;
  while (k < end && nameWord(ctx, k)) {
    const t = toks[k]!.t;
    const link = linkGroup(ctx, k, end);
    if (link > k) {
      // (A European particle opens a surname: «فان دير هوفن», «دي لورنتيس».)
      if (units === 0 && !linkFirst && !SURNAME_PARTICLES.has(t)) return undefined;
      linked = true;
      k = link;
      units++;
      continue;
    }
    const start = startGroup(ctx, k, end);
    if (start > k) {
      if (units >= 3) break;
      k = start;
      units++;
      continue;
    }
    // (A body word never continues a name: «وانتقد أبو الفتوح لجنة المسابقات».)
    if (ACTION_NOUNS.has(t) || ACTION_NOUNS.has(stripConj(t)) || (units === 0 && notNameStart(t)) || (units > 0 && BODY_HEADS.has(t))) break;
    if (articleAt(ctx, k)) {
      if (!t.startsWith('ال')) break;
      // A surname with the article closes the name; a name does not start with one, and a title before a name
      // is no surname («… الدكتورة منى», but «ريم النقيب»).
      if (units === 0 && !patronymicNext(ctx, k, end)) return undefined;
      // A plural of people after a surname is its object, no second surname: «ودعا بوشارب المترشحين إلى …».
      if (units === 1 && t.length >= 8 && /(?:ين|ون)$/u.test(t) && looksPlural(t) && /^(?:الي|علي)$/u.test(toks[k + 1]?.t ?? '')) break;
      // «الهادي بن علي» (also after a first name, «محمد الهادي بن علي»): the patronymic goes on.
      // (After a first name even a role word is a name part: «محمد الأمين ولد سيدي».)
      if (patronymicNext(ctx, k, end, units > 0)) {
        k++;
        units++;
        continue;
      }
      if ((ROLE_HEADS.has(t) || ROLE_HEADS.has(t.slice(2))) && k + 1 < end && nameAt(ctx, k + 1, end)) break;
      k++;
      units++;
      // A second surname with the article that closes the phrase: «إدريس الوزاني الشهدي،».
      if (units === 2 && k + 1 === end && secondSurname(ctx, k)) k++;
      break;
    }
    // (After a linked part one more word may close the name: «محمد الأمين ولد سيدي أحمد».)
    if ((units >= 3 && !(linked && k + 1 === end)) || (units >= 2 && k + 1 < end)) break;
    // «خسارة فريقه»: a noun with a possessive is the head of an object.
    if (units >= 1 && k + 1 < end && !hasArticle(toks[k + 1]!.t) && hasPronounSuffix(ctx, k + 1)) break;
    k++;
    units++;
  }
  return units ? { end: k, units } : undefined;
}

/** «وإصلاح النظام التعليمي NAME»: a noun with و, its definite genitives, then a personal name of two parts. */
function coordinatedRole(ctx: Ctx, i: number, end: number): boolean {
  const { toks } = ctx;
  const t = toks[i]!.t;
  if (t[0] !== 'و' || t.length <= 3 || hasArticle(t) || i + 1 >= end || !hasArticle(toks[i + 1]!.t)) return false;
  let j = i + 1;
  while (j < end && hasArticle(toks[j]!.t)) j++;
  return j < end && (nameAt(ctx, j, end)?.units ?? 0) >= 2;
}

/** A word with the article that is no role, body, group or plural word: a surname standing alone («الحشاني»). */
function loneSurname(t: string): boolean {
  const w = stripConj(t);
  const bare = w.slice(2);
  return w.startsWith('ال') && !ROLE_HEADS.has(w) && !ROLE_HEADS.has(bare) && !BODY_HEADS.has(w) && !BODY_HEADS.has(bare) && !COMMON_HEADS.has(bare) && !GROUP_NOUNS.has(bare) && !PLACE_HEADS.has(bare) && !looksPlural(w);
}

/** A word with the article that can be a second family name: no role, body, group, time or plural word. */
function secondSurname(ctx: Ctx, k: number): boolean {
  const t = ctx.toks[k]!.t;
  const w = t.slice(2);
  return t.startsWith('ال') && nameWord(ctx, k) && !ROLE_HEADS.has(w) && !ROLE_HEADS.has(t) && !BODY_HEADS.has(t) && !COMMON_HEADS.has(w) && !GROUP_NOUNS.has(w) && !TIME_WORDS.has(t) && !looksPlural(t);
}

// Links that make the word before them a given name, even one with the article («الهادي بن علي»).
const PATRONYMIC = new Set(['بن', 'ابن', 'بنت', 'ولد', 'ود', 'منت']);

/** The word at k has the article and a patronymic link follows it: «الطاهر بن عمران», «الصادق ولد محمد». */
export function patronymicNext(ctx: Ctx, k: number, end: number, afterName = false): boolean {
  const t = ctx.toks[k]!.t;
  return t.startsWith('ال') && k + 2 < end && PATRONYMIC.has(ctx.toks[k + 1]!.t) && nameWord(ctx, k + 2) && (afterName || !ROLE_HEADS.has(t.slice(2)));
}

// Body words that also read as adjectives of a role: «وزير الدولة للشؤون الخارجية».
const ADJECTIVE_BODIES = new Set(['الخارجيه', 'الداخليه']);

// Counts of people that take «من»: «عدد من المشتركين».
const COUNTS = new Set(['عدد', 'عشرات', 'مييات', 'الاف', 'بعض', 'مجموعه']);

const CLOSE_TO = new Set(['مقرب', 'مقربه', 'قريب', 'قريبه', 'مقربون', 'مقربين', 'قريبون', 'قريبين']);
// «مصادر مطلعة على المفاوضات», «مسؤول مطلع على الملف»: familiar with, its «على» phrase part of the source.
const FAMILIAR_WITH = /^مطلع(?:ه|ون|ين|ان|تان|تين)?$/u;

// Role words that are also given names («سلطان», «أمير»): after a role they start the name.
const GIVEN_ROLES = new Set(['سلطان', 'امير', 'اميره', 'امين', 'امينه', 'ملك', 'ولي', 'نايب', 'حاكم', 'مرشد', 'قايد', 'رايد']);

/**
 * In a genitive chain, the personal name that closes the phrase starts at i: a name of two parts starts here,
 * none would be left after this word, and no other name of two parts follows it («بنك أبوظبي الأول محمد علي ياسين»).
 */
function nameHere(ctx: Ctx, i: number, end: number): boolean {
  const here = nameAt(ctx, i, end);
  if (!here || here.units < 2 || (nameAt(ctx, i + 1, end)?.units ?? 0) >= 2) return false;
  // (Past nisba adjectives a name of two parts may follow: «جمعية مصدري البن اليمني عبد الرقيب …» names him.)
  let j = here.end;
  while (j < end && articleAt(ctx, j) && /ي$/u.test(ctx.toks[j]!.t)) j++;
  return here.end >= end || (nameAt(ctx, j, end)?.units ?? 0) < 2;
}

/** «في بيانه», «في حيثيات حكمها», «في المؤتمر الصحفي»: an occasion, not part of a role. */
function occasionAt(ctx: Ctx, i: number, end: number): boolean {
  const { toks } = ctx;
  // «الباحثة في علم الاجتماع»: a field of study (علم/علوم + noun) is no meeting.
  if (/^(?:علم|علوم)$/u.test(toks[i + 1]?.t ?? '')) return false;
  for (let k = i + 1; k < Math.min(end, i + 3); k++) {
    const w = stripConj(toks[k]!.t);
    if (SPEECH_EVENTS.has(w) || SPEECH_EVENTS.has(w.replace(/^ال/, '')) || hasPronounSuffix(ctx, k)) return true;
  }
  return false;
}

/** Role and body words that take a possessive pronoun: «باسمها», «مستشاره», «نائبها». */
export function possessed(t: string): boolean {
  const base = t.replace(/(?:هما|هم|ها|ه)$/u, '');
  // «رئيستها», «مديرته»: ة is written ت before the pronoun.
  const fem = base.replace(/ت$/u, 'ه');
  return CONSTRUCT.has(base) || ROLE_HEADS.has(base) || ROLE_HEADS.has(fem) || CONSTRUCT.has(fem) || base === 'نايب';
}

/**
 * A unit taken whole inside a role phrase, from i: a name in marks, a known place, or (before a person's name) a
 * short bracketed role («نائب رئيس الوزراء (وزير الطاقة) خالد …»). The token after it, or -1.
 */
function wholeUnitEnd(ctx: Ctx, i: number, end: number, person: boolean): number {
  const { toks } = ctx;
  if (ctx.inSpan[i]! >= 0) {
    const sp = ctx.inSpan[i]!;
    let c = i;
    while (c < end && ctx.inSpan[c] === sp) c++;
    return c;
  }
  const g = gazetteerAt(ctx, i, end);
  if (g && g.kind === 'place') return g.end + 1;
  if (!person || toks[i]!.t !== '(') return -1;
  let c = i + 1;
  while (c < end && c - i <= 6 && toks[c]!.t !== ')' && !isPunct(toks[c]!.t)) c++;
  return c < end && toks[c]!.t === ')' ? c + 1 : -1;
}

/**
 * Past the role words from the head at a: a noun in construct takes its genitive («مدير عام السياحة», «جمعية
 * سكان حي النخيل»), then adjectives with the article, «في …», «ل…» and, before a person's name, «ب…»
 * («بجامعة عين شمس»). A second genitive without the article is taken only while a name of two parts can
 * still follow it («وزير خارجية مصر سامح شكري»).
 */
export function roleEnd(ctx: Ctx, a: number, end: number, person: boolean, withB: boolean): number {
  const { toks } = ctx;
  let i = a + 1;
  // (A role head spelled with و is no conjunction with the article: «والي الولاية», «والدة الطفل».)
  let needGen = (!hasArticle(toks[a]!.t) || (toks[a]!.t[0] === 'و' && ROLE_HEADS.has(toks[a]!.t))) && !hasPronounSuffix(ctx, a);
  let loose = false;
  while (i < end) {
    const t = toks[i]!.t;
    const skip = wholeUnitEnd(ctx, i, end, person);
    if (skip > 0) {
      // A body's name in marks closes it: what follows describes it («منظمة «X» البيئية», «شبكة «X» لمراقبة …»).
      if (!person && ctx.inSpan[i]! >= 0 && BODY_HEADS.has(stripConj(toks[i - 1]!.t))) return skip;
      i = skip;
      needGen = false;
      continue;
    }
    // (A group's description by where it works or lives goes on to its «في»: «عمال يعملون في المصنع».)
    if (describedGroup(ctx, a, i, person) && ++i) continue;
    // (A word in -وا is a verb in the plural: «سكان الحي رفضوا …».)
    if (isPunct(t) || verbAt(t) || eventVerb(t) || accusative(ctx, i) || (/وا$/u.test(t) && t.length >= 4 && !hasArticle(t))) break;
    if (prepositionInRole(ctx, a, i, person)) {
      if (i + 1 >= end || occasionAt(ctx, i, end)) break;
      i++;
      needGen = true;
      loose = false;
      continue;
    }
    if (needGen) {
      // «مدير برامجها في سوريا باسل …», «رئيس تحريرها …»: a role head's genitive with a possessive, before a name.
      if (person && hasPronounSuffix(ctx, i) && !STOP_WORDS.has(t) && ROLE_HEADS.has(stripConj(toks[a]!.t)) && i === a + 1) {
        i++;
        needGen = false;
        continue;
      }
      if (STOP_WORDS.has(t) || hasPronounSuffix(ctx, i)) break;
      if (loose && !hasArticle(t) && (person ? nameHere(ctx, i, end) : ACTION_NOUNS.has(t))) break;
      i++;
      needGen = !hasArticle(t);
      loose = needGen;
      continue;
    }
    if (articleAt(ctx, i) || (t.startsWith('وال') && t.length > 4)) {
      // (After a lone surname a role word opens the object: «والتقى الحشاني الوزير الإيطالي».)
      if ((!withB && t[0] === 'ب') || (i === a + 1 && loneSurname(toks[a]!.t) && (ROLE_HEADS.has(t) || ROLE_HEADS.has(t.slice(2))))) break;
      // «… الطاهر بن عمران»: a given name with the article, then its patronymic, opens the name.
      if (person && patronymicNext(ctx, i, end)) break;
      if (!person && objectAfterPhrase(ctx, i)) break;
      i++;
      continue;
    }
    // A second role in apposition, with its definite genitive: «نائب رئيس الوزراء وزير الخارجية …» (not a role word
    // that is also a given name).
    if (CONSTRUCT.has(t) || (person && ROLE_HEADS.has(t) && !GIVEN_ROLES.has(t) && i + 1 < end && hasArticle(toks[i + 1]!.t))) {
      i++;
      needGen = true;
      loose = false;
      continue;
    }
    // A second portfolio joined by و: «وزير التربية الوطنية وإصلاح النظام التعليمي محمد …» (before a personal name).
    if (person && coordinatedRole(ctx, i, end)) {
      i++;
      continue;
    }
    // A possessive ends the head: «المتحدثة باسمها ماريا ...», «مستشاره الإعلامي ...» (its adjectives go on).
    if (hasPronounSuffix(ctx, i)) {
      if (!possessed(t)) break;
      i++;
      continue;
    }
    // «سكان قرية الحاج عبد الله»: a place's name goes on through a name particle.
    if (!person && placeNamePart(ctx, a, i, end)) i += 2;
    else if (prepConstruct(ctx, i, end, person, withB)) {
      i++;
      needGen = true;
      loose = false;
    } else break;
  }
  return i;
}

/** «ممرضتان تعملان في مستشفى …», «عمال يعملون في المصنع»: a group described by where it works or lives. */
function describedGroup(ctx: Ctx, a: number, i: number, person: boolean): boolean {
  const { toks } = ctx;
  const t = toks[i]!.t;
  return !person && i === a + 1 && toks[i + 1]?.t === 'في' && /^[يت][\u0621-\u064A]{2,}(?:ون|ان|ين)$/u.test(t) && !verbAt(t) && (looksPlural(toks[a]!.t) || /ت(?:ان|ين)$/u.test(toks[a]!.t));
}

/**
 * «لنقابات العمال», «لشؤون اللاجئين», «بجامعة …» at i: a preposition with a noun in construct (a role or body word,
 * or, before a person's name, a word with its genitive that leaves a name after them). (A body's place keeps its
 * «ب»: «النقابة الفرعية بمحافظة الجيزة».)
 */
function prepConstruct(ctx: Ctx, i: number, end: number, person: boolean, withB: boolean): boolean {
  const t = ctx.toks[i]!.t;
  return t.length > 3 && (t[0] === 'ل' || (t[0] === 'ب' && (withB || PLACE_HEADS.has(t.slice(1))))) && i + 1 < end && (!person || CONSTRUCT.has(t.slice(1)) || ROLE_HEADS.has(t.slice(1)) || (nameAt(ctx, i, end)?.end !== end && nameAt(ctx, i + 2, end) !== undefined));
}

/** A name particle at i with its word, after a place noun in [a, i): «قرية الحاج عبد الله», «بمدينة أبو …». */
function placeNamePart(ctx: Ctx, a: number, i: number, end: number): boolean {
  if (!NAME_START.has(ctx.toks[i]!.t) || i + 1 >= end || !nameWord(ctx, i + 1)) return false;
  for (let j = a; j < i; j++) {
    const w = stripConj(ctx.toks[j]!.t).replace(/^(?:ب|ل)?(?:ال)?/u, '');
    if (PLACE_HEADS.has(w)) return true;
  }
  return false;
}

/**
 * A preposition that goes on with a role: «في …», «لدى …», «من» after «مقرّب», a count or a group before a body
 * («مصدر مقرّب من الرئاسة», «عدد من المشتركين», «نواب من كتلة …»), and, before a person's name, «عن» after a member («النائبة عن كتلة الإصلاح …»).
 */
function prepositionInRole(ctx: Ctx, a: number, i: number, person: boolean): boolean {
  const { toks } = ctx;
  const t = toks[i]!.t;
  const head = stripConj(toks[a]!.t);
  if (t === 'في' || t === 'لدي') return true;
  // (And a group of people «من» a body: «نواب من كتلة …», «موظفون من الوزارة».)
  const body = stripConj(toks[i + 1]?.t ?? '');
  const members = i === a + 1 && !hasArticle(head) && pluralWord(head) && (BODY_HEADS.has(body) || BODY_HEADS.has(body.replace(/^ال/u, '')));
  if (t === 'علي' && FAMILIAR_WITH.test(toks[i - 1]!.t)) return true;
  if (t === 'من') return CLOSE_TO.has(toks[i - 1]!.t) || (i === a + 1 && COUNTS.has(head)) || members;
  return t === 'عن' && person && STANDS_FOR.has(head.replace(/^ال/u, ''));
}

/**
 * A word with the article after a complete body phrase that is its object, not an adjective: a body («طالبت عائلات
 * المفقودين الحكومة …»; before a person's name it may be an adjective: «رئيس اللجنة المنظمة …»), or a plural of
 * people after a singular word («دعت الهيئة الوطنية المواطنين إلى …»; after a plural it is an adjective: «نقابة
 * الأطباء البيطريين»).
 */
function objectAfterPhrase(ctx: Ctx, i: number): boolean {
  const t = ctx.toks[i]!.t;
  // («مكتب الصحة العامة والسكان»: a genitive joined by و goes on with the phrase.)
  if (t.startsWith('وال')) return false;
  if (t.startsWith('ال') && BODY_HEADS.has(t) && !ADJECTIVE_BODIES.has(t)) return true;
  return ((/ين$/u.test(t) && looksPlural(t)) || GROUP_NOUNS.has(stripConj(t).slice(2))) && !pluralWord(ctx.toks[i - 1]!.t);
}

/** A plural by its ending or a people noun («الأطباء», «السكان»). */
function pluralWord(t: string): boolean {
  const w = stripConj(t).replace(/^ال/u, '');
  // (A word with the article in -ين of six letters or more is a plural even in -سين/-دين: «المهندسين», «الصيادين».)
  return looksPlural(t) || GROUP_NOUNS.has(w) || COMMON_HEADS.has(w) || (/^(?:و|ف)?ال/u.test(t) && /ين$/u.test(w) && w.length >= 6);
}

export interface RoleResult {
  mention?: Mention;
  /** First token after the phrase. */
  next: number;
  name?: [number, number];
  gender?: Gender;
}

/** Role words, then a personal name; or the role alone ("رئيس الوزراء", "وزارة الصحة المصرية"). */
export function roleThenName(ctx: Ctx, a: number, end: number, bodyHead: boolean, roleHead: boolean, plural: boolean): RoleResult {
  const { toks } = ctx;
  let gender: Gender | undefined;
  // «مديرة», «رئيستها»: a feminine role (ة, or ت before a possessive).
  if (roleHead && (endsWithTaMarbuta(ctx, a) || (hasPronounSuffix(ctx, a) && /ت(?:ه|ها|هم|هما)$/u.test(toks[a]!.t)))) gender = 'f';
  if (bodyHead) gender = endsWithTaMarbuta(ctx, a) ? 'f' : 'n';
  if (!bodyHead) {
    const i = roleEnd(ctx, a, end, true, true);
    const name = i < end ? nameAt(ctx, i, end) : undefined;
    // «الممرضتان NAME وNAME»: two people named after a dual or plural role speak as the role.
    const pair = plural && name && name.end < end && toks[name.end]!.t[0] === 'و' && i > a;
    if (name && pair) return { mention: { kind: 'noun', name: originalText(ctx, a, i - 1), gender: 'p', start: orig(ctx, toks[a]!.s), end: orig(ctx, toks[i - 1]!.e) }, next: end };
    if (name) return { next: name.end, name: [i, name.end - 1], ...(gender ? { gender } : {}) };
  }
  // No name: the role or body alone, without a «ب…» phrase (an object: «رحب الاتحاد بالقرار»).
  const next = Math.max(a + 1, roleEnd(ctx, a, end, false, false));
  // A lone word with the article that is no role, body or plural is a surname: «ووصف الدباغ …».
  const surname = next === a + 1 && !roleHead && !bodyHead && !plural && hasArticle(toks[a]!.t) && !COMMON_HEADS.has(toks[a]!.t.slice(2));
  const m: Mention = { kind: surname ? 'name' : 'noun', name: originalText(ctx, a, next - 1), start: orig(ctx, toks[a]!.s), end: orig(ctx, toks[next - 1]!.e) };
  const g = gender ?? (plural ? pluralGender(toks[a]!.t) : undefined);
  if (g) m.gender = g;
  return { mention: m, next };
}
