// Arabic stage 4, speakers of a sentence: the subject of a clause, for dropped subjects and participles.

import type { Gender, Mention } from '../internal.ts';
import { ADVERB_STARTS, BODY_HEADS, CLAUSE_OPENERS, COMMON_HEADS, GROUP_NOUNS, NAME_START, OCCASIONS, RELATIVE_PRONOUNS, ROLE_HEADS, STANDS_FOR, STOP_WORDS, THAT, TIME_MODIFIERS } from '../words-ar.ts';
import { verbAt, type VerbInfo } from './cues.ts';
import { type NP, parseNP } from './names.ts';
import { nameAt } from './roles.ts';
import { ARABIC_TITLES } from '../titles.ts';
import { accusative, asSubject, type Ctx, eventVerb, gazetteerAt, isDash, looksPlural, has, hasArticle, hasPronounSuffix, isComma, isEnd, isPunct, LATIN, orig, originalText, stripConj } from './tokens.ts';
import { complementEndForNoun } from './complement.ts';

// «غير أن X», «في حين أن X»: أنّ after these opens a clause whose subject follows.
const THAT_AFTER = new Set(['حين', 'رغم', 'بالرغم', 'مع', 'حيث', 'غير', 'الا', 'بيد']);

const SUBJECT_STOPS = new Set(['الي', 'علي', 'عن', 'من', 'مع', 'في', 'امام', 'لدي', 'بعد', 'قبل', 'خلال']);

/** The subject of a clause that starts at token a: "التقى وزير الخارجية العماني سالم الهنائي نظيره ...". */
export function clauseSubject(ctx: Ctx, a: number, b: number): Mention | undefined {
  const { toks } = ctx;
  let i = a;
  // A dateline: «صنعاء - …», «الخرطوم (وكالة …) - …».
  for (let k = a; k < Math.min(b, a + 12); k++) {
    const t = toks[k]!.t;
    if (t === '-' || t === '–' || t === '—') i = k + 1;
    if (verbAt(t) || isEnd(t)) break;
  }
  a = i;
  // («…»، تقول ضاحكة: a sentence that opens with a quotation has its subject after the verb, if anywhere.)
  if (a < b && ctx.inSpan[a]! >= 0) return undefined;
  // Skip a leading adverbial up to a comma: "في المقابل،", "وردًا على سؤال عن البطالة،" (not «أما X،»).
  for (let k = a; k < Math.min(b, a + 14); k++) {
    // («في حين أن X …، فقد أكد»: a clause with its own subject, no adverbial.)
    if (toks[k]!.t === 'ان' && k > a && THAT_AFTER.has(toks[k - 1]!.t)) break;
    if (isComma(toks[k]!.t)) {
      const first = stripConj(toks[a]!.t);
      // («وكان X، الذي …، قد قال»: كان opens the clause, its subject follows.)
      if (!CLAUSE_OPENERS.has(first) && first !== 'كان' && first !== 'كانت' && (STOP_WORDS.has(toks[a]!.t) || STOP_WORDS.has(first) || first === 'ردا' || first.startsWith('ب') || first === 'في')) i = k + 1;
      break;
    }
  }
  // "في حين أن X", "غير أن X", "أما X", "لكن X", «كما نشرت X» (also).
  for (let k = i; k < Math.min(b, i + 4); k++) {
    const t = toks[k]!.t;
    const prev = k > 0 ? toks[k - 1]!.t : '';
    if ((t === 'ان' && THAT_AFTER.has(prev)) || t === 'اما' || t === 'لكن' || t === 'ولكن' || t === 'بينما' || t === 'وبينما' || ((t === 'كما' || t === 'وكما') && k === i)) {
      i = k + 1;
      break;
    }
  }
  if (i >= b) return undefined;
  const first = toks[i]!.t;
  // Verb first (VSO): the subject follows the verb.
  const group = COMMON_HEADS.has(first) || GROUP_NOUNS.has(first);
  const nounFirst = !eventVerb(first) && (hasArticle(first) && !/^ال(?:تق|تف|تز|تح)/.test(first)) || has(ROLE_HEADS, first) || has(BODY_HEADS, first) || LATIN.test(first) || group || gazetteerAt(ctx, i, b) !== undefined;
  let s = nounFirst ? i : i + 1;
  // «وتحدثت إلى الصحيفة والدة …»: past a prepositional phrase between the verb and its subject.
  if (!nounFirst) s = pastPrepPhrase(ctx, s, b);
  if (s >= b) return undefined;
  if (verbAt(toks[s]!.t)) return undefined;
  // The phrase runs to the first preposition or punctuation («في» stays in a group: «سكان في القرية»).
  let e = s;
  // («في» stays in a group, «عن» after a member: «النائب عن كتلة التغيير NAME».)
  const member = STANDS_FOR.has(stripConj(toks[s]!.t).replace(/^ال/u, ''));
  while (e < b && !isPunct(toks[e]!.t) && !(SUBJECT_STOPS.has(toks[e]!.t) && !(group && toks[e]!.t === 'في') && !(member && toks[e]!.t === 'عن')) && !verbAt(toks[e]!.t) && !eventVerb(toks[e]!.t) && !THAT.has(toks[e]!.t) && e - s < 14) e++;
  if (e <= s) return undefined;
  // («الباحثة في المعهد …، الدكتورة NAME، …»: a role with its prepositional phrase before the apposed name.)
  const np = titledNameAfter(ctx, s, e, b) ?? appositionAfter(ctx, s, e, b) ?? (SUBJECT_STOPS.has(toks[e]?.t ?? '') ? appositionAfter(ctx, s, commaAfter(ctx, e, b), b) : undefined) ?? parseNP(ctx, s, e);
  if (!np) return undefined;
  if (np.mention.kind === 'name' && has(STOP_WORDS, toks[s]!.t) && !ROLE_HEADS.has(toks[s]!.t)) return undefined;
  return np.mention;
}

