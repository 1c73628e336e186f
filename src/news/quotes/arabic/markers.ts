// Arabic stage 5, the complement marker of a reporting verb: إنّ/أنّ/بأن, a colon, a quotation, or the verb's
// preposition, past the names in marks, asides and occasions that stand between them.

import { isArabicLabel } from '../labels.ts';
import { ADVERB_STARTS, CIRCUMSTANTIAL, NAME_LINKS, RELATIVE_PRONOUNS, SPEECH_EVENTS, STOP_WORDS, SUBORDINATORS, SURNAME_PARTICLES, THAT } from '../words-ar.ts';
import { VERBS, type VerbInfo, verbAt } from './cues.ts';
import type { Marker } from './subjects.ts';
import { type Ctx, eventVerb, governedNoun, gazetteerAt, isComma, isEnd, orig } from './tokens.ts';

// «إلى» with or without a pronoun (whom one spoke to).
const TO = /^الي(?:ه|ها|هم|هما)?$/u;

// Words in ب that are no preposition with its noun: name links, function words, manner adverbs.
const NOT_PREP_B = new Set([...NAME_LINKS, ...STOP_WORDS, ...ADVERB_STARTS].filter((w) => w[0] === 'ب'));

// «ويُدعى», the passive «is called», folds like «يدّعي» (claims).
const NAMED_AS = new Set(['ويدعي', 'يدعي', 'تدعي', 'وتدعي']);

/** A quotation of more than a short name opens at token c. */
function quotationAt(ctx: Ctx, c: number): boolean {
  const idx = ctx.inSpan[c]!;
  if (idx < 0) return false;
  const sp = ctx.spans[idx]!;
  return orig(ctx, ctx.toks[c]!.s) <= sp.open + 1 && ctx.text.slice(sp.start, sp.end).trim().split(/\s+/).length > 3;
}

/** A name in marks of at most three words opens at token j and أنّ or a colon follows it at once. */
function nameBeforeComplement(ctx: Ctx, j: number): boolean {
  const idx = ctx.inSpan[j]!;
  const sp = ctx.spans[idx]!;
  if (ctx.text.slice(sp.start, sp.end).trim().split(/\s+/).length > 3) return false;
  let c = j;
  while (c < ctx.toks.length && ctx.inSpan[c] === idx) c++;
  // (Or a few more words of the speaker phrase first: «المحلل لدى «كابيتال» جيمس سوانستون إن».)
  for (let n = 0; c < ctx.toks.length && n <= 6; c++, n++) {
    const t = ctx.toks[c]!.t;
    if (THAT.has(t) || t === ':') return true;
    if (isEnd(t) || ctx.inSpan[c]! >= 0 || verbAt(t)) return false;
  }
  return false;
}

