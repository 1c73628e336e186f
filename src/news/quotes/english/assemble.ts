// English stage 5, assembly: the sentences holding a cue, each cue with its speaker and complement.

import type { Sentence } from '../../sentences.ts';
import type { Candidate, Mention, SubjectAt } from '../internal.ts';
import type { MarkedSpan } from '../marks.ts';
import { ADVERBIAL_HEADS, AUX_SKIP, DETERMINERS, FUNCTION_CAPS, PRONOUNS, TIME_WORDS } from '../words-en.ts';
import { accordingTo, type Act, afterObject, complementAfterCue, complementBeforeCue, quotationAfter } from './complement.ts';
import { CUE_SCAN, cueApplies, type CueInfo, CUES, skipAdverbials, skipPrepPhrases } from './cues.ts';
import { describedSpeaker, phraseStart, subjectBefore } from './names.ts';
import { appositionSubject, personBeforeRole } from './appositions.ts';
import { clauseSubjects, initialSubject, sentenceNames, sentenceSubject, subjectAfter } from './subjects.ts';
import { type Ctx, isQuoteMark, spanIndexes, tokenize, trimStart } from './tokens.ts';

export interface EnglishResult {
  candidates: Candidate[];
  subjectAt: SubjectAt;
  /** Every name of a sentence, subject or not, with its role: for pronouns and definite nouns. */
  namesAt: SubjectAt;
}

export function englishCandidates(text: string, sentences: Sentence[], spans: MarkedSpan[]): EnglishResult {
  const candidates: Candidate[] = [];
  const n = sentences.length;
  const ctxs: (Ctx | undefined)[] = new Array<Ctx | undefined>(n);
  const subjects: (Mention[] | undefined)[] = new Array<Mention[] | undefined>(n);
  const firstSubject: (Mention | null | undefined)[] = new Array<Mention | null | undefined>(n);
  const ctxAt = (si: number): Ctx => {
    let c = ctxs[si];
    if (!c) {
      const sent = sentences[si]!;
      const tk = tokenize(text, sent.start, sent.end);
      c = { text, toks: tk, spans, inSpan: spanIndexes(tk, spans) };
      ctxs[si] = c;
    }
    return c;
  };
  const subjectOf = (si: number): Mention | undefined => {
    let m = firstSubject[si];
    if (m === undefined) {
      // The subject stands near the start: the first words are enough unless the sentence is read anyway.
      let c = ctxs[si];
      if (!c) {
        const sent = sentences[si]!;
        const tk = tokenize(text, sent.start, Math.min(sent.end, sent.start + 160));
        c = { text, toks: tk, spans, inSpan: spanIndexes(tk, spans) };
      }
      m = c.toks.length ? (sentenceSubject(c, 0, c.toks.length) ?? null) : null;
      firstSubject[si] = m;
    }
    return m ?? undefined;
  };
  const subjectAt = (si: number): Mention[] => {
    if (si < 0 || si >= n) return [];
    let list = subjects[si];
    if (!list) {
      const first = subjectOf(si);
      const later = clauseSubjects(text, sentences[si]!, spans, first);
      list = first ? [first, ...later] : later;
      subjects[si] = list;
    }
    return list;
  };
  forEachCueSentence(text, sentences, spans, (si) => analyzeSentence(ctxAt(si), candidates, si, () => subjectOf(si)));
  const names: (Mention[] | undefined)[] = new Array<Mention[] | undefined>(n);
  const namesAt = (si: number): Mention[] => {
    if (si < 0 || si >= n) return [];
    let list = names[si];
    if (!list) {
      list = sentenceNames(ctxAt(si));
      names[si] = list;
    }
    return list;
  };
  return { candidates, subjectAt, namesAt };
}

/**
 * Calls visit once for each sentence holding a cue word outside quotation marks, in order: the text between
 * quotations is scanned, and the rest of a sentence once it is read.
 */
