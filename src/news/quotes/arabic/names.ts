// Arabic stage 3, noun phrases and names: a speaker phrase split into role and name
// («المتحدث باسم وزارة الخارجية الصينية Guo Jiakun»), with adverbials and objects cut off.

import type { Gender, Mention } from '../internal.ts';
import { ADVERB_STARTS, BODY_HEADS, COMMON_HEADS, CONSTRUCT, DOCUMENTS, HONORIFIC_STYLES, RANK_PARTS, STYLE_AFTER_SAHIB, THAT, GROUP_NOUNS, PLACE_HEADS, MEDIA_ADDRESSEES, NAME_LINKS, NAME_START, ONE_OF, PLATFORMS, SURNAME_PARTICLES, ROLE_HEADS, SPEECH_EVENTS, STOP_WORDS, TIME_MODIFIERS, isSpeechEvent, TIME_NEEDS_MODIFIER, TIME_WORDS } from '../words-ar.ts';
import { verbAt } from './cues.ts';
import { nameAt, nameWord, patronymicNext, possessed, roleEnd, roleThenName } from './roles.ts';
import { accusative, type Ctx, LATIN, looksPlural, pluralGender, endsWithTaMarbuta, gazetteerAt, has, hasArticle, hasPronounSuffix, isComma, isEnd, isPunct, orig, originalText, stripConj } from './tokens.ts';

export function isTimePhrase(ctx: Ctx, i: number): boolean {
  const t = ctx.toks[i]!.t;
  // «مصدر مطلع في …»: مطلع without a genitive after it is the adjective (well-informed), not «early in».
  if (t === 'مطلع' && !hasArticle(ctx.toks[i + 1]?.t ?? '')) return false;
  // «سوق الجمعة», «صلاة الجمعة»: a weekday after a noun in construct is its genitive, not a time.
  const before = ctx.toks[i - 1]?.t ?? '';
  if (WEEKDAYS.has(t) && before && !hasArticle(before) && !isPunct(before) && !TIME_WORDS.has(before) && !STOP_WORDS.has(before) && !verbAt(before)) return false;
  if (!TIME_NEEDS_MODIFIER.has(t)) return true;
  if (TIME_MODIFIERS.has(t)) return i > 0 && TIME_NEEDS_MODIFIER.has(ctx.toks[i - 1]!.t);
  const next = ctx.toks[i + 1]?.t ?? '';
  const prev = ctx.toks[i - 1]?.t ?? '';
  return TIME_MODIFIERS.has(next) || prev === 'هذا' || prev === 'هذه' || prev === 'مطلع' || prev === 'نهايه';
}

const WEEKDAYS = new Set(['الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت']);

export function bodyHeadOf(first: string): boolean {
  // A governorate or a city speaks as a body: «وقالت محافظة …».
  return BODY_HEADS.has(first) || BODY_HEADS.has(first.replace(/^ال/, '')) || PLACE_HEADS.has(first);
}

export interface NP {
  mention: Mention;
  /** First token after the speaker phrase (an object or complement may start there). */
  next: number;
  /** Tokens left after the speaker that are not adverbials: an object. */
  object: boolean;
  speech: boolean;
}

/**
 * Parses a speaker phrase over tokens [a, b): adverbials and appositions out, then role and name.
 * «المتحدث باسم وزارة الخارجية الصينية Guo Jiakun» → name Guo Jiakun, role المتحدث باسم ...
 */
