// English stage 2, cues: the reporting verbs with their forms and classes, and what may stand between a
// verb and its complement (adverbials, prepositional phrases), and where a complement ends.

import { ADVERBIAL_HEADS, BE, CLAUSE_AUX, CLAUSE_START, DETERMINERS, GERUND_CUE_SEP, MODAL, NOT_PAST, PRE_VERB, PREPOSITIONS, PRONOUNS, TIME_WORDS } from '../words-en.ts';
import { type Ctx, isQuoteMark, trimStart } from './tokens.ts';

export type VerbClass = 'say' | 'tell' | 'directive' | 'clause' | 'frag' | 'deny';

export interface CueInfo {
  lemma: string;
  cls: VerbClass;
  form: 'base' | 's' | 'past' | 'ing';
}

export const CUES = new Map<string, CueInfo>();

/** Registers the forms of a verb: base, -s, past, -ing; "-" (or nothing) where a form is left out. */
function cue(cls: VerbClass, lemma: string, forms: string): void {
  const [base, s, past, ing] = forms.split(' ').map((f) => (f === '-' ? '' : f));
  if (base) CUES.set(base, { lemma, cls, form: 'base' });
  if (s) CUES.set(s, { lemma, cls, form: 's' });
  if (past) CUES.set(past, { lemma, cls, form: 'past' });
  if (ing) CUES.set(ing, { lemma, cls, form: 'ing' });
}
cue('say', 'say', 'say says said saying');
cue('tell', 'tell', 'tell tells told telling');
cue('say', 'add', 'add adds added adding');
cue('clause', 'claim', 'claim claims claimed claiming');
cue('directive', 'warn', 'warn warns warned warning');
cue('clause', 'insist', 'insist insists insisted insisting');
cue('clause', 'argue', 'argue argues argued arguing');
cue('deny', 'deny', 'deny denies denied denying');
cue('deny', 'admit', 'admit admits admitted admitting');
cue('clause', 'suggest', 'suggest suggests suggested suggesting');
cue('clause', 'explain', 'explain explains explained explaining');
cue('clause', 'reveal', 'reveal reveals revealed revealing');
cue('clause', 'concede', 'concede concedes conceded conceding');
cue('directive', 'urge', 'urge urges urged urging');
cue('directive', 'ask', 'ask asks asked asking');
cue('clause', 'note', 'note notes noted noting');
cue('clause', 'stress', 'stress stresses stressed stressing');
cue('clause', 'recall', 'recall recalls recalled recalling');
cue('clause', 'remember', 'remember remembers remembered remembering');
cue('clause', 'reply', 'reply replies replied replying');
cue('clause', 'confess', 'confess confesses confessed confessing');
cue('clause', 'believe', 'believe believes believed believing');
cue('clause', 'feel', '- feels felt');
cue('clause', 'announce', 'announce announces announced announcing');
cue('clause', 'write', 'write writes wrote writing');
cue('clause', 'estimate', 'estimate estimates estimated estimating');
cue('clause', 'report', 'report reports reported reporting');
cue('clause', 'agree', 'agree agrees agreed agreeing');
cue('clause', 'point', 'point points pointed pointing');
// Less frequent reporting verbs: a clause or an adjacent quotation makes them a report. Only their past and
// -s forms: the others are mostly nouns or other senses ("the state", "comments", "continue to rise").
cue('clause', 'state', '- - stated');
cue('clause', 'declare', '- declares declared');
cue('clause', 'comment', '- - commented');
cue('clause', 'remark', '- - remarked');
cue('clause', 'observe', '- - observed');
cue('clause', 'respond', '- - responded');
cue('clause', 'joke', '- jokes joked');
cue('clause', 'quip', '- quips quipped');
cue('clause', 'fume', '- fumes fumed');
cue('clause', 'boast', '- boasts boasted');
cue('clause', 'complain', '- complains complained');
cue('clause', 'acknowledge', '- acknowledges acknowledged');
cue('clause', 'predict', '- predicts predicted');
cue('clause', 'forecast', '- forecasts forecast');
cue('clause', 'confirm', '- confirms confirmed');
cue('clause', 'vow', '- vows vowed');
cue('clause', 'pledge', '- pledges pledged');
cue('clause', 'caution', '- - cautioned');
cue('clause', 'assert', '- asserts asserted');
cue('clause', 'conclude', '- concludes concluded');
cue('clause', 'emphasise', '- emphasises emphasised');
cue('clause', 'emphasize', '- emphasizes emphasized');
cue('clause', 'retort', '- retorts retorted');
cue('clause', 'exclaim', '- exclaims exclaimed');
cue('directive', 'call', 'call calls called calling');
cue('directive', 'advise', '- advises advised advising');
cue('directive', 'recommend', 'recommend recommends recommended recommending');
cue('clause', 'specify', '- specifies specified');
cue('clause', 'maintain', '- maintains maintained');
cue('clause', 'contend', '- contends contended');
cue('clause', 'allege', '- alleges alleged');
// Verbs that attribute a quoted fragment to their subject but take no clause: `brands it "rubbish"`.
cue('frag', 'describe', 'describe describes described describing');
cue('frag', 'brand', 'brand brands branded branding');
cue('frag', 'attack', 'attack attacks attacked attacking');
cue('frag', 'dismiss', 'dismiss dismisses dismissed dismissing');
cue('frag', 'accuse', 'accuse accuses accused accusing');
cue('frag', 'blame', 'blame blames blamed blaming');

