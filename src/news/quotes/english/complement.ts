// English stage 5a, complements: the quotation or clause an attribution governs, before or after it.

import type { Candidate, Mention } from '../internal.ts';
import { isLabel } from '../labels.ts';
import { CLAUSE_AUX, DETERMINERS, NAME_JOINERS, PRONOUNS, VAGUE } from '../words-en.ts';
import { subjectBefore, subjectBeforeCore } from './names.ts';
import { type Ctx, mentionText, trimEnd, trimStart } from './tokens.ts';
import { clauseEnd, type CueInfo, CUES, isClauseBreak, looksClausal, skipAdverbials, skipPrepPhrases } from './cues.ts';

export function directsIn(ctx: Ctx, s: number, e: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ctx.spans.length; i++) {
    const sp = ctx.spans[i]!;
    if (sp.start >= s && sp.end <= e) out.push(i);
  }
  return out;
}

export function accordingTo(ctx: Ctx, out: Candidate[], k: number): void {
  const { toks, text } = ctx;
  const n = toks.length;
  const j = k + 2;
  // The source: up to the next comma or the end.
  let e = j;
  while (e < n && toks[e]!.t !== ',' && toks[e]!.t !== '.' && toks[e]!.t !== ';' && ctx.inSpan[e]! < 0) e++;
  if (e === j) return;
  if (e >= n - 1 && trimStart(ctx, 0, k) >= k && accordingNoComma(ctx, out, k)) return;
  // "according to their figures" / "according to the survey": the source is its owner only when named.
  let last = e - 1;
  while (last > j && toks[last]!.t === ')') last--;
  // Drop a parenthesis: "the Equal Opportunities Commission (EOC)".
  for (let m = j; m <= last; m++) {
    if (toks[m]!.t === '(') {
      last = m - 1;
      break;
    }
  }
  // "according to figures gathered by X": the author of the source is the source.
  const m = subjectBefore(ctx, last, j) ?? subjectBeforeCore(ctx, last, j);
  let mention: Mention | undefined = m;
  if (!m) {
    const phrase = mentionText(text, toks[j]!.s, toks[last]!.e);
    const first = toks[j]!.l;
    if (first === 'their' || first === 'its' || first === 'his' || first === 'her') mention = { kind: 'pronoun', name: first === 'her' ? 'she' : first === 'his' ? 'he' : first === 'its' ? 'it' : 'they', gender: first === 'her' ? 'f' : first === 'his' ? 'm' : first === 'its' ? 'n' : 'p', start: toks[j]!.s, end: toks[last]!.e };
    else if (/^(a|an)\b/i.test(phrase) || VAGUE.has(first)) return;
    else return;
  }
  if (!mention) return;
  const cueText = 'according to';
  // Preposed: "According to X, CLAUSE."
  const before = trimStart(ctx, 0, k);
  if (before >= k && e < n && toks[e]!.t === ',') {
    const s = trimStart(ctx, e + 1, n);
    if (s < n) pushReported(ctx, out, toks[s]!.s, trimEnd(text, toks[s]!.s, toks[n - 1]!.e), cueText, toks[k]!.s, mention);
    return;
  }
  // Postposed: "CLAUSE, according to X."
  if (k > 0 && toks[k - 1]!.t === ',') {
    const s = trimStart(ctx, 0, k - 1);
    if (s < k - 1) pushReported(ctx, out, toks[s]!.s, trimEnd(text, toks[s]!.s, toks[k - 2]!.e), cueText, toks[k]!.s, mention);
  }
}

/** "According to Orbis Research most homes ...": no comma after a named source, the clause after its name. */
function accordingNoComma(ctx: Ctx, out: Candidate[], k: number): boolean {
  const { toks, text } = ctx;
  const n = toks.length;
  const j = k + 2;
  let r = j;
  while (r < n && toks[r]!.word && ctx.inSpan[r]! < 0 && (toks[r]!.cap || (NAME_JOINERS.has(toks[r]!.l) && r + 1 < n && toks[r + 1]!.cap))) r++;
  if (r === j || r >= n - 1 || !(looksClausal(ctx, r, n) || toks.slice(r, r + 14).some((t) => CLAUSE_AUX.has(t.l) || CUES.has(t.l)))) return false;
  const mention = subjectBefore(ctx, r - 1, j);
  if (!mention || mention.kind !== 'name') return false;
  pushReported(ctx, out, toks[r]!.s, trimEnd(text, toks[r]!.s, toks[n - 1]!.e), 'according to', toks[k]!.s, mention);
  return true;
}

