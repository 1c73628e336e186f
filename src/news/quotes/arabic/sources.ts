// Arabic attribution cues without a verb: بحسب X، وفقًا لـX، نقلًا عن X، «نقلت X عن Y قوله».

import type { Candidate, Gender, Mention } from '../internal.ts';
import { DOCUMENTS, SOURCE_BASES, SPEECH_EVENTS, STOP_WORDS, THAT } from '../words-ar.ts';
import { complementBefore, complementEnd, pushDirect, pushReported } from './complement.ts';
import { verbAt } from './cues.ts';
import { bodyHeadOf, parseNP, parseNPWithoutLam } from './names.ts';
import { type Ctx, hasArticle, isComma, isEnd, orig, stripConj } from './tokens.ts';

// What «according to» may name that says nothing: laws, plans, timetables, agreements («وفقًا للقانون فإن …»).
const NOT_SOURCES = new Set(['قانون', 'دستور', 'خطه', 'جدول', 'مخطط', 'قرار', 'اتفاق', 'اتفاقيه', 'نظام', 'لايحه', 'تعليمات', 'شروط', 'عقد', 'موعد', 'توقيت']);

/** بحسب X، ... / ...، وفقًا لـX / نقلًا عن X، فإن ... */
export function sourceCue(ctx: Ctx, out: Candidate[], k: number, used: Set<number>): Mention | undefined {
  const { toks } = ctx;
  const n = toks.length;
  const t0 = toks[k]!.t;
  const t = SOURCE_BASES.has(t0) ? t0 : t0.slice(1);
  let s = k + 1;
  if (t === 'نقلا') {
    if (s >= n || toks[s]!.t !== 'عن') return undefined;
    s++;
  }
  let cueEnd = k;
  if (s < n && (toks[s]!.t === 'ل' || toks[s]!.t === 'لـ')) s++;
  // "بحسب ما قاله X", "وفقًا لما ذكره X".
  let stripL = (t === 'وفقا' || t === 'طبقا') && s < n && toks[s]!.t !== 'لما';
  if (s < n && (toks[s]!.t === 'ما' || toks[s]!.t === 'لما')) {
    s++;
    if (s < n && /^[\u0621-\u064A]+$/.test(toks[s]!.t)) {
      const base = toks[s]!.t.replace(/(?:ه|ها|هم|هما)$/u, '');
      if (verbAt(base) || verbAt(toks[s]!.t)) {
        used.add(s);
        s++;
        // («بحسب ما أفاد به مصدر»: the preposition that points back to «ما».)
        if (s < n && /^(?:به|بها|عنه|عنها)$/u.test(toks[s]!.t)) s++;
      }
    }
    stripL = false;
  }
  if (s >= n) return undefined;
  // The source phrase runs to a comma or the end.
  let e = s;
  // (A name in marks is part of it: «وفقًا لمنظمة «نداء»، فإن …».)
  // (Writers often drop the comma before «فإن»: «وبحسب رئيس الوزراء فإن …».)
  while (e < n && !isComma(toks[e]!.t) && !isEnd(toks[e]!.t) && toks[e]!.t !== 'فان' && (ctx.inSpan[e]! < 0 || ctx.spans[ctx.inSpan[e]!]!.open > orig(ctx, toks[s]!.s))) e++;
  if (e <= s) return undefined;
  const np = parseNPWithoutLam(ctx, s, e, stripL);
  if (!np || NOT_SOURCES.has(stripConj(toks[s]!.t).replace(/^(?:لل|ل|ال)/u, ''))) return undefined;
  const mention = np.mention;
  const cueTok = toks[k]!;
  cueEnd = k + (t === 'نقلا' ? 1 : 0);
  const cueText = ctx.text.slice(orig(ctx, cueTok.s), orig(ctx, toks[cueEnd]!.e)) + ((t === 'وفقا' || t === 'طبقا') && k + 1 < n ? ' ل' : '');
  const cueAt = orig(ctx, cueTok.s);
  // Preposed: the cue opens the sentence and a comma follows the source.
  let lead = 0;
  while (lead < k && (STOP_WORDS.has(toks[lead]!.t) || isComma(toks[lead]!.t))) lead++;
  if (lead === k && e < n && (isComma(toks[e]!.t) || toks[e]!.t === 'فان')) {
    let c = isComma(toks[e]!.t) ? e + 1 : e;
    if (c < n && (THAT.has(toks[c]!.t) || toks[c]!.t === 'فان')) c++;
    const end = complementEnd(ctx, c, n);
    if (end > c) pushReported(ctx, out, toks[c]!.s, toks[end - 1]!.e, cueText, cueAt, mention);
    return mention;
  }
  // Postposed: "...، وفقًا لـX".
  if (k > 0) complementBefore(ctx, out, k - 1, cueText, cueAt, mention);
  return mention;
}

