// Arabic stage 5, assembly: the sentences holding a cue, each verb with its speaker (after it, before it,
// or dropped) and its complement (after إنّ/أنّ/بأن, a preposition or a colon, or a quotation).

import type { Sentence } from '../../sentences.ts';
import type { Folded } from '../fold.ts';
import type { Gazetteer } from '../gazetteer.ts';
import type { Candidate, Gender, Mention, SubjectAt } from '../internal.ts';
import { type MarkedSpan, spanIndexAt } from '../marks.ts';
import { NOUN_AFTER, RELATIVE_BEFORE, RELAY_NOUNS, SOURCE_CUES, THAT, VAGUE_AR } from '../words-ar.ts';
import { complementBefore, complementEnd, pushDirect, pushReported } from './complement.ts';
import { CUE_SCAN, LITOTES, NEGATIONS, PASSIVE_READINGS, type VerbInfo, verbAt } from './cues.ts';
import { findMarker } from './markers.ts';
import { cameIn, relayed, sourceCue } from './sources.ts';
import { clauseSubject, invitation, type Marker, verbSpeaker, type VerbSpeaker } from './subjects.ts';
import { type Ctx, isComma, orig, stripConj, tokenize } from './tokens.ts';

export interface ArabicResult {
  candidates: Candidate[];
  /** Subjects of sentences, for dropped subjects. */
  subjectAt: SubjectAt;
}