export function pushReported(ctx: Ctx, out: Candidate[], s: number, e: number, cue: string, cueAt: number, mention: Mention | undefined): void {
  if (e <= s) return;
  const span = ctx.text.slice(s, e);
  if (!/\p{L}{2}/u.test(span)) return;
  // Direct wins: marked fragments inside the complement are the quotes, unless they are only labels.
  const inner = directsIn(ctx, s, e);
  // Speech is in double marks; single marks inside reported speech are scare quotes ('on the move').
  const spoken = inner.filter((i) => !ctx.spans[i]!.single && !isLabel(ctx.text, ctx.spans[i]!));
  if (spoken.length > 0) {
    for (const i of spoken) {
      const sp = ctx.spans[i]!;
      out.push({ kind: 'direct', start: sp.start, end: sp.end, cue, cueAt, mention });
    }
    return;
  }
  // A complement that is only a marked span, with its closing punctuation.
  out.push({ kind: 'reported', start: s, end: e, cue, cueAt, mention });
}

/** A quotation that closes right before the attribution: `"...," he said` / `"..." said X`. */
export function attachBefore(ctx: Ctx, out: Candidate[], clusterStart: number, cue: string, cueAt: number, mention: Mention | undefined): boolean {
  const { toks, text } = ctx;
  let b = clusterStart - 1;
  if (b >= 0 && (toks[b]!.t === ',' || toks[b]!.t === '-')) b--;
  if (b < 0) {
    // The quotation closed the previous sentence on the same line: "'...' Hailey later recalled."
    const at = toks[clusterStart]?.s ?? 0;
    let p = at - 1;
    while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
    for (let i = ctx.spans.length - 1; i >= 0; i--) {
      const sp = ctx.spans[i]!;
      if (sp.close === p && !sp.single && !isLabel(text, sp)) {
        out.push({ kind: 'direct', start: sp.start, end: sp.end, cue, cueAt, mention });
        return true;
      }
      if (sp.close < p) break;
    }
    return false;
  }
  const idx = ctx.inSpan[b]!;
  if (idx < 0) return false;
  const sp = ctx.spans[idx]!;
  // The token must be the closing mark itself (or the last word when the mark is glued).
  if (sp.close < toks[b]!.s - 1) return false;
  if (isLabel(text, sp)) return false;
  out.push({ kind: 'direct', start: sp.start, end: sp.end, cue, cueAt, mention });
  return true;
}

/** One reporting act: its cue, its speaker, and the tokens of the attribution ([start, end)). */
export interface Act {
  info: CueInfo;
  cue: string;
  cueAt: number;
  mention: Mention;
  start: number;
  end: number;
}