export function parseNP(ctx: Ctx, a: number, b: number): NP | undefined {
  const { toks } = ctx;
  // Relayed: "... نقلًا عن X" — the speaker is X.
  for (let i = a; i + 1 < b; i++) {
    const t = stripConj(toks[i]!.t);
    if ((t === 'نقلا' || t === 'نقل') && toks[i + 1]!.t === 'عن') a = i + 2;
  }
  // «بيان صادر عن مكتب الرئيس», «تقرير صادر عن بنك …», «تقديرات وكالة الطاقة»: the issuer speaks.
  if (a + 1 < b && DOCUMENTS.has(stripConj(toks[a]!.t))) {
    const next = toks[a + 1]!.t;
    if (a + 3 < b && /^صادر(?:ه|ا)?$/u.test(next) && toks[a + 2]!.t === 'عن') a += 3;
    else if ((next.startsWith('ال') && !TIME_WORDS.has(next)) || bodyHeadOf(next) || ROLE_HEADS.has(next)) a += 1;
  }
  a = addresseeEnd(ctx, a, b);
  a = pastStyles(ctx, a, b);
  if (a >= b) return undefined;
  const later = namedLater(ctx, a, b);
  if (later) return later;
  const cut = cutPhrase(ctx, a, b);
  if (cut.end <= a && cut.latinAfterComma < 0) return undefined;
  const { end, latinAfterComma, speech } = cut;
  let found = latinAfterComma >= 0 ? latinRun(ctx, latinAfterComma, b) : (latinName(ctx, a, end) ?? gazetteerName(ctx, a, end) ?? apposedName(ctx, a, end, b));
  let gender: Gender | undefined;
  if (!found && patronymicNext(ctx, a, end)) {
    const n = nameAt(ctx, a, end);
    if (n) found = [a, n.end - 1];
  }
  if (!found) {
    const raw0 = toks[a]!.t;
    const first = ROLE_HEADS.has(raw0) || BODY_HEADS.has(raw0) || COMMON_HEADS.has(raw0) || SURNAME_PARTICLES.has(raw0) ? raw0 : stripConj(raw0);
    const roleHead = ROLE_HEADS.has(first) || ROLE_HEADS.has(first.replace(/^ال/, '')) || (hasPronounSuffix(ctx, a) && (possessed(first) || possessiveBeforeName(ctx, a, end)));
    const roleLike = hasArticle(raw0) || roleHead || bodyHeadOf(first);
    if (!roleLike) return bareName(ctx, a, end, first, speech);
    const plural = looksPlural(raw0) || (/ان$|ين$/.test(first) && first.length > 5);
    const r = roleThenName(ctx, a, end, bodyHeadOf(first), roleHead, plural);
    if (r.mention) return { mention: r.mention, next: r.next, object: r.next < end, speech };
    found = r.name;
    gender = r.gender;
    if (!found) return undefined;
  }
  // «العقيد ركن NAME», «الفريق أول ركن NAME»: the words of a rank are no part of the name after it.
  if (found[0] > a && RANK_PARTS.has(toks[found[0]]!.t)) {
    let r = found[0];
    while (r < end && RANK_PARTS.has(toks[r]!.t)) r++;
    const n = r < end ? nameAt(ctx, r, end) : undefined;
    if (n) found = [r, n.end - 1];
    else if (found[0] < found[1]) found = [found[0] + 1, found[1]];
  }
  const [nameStart, nameEnd] = found;
  const role = nameStart > a ? originalText(ctx, a, nameStart - 1).replace(/[،,]\s*$/u, '').trim() : undefined;
  if (!gender && nameStart > a) {
    const raw0 = toks[a]!.t;
    if ((has(ROLE_HEADS, raw0) || ROLE_HEADS.has(raw0.replace(/^ال/, '')) || hasArticle(raw0)) && endsWithTaMarbuta(ctx, a)) gender = 'f';
  }
  const m: Mention = { kind: 'name', name: originalText(ctx, nameStart, nameEnd), start: orig(ctx, toks[nameStart]!.s), end: orig(ctx, toks[nameEnd]!.e) };
  if (role) m.role = role;
  if (gender) m.gender = gender;
  let next = nameEnd + 1;
  if (latinAfterComma >= 0) next = end;
  return { mention: m, next, object: next < end, speech };
}

/**
 * «وقال مؤسسها ومديرها التنفيذي NAME», «وقالت محاميته NAME»: a noun with a possessive, its adjectives and a second
 * role joined by و, then a personal name of two parts that closes the phrase: a role of the named person.
 */
function possessiveBeforeName(ctx: Ctx, a: number, end: number): boolean {
  const t = stripConj(ctx.toks[a]!.t).replace(/(?:هما|هم|ها|ه)$/u, '');
  if (SPEECH_EVENTS.has(t) || DOCUMENTS.has(t)) return false;
  const i = roleEnd(ctx, a, end, true, true);
  const name = i > a && i < end ? nameAt(ctx, i, end) : undefined;
  return !!name && name.units >= 2 && name.end === end;
}