/**
 * «أستاذ الاقتصاد في جامعة بغداد الدكتور NAME»: a role, its «في» phrase, then a title and a name: the named
 * person, not the role cut at «في».
 */
function titledNameAfter(ctx: Ctx, s: number, e: number, b: number): NP | undefined {
  const { toks } = ctx;
  if (toks[e]?.t !== 'في' || !has(ROLE_HEADS, toks[s]!.t)) return undefined;
  for (let j = e + 1; j < b && j - e <= 6; j++) {
    const t = toks[j]!.t;
    if (isPunct(t) || verbAt(t) || THAT.has(t)) return undefined;
    if (!ARABIC_TITLES.has(t)) continue;
    const n = nameAt(ctx, j + 1, b);
    if (!n) return undefined;
    const np = parseNP(ctx, s, n.end);
    return np?.mention.kind === 'name' ? np : undefined;
  }
  return undefined;
}

/** ««…»، قالت ROLE، NAME من PLACE، في …»: past a name of two parts apposed after the comma at e (its closing comma); e if none. */
function apposedEnd(ctx: Ctx, e: number, n: number): number {
  if (e >= n || !isComma(ctx.toks[e]!.t)) return e;
  // (Or «، وتدعى NAME»: the name given after the comma, to the sentence's end or the next comma.)
  if (/^و?(?:تدعي|يدعي|اسمه|اسمها)$/u.test(ctx.toks[e + 1]?.t ?? '')) {
    let c = e + 2;
    while (c < n && !isComma(ctx.toks[c]!.t) && !isEnd(ctx.toks[c]!.t) && c - e <= 6) c++;
    return c;
  }
  const c = commaAfter(ctx, e + 1, n);
  return c > e + 1 && isComma(ctx.toks[c]!.t) && (nameAt(ctx, e + 1, c)?.units ?? 0) >= 2 ? c : e;
}