/** Past the addressee of "tell" or the object of a directive: where the complement starts, or -1 when taken. */
export function afterObject(ctx: Ctx, out: Candidate[], act: Act, c: number): number {
  const { toks, text } = ctx;
  const n = toks.length;
  const { info } = act;
  if (info.cls !== 'tell' && info.cls !== 'directive') return c;
  let m = c;
  let thatAt = -1;
  // The addressee of "tell" may carry a long place and time: "told an audience at the trade fair in Milan last year".
  const reach = info.cls === 'tell' ? 16 : 10;
  while (m < n && m - c < reach && ctx.inSpan[m]! < 0 && toks[m]!.t !== ':' && toks[m]!.t !== '.') {
    const l = toks[m]!.l;
    if (l === 'that') {
      thatAt = m;
      break;
    }
    if (l === 'to' && info.cls === 'directive') break;
    if (info.cls === 'tell' && m > c && (PRONOUNS.has(l) || CLAUSE_AUX.has(l))) break;
    if (toks[m]!.t === ',') break;
    m++;
  }
  if (info.cls === 'tell') {
    if (thatAt >= 0) c = thatAt;
    else if (m < n && (toks[m]!.t === ':' || toks[m]!.t === '.' || toks[m]!.t === ',' || ctx.inSpan[m]! >= 0)) c = m;
    else if (m < n && CLAUSE_AUX.has(toks[m]!.l)) {
      // "told the BBC the plan was wrong": the clause starts at its subject, before the auxiliary.
      let s = m - 1;
      while (s > c && !DETERMINERS.has(toks[s]!.l) && toks[s]!.word && !toks[s]!.cap) s--;
      c = s > c ? s : m;
    } else c = m;
    c = skipAdverbials(ctx, c, n);
  } else if (thatAt >= 0) {
    // "warned investors that ...": the clause after the addressee.
    c = thatAt;
  } else if ((m >= n || toks[m]!.t === '.' || toks[m]!.t === ':' || toks[m]!.t === ',' || toks[m]!.t === ';') && !looksClausal(ctx, c, m)) {
    // ""...," X urged the government.": the addressee closes the clause (or a colon follows it).
    c = skipPrepPhrases(ctx, skipAdverbials(ctx, m, n), n);
  } else if (m < n && toks[m]!.l === 'to') {
    // Directive: the quote is the object plus the infinitive.
    const e = clauseEnd(ctx, m, n);
    if (c < e) pushReported(ctx, out, toks[c]!.s, trimEnd(text, toks[c]!.s, toks[e - 1]!.e), act.cue, act.cueAt, act.mention);
    return -1;
  }
  return c;
}

/** A quotation (or a colon complement) right after the attribution: `said: "..."`, `told the seminar: "..."`. */
export function quotationAfter(ctx: Ctx, out: Candidate[], act: Act, c: number): boolean {
  const { toks, text } = ctx;
  const n = toks.length;
  const tc = c < n ? toks[c]! : undefined;
  // Direct quotation right after: "said: "..."", "told the seminar: "..."".
  if (tc && (tc.t === ':' || ctx.inSpan[c]! >= 0 || (tc.t === ',' && c + 1 < n && ctx.inSpan[c + 1]! >= 0))) {
    const m = tc.t === ':' || tc.t === ',' ? c + 1 : c;
    if (m < n && ctx.inSpan[m]! >= 0) {
      const sp = ctx.spans[ctx.inSpan[m]!]!;
      if (sp.open >= toks[m]!.s - 1 || sp.open <= toks[m]!.s) {
        if (!isLabel(text, sp)) {
          out.push({ kind: 'direct', start: sp.start, end: sp.end, cue: act.cue, cueAt: act.cueAt, mention: act.mention });
          // A further clause after the quotation with its own verb is another act (handled by its verb).
        }
        attachBefore(ctx, out, act.start, act.cue, act.cueAt, act.mention);
        return true;
      }
    }
    if (tc.t === ':' && m < n) {
      // An unmarked colon complement.
      const e = clauseEnd(ctx, m, n);
      pushReported(ctx, out, toks[m]!.s, trimEnd(text, toks[m]!.s, toks[e - 1]!.e), act.cue, act.cueAt, act.mention);
      return true;
    }
  }
  return false;
}

/** A complement before the attribution: "CLAUSE, X said." or `"...," said X.`; true when the act is done. */
export function complementBeforeCue(ctx: Ctx, out: Candidate[], act: Act, c: number): boolean {
  const { toks, text } = ctx;
  const n = toks.length;
  // A complement before the attribution: "CLAUSE, X said." or ""...," said X."
  let restPunct = true;
  for (let q = c; q < n; q++) if (toks[q]!.word) restPunct = false;
  const atEnd = c >= n || restPunct || toks[c]!.t === ';' || (toks[c]!.t === ',' && c + 1 < n && isClauseBreak(ctx, c + 1));
  if (atEnd || (toks[c]?.t === ',' && act.start > 0)) {
    if (attachBefore(ctx, out, act.start, act.cue, act.cueAt, act.mention)) return true;
    if (act.start > 0) {
      const before = toks[act.start - 1]!;
      if (before.t === ',' || before.t === '-' || before.t === '—') {
        const s = trimStart(ctx, 0, act.start - 1);
        if (s < act.start - 1) {
          // Interrupting attribution: "One possible reason ..., Ms Diemont says, is the fact that ...".
          if (toks[c]?.t === ',' && !atEnd) {
            const e = clauseEnd(ctx, c + 1, n);
            pushReported(ctx, out, toks[s]!.s, trimEnd(text, toks[s]!.s, toks[e - 1]!.e), act.cue, act.cueAt, act.mention);
          } else {
            pushReported(ctx, out, toks[s]!.s, trimEnd(text, toks[s]!.s, toks[act.start - 2]!.e), act.cue, act.cueAt, act.mention);
          }
        }
      }
    }
    if (atEnd) return true;
  }
  // `"...," the club said in a statement posted on its website.`: the quotation before the attribution is
  // its complement; what follows the adverbial describes it.
  if (c < n && toks[c]!.t !== ',' && toks[c]!.l !== 'that' && ctx.inSpan[c]! < 0 && attachBefore(ctx, out, act.start, act.cue, act.cueAt, act.mention)) return true;
  return false;
}