export function arabicCandidates(text: string, f: Folded, sentences: Sentence[], spans: MarkedSpan[], gaz: Gazetteer): ArabicResult {
  const candidates: Candidate[] = [];
  const n = sentences.length;
  const ctxs: (Ctx | undefined)[] = new Array<Ctx | undefined>(n);
  const subjects: (Mention | null | undefined)[] = new Array<Mention | null | undefined>(n);
  // Sentence offsets are original; their folded starts come from a forward walk over the map.
  const fStart = new Int32Array(n + 1);
  for (let si = 0; si < n; si++) {
    const start = sentences[si]!.start;
    let lo = si > 0 ? fStart[si - 1]! : 0;
    let hi = f.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f.map[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    fStart[si] = lo;
  }
  const fEnd = (si: number): number => {
    // The first folded offset at or after the sentence end: a binary search over the (increasing) map.
    const end = sentences[si]!.end;
    let lo = fStart[si]!;
    let hi = f.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f.map[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ctxAt = (si: number): Ctx => {
    let c = ctxs[si];
    if (!c) {
      const toks = tokenize(f.text, fStart[si]!, fEnd(si));
      const inSpan = new Int32Array(toks.length);
      for (let k = 0; k < toks.length; k++) inSpan[k] = spans.length ? spanIndexAt(spans, f.map[toks[k]!.s]!) : -1;
      c = { text, f, toks, spans, inSpan, gaz };
      ctxs[si] = c;
    }
    return c;
  };
  const subjectOf = (si: number): Mention | undefined => {
    if (si < 0 || si >= n) return undefined;
    let m = subjects[si];
    if (m === undefined) {
      const c = ctxAt(si);
      m = c.toks.length ? (clauseSubject(c, 0, c.toks.length) ?? null) : null;
      subjects[si] = m;
    }
    return m ?? undefined;
  };
  // Sentences holding a cue word: one scan of the folded text.
  let si = 0;
  let last = -1;
  CUE_SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUE_SCAN.exec(f.text))) {
    const at = f.map[m.index]!;
    while (si < n && sentences[si]!.end <= at) si++;
    if (si >= n) break;
    if (si === last || at < sentences[si]!.start) continue;
    last = si;
    const here = si;
    analyzeSentence(ctxAt(here), candidates, () => subjectOf(here));
  }
  const subjectAt = (si: number): Mention[] => {
    const m = subjectOf(si);
    return m ? [m] : [];
  };
  return { candidates, subjectAt };
}

export function analyzeSentence(ctx: Ctx, out: Candidate[], sentenceSubject: () => Mention | undefined): void {
  const { toks } = ctx;
  const n = toks.length;
  const used = new Set<number>();
  let lastMention: Mention | undefined;
  // The subject of the clause so far, for participles and conjoined verbs (", وقال إنه").
  let clauseSubj: Mention | undefined;
  let subjectKnown = false;
  // Where the words quoted so far in the sentence end (an original offset).
  let quotedTo = -1;
  for (let k = 0; k < n; k++) {
    if (ctx.inSpan[k]! >= 0 || used.has(k) || k < (ctx.consumedUntil ?? 0)) continue;
    const t = toks[k]!.t;
    if (VAGUE_AR.has(stripConj(t))) continue;
    // Attribution cues: بحسب X، وفقًا لـX، نقلًا عن X.
    if (SOURCE_CUES.has(t)) {
      const r = sourceCue(ctx, out, k, used);
      if (r) lastMention = r;
      continue;
    }
    const relay = RELAY_NOUNS.get(t);
    if (relay) {
      const r = relayed(ctx, out, k, relay);
      if (r) lastMention = r;
      continue;
    }
    // «ويُدعى علي حسن» names someone; it is not «يدّعي» (claims).
    if (t === 'ويدعي') continue;
    const v = verbAt(t);
    if (!v) continue;
    if (v.info.lemma === 'جاء') {
      lastMention = cameIn(ctx, out, k, lastMention ?? clauseSubj ?? sentenceSubject()) ?? lastMention;
      continue;
    }
    // "بحسب ما قاله", "كما قال": handled by the cue or as a complement before the verb.
    const prev = k > 0 ? toks[k - 1]!.t : '';
    // (After «عدم» the form is a verbal noun: «طلب عدم ذكر اسمه».)
    if (prev === 'عدم') continue;
    // (Nor after a preposition: «في رد مكتوب», «على تعليق»: a noun, no act.)
    if (NOUN_AFTER.has(prev)) continue;
    if (!lastMention && !subjectKnown && v.info.participle) {
      clauseSubj = sentenceSubject();
      subjectKnown = true;
    }
    ctx.verbSubject = undefined;
    // «كما قال X» after a clause is postposed; «كما أكد X أن …» opening the sentence means "also".
    const relative = RELATIVE_BEFORE.has(prev) && k >= 2;
    // («…، كما نفى أن …»: «also» joins the verb to the clause before, like و.)
    const joined = v.conj || prev === 'وقد' || prev === 'فقد' || prev === 'قد' || prev === 'لقد' || ALSO.has(prev);
    const made = out.length;
    const m = analyzeVerb(ctx, out, k, v.info, joined, relative, lastMention ?? clauseSubj);
    // «لكن الوزارة نفت ذلك، وقالت إن ...»: a verb that quoted nothing still names the clause's subject, unless it
    // stands inside words already quoted («ترى النقابة أن الأزمة تكشف غياب …، وطالبت»).
    const quoted = orig(ctx, toks[k]!.s) < quotedTo;
    for (let q = made; q < out.length; q++) quotedTo = Math.max(quotedTo, out[q]!.end);
    if (!m && ctx.verbSubject && !quoted) {
      clauseSubj = ctx.verbSubject;
      lastMention = ctx.verbSubject;
      subjectKnown = true;
    }
    if (m) {
      lastMention = m;
      if (m.kind !== 'drop' && m.kind !== 'pronoun') {
        clauseSubj = m;
        subjectKnown = true;
      }
    }
  }
}

interface VerbAct {
  cue: string;
  cueAt: number;
  mention: Mention;
}

/** Speaker and complement of one reporting verb at token k. Returns the speaker mention when a quote was made. */
export function analyzeVerb(ctx: Ctx, out: Candidate[], k: number, info: VerbInfo, conj: boolean, relative: boolean, prior: Mention | undefined): Mention | undefined {
  const { toks } = ctx;
  const cueTok = toks[k]!;
  const cue = ctx.text.slice(orig(ctx, cueTok.s), orig(ctx, cueTok.e));
  const cueAt = orig(ctx, cueTok.s);
  // "لم يذكر", "لن يقول": negated verbs report nothing, but «لم يستبعد أن», «لم تنفِ أن» do (LITOTES).
  const before = k > 0 ? toks[k - 1]!.t : '';
  const marker = NEGATIONS.has(before) && !LITOTES.has(info.lemma) ? undefined : findMarker(ctx, k, info);
  if (NEGATIONS.has(before) && marker?.type !== 'that') return undefined;
  const sp = verbSpeaker(ctx, k, info, conj, marker);
  if (!sp) return undefined;
  // A postposed «…، كما قال X» names X; with neither X nor a complement after it, «كما أعلنت إطلاق …» is an act.
  if (relative && ALSO.has(before) && !marker && !sp.np) return undefined;
  const { np } = sp;
  let { mention } = sp;
  if (!mention && marker && marker.at === k + 1 && marker.type === 'that' && PASSIVE_READINGS.has(stripConj(toks[k]!.t))) return undefined;
  if (mention && (mention.kind === 'name' || mention.kind === 'noun')) ctx.verbSubject = mention;
  if (mention && info.gender === 'p' && !mention.gender && mention.kind !== 'name') mention.gender = 'p';
  if (mention && info.gender === 'f' && !mention.gender) mention.gender = 'f';
  if (mention && info.gender === 'm' && !mention.gender && (mention.kind === 'name' || mention.kind === 'noun')) mention.gender = 'm';
  if (marker) ctx.consumedUntil = Math.max(ctx.consumedUntil ?? 0, marker.at);
  if (!mention) {
    // Dropped subject: resolved later from the clause, the sentence or earlier speakers.
    mention = { kind: 'drop', name: '', start: cueAt, end: cueAt, ...(info.gender && info.gender !== 'm' ? { gender: info.gender } : info.gender === 'm' ? { gender: 'm' as Gender } : {}) };
    if (info.participle && prior) mention = { ...prior };
    // A conjoined verb shares the subject of the verb before it in the sentence when they agree: «نفت ذلك، وقالت».
    else if (conj && prior && ctx.verbSubject === undefined && prior.kind !== 'drop' && info.gender && (prior.gender ?? 'm') === info.gender) mention = { ...prior };
  }
  const act: VerbAct = { cue, cueAt, mention };
  // «كما قال X» closes the clause it reports; «كما نفى أن …», with a complement after it, means "also".
  if (relative && !(marker && ALSO.has(before))) {
    // "، حسبما ذكرت X" / "كما قال X": the complement stands before.
    const e = k - 2;
    if (e >= 0) complementBefore(ctx, out, e, cue, cueAt, mention);
    return mention;
  }
  if (!marker) return withoutMarker(ctx, out, k, sp, act);
  if (np && np.object && (marker.type === 'that' || marker.type === 'prep') && info.objectGuard && !np.speech && invitation(ctx, marker)) return undefined;
  // (Whoever is invited, «دعا … إلى مأدبة» names an occasion, never a call to act.)
  if (info.objectGuard && marker.type === 'prep' && invitation(ctx, marker)) return undefined;
  return withMarker(ctx, out, info, marker, act, k);
}

// «كما» (also, as) before a verb.
const ALSO = new Set(['كما', 'وكما']);

/** No marker: a quotation before the verb, «...»، قال X، «...», with a second part after the attribution. */
function withoutMarker(ctx: Ctx, out: Candidate[], k: number, sp: VerbSpeaker, act: VerbAct): Mention | undefined {
  const { toks } = ctx;
  const n = toks.length;
  const { np, npEnd } = sp;
  const { cue, cueAt, mention } = act;
  // Quotation before the verb: «...»، قال X، «...».
  const made = quoteBefore(ctx, out, k, act);
  if (made && np) {
    // And a second part after the attribution.
    let j = npEnd;
    while (j < n && (isComma(toks[j]!.t) || ctx.inSpan[j]! < 0) && j - npEnd < 6) {
      if (ctx.inSpan[j]! >= 0) break;
      j++;
    }
    if (j < n && ctx.inSpan[j]! >= 0) pushDirect(ctx, out, ctx.inSpan[j]!, cue, cueAt, mention);
  }
  return made ? mention : undefined;
}

/** A quotation right before the verb («...»، قال X): pushed as its first part. */
function quoteBefore(ctx: Ctx, out: Candidate[], k: number, act: VerbAct): boolean {
  if (k < 1) return false;
  let b = k - 1;
  // («…»، هكذا ردّ X: «thus» points back to the quotation.)
  if (/^و?هكذا$/u.test(ctx.toks[b]!.t) && b >= 1) b--;
  if (isComma(ctx.toks[b]!.t) && b >= 1) b--;
  const idx = ctx.inSpan[b]!;
  return idx >= 0 && pushDirect(ctx, out, idx, act.cue, act.cueAt, act.mention);
}

/** The complement after its marker. */
function withMarker(ctx: Ctx, out: Candidate[], info: VerbInfo, marker: Marker, act: VerbAct, k: number): Mention | undefined {
  const { toks } = ctx;
  const n = toks.length;
  const { cue, cueAt, mention } = act;
  switch (marker.type) {
    case 'direct': {
      // «...»، قال X، «...»: an interrupted quotation, its first part before the verb.
      const first = quoteBefore(ctx, out, k, act);
      if (!pushDirect(ctx, out, ctx.inSpan[marker.at]!, cue, cueAt, mention)) return first ? mention : undefined;
      return mention;
    }
    case 'colon': {
      const s = marker.at + 1;
      if (s < n && ctx.inSpan[s]! >= 0) {
        if (pushDirect(ctx, out, ctx.inSpan[s]!, cue, cueAt, mention)) return mention;
        return undefined;
      }
      const e = complementEnd(ctx, s, n);
      if (e > s) pushReported(ctx, out, toks[s]!.s, toks[e - 1]!.e, cue, cueAt, mention);
      return mention;
    }
    case 'that': {
      const s = marker.at + 1;
      if (s >= n) return undefined;
      const e = complementEnd(ctx, s, n);
      if (e <= s) return undefined;
      pushReported(ctx, out, toks[s]!.s, toks[e - 1]!.e, cue, cueAt, mention);
      return mention;
    }
    case 'prep': {
      const p = toks[marker.at]!;
      let s = marker.at + 1;
      let startF = s < n ? toks[s]!.s : p.e;
      if (p.t[0] === 'ب' && p.t.length > 2 && !THAT.has(p.t)) {
        // طالب بالإفراج → الإفراج: the prefix is dropped.
        startF = p.s + 1;
        s = marker.at;
      } else if (s < n && THAT.has(toks[s]!.t)) {
        s++;
        startF = s < n ? toks[s]!.s : p.e;
      } else if (info.thatAfterPrep) return undefined;
      if (s >= n) return undefined;
      const e = complementEnd(ctx, s === marker.at ? s + 1 : s, n);
      if (e <= s) return undefined;
      pushReported(ctx, out, startF, toks[e - 1]!.e, cue, cueAt, mention);
      return mention;
    }
  }
  return undefined;
}