/** The first comma within ten words after e, with no verb or sentence end before it; e if none. */
function commaAfter(ctx: Ctx, e: number, b: number): number {
  for (let c = e; c < b && c - e <= 10; c++) {
    const t = ctx.toks[c]!.t;
    if (isComma(t)) return c;
    if (isEnd(t) || verbAt(t) || ctx.inSpan[c]! >= 0) break;
  }
  return e;
}

/** «نقيب المعلمين، الأستاذ NAME، …»: the subject phrase ending at a comma, with a personal name in apposition after it. */
function appositionAfter(ctx: Ctx, s: number, e: number, b: number): NP | undefined {
  const { toks } = ctx;
  if (e >= b || !isComma(toks[e]!.t)) return undefined;
  // («الشركة، في رد مكتوب، …»: an occasion between commas names nobody.)
  if (SUBJECT_STOPS.has(toks[e + 1]?.t ?? '') || ADVERB_STARTS.has(toks[e + 1]?.t ?? '')) return undefined;
  let c = e + 1;
  while (c < b && !isComma(toks[c]!.t) && !isEnd(toks[c]!.t) && c - e <= 8) c++;
  if (c >= b || !isComma(toks[c]!.t)) return undefined;
  const np = parseNP(ctx, s, c);
  return np && np.mention.kind === 'name' && np.mention.start > orig(ctx, toks[e]!.s) ? np : undefined;
}

/** Past «إلى الصحيفة», «لـX» right after a verb: the token where its subject starts (s if none). */
function pastPrepPhrase(ctx: Ctx, s: number, b: number): number {
  const t = ctx.toks[s]?.t ?? '';
  if (s + 2 < b && (t === 'الي' || t === 'مع' || t === 'امام' || t === 'ل' || t === 'لـ') && !isPunct(ctx.toks[s + 1]!.t)) return s + 2;
  return s;
}

/** A complement marker: its kind and token. */
export interface Marker {
  type: 'that' | 'colon' | 'direct' | 'prep';
  at: number;
}

/** The speaker phrase of a verb, and where the phrase after the verb ends. */
export interface VerbSpeaker {
  np: NP | undefined;
  mention: Mention | undefined;
  svo: boolean;
  npEnd: number;
}