function forEachCueSentence(text: string, sentences: Sentence[], spans: MarkedSpan[], visit: (si: number) => void): void {
  const n = sentences.length;
  let si = 0;
  let last = -1;
  let pos = 0;
  let sp = 0;
  const len = text.length;
  while (pos < len && si < n) {
    while (sp < spans.length && spans[sp]!.close < pos) sp++;
    let end = len;
    if (sp < spans.length) {
      const q = spans[sp]!;
      if (q.open <= pos) {
        pos = q.close + 1;
        continue;
      }
      end = q.open;
    }
    const seg = pos === 0 && end === len ? text : text.slice(pos, end);
    CUE_SCAN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CUE_SCAN.exec(seg))) {
      const at = pos + m.index;
      while (si < n && sentences[si]!.end <= at) si++;
      if (si >= n) break;
      if (si === last || at < sentences[si]!.start) continue;
      last = si;
      visit(si);
      if (sentences[si]!.end - pos > CUE_SCAN.lastIndex) CUE_SCAN.lastIndex = sentences[si]!.end - pos;
    }
    pos = end;
  }
}

export function analyzeSentence(ctx: Ctx, out: Candidate[], _si: number, sentenceSubj: () => Mention | undefined): void {
  const { toks } = ctx;
  const n = toks.length;
  let lastSubject: Mention | undefined;
  let subjectKnown = false;
  const subjectNow = (): Mention | undefined => {
    if (!subjectKnown) {
      lastSubject = sentenceSubj();
      subjectKnown = true;
    }
    return lastSubject;
  };
  for (let k = 0; k < n; k++) {
    if (ctx.inSpan[k]! >= 0) continue;
    const tok = toks[k]!;
    const l = tok.l;
    // "according to X, ..." / "..., according to X."
    if (l === 'according' && k + 1 < n && toks[k + 1]!.l === 'to') {
      accordingTo(ctx, out, k);
      continue;
    }
    const info = CUES.get(l);
    if (!info) continue;
    if (!cueApplies(ctx, k, info)) continue;
    analyzeCue(ctx, out, k, info, subjectNow, (m) => {
      lastSubject = m;
      subjectKnown = true;
    });
  }
}

export function analyzeCue(ctx: Ctx, out: Candidate[], k: number, info: CueInfo, subjectNow: () => Mention | undefined, setSubject: (m: Mention) => void): void {
  const act = cueSpeaker(ctx, k, info, subjectNow);
  if (!act) return;
  if (act.mention.kind !== 'drop') setSubject(act.mention);
  // What follows the attribution?
  const c = afterObject(ctx, out, act, act.end);
  if (c < 0 || quotationAfter(ctx, out, act, c) || complementBeforeCue(ctx, out, act, c)) return;
  complementAfterCue(ctx, out, act, c);
}

/** The speaker of the cue at token k: before the verb, the clause's subject for a participle, or after the verb. */
function cueSpeaker(ctx: Ctx, k: number, info: CueInfo, subjectNow: () => Mention | undefined): Act | undefined {
  const { toks } = ctx;
  const n = toks.length;
  const { cueText, verbEnd, a } = cueVerb(ctx, k, info);
  const before = speakerBeforeCue(ctx, k, a, info, subjectNow);
  if (!before) return undefined;
  let mention = before.mention;
  const clusterStart = before.clusterStart;
  let clusterEnd = verbEnd; // first token after the attribution
  // Gerunds and participles take the subject of their clause: ", adding that ...", "saying ...".
  if (!mention && info.form === 'ing') {
    const last = subjectNow();
    if (last) mention = { ...last };
    // "The figures rose, suggesting ...": a subject that is no speaker does not report.
    else if (explicitSubject(ctx, k)) return undefined;
    else mention = { kind: 'drop', name: '', start: toks[k]!.s, end: toks[k]!.e };
  }
  // Subject after the verb: "said Claxton", "says Cara Diemont of IT firm Dimension Data".
  let inverted = false;
  // "told the court" names the addressee, never the speaker.
  const invertible = info.cls !== 'tell' && (a < 0 || toks[a]!.t === ',' || isQuoteMark(toks[a]!.t) || ctx.inSpan[a]! >= 0);
  if (!mention && invertible) {
    const after = subjectAfter(ctx, verbEnd, n);
    if (after) {
      mention = after.mention;
      clusterEnd = after.next;
      inverted = true;
      // "of IT firm Dimension Data, which commissioned the survey": the tail belongs to the speaker.
      while (clusterEnd < n && toks[clusterEnd]!.word && ctx.inSpan[clusterEnd]! < 0 && (toks[clusterEnd]!.l === 'of' || toks[clusterEnd]!.l === 'from' || toks[clusterEnd]!.l === 'at')) {
        let m = clusterEnd + 1;
        while (m < n && toks[m]!.word && ctx.inSpan[m]! < 0) m++;
        clusterEnd = m;
      }
    }
  }
  // Otherwise a subject further left in the same clause: "X also announced a new drive ..., saying".
  if (!mention) return undefined;
  clusterEnd = skipPrepPhrases(ctx, skipAdverbials(ctx, inverted ? clusterEnd : verbEnd, n), n);
  return { info, cue: cueText, cueAt: toks[k]!.s, mention, start: clusterStart, end: clusterEnd };
}