// Every form of every cue, as one regex: finding the sentences worth reading costs one scan.
export const CUE_SCAN = new RegExp(`\\b(?:${[...CUES.keys()].sort((a, b) => b.length - a.length).join('|')}|according)\\b`, 'gi');

/** Skips adverbials after a verb: "on Monday", "in a statement", "last week", "earlier". */
export function skipAdverbials(ctx: Ctx, i: number, limit: number): number {
  const { toks } = ctx;
  let k = i;
  for (let guard = 0; guard < 4 && k < limit; guard++) {
    const l = toks[k]!.l;
    if (l === 'yesterday' || l === 'today' || l === 'earlier' || l === 'later' || l === 'recently' || l === 'also' || l === 'again' || l === 'previously' || l === 'repeatedly' || l === 'now' || l === 'once') {
      k++;
      continue;
    }
    if (ADVERBIAL_HEADS.has(l)) {
      // A short phrase ending with a time or medium word.
      let m = k + 1;
      let ok = false;
      while (m < limit && m - k <= 6 && toks[m]!.word) {
        const w = toks[m]!.l;
        if (TIME_WORDS.has(w)) {
          ok = true;
          m++;
          break;
        }
        if (w === 'that' || CLAUSE_AUX.has(w)) break;
        m++;
      }
      if (ok) {
        // Swallow "'s Today programme" tails.
        while (m < limit && (toks[m]!.t === "'s" || TIME_WORDS.has(toks[m]!.l))) m++;
        k = m;
        continue;
      }
    }
    break;
  }
  return k;
}

/**
 * Skips prepositional phrases after the verb that close the clause or stand before its complement: "said of
 * the merger.", "said at a press conference in Geneva.", "said in an interview with the BBC that ...".
 * A phrase is only skipped up to a boundary (punctuation, "that", a quotation, a pronoun subject); a
 * determiner that does not follow a preposition starts a new noun phrase, the subject of a complement.
 */