/** The complement marker after a verb: إنّ/أنّ/بأن, a colon, a quotation, or the verb's preposition. */
export function findMarker(ctx: Ctx, k: number, info: VerbInfo): Marker | undefined {
  const { toks } = ctx;
  const n = toks.length;
  let marker: Marker | undefined;
  for (let j = k + 1; j < n && j - k < 30; j++) {
    const t = toks[j]!.t;
    if (ctx.inSpan[j]! >= 0) {
      const sp = ctx.spans[ctx.inSpan[j]!]!;
      // (A name in marks after «لـ» is whom the words were said to: «قال لـ«النهار»:»; after «مع», who interviewed:
      // «في حوار مع «الاقتصادي»».)
      // A short name after «في», «على», «عبر» is where it was said: «على حسابها في «إكس»».
      const where = j > 0 && (toks[j - 1]!.t === 'في' || toks[j - 1]!.t === 'علي' || toks[j - 1]!.t === 'عبر') && ctx.text.slice(sp.start, sp.end).trim().split(/\s+/).length <= 3;
      // (After a verb of an event it is who did it: «لاجئون التقتهم «الشاشة»».)
      // (And a short name in marks right before أنّ or a colon is a name: «وقال معلمون تحدثت إليهم «الثغر» إن …».)
      // (After «إلى» it is whom they spoke to: «تحدثوا إلى «المرصد»».)
      const addressed = j > 0 && (toks[j - 1]!.t === 'ل' || toks[j - 1]!.t === 'لـ' || toks[j - 1]!.t === 'مع' || TO.test(toks[j - 1]!.t) || where || eventVerb(toks[j - 1]!.t) || nameBeforeComplement(ctx, j));
      if (orig(ctx, toks[j]!.s) <= sp.open + 1 && !isArabicLabel(ctx.text, sp) && !addressed) {
        marker = { type: 'direct', at: j };
        break;
      }
      // A name in marks: skip past it.
      while (j + 1 < n && ctx.inSpan[j + 1]! >= 0 && ctx.spans[ctx.inSpan[j + 1]!] === sp) j++;
      continue;
    }
    if (isEnd(t)) break;
    // «، الذي التقته «الأفق» قرب المحطة، إنه …»: a relative clause between commas is an aside.
    // (So is «، وهي ربة منزل …،» and the occasion «، في بيان نُشر على …،».)
    if (isComma(t) && j + 1 < n && (RELATIVE_PRONOUNS.has(toks[j + 1]!.t) || CIRCUMSTANTIAL.has(toks[j + 1]!.t))) {
      let c = j + 2;
      // (Up to its closing comma; a colon, أنّ or a quotation of more than a name opening first is the complement.)
      while (c < n && !isComma(toks[c]!.t) && !isEnd(toks[c]!.t) && toks[c]!.t !== ':' && !THAT.has(toks[c]!.t) && !quotationAt(ctx, c)) c++;
      if (c < n && isComma(toks[c]!.t) && ctx.inSpan[c]! < 0) {
        j = c;
        continue;
      }
    }
    // «اكتفى بالقول إن …» reports; «اكتفى بالصمت» does not.
    if (info.lemma === 'اكتفي' && t.startsWith('بال')) {
      if (t === 'بالقول') continue;
      break;
    }
    // «…، قال X، مضيفًا أن …»: a comma before another reporting verb ends this verb's reach.
    // («، ويُدعى …» names the speaker: no new act.)
    if (isComma(t) && j + 1 < n && verbAt(toks[j + 1]!.t) && !NAMED_AS.has(toks[j + 1]!.t)) break;
    // «من دون أن», «قبل أن», «بعد أن» are conjunctions of time or manner, no complement.
    // («وأضافت فان دير هوفن»: «فان» right after the verb or before «دير» opens a Dutch surname, not «فإن».)
    if (THAT.has(t) && (SUBORDINATORS.has(toks[j - 1]!.t) || (SURNAME_PARTICLES.has(t) && (j === k + 1 || /^(?:دير|در|دن|دي)$/u.test(toks[j + 1]?.t ?? ''))))) continue;
    if (THAT.has(t)) {
      // «ردّ X بأن …»: a reply reports only through بأنّ, and not as the noun «في ردّ».
      if (info.lemma === 'رد' && (!t.startsWith('بان') || toks[k - 1]?.t === 'في')) break;
      marker = { type: 'that', at: j };
      break;
    }
    if (t === ':') {
      marker = { type: 'colon', at: j };
      break;
    }
    // (After «عدم» the form is a verbal noun: «فضّل عدم ذكر اسمه».)
    // (Nor a verb that describes the document it was said in: «في تقرير نُشر الشهر الماضي أن …»; «تدوينة قال فيها»
    // is the act itself.)
    const describes = SPEECH_EVENTS.has(toks[j - 1]!.t) && !/^فيه(?:ا|م|ما)?$/u.test(toks[j + 1]?.t ?? '');
    if (j > k + 1 && verbAt(t) && !VERBS.get(t)?.participle && !NAMED_AS.has(t) && toks[j - 1]!.t !== 'عدم' && !describes && !governedNoun(ctx, j) && !penName(ctx, j)) break;
    if (j > k + 1 && (t === 'قايلا' || t === 'قايله')) continue;
    if (info.preps.length) {
      // «بن علي» is a name, not the preposition على.
      // (Nor is «بنت», «بعد», «بين» or a manner adverb: «الغالية بنت أحمد», «بعد جلسة …».)
      const prepHit = info.preps.some((p) => (p === 'ب' ? t.length > 2 && t[0] === 'ب' && !SPEECH_EVENTS.has(t.slice(1)) && toks[j - 1]!.t !== 'في' && !THAT.has(t) && !NOT_PREP_B.has(t) && !gazetteerAt(ctx, j, n) : t === p && !NAME_LINKS.has(toks[j - 1]!.t)));
      if (prepHit) {
        marker = { type: 'prep', at: j };
        break;
      }
    }
  }
  return marker;
}

/** «قارئة توقّع باسم «…»»: a verb that gives a pen name describes the speaker; it is no new act. */
function penName(ctx: Ctx, j: number): boolean {
  return /^ب?اسم$/u.test(ctx.toks[j + 1]?.t ?? '') && ctx.inSpan[j + 2]! >= 0;
}