// «إحداهن», «أحدهم», «إحداهما»: one of them (folded).
const ONE_OF_THEM = /^(احد|احدا|احدي)(?:هم|هن|هما)$/u;

/** Past honorific styles at a: «معالي», «صاحب السمو», «دولة» before «رئيس» (one or two in a row). */
function pastStyles(ctx: Ctx, a: number, b: number): number {
  const { toks } = ctx;
  for (let n = 0; n < 2 && a + 1 < b; n++) {
    const t = HONORIFIC_STYLES.has(toks[a]!.t) ? toks[a]!.t : stripConj(toks[a]!.t);
    if (HONORIFIC_STYLES.has(t) || (t === 'دوله' && toks[a + 1]!.t === 'رييس')) a += 1;
    else if (t === 'صاحب' && STYLE_AFTER_SAHIB.has(toks[a + 1]!.t) && a + 2 < b) a += 2;
    else break;
  }
  return a;
}

/** «المحامي عن العائلة، جورج خوري، إن …»: a name set off by commas after a role, up to the end of the phrase. */
function apposedName(ctx: Ctx, a: number, end: number, b: number): [number, number] | undefined {
  const { toks } = ctx;
  if (end >= b || !isComma(toks[end]!.t)) return undefined;
  // A title with the article may open the apposition: «رئيس مجلس الإدارة، المهندس وليد الراشد، إن».
  const title = end + 2 < b && toks[end + 1]!.t.startsWith('ال') && (ROLE_HEADS.has(toks[end + 1]!.t) || ROLE_HEADS.has(toks[end + 1]!.t.slice(2))) && !has(ROLE_HEADS, toks[end + 2]!.t);
  // (After a titled apposition the phrase before is a role even when its head is no listed one: «متصدرة قائمة …، المحامية NAME،».)
  if (!(hasArticle(toks[a]!.t) || has(ROLE_HEADS, toks[a]!.t) || ONE_OF_THEM.test(stripConj(toks[a]!.t)) || (title && !isPunct(toks[a]!.t) && !verbAt(toks[a]!.t)))) return undefined;
  // Only when the phrase before names nobody («المحامي فلان، وكيل …، أن» is the lawyer's own name), and the
  // apposition is no role of its own.
  const r = roleEnd(ctx, a, end, true, true);
  // («المرشحة لعضوية المجلس، NAME،»: a word with لـ before a genitive goes on with the role, no name.)
  // (So does a genitive of a body word: «رئيس غرفة تجارة حمص، NAME،».)
  // (And a genitive coordinated with و: «غرفة تجارة وصناعة البحرين، NAME،».)
  const coordinated = r > a + 1 && toks[r]!.t[0] === 'و' && !hasArticle(toks[r - 1]!.t);
  const prepGenitive = (/^[لب]/u.test(toks[r]?.t ?? '') && hasArticle(toks[r + 1]?.t ?? '')) || (r > a && CONSTRUCT.has(stripConj(toks[r - 1]!.t))) || coordinated;
  // (A titled name between commas is the person even when the phrase before ends in a name of its own:
  // «أستاذة … في جامعة الملك سعود، الدكتورة NAME، حذّرت».)
  // (So is a name with a particle or a link in the apposition: «مزارعي مشروع الجزيرة، الطيب محمد ود البشير،».)
  if (r < end && nameAt(ctx, r, end) && !prepGenitive && !title && !linkedName(ctx, end + 1, b)) return undefined;
  let s = title ? end + 2 : end + 1;
  if (TIME_WORDS.has(toks[s]?.t ?? '') || ADVERB_STARTS.has(toks[s]?.t ?? '')) return undefined;
  // A rank of two words: «الملازم الأول», «العميد الركن».
  while (title && s < b && hasArticle(toks[s]!.t) && nameAt(ctx, s + 1, b)) s++;
  if (!title && has(ROLE_HEADS, toks[end + 1]?.t ?? '')) return undefined;
  // The apposition runs to the next comma: a third name word may close it («، المهندسة داليا فاروق إسماعيل،»).
  let c = s;
  while (c < b && !isComma(toks[c]!.t)) c++;
  const name = nameAt(ctx, s, c) ?? articleGivenName(ctx, s, c);
  // (Between commas a name may run to four parts: «، الدكتورة آمنة محمد أحمد الطيب،».)
  if (name && name.end < c && c - s <= 4 && Array.from({ length: c - name.end }, (_, i) => name.end + i).every((j) => nameWord(ctx, j) && (j === c - 1 || !hasArticle(toks[j]!.t)))) name.end = c;
  // (A kunya is a whole name: «الأم، أم حسن، إن».)
  if (!name || (name.units < 2 && !(NAME_START.has(toks[s]!.t) && name.end > s + 1))) return undefined;
  // After the closing comma, only whom it was said to or the occasion: «، NAME، لـ«الوطن» إن», «، NAME، في حوار مع …، إن».
  // (Where the person comes from may close it: «، NAME من مدينة الزاوية،».)
  const origin = toks[name.end]?.t === 'من' && c - name.end <= 4;
  const closed = name.end === b || ((name.end === c || origin) && (c + 1 >= b || addressee(toks[c + 1]?.t ?? '') || toks[c + 1]?.t === 'في' || ADVERB_STARTS.has(toks[c + 1]?.t ?? '')));
  return closed ? [s, name.end - 1] : undefined;
}

