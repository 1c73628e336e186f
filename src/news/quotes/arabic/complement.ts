// Arabic stage 5a, complements: where a reported complement ends, and the candidates made from it.

import type { Candidate, Mention } from '../internal.ts';
import { isArabicLabel } from '../labels.ts';
import type { MarkedSpan } from '../marks.ts';
import { CLAUSE_OPENERS, COMMENT_OPENERS, SOURCE_CUES, THAT } from '../words-ar.ts';
import { verbAt } from './cues.ts';
import { type Ctx, isComma, isEnd, orig } from './tokens.ts';

/** End of a reported complement: the sentence end, or a comma before another cue or the writer's comment. */
export function complementEnd(ctx: Ctx, from: number, n: number): number {
  const { toks } = ctx;
  for (let k = from; k < n; k++) {
    const t = toks[k]!.t;
    if (ctx.inSpan[k]! >= 0) continue;
    if (isEnd(t)) return k;
    if (isComma(t) && k + 1 < n) {
      const nx = toks[k + 1]!.t;
      const aside = asideEnd(ctx, k + 1, n);
      if (aside > 0) {
        k = aside;
        continue;
      }
      if (verbAt(nx) || SOURCE_CUES.has(nx) || COMMENT_OPENERS.has(nx) || CLAUSE_OPENERS.has(nx) || butThenThat(ctx, k + 1, n)) return k;
    }
    // "وطالبت بفتح ..." after a comma-less "و": a new reporting act.
    if (k > from && verbAt(t)?.conj && isComma(toks[k - 1]!.t)) return k - 1;
  }
  return n;
}

/**
 * «أن حالة المريض، وهو شاب في العشرين، مستقرة»: a «وهو/وهي» aside closed by a comma inside the complement, with the
 * clause going on after it (no verb, cue or comment next). The closing comma, or -1.
 */
function asideEnd(ctx: Ctx, k: number, n: number): number {
  const { toks } = ctx;
  if (!ASIDES.has(toks[k]!.t) || k + 1 >= n || toks[k + 1]!.t === 'ما') return -1;
  let c = k + 1;
  while (c < n && c - k <= 8 && !isComma(toks[c]!.t) && !isEnd(toks[c]!.t)) c++;
  if (c + 1 >= n || !isComma(toks[c]!.t) || ctx.inSpan[c]! >= 0) return -1;
  const nx = toks[c + 1]!.t;
  return verbAt(nx) || SOURCE_CUES.has(nx) || COMMENT_OPENERS.has(nx) || CLAUSE_OPENERS.has(nx) || isEnd(nx) ? -1 : c;
}

const ASIDES = new Set(['وهو', 'وهي']);

/** «، لكنه اعتبر أن …»: but with a pronoun, a reporting verb and its أنّ open the next act («لكنها تطالب بـ…» does not). */
function butThenThat(ctx: Ctx, k: number, n: number): boolean {
  const { toks } = ctx;
  if (!/^و?لكن(?:ه|ها|هم|هما)$/u.test(toks[k]!.t) || k + 2 >= n || !verbAt(toks[k + 1]!.t)) return false;
  // (Also through the verb's preposition: «، لكنها حذّرت من أن …».)
  return THAT.has(toks[k + 2]!.t) || (k + 3 < n && (verbAt(toks[k + 1]!.t)?.info.preps ?? []).includes(toks[k + 2]!.t) && THAT.has(toks[k + 3]!.t));
}

export function trimEndOrig(text: string, s: number, e: number): number {
  while (e > s && /[\s.،,:;!?؟\-–—]/u.test(text[e - 1]!)) e--;
  return e;
}

export function pushReported(ctx: Ctx, out: Candidate[], fs: number, fe: number, cue: string, cueAt: number, mention: Mention | undefined): void {
  const s0 = orig(ctx, fs);
  const e0 = trimEndOrig(ctx.text, s0, orig(ctx, fe));
  if (e0 <= s0) return;
  // Direct wins: quoted fragments inside the complement are the quotes.
  const inner: MarkedSpan[] = [];
  for (const sp of ctx.spans) if (sp.open >= s0 && sp.close <= e0 + 1 && !isArabicLabel(ctx.text, sp)) inner.push(sp);
  if (inner.length) {
    for (const sp of inner) out.push({ kind: 'direct', start: sp.start, end: sp.end, cue, cueAt, mention });
    return;
  }
  let s = s0;
  while (s < e0 && /\s/.test(ctx.text[s]!)) s++;
  out.push({ kind: 'reported', start: s, end: e0, cue, cueAt, mention });
}

export function pushDirect(ctx: Ctx, out: Candidate[], idx: number, cue: string, cueAt: number, mention: Mention | undefined): boolean {
  const sp = ctx.spans[idx]!;
  if (isArabicLabel(ctx.text, sp)) return false;
  out.push({ kind: 'direct', start: sp.start, end: sp.end, cue, cueAt, mention });
  return true;
}

export function complementEndForNoun(ctx: Ctx, from: number, n: number): number {
  for (let k = from; k < n; k++) {
    const t = ctx.toks[k]!.t;
    if (isEnd(t) || (isComma(t) && ctx.inSpan[k]! < 0)) return k;
  }
  return n;
}

/** The clause before a postposed cue, ending at token e (a comma or the word before the cue). */
export function complementBefore(ctx: Ctx, out: Candidate[], e: number, cue: string, cueAt: number, mention: Mention): void {
  const { toks } = ctx;
  let b = e;
  while (b >= 0 && isComma(toks[b]!.t)) b--;
  if (b < 0) return;
  const idx = ctx.inSpan[b]!;
  if (idx >= 0) {
    pushDirect(ctx, out, idx, cue, cueAt, mention);
    return;
  }
  // Back to the start of the sentence (or of the clause after a leading connective).
  let s = 0;
  while (s < b && (CLAUSE_OPENERS.has(toks[s]!.t) || isComma(toks[s]!.t)) && s < 2) s++;
  if (b >= s) pushReported(ctx, out, toks[s]!.s, toks[b]!.e, cue, cueAt, mention);
}