/**
 * Does the clause of the participle at k open with a noun phrase of its own (after a leading adverbial)? A
 * determiner or a capitalized word there is a subject, not a quotation or a pronoun left to resolve.
 */
function explicitSubject(ctx: Ctx, k: number): boolean {
  const { toks } = ctx;
  let s = trimStart(ctx, 0, k);
  const lead = toks[s];
  if (lead && lead.word && FUNCTION_CAPS.has(lead.t) && !DETERMINERS.has(lead.l) && !PRONOUNS.has(lead.l)) {
    for (let m = s + 1; m < Math.min(k, s + 8); m++) {
      if (toks[m]!.t === ',') {
        s = trimStart(ctx, m + 1, k);
        break;
      }
    }
  }
  if (s >= k || ctx.inSpan[s]! >= 0) return false;
  const t = toks[s]!;
  if (!t.word || PRONOUNS.has(t.l)) return false;
  return DETERMINERS.has(t.l) || (t.cap && !FUNCTION_CAPS.has(t.t));
}

/** The cue's words ("said", "pointed out") and the token before them, past auxiliaries and adverbials. */
function cueVerb(ctx: Ctx, k: number, info: CueInfo): { cueText: string; verbEnd: number; a: number } {
  const { toks } = ctx;
  const n = toks.length;
  let cueText = toks[k]!.t;
  let verbEnd = k + 1;
  const nextL = verbEnd < n ? toks[verbEnd]!.l : '';
  if ((info.lemma === 'point' && nextL === 'out') || (info.lemma === 'call' && (nextL === 'on' || nextL === 'for'))) {
    cueText = `${cueText} ${toks[verbEnd]!.t}`;
    verbEnd++;
  }
  // Auxiliaries before the verb belong to the cue: "has said", "is calling on".
  let a = k - 1;
  while (a >= 0 && AUX_SKIP.has(toks[a]!.l) && ctx.inSpan[a]! < 0) a--;
  // A parenthesis after the subject, its acronym or a relative clause: "the Road Safety Council (RSC)
  // said", "Ann Bell - who was cleared on appeal - said".
  const o = a >= 3 ? parenthesisOpen(ctx, a) : -1;
  if (o > 0 && toks[o - 1]!.word) {
    a = o - 1;
    while (a >= 0 && AUX_SKIP.has(toks[a]!.l) && ctx.inSpan[a]! < 0) a--;
  }
  // A time or medium adverbial between the subject and the verb: "X on Monday said", "X in a statement said".
  if (a >= 2 && ctx.inSpan[a]! < 0 && TIME_WORDS.has(toks[a]!.l)) {
    let h = a - 1;
    while (h > 0 && a - h < 4 && toks[h]!.word && !ADVERBIAL_HEADS.has(toks[h]!.l)) h--;
    if (h > 0 && ADVERBIAL_HEADS.has(toks[h]!.l) && toks[h - 1]!.word && ctx.inSpan[h - 1]! < 0) {
      a = h - 1;
      while (a >= 0 && AUX_SKIP.has(toks[a]!.l) && ctx.inSpan[a]! < 0) a--;
    }
  }
  return { cueText, verbEnd, a };
}