/** Up to the next comma from s, a name part with a particle or a link after its first word («أبو», «بن», «ود»). */
function linkedName(ctx: Ctx, s: number, b: number): boolean {
  for (let j = s + 1; j < b && j - s <= 5 && !isPunct(ctx.toks[j]!.t); j++) if (NAME_LINKS.has(ctx.toks[j]!.t) || NAME_START.has(ctx.toks[j]!.t)) return true;
  return false;
}

/**
 * Between commas, a given name with the article and the name parts after it, the whole of the apposition
 * («رئيس الاتحاد في صفاقس، الهادي الزواري، فقال»): 2 to 4 name words up to the comma or the phrase end.
 */
function articleGivenName(ctx: Ctx, s: number, b: number): { end: number; units: number } | undefined {
  const t = ctx.toks[s]!.t;
  if (!t.startsWith('ال') || has(ROLE_HEADS, t) || ROLE_HEADS.has(t.slice(2)) || BODY_HEADS.has(t) || COMMON_HEADS.has(t.slice(2))) return undefined;
  let e = s;
  while (e < b && e - s < 4 && nameWord(ctx, e) && !TIME_WORDS.has(ctx.toks[e]!.t)) e++;
  const closed = e === b || isComma(ctx.toks[e]!.t);
  return closed && e - s >= 2 ? { end: e, units: e - s } : undefined;
}

/** A name given later in the clause: "أحد المحتجين ويُدعى علي حسن". */
function namedLater(ctx: Ctx, a: number, b: number): NP | undefined {
  const { toks } = ctx;
  for (let i = a; i + 1 < b; i++) {
    const t = toks[i]!.t;
    // («طلب عدم ذكر اسمه», «الكشف عن اسمها»: the name withheld, none given.)
    if ((t === 'اسمه' || t === 'اسمها') && i > a && (verbAt(toks[i - 1]!.t) || toks[i - 1]!.t === 'عن')) continue;
    // «مستخدمة تحمل اسم «أم جود»», «قارئ يوقّع باسم «…»»: a pen name in marks is the speaker's name.
    const pen = /^(?:يحمل|تحمل|يوقع|توقع)$/u.test(t) && /^ب?اسم$/u.test(toks[i + 1]!.t) && i + 2 < b && ctx.inSpan[i + 2]! >= 0 ? ctx.spans[ctx.inSpan[i + 2]!]! : undefined;
    if (pen) return { mention: { kind: 'name', name: ctx.text.slice(pen.start, pen.end).trim(), role: originalText(ctx, a, i - 1), start: pen.start, end: pen.end }, next: b, object: false, speech: false };
    // (Also «وهي معلمة تدعى NAME»: تدعى before a name, not أنّ.)
    if (t === 'ويدعي' || t === 'يدعي' || t === 'واسمه' || t === 'اسمه' || t === 'واسمها' || t === 'اسمها' || ((t === 'تدعي' || t === 'وتدعي') && !THAT.has(toks[i + 1]!.t))) {
      const role = i > a ? originalText(ctx, a, i - 1).replace(/[،,]\s*$/u, '') : undefined;
      let e = i + 1;
      while (e < b && e - i <= 3 && !isPunct(toks[e]!.t)) e++;
      if (e === i + 1) break;
      return { mention: { kind: 'name', name: originalText(ctx, i + 1, e - 1), ...(role ? { role } : {}), start: orig(ctx, toks[i + 1]!.s), end: orig(ctx, toks[e - 1]!.e) }, next: e, object: false, speech: false };
    }
  }
  return undefined;
}