export function skipPrepPhrases(ctx: Ctx, i: number, limit: number): number {
  const { toks } = ctx;
  if (i >= limit || !PREPOSITIONS.has(toks[i]!.l) || toks[i]!.l === 'to' || ctx.inSpan[i]! >= 0) return i;
  let m = i + 1;
  while (m < limit && m - i <= 10 && toks[m]!.word && ctx.inSpan[m]! < 0) {
    const l = toks[m]!.l;
    const prev = toks[m - 1]!.l;
    if (l === 'that' || CLAUSE_AUX.has(l) || CUES.has(l) || PRONOUNS.has(l) || CLAUSE_START.has(l)) break;
    if (DETERMINERS.has(l) && !PREPOSITIONS.has(prev)) return i;
    m++;
  }
  if (m === i + 1) return i;
  if (m >= limit) return m;
  const t = toks[m]!;
  if (ctx.inSpan[m]! >= 0 || t.l === 'that' || (!t.word && t.t !== "'s") || PRONOUNS.has(t.l)) return m;
  return i;
}

const DEMONSTRATIVES = new Set(['this', 'these', 'those']);

/** Does the token stretch look like a clause (not a bare noun phrase)? */
export function looksClausal(ctx: Ctx, i: number, limit: number): boolean {
  const { toks } = ctx;
  for (let k = i; k < limit && k < i + 9; k++) {
    const t = toks[k]!;
    if (ctx.inSpan[k]! >= 0) return true;
    if (!t.word) {
      if (t.t === ',' && k - i > 1) return false;
      continue;
    }
    const l = t.l;
    // A demonstrative may open a noun phrase ("announced this new plan"): read on.
    if (k === i && CLAUSE_START.has(l) && !DEMONSTRATIVES.has(l)) return true;
    // A subject pronoun and an auxiliary after a noun phrase start another clause: the phrase was an object
    // ("announced this new plan it was ..."; not "the man he met was ...").
    if (k > i + 1 && PRONOUNS.has(l) && k + 1 < limit && CLAUSE_AUX.has(toks[k + 1]!.l)) return false;
    if (CLAUSE_AUX.has(l)) return k > i;
    if (k > i && /^[a-z]+ed$/.test(l) && l.length > 4 && !NOT_PAST.has(l)) return true;
  }
  return false;
}

/** End of a complement: the sentence end, or a comma before another reporting verb (", adding that"). */
export function clauseEnd(ctx: Ctx, from: number, limit: number): number {
  const { toks } = ctx;
  for (let k = from; k < limit; k++) {
    if (ctx.inSpan[k]! >= 0) continue;
    const l = toks[k]!.l;
    // ", while the Times described it as ...": a contrasting clause with a reporting verb of its own.
    if (l === ',' && k + 1 < limit && (toks[k + 1]!.l === 'while' || toks[k + 1]!.l === 'whereas') && ownCue(ctx, k + 2, Math.min(limit, k + 12))) return k;
    if (GERUND_CUE_SEP.has(l) && k + 1 < limit) {
      const n = toks[k + 1]!.l;
      const info = CUES.get(n);
      if (info && (info.form === 'ing' || (l === 'and' && (info.form === 'past' || info.form === 's')))) return k;
      if (l === ',' && k + 2 < limit && PRONOUNS.has(n)) {
        const info2 = CUES.get(toks[k + 2]!.l);
        if (info2 && info2.cls !== 'frag' && k + 3 >= limit - 1) return k;
      }
    }
  }
  return limit;
}

export function isClauseBreak(ctx: Ctx, i: number): boolean {
  const l = ctx.toks[i]!.l;
  const info = CUES.get(l);
  return !!info && info.form === 'ing';
}