/** The speaker phrase of a verb: between the verb and the marker (VSO), else before the verb (SVO); undefined when the verb reports nothing. */
export function verbSpeaker(ctx: Ctx, k: number, info: VerbInfo, conj: boolean, marker: Marker | undefined): VerbSpeaker | undefined {
  const { toks } = ctx;
  const n = toks.length;
  let npEnd = marker ? marker.at : apposedEnd(ctx, complementEndForNoun(ctx, k + 1, n), n);
  // وصف takes an object before بأن: "ووصف المدرب أداء فريقه بأنه ...", «ووصفت اللحظة بأنها ...».
  if (info.lemma === 'وصف' && marker) npEnd = objectStart(ctx, k + 1, npEnd);
  // A participle has no subject after it: what follows is its object («واصفًا التهم بأنها»).
  const after = k + 1 < n ? toks[k + 1]!.t : '';
  // «رسالة … قالت فيها إن»: a verb in a clause that describes a noun; its subject is dropped.
  if (RESUMPTIVE.test(after)) return { np: undefined, mention: undefined, svo: false, npEnd };
  // «ودعت المواطنين إلى»: a sound plural in -ين right after a singular verb is its object (a subject is in -ون).
  // «…، ودعت الأهالي إلى …», «ودعا المجتمع الدولي إلى …»: after a conjunction, those appealed to are the object.
  const appealed = conj && (info.lemma === 'دعا' || info.lemma === 'طالب') && APPEALED.has(after);
  const objectFirst = appealed || (info.gender !== 'p' && hasArticle(after) && after.length >= 8 && /ين$/u.test(after) && looksPlural(after));
  // «وختم بالقول إن …»: «by saying» names no one; the subject is dropped.
  const from = toks[k + 1]?.t === 'بالقول' ? k + 2 : k + 1;
  let np = npEnd > from && !info.participle && !objectFirst ? parseNP(ctx, from, npEnd) : undefined;
  let svo = false;
  let mention: Mention | undefined = np?.mention;
  if (np && info.objectGuard && np.object && !np.speech && invitation(ctx, marker)) return undefined;
  // «أما X فقالت», «X، التي …، قالت», «X، الذي يرى أن»: the subject stands before.
  const fronted = info.participle ? undefined : frontedSubject(ctx, k);
  // («أما الشركة، «…»، فأوضح مؤسسها NAME»: a personal name after the verb is its subject, not the topic.)
  if (fronted && (!mention || (ctx.toks[k]!.t[0] === 'ف' && !(mention.kind === 'name' && mention.name.includes(' '))))) {
    np = fronted;
    mention = fronted.mention;
    svo = true;
  }
  // «لكنها أكدت»: the pronoun on لكنّ is the subject.
  // «غير أنها تعترف», «إلا أنه أقر»: so is the pronoun on أنّ after غير / إلا / بيد.
  // «قال إنه يعتقد أن …»: and the pronoun on إنّ before a second verb.
  const but = k > 0 ? (/^و?لكن(ه|ها|هم|هما)$/u.exec(toks[k - 1]!.t) ?? (k > 1 && (THAT_AFTER.has(toks[k - 2]!.t) || verbAt(toks[k - 2]!.t)) ? /^[بف]?ان(ه|ها|هم|هما)$/u.exec(toks[k - 1]!.t) : null)) : null;
  if (!mention && but) {
    const g: Gender = but[1] === 'ه' ? 'm' : but[1] === 'ها' ? 'f' : 'p';
    mention = { kind: 'pronoun', name: toks[k - 1]!.t, gender: g, start: orig(ctx, toks[k - 1]!.s), end: orig(ctx, toks[k - 1]!.e) };
  }
  if (!mention && !conj && !info.participle) {
    // SVO: the clause before the verb.
    let a = k - 1;
    while (a >= 0 && !isComma(toks[a]!.t) && !isEnd(toks[a]!.t) && !isDash(toks[a]!.t) && !CLAUSE_OPENERS.has(toks[a]!.t) && ctx.inSpan[a]! < 0 && k - a <= 10) a--;
    let s = a + 1;
    // («رغم أن …، فإن عضوًا آخر أكد»: فإنّ opens the clause of its subject.)
    while (s < k && (toks[s]!.t === 'فقد' || toks[s]!.t === 'قد' || toks[s]!.t === 'فان' || (toks[s]!.t === 'ان' && s > 0 && THAT_AFTER.has(toks[s - 1]!.t)))) s++;
    let e = k;
    while (e > s && (toks[e - 1]!.t === 'فقد' || toks[e - 1]!.t === 'قد' || toks[e - 1]!.t === 'لقد')) e--;
    if (e > s) {
      // (After أنّ or لكنّ the subject is in the accusative: «غير أن مسؤولًا … أكد».)
      const afterThat = s > 0 && (toks[s - 1]!.t === 'ان' || toks[s - 1]!.t === 'فان' || /^و?لكن$/u.test(toks[s - 1]!.t)) && accusative(ctx, s);
      const first = afterThat ? toks[s]!.t.replace(/ا$/u, '') : toks[s]!.t;
      // («لكن أبي خليل نفى»: a name opened by a particle.)
      const okStart = hasArticle(first) || has(ROLE_HEADS, first) || has(BODY_HEADS, first) || LATIN.test(first) || gazetteerAt(ctx, s, e) !== undefined || COMMON_HEADS.has(first) || (NAME_START.has(first) && e - s >= 2);
      if (okStart) {
        const before = afterThat ? asSubject(ctx, s, e, () => parseNP(ctx, s, e)) : parseNP(ctx, s, e);
        if (before) {
          np = before;
          mention = before.mention;
          svo = true;
        }
      } else if (s > 0 || e - s > 0) {
        // Something that is not a speaker stands before the verb (تقارير ... تشير إلى أن): leave it.
        if (!(a >= 0 && isComma(toks[a]!.t) && e === s)) return undefined;
      }
    }
  }
  return { np, mention, svo, npEnd };
}