/**
 * Where the speaker phrase ends: at the first adverbial, relative clause, comma or addressee; a Latin name in
 * apposition after a comma is kept ("الرئيس التنفيذي لشركة X، Lars Eriksson، إن"). `speech` when a speech
 * event follows («في بيان»): whatever follows is no object.
 */
function cutPhrase(ctx: Ctx, a: number, b: number): { end: number; latinAfterComma: number; speech: boolean } {
  const { toks } = ctx;
  let speech = false;
  let c = a;
  let latinAfterComma = -1;
  for (; c < b; c++) {
    const t = toks[c]!.t;
    const w = stripConj(t);
    if (ctx.inSpan[c]! >= 0) {
      // A name in marks inside the phrase: منظمة «أطباء بلا حدود».
      const sp = ctx.spans[ctx.inSpan[c]!]!;
      while (c + 1 < b && ctx.inSpan[c + 1]! >= 0 && ctx.spans[ctx.inSpan[c + 1]!] === sp) c++;
      continue;
    }
    if (isComma(t)) {
      const l = titledLatin(ctx, c + 1, b);
      if (l >= 0) {
        latinAfterComma = l;
        let e = l;
        while (e < b && LATIN.test(toks[e]!.t)) e++;
        c = e - 1;
        continue;
      }
      break;
    }
    if (isEnd(t) || t === ':' || (c > a && accusative(ctx, c))) break;
    if (w === 'الذي' || w === 'التي' || w === 'الذين' || w === 'اللذان' || w === 'اللتان' || w === 'اللتين') break;
    if (c > a && t === 'في' && c + 1 < b && isSpeechEvent(toks[c + 1]!.t)) {
      speech = true;
      break;
    }
    // «سفير السعودية لدى لبنان …» is a role; «لدى وصوله» an adverbial.
    // («المحلل لدى «كابيتال …» NAME»: so is a role with the article.)
    const accredited = t === 'لدي' && c > a && c + 1 < b && !hasPronounSuffix(ctx, c + 1) && (has(ROLE_HEADS, toks[a]!.t) || ROLE_HEADS.has(stripConj(toks[a]!.t).replace(/^ال/u, '')));
    if ((ADVERB_STARTS.has(t) && !accredited) || (TIME_WORDS.has(t) && isTimePhrase(ctx, c))) break;
    if (c > a && addressee(t)) break;
  }
  return { end: c, latinAfterComma, speech };
}

/**
 * After the comma of an apposition, a Latin name with up to three title or adjective words before it: «، Lars
 * Eriksson،», «، عالمة الآثار Katrin …،», «، البروفيسور الإسباني Javier …،». Its first Latin token, or -1.
 */
function titledLatin(ctx: Ctx, s: number, b: number): number {
  const { toks } = ctx;
  for (let j = s; j < b && j - s <= 3; j++) {
    const t = toks[j]!.t;
    if (LATIN.test(t)) {
      // (The name closes the apposition: a comma or the phrase end after it.)
      let e = j;
      while (e < b && LATIN.test(toks[e]!.t)) e++;
      return j === s || e >= b || isComma(toks[e]!.t) ? j : -1;
    }
    if (ctx.inSpan[j]! >= 0 || isPunct(t) || STOP_WORDS.has(t) || verbAt(t) || hasPronounSuffix(ctx, j)) return -1;
  }
  return -1;
}