/** «نقلت X عن Y قوله إن ...»: the speaker is Y (or the pronoun in عنه). */
export function relayed(ctx: Ctx, out: Candidate[], k: number, gender: Gender): Mention | undefined {
  const { toks } = ctx;
  const n = toks.length;
  let mention: Mention | undefined;
  // (The phrase may hold a role and a name in apposition: «عن وكيل الوزارة لشؤون الطاقة، المهندس …، قوله».)
  for (let j = k - 1; j >= 0 && k - j <= 24; j--) {
    const t = toks[j]!.t;
    if (t === 'عن') {
      // (Not the «عن» of an aside that withholds a name: «، فضّل عدم الكشف عن هويته،».)
      if (/^(?:ال)?كشف$|^الافصاح$/u.test(toks[j - 1]?.t ?? '')) continue;
      const np = parseNP(ctx, j + 1, k);
      if (np) mention = np.mention;
      break;
    }
    if (t === 'عنه' || t === 'عنها' || t === 'عنهم') {
      const g: Gender = t === 'عنه' ? 'm' : t === 'عنها' ? 'f' : 'p';
      const at = orig(ctx, toks[j]!.s);
      mention = { kind: 'pronoun', name: t, gender: g, start: at, end: orig(ctx, toks[j]!.e) };
      break;
    }
    if (isEnd(t)) break;
  }
  if (!mention) mention = { kind: 'drop', name: '', gender, start: orig(ctx, toks[k]!.s), end: orig(ctx, toks[k]!.s) };
  let s = k + 1;
  if (s < n && THAT.has(toks[s]!.t)) s++;
  else if (s < n && toks[s]!.t === ':') s++;
  else return undefined;
  const e = complementEnd(ctx, s, n);
  if (e <= s) return undefined;
  const cue = ctx.text.slice(orig(ctx, toks[k]!.s), orig(ctx, toks[k]!.e));
  pushReported(ctx, out, toks[s]!.s, toks[e - 1]!.e, cue, orig(ctx, toks[k]!.s), mention);
  return mention;
}

/**
 * «وجاء في بيان الوزارة أن …», «أصدرت الوزارة بيانًا جاء فيه: «…»»: what a document says, said by the phrase after
 * «في» (the document, or its issuer), or for «فيه» by the subject of the clause before (`prior`).
 */
export function cameIn(ctx: Ctx, out: Candidate[], k: number, prior: Mention | undefined): Mention | undefined {
  const { toks } = ctx;
  const n = toks.length;
  const next = toks[k + 1]?.t ?? '';
  const doc = stripConjArticle(toks[k + 2]?.t ?? '');
  const inIt = /^فيه(?:ا)?$/u.test(next);
  if (!inIt && !(next === 'في' && (DOCUMENTS.has(doc) || SPEECH_EVENTS.has(doc) || doc === 'حيثيات'))) return undefined;
  let m = k + 2;
  while (m < n && m - k < 30 && !THAT.has(toks[m]!.t) && toks[m]!.t !== ':' && !isEnd(toks[m]!.t)) m++;
  if (m >= n || isEnd(toks[m]!.t)) return undefined;
  const cueAt = orig(ctx, toks[k]!.s);
  const cue = ctx.text.slice(cueAt, orig(ctx, toks[k]!.e));
  const mention: Mention = (inIt ? prior && { ...prior } : (issuerAfter(ctx, k + 3, m) ?? parseNP(ctx, k + 2, m)?.mention)) ?? { kind: 'drop', name: '', start: cueAt, end: cueAt };
  const s = m + 1;
  if (s >= n) return undefined;
  if (toks[m]!.t === ':' && ctx.inSpan[s]! >= 0) return pushDirect(ctx, out, ctx.inSpan[s]!, cue, cueAt, mention) ? mention : undefined;
  const e = complementEnd(ctx, s, n);
  if (e <= s) return undefined;
  pushReported(ctx, out, toks[s]!.s, toks[e - 1]!.e, cue, cueAt, mention);
  return mention;
}

function stripConjArticle(t: string): string {
  return t.replace(/^[وف]?(?:ال)?/u, '');
}

/** «مذكرة وجهتها الوزارة إلى …»: the body that issued the document, named in the clause that describes it. */
function issuerAfter(ctx: Ctx, from: number, m: number): Mention | undefined {
  const { toks } = ctx;
  if (from >= m || !/(?:ه|ها)$/u.test(toks[from]!.t) || hasArticle(toks[from]!.t)) return undefined;
  const at = from + 1;
  // (The body's phrase ends at a preposition: «وجهتها الوزارة إلى المديريات».)
  let e = at + 1;
  while (e < m && !STOP_WORDS.has(toks[e]!.t) && !isComma(toks[e]!.t)) e++;
  return at < m && bodyHeadOf(stripConj(toks[at]!.t)) ? parseNP(ctx, at, e)?.mention : undefined;
}