/**
 * «دعا الملك ضيوفه إلى مأدبة» invites; «دعت الهيئة المواطنين إلى الحذر» calls on them to act, and reports. With an
 * object, دعا reports unless its إلى names an occasion.
 */
export function invitation(ctx: Ctx, marker: Marker | undefined): boolean {
  if (!marker || marker.type !== 'prep') return true;
  const next = ctx.toks[marker.at + 1]?.t ?? '';
  return OCCASIONS.has(next.replace(/^ال/u, ''));
}

/** The object before بأن at the end of [s, e): a definite noun with its adjectives, or a noun with a possessive. */
function objectStart(ctx: Ctx, s: number, e: number): number {
  const { toks } = ctx;
  let o = e - 1;
  if (o < s) return e;
  const adjective = (t: string): boolean => /(?:ي|يه)$/u.test(t) || TIME_MODIFIERS.has(t);
  while (o - 1 >= s && hasArticle(toks[o]!.t) && hasArticle(toks[o - 1]!.t) && adjective(toks[o]!.t)) o--;
  if (o - 1 >= s && hasPronounSuffix(ctx, o) && !hasArticle(toks[o - 1]!.t)) o--;
  return o;
}

// Those an appeal is made to: the object of «ودعا», «وطالب» right after the verb.
const APPEALED = new Set(['المجتمع', 'الجهات', 'المانحين', 'الاهالي', 'المواطنين', 'السكان', 'الاسر', 'العايلات', 'الشباب', 'الاطراف', 'السلطات', 'الحكومه', 'الحكومات', 'الدول', 'الطلاب', 'الطلبه', 'التجار', 'المزارعين', 'الصيادين', 'السايقين', 'المسافرين', 'الزوار', 'الاباء', 'الاولياء', 'اولياء', 'الجمهور', 'الجميع', 'الناس', 'العمال', 'الموظفين', 'المستثمرين', 'المستهلكين']);

const AMONG = new Set(['بينهم', 'بينها', 'بينهما', 'منهم', 'منها', 'منهما']);

const RESUMPTIVE = /^(?:فيه|فيها|فيهم|فيهما)$/u;


/** A word that opens an aside between a subject and its verb: a relative, a preposition, «مثل», «كغيره». */
function asideOpener(t: string): boolean {
  const w = stripConj(t);
  return RELATIVE_PRONOUNS.has(t) || STOP_WORDS.has(w) || ADVERB_STARTS.has(w) || w === 'مثل' || (w.length > 3 && w[0] === 'ك');
}

/**
 * The subject of the verb at k when it stands before it: after «أما» with «ف» on the verb («أما X فوصفت»), before
 * an aside set off by commas («X، على غرار …، قالت»), or before a relative whose verb this is («X، الذي يرى»).
 */