/** «للصحافيين», «لموقعنا», «لقناة», «لـ«…»», «له»: whom the words were said to, not who said them. */
function addressee(t: string): boolean {
  if (t === 'ل' || t === 'لـ' || t === 'له' || t === 'لها' || t === 'لهم') return true;
  // (لـ before a hamza reads لا: «لإذاعة», «لإذاعتنا».)
  if (t.length <= 3 || t[0] !== 'ل') return false;
  const w = (t.startsWith('لل') ? t.slice(2) : t.slice(1)).replace(/(?:نا|ها|هم|ه)$/u, '');
  return MEDIA_ADDRESSEES.has(w) || MEDIA_ADDRESSEES.has(t.startsWith('لل') ? t.slice(2) : t.slice(1));
}

/** Past an addressee that opens the phrase after a verb («وقال للصحافيين في …», «وقالت لـ«…»»): a, if none. */
function addresseeEnd(ctx: Ctx, a: number, b: number): number {
  const { toks } = ctx;
  if (a >= b || !addressee(toks[a]!.t)) return a;
  let i = a + 1;
  while (i < b && (ctx.inSpan[i]! >= 0 || hasArticle(toks[i]!.t))) i++;
  return i;
}

/** The run of Latin tokens from token s: "Lars Eriksson". */
function latinRun(ctx: Ctx, s: number, b: number): [number, number] {
  let e = s;
  while (e < b && LATIN.test(ctx.toks[e]!.t)) e++;
  return [s, e - 1];
}

// Prepositions before a platform's name.
const PLATFORM_BEFORE = new Set(['في', 'علي', 'عبر']);

/** The last run of Latin tokens ("Guo Jiakun"), unless it names an organisation inside the role (لشركة Nordwind Energy). */
function latinName(ctx: Ctx, a: number, end: number): [number, number] | undefined {
  const { toks } = ctx;
  for (let k = end - 1; k >= a; k--) {
    if (LATIN.test(toks[k]!.t) && ctx.inSpan[k]! < 0) {
      let s = k;
      while (s - 1 >= a && LATIN.test(toks[s - 1]!.t)) s--;
      if (s > a && /^ل/.test(toks[s - 1]!.t) && BODY_HEADS.has(toks[s - 1]!.t.slice(1))) return undefined;
      // «على حسابها في منصة X», «في منشور على LinkedIn»: a platform is where it was said, not who said it.
      if (s > a && (PLATFORM_BEFORE.has(toks[s - 1]!.t) || PLATFORMS.has(stripConj(toks[s - 1]!.t)))) {
        k = s;
        continue;
      }
      return [s, k];
    }
  }
  return undefined;
}

/** A gazetteer name anywhere in the phrase (a place only when it is the whole phrase). */
function gazetteerName(ctx: Ctx, a: number, end: number): [number, number] | undefined {
  for (let k = a; k < end; k++) {
    const g = gazetteerAt(ctx, k, end);
    // A body inside a role («المتحدث باسم الأمم المتحدة ستيفان …») is not the speaker: only a person, or a body
    // that opens the phrase.
    if (g && (g.kind === 'person' || (g.kind !== 'place' && k === a))) return [k, g.end];
    if (g && g.kind === 'place' && k === a && g.end === end - 1) return [k, g.end];
  }
  return undefined;
}