/** The token of "and" in "... and that ..." when quoted words stand before it and none after it; else -1. */
function secondThatClause(ctx: Ctx, s: number, e: number): number {
  const { toks } = ctx;
  let quoted = false;
  for (let k = s; k < e - 2; k++) {
    if (ctx.inSpan[k]! >= 0) {
      if (!ctx.spans[ctx.inSpan[k]!]!.single) quoted = true;
      continue;
    }
    if (toks[k]!.l !== 'and' || toks[k + 1]!.l !== 'that' || !quoted) continue;
    for (let m = k + 2; m < e; m++) if (ctx.inSpan[m]! >= 0) return -1;
    return k;
  }
  return -1;
}

/** A complement after the verb: a clause, with or without "that", or quoted fragments for a verb without one. */
export function complementAfterCue(ctx: Ctx, out: Candidate[], act: Act, c: number): void {
  const { toks, text } = ctx;
  const n = toks.length;
  // A complement after the verb.
  if (c >= n) return;
  let s = c;
  if (toks[s]!.l === 'that') s++;
  else if (act.info.cls === 'frag') {
    // Verbs without a clause: only quoted fragments in the rest of the clause count.
    const e = clauseEnd(ctx, s, n);
    for (const i of directsIn(ctx, toks[s]!.s, toks[e - 1]!.e)) {
      const sp = ctx.spans[i]!;
      if (!isLabel(text, sp)) out.push({ kind: 'direct', start: sp.start, end: sp.end, cue: act.cue, cueAt: act.cueAt, mention: act.mention });
    }
    return;
  } else if (act.info.cls === 'deny') {
    if (!(/ing$/.test(toks[s]!.l) || looksClausal(ctx, s, n))) return;
  } else if (act.info.cls !== 'say' && act.info.cls !== 'tell' && !looksClausal(ctx, s, n)) {
    return;
  } else if (act.info.cls === 'say' && !looksClausal(ctx, s, n) && ctx.inSpan[s]! < 0) {
    // "said nothing", "said so": require something clause-like unless the verb is plain "said".
    const l = toks[s]!.l;
    if (l === 'nothing' || l === 'so' || l === 'goodbye' || l === 'sorry' || l === 'yes' || l === 'no') return;
  }
  if (s >= n) return;
  s = trimStart(ctx, s, n);
  if (s >= n) return;
  const e = clauseEnd(ctx, s, n);
  if (e <= s) return;
  // `said it was a "fine day" and that nobody was hurt`: quoted words in the first clause, an unquoted
  // second clause of its own.
  const and = secondThatClause(ctx, s, e);
  if (and > 0) {
    pushReported(ctx, out, toks[s]!.s, trimEnd(text, toks[s]!.s, toks[and - 1]!.e), act.cue, act.cueAt, act.mention);
    pushReported(ctx, out, toks[and + 2]!.s, trimEnd(text, toks[and + 2]!.s, toks[e - 1]!.e), act.cue, act.cueAt, act.mention);
    return;
  }
  // A whole complement that is one quotation: `said "these are not as big as ..."`.
  pushReported(ctx, out, toks[s]!.s, trimEnd(text, toks[s]!.s, toks[e - 1]!.e), act.cue, act.cueAt, act.mention);
}