function frontedSubject(ctx: Ctx, k: number): NP | undefined {
  const { toks } = ctx;
  const before = k > 0 ? toks[k - 1]!.t : '';
  let e = k;
  if (RELATIVE_PRONOUNS.has(before) && k >= 2 && isComma(toks[k - 2]!.t)) e = k - 2;
  else if (before === ')') {
    // «مدير الدائرة NAME (الذي تفقد …) قال إن»: an aside in brackets.
    let o = k - 2;
    while (o >= 0 && toks[o]!.t !== '(' && !isEnd(toks[o]!.t) && k - o < 40) o--;
    if (o < 1 || toks[o]!.t !== '(') return undefined;
    e = o;
  } else if (isComma(before) && !(toks[k]!.t[0] === 'و' && verbAt(toks[k]!.t)?.conj)) {
    // (A verb with و after a comma is a second verb of the clause before: «نفت ذلك، وقالت».)
    let c = k - 2;
    while (c >= 0 && !isComma(toks[c]!.t) && !isEnd(toks[c]!.t) && k - c < 30) c--;
    // («أما ROLE عن BODY NAME، فكتب»: no aside, the whole phrase after «أما».)
    if (c < 1 || !isComma(toks[c]!.t)) return toks[k]!.t[0] === 'ف' ? frontedApposition(ctx, k - 1, k - 1, true) : undefined;
    if (!asideOpener(toks[c + 1]!.t)) return frontedApposition(ctx, c, k - 1, toks[k]!.t[0] === 'ف') ?? subjectAfterThat(ctx, c);
    e = c;
  } else if (toks[k]!.t[0] !== 'ف') return undefined;
  let s = e - 1;
  while (s >= 0 && !isComma(toks[s]!.t) && !isEnd(toks[s]!.t) && !isDash(toks[s]!.t) && toks[s]!.t !== 'اما' && !verbAt(toks[s]!.t) && ctx.inSpan[s]! < 0 && e - s <= 14) s--;
  // With «ف» on the verb, the subject follows «أما».
  if (e === k && (s < 0 || toks[s]!.t !== 'اما')) return undefined;
  s++;
  // («بينهم شريكها عمر …، الذي أوضح»: past a preposition with a pronoun.)
  while (s < e && (STOP_WORDS.has(toks[s]!.t) || AMONG.has(stripConj(toks[s]!.t)))) s++;
  // («وتحدثت إلى الصحيفة والدة …، التي …، فقالت»: past a verb of an event and its prepositional phrase.)
  if (s < e && eventVerb(toks[s]!.t)) s = pastPrepPhrase(ctx, s + 1, e);
  return s < e ? parseNP(ctx, s, e) : undefined;
}

/** «فإن عضوًا آخر في اللجنة، طلب …، قال»: the subject after أنّ that ends at the comma c, before an aside. */
function subjectAfterThat(ctx: Ctx, c: number): NP | undefined {
  const { toks } = ctx;
  let t = c - 1;
  while (t >= 0 && c - t <= 10 && !THAT.has(toks[t]!.t) && !isComma(toks[t]!.t) && !isEnd(toks[t]!.t)) t--;
  if (t < 0 || !(toks[t]!.t === 'فان' || toks[t]!.t === 'ان') || t + 1 >= c || !accusative(ctx, t + 1)) return undefined;
  const np = asSubject(ctx, t + 1, c, () => parseNP(ctx, t + 1, c));
  return np && np.mention.kind === 'noun' ? np : undefined;
}

/**
 * «ROLE في PLACE، TITLE NAME، قال» and «أما ROLE، NAME، فقال»: a subject before the verb with a name (or, after
 * «أما», a role) in apposition between commas; c is the comma that opens the apposition, e the one before the verb.
 */
function frontedApposition(ctx: Ctx, c: number, e: number, amma: boolean): NP | undefined {
  const { toks } = ctx;
  let s = c - 1;
  while (s >= 0 && !isComma(toks[s]!.t) && !isEnd(toks[s]!.t) && !isDash(toks[s]!.t) && !CLAUSE_OPENERS.has(toks[s]!.t) && !verbAt(toks[s]!.t) && ctx.inSpan[s]! < 0 && c - s <= 14) s--;
  if (amma && toks[s]?.t !== 'اما') return undefined;
  s++;
  while (s < c && (STOP_WORDS.has(toks[s]!.t) || THAT.has(toks[s]!.t))) s++;
  const np = s < c ? parseNP(ctx, s, e) : undefined;
  // «أما العضو الذي أُلغي فوزه، NAME، فكتب»: a whole name between the commas after a phrase that names nobody.
  const name = np && np.mention.kind === 'noun' && c + 1 < e ? nameAt(ctx, c + 1, e) : undefined;
  if (np && name && name.units >= 2 && name.end === e) {
    const mention: Mention = { kind: 'name', name: originalText(ctx, c + 1, e - 1), role: np.mention.name, start: orig(ctx, toks[c + 1]!.s), end: orig(ctx, toks[e - 1]!.e) };
    if (np.mention.gender) mention.gender = np.mention.gender;
    return { mention, next: e, object: false, speech: false };
  }
  return np && (amma || np.mention.kind === 'name') ? np : undefined;
}