const DASHES = new Set(['-', '–', '—']);

/** The opening bracket or dash of a parenthesis that closes at token a (words only inside), or -1. */
function parenthesisOpen(ctx: Ctx, a: number): number {
  const { toks } = ctx;
  const close = toks[a]!.t;
  if (close !== ')' && !DASHES.has(close)) return -1;
  for (let o = a - 1; o > 0 && a - o <= 20; o--) {
    const t = toks[o]!;
    if (ctx.inSpan[o]! >= 0) return -1;
    if (close === ')' ? t.t === '(' : DASHES.has(t.t)) return o < a - 1 ? o : -1;
    if (!t.word && t.t !== ',' && t.t !== "'s" && t.t !== '’s') return -1;
  }
  return -1;
}

/** The speaker before the verb, and the token where the attribution starts. */
function speakerBeforeCue(ctx: Ctx, k: number, a: number, info: CueInfo, subjectNow: () => Mention | undefined): { mention: Mention | undefined; clusterStart: number } | undefined {
  const { toks } = ctx;
  let mention: Mention | undefined;
  let clusterStart = k;
  if (a >= 0) {
    const t = toks[a]!;
    if (info.form === 'ing' && (t.t === ',' || t.word) && subjectNow()) {
      // ", saying ...", "e-mailed Mr X pointing out ..., but suggesting ...": the subject of the clause (below).
    } else if (t.t === ',' && a >= 1) {
      const ap = appositionSubject(ctx, a);
      if (ap) {
        mention = ap.mention;
        clusterStart = ap.start;
      }
    } else if (t.l === 'who' && a >= 2 && (toks[a - 1]!.t === ',' || (toks[a - 1]!.cap && toks[a - 1]!.word))) {
      // "..., Professor Ann Bell, who has said ...", "director Ann Bell who called ...": the relative pronoun
      // stands for the name before it.
      const m = subjectBefore(ctx, toks[a - 1]!.t === ',' ? a - 2 : a - 1, 0);
      if (m && m.kind !== 'pronoun') {
        mention = m;
        clusterStart = a;
      }
    } else if (t.l === 'and' || t.l === 'but' || t.l === 'then' || t.l === 'before' || t.l === 'after') {
      // "X won ... and then claimed ...": the subject of the sentence.
      const last = subjectNow();
      if (last && last.kind !== 'drop') mention = { ...last };
    } else {
      const found = subjectBefore(ctx, a, 0);
      // "Ann Bell, director of the Westfield Trust said": the person, not the body of her role.
      const person = found?.kind === 'pronoun' ? undefined : personBeforeRole(ctx, a);
      const m = person?.mention ?? found ?? describedSpeaker(ctx, a);
      if (m) {
        // Inside a relative clause after the sentence subject ("Ms Robinson, who presents The Weakest Link
        // tells ..."), the speaker is the sentence subject.
        const init = initialSubject(ctx);
        const chosen = init && init.relative && init.mention.end < m.start ? init.mention : m;
        mention = chosen;
        clusterStart = toks.findIndex((x) => x.s === chosen.start);
      }
    }
  }
  if (clusterStart < 0) clusterStart = k;
  // The whole subject phrase belongs to the attribution: "chairman and chief executive Richard Parsons said",
  // "the company's boss Jane Doe said".
  if (mention && clusterStart < k) clusterStart = phraseStart(ctx, clusterStart);
  // "what they have said", "the things he said": a relative clause, not a report.
  if (mention && clusterStart > 0 && clusterStart <= k) {
    const before = toks[clusterStart - 1]!.l;
    if (before === 'what' || before === 'whatever' || before === 'which' || before === 'whom') return undefined;
  }
  return { mention, clusterStart };
}