/** Is the cue word at token k a reporting verb here (not passive, hearsay, a noun or another sense)? */
export function cueApplies(ctx: Ctx, k: number, info: CueInfo): boolean {
  const { toks } = ctx;
  const n = toks.length;
  const l = toks[k]!.l;
  const tok = toks[k]!;
  // Lower-case verbs only, except at the start of the sentence.
  if (tok.cap && k > 0) return false;
  // A participle opening the sentence is an adverbial: "Writing in the Guardian, X argued ...".
  if (info.form === 'ing' && trimStart(ctx, 0, n) === k) return false;
  // Passive or hearsay: "is said to", "were told", "it has been claimed".
  let p = k - 1;
  let passive = false;
  while (p >= 0 && PRE_VERB.has(toks[p]!.l)) {
    if (toks[p]!.l === 'been' || toks[p]!.l === 'being') passive = true;
    p--;
  }
  const prev = p >= 0 ? toks[p]!.l : '';
  // "has been suggested", "was being told": the participle after a form of "be" is passive.
  if ((info.form === 'past' || info.form === 'base') && (passive || BE.has(prev) || prev === 'get' || prev === 'got')) return false;
  if (info.form === 'base' && MODAL.has(prev)) return false;
  if (info.form === 'ing' && BE.has(prev) && info.cls !== 'directive' && l !== 'saying' && l !== 'telling') return false;
  if (prev === 'the' || prev === 'a' || prev === 'an' || prev === 'his' || prev === 'her' || prev === 'their' || prev === 'its') return false;
  if (info.form === 'ing' && (prev === 'of' || prev === 'for' || prev === 'about' || prev === 'from' || prev === 'without' || prev === 'against')) return false;
  if (l === 'said' && prev === 'that' && k + 1 < n && toks[k + 1]!.t === ',') return false;
  if (l === 'told' && prev === 'all') return false;
  // Verbs used for other things.
  const next = k + 1 < n ? toks[k + 1]!.l : '';
  if (info.lemma === 'point' && next !== 'out') return false;
  if (info.lemma === 'call' && next !== 'on' && next !== 'for' && !quotedAfterObject(ctx, k)) return false;
  if (info.lemma === 'ask' && (next === 'for' || next === 'about')) return false;
  if ((info.lemma === 'comment' || info.lemma === 'respond') && !(next === ':' || next === ',' || next === '.' || next === 'that' || isQuoteMark(toks[k + 1]?.t ?? '') || k + 1 >= n)) return false;
  if (info.lemma === 'add' && !(next === 'that' || next === ':' || next === ',' || next === '.' || isQuoteMark(toks[k + 1]?.t ?? '') || k + 1 >= n || PRONOUNS.has(next) || next === 'the' || next === 'it' || (toks[k + 1]!.cap && toks[k + 1]!.word))) return false;
  if (info.lemma === 'feel' && !(next === 'that' || PRONOUNS.has(next) || next === 'the')) return false;
  if ((info.lemma === 'remember' || info.lemma === 'recall') && !(next === 'that' || next === 'how' || next === ':' || next === '.' || next === ',' || next === '' || isQuoteMark(toks[k + 1]?.t ?? ''))) return false;
  if (info.lemma === 'note' && !(next === 'that' || next === ':' || next === ',' || next === '.')) return false;
  if (info.lemma === 'state' && !(next === 'that' || next === ':' || next === ',' || next === '.')) return false;
  if (info.lemma === 'agree' && next !== 'that') return false;
  if (info.lemma === 'report' && !(next === 'that' || next === ':' || next === ',' || next === '.')) return false;
  // "wrote in the Guardian that", "wrote on social media that", "wrote on Twitter:".
  if (info.lemma === 'write' && !(next === 'that' || next === ':' || next === ',' || next === '.' || next === 'in' || next === 'on')) return false;
  return true;
}

/** "called it "X"", "called the plan "X"": a double-quoted span after a short object of the verb at k. */
function quotedAfterObject(ctx: Ctx, k: number): boolean {
  const { toks } = ctx;
  for (let m = k + 2; m < toks.length && m <= k + 5; m++) {
    if (ctx.inSpan[m]! >= 0) return !ctx.spans[ctx.inSpan[m]!]!.single;
    if (!toks[m]!.word || CLAUSE_AUX.has(toks[m]!.l)) return false;
  }
  return false;
}

/** A reporting verb (not a participle) outside quotations in [from, to). */
function ownCue(ctx: Ctx, from: number, to: number): boolean {
  for (let m = from; m < to; m++) {
    if (ctx.inSpan[m]! >= 0) return false;
    const info = CUES.get(ctx.toks[m]!.l);
    if (info && info.form !== 'ing') return true;
  }
  return false;
}