/** No role word: a bare name (ترامب، قو، أبو محمد) or a common noun phrase (مصدر أمني، شهود عيان). */
function bareName(ctx: Ctx, a: number, end: number, first: string, speech: boolean): NP | undefined {
  const { toks } = ctx;
  const raw0 = toks[a]!.t;
  // «إحداهن», «أحدهم»: one of them, a speaker of its own.
  const oneOf = ONE_OF_THEM.exec(first);
  if (oneOf) return { mention: { kind: 'noun', name: toks[a]!.t === first ? originalText(ctx, a, a) : originalText(ctx, a, a).slice(1), gender: oneOf[1] === 'احد' ? 'm' : 'f', start: orig(ctx, toks[a]!.s), end: orig(ctx, toks[a]!.e) }, next: a + 1, object: a + 1 < end, speech };
  // "تصريحاته", "بيانها": his statements, her statement — the owner speaks.
  const owner = /^(?:تصريحات|بيان|كلمت|حديث|رسالت|تغريدت|اقوال)(ه|ها|هم)$/.exec(first);
  if (owner && hasPronounSuffix(ctx, a)) {
    const g: Gender = owner[1] === 'ه' ? 'm' : owner[1] === 'ها' ? 'f' : 'p';
    return { mention: { kind: 'pronoun', name: toks[a]!.t, gender: g, start: orig(ctx, toks[a]!.s), end: orig(ctx, toks[a]!.e) }, next: a + 1, object: false, speech: false };
  }
  // A plural noun without the article is a group of people: «صيادون في الميناء».
  // (A plural in -ات with a genitive is a group of things or women: «سفارات ثلاث دول»; «عرفات», «بركات الحسن» are names.)
  const things = /ات$/u.test(first) && looksPlural(first) && a + 1 < end && !hasArticle(toks[a + 1]!.t) && nameWord(ctx, a + 1);
  // (A feminine dual is two people too: «ممرضتان تعملان في …»; so is a plural in construct before its genitive:
  // «منتجو الصمغ», «موظفو الشركة».)
  const construct = first.length >= 5 && /و$/u.test(first) && looksPlural(`${first}ن`) && a + 1 < end && hasArticle(toks[a + 1]!.t);
  const common = construct || COMMON_HEADS.has(first) || (looksPlural(first) && /(?:ون|ين)$/.test(first)) || (/ت(?:ان|ين)$/u.test(first) && first.length > 5) || things;
  if (STOP_WORDS.has(raw0) || STOP_WORDS.has(first) || (THAT.has(raw0) && !SURNAME_PARTICLES.has(raw0)) || /^(?:ذلك|هذا|هذه|ذاك|تلك)$/.test(first)) return undefined;
  // «شهود عيان», «تجار في سوق الحميدية»: a common noun with its genitives; else a name («عبد الرحمن الشهري», «بن عاشور»).
  const k = common ? roleEnd(ctx, a, end, false, false) : (nameAt(ctx, a, end, true)?.end ?? a);
  if (k <= a) return undefined;
  const m: Mention = { kind: common ? 'noun' : 'name', name: originalText(ctx, a, k - 1), start: orig(ctx, toks[a]!.s), end: orig(ctx, toks[k - 1]!.e) };
  if (looksPlural(toks[a]!.t) || (common && GROUP_NOUNS.has(first)) || (k > a + 1 && looksPlural(toks[k - 1]!.t) && common)) m.gender = pluralGender(toks[a]!.t);
  // A feminine dual («لاجئتان», «طبيبتين») takes «وأضافتا».
  else if (/ت(?:ان|ين)$/u.test(first) && first.length > 5) m.gender = 'p';
  // «إحدى المتضررات», «أحد السكان»: one of a group agrees as one («وقالت إحدى …، وأضافت»).
  const one = ONE_OF.get(first);
  if (one) m.gender = one;
  if (construct) m.gender = 'p';
  return { mention: m, next: k, object: k < end, speech };
}

export function parseNPWithoutLam(ctx: Ctx, s: number, e: number, stripL: boolean): NP | undefined {
  if (!stripL) return parseNP(ctx, s, e);
  // "لهيئة الطيران المدني" → "هيئة الطيران المدني", "للمسؤولين الصينيين" → "المسؤولين الصينيين".
  const tok = ctx.toks[s]!;
  const w = tok.t;
  let cut = 0;
  if (w.startsWith('لل')) cut = 1;
  else if (w[0] === 'ل' && w.length > 3) cut = 1;
  if (!cut) return parseNP(ctx, s, e);
  const saved = ctx.toks[s]!;
  ctx.toks[s] = { t: w.startsWith('لل') ? `ا${w.slice(1)}` : w.slice(1), s: saved.s + 1, e: saved.e };
  try {
    const np = parseNP(ctx, s, e);
    if (np && w.startsWith('لل') && np.mention.start === ctx.f.map[saved.s + 1]) {
      // Restore the article the preposition swallowed: للمسؤولين → المسؤولين.
      np.mention.name = `ال${np.mention.name.replace(/^ل/, '')}`;
    }
    return np;
  } finally {
    ctx.toks[s] = saved;
  }
}
