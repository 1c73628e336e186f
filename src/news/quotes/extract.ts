// Quote extraction: direct quotations (marks.ts), reported speech (english/*, arabic/*: tokens → cues → names →
// subjects → assembly) and speakers (speakers/*), in one pass per document. A quote found both ways is one
// quote: the direct one.

import type { DetectedLang } from '../language.ts';
import type { Sentence } from '../sentences.ts';
import { arabicCandidates } from './arabic/assemble.ts';
import { transcriptTurns } from './arabic/turns.ts';
import { englishCandidates } from './english/assemble.ts';
import { fold } from './fold.ts';
import { defaultGazetteer, type Gazetteer } from './gazetteer.ts';
import type { Candidate } from './internal.ts';
import { isArabicLabel, isLabel } from './labels.ts';
import { findMarkedSpans, type MarkedSpan } from './marks.ts';
import { resolveSpeakers } from './speakers/resolve.ts';
import type { Quote } from './types.ts';

const ARABIC_LETTER = /[\u0600-\u06FF]/;

export interface ExtractOptions {
  gazetteer?: Gazetteer;
}

/** Direct and reported quotes of a document, with their speakers, in document order. */
export function extractQuotes(text: string, sentences: Sentence[], lang: DetectedLang, options: ExtractOptions = {}): Quote[] {
  if (!text || sentences.length === 0) return [];
  const gaz = options.gazetteer ?? defaultGazetteer();
  const spans = findMarkedSpans(text);
  const arabic = lang === 'ar' || (lang === 'other' && ARABIC_LETTER.test(text));
  const folded = arabic ? fold(text) : undefined;
  const english = folded ? undefined : englishCandidates(text, sentences, spans);
  const { candidates, subjectAt } = english ?? arabicCandidates(text, folded!, sentences, spans, gaz);
  if (!english && text.includes(':')) candidates.push(...transcriptTurns(text, gaz));
  const kept = candidates.length > 1 ? dedupe(candidates) : candidates;
  const standalone = spans.length ? standaloneSpans(text, spans, kept, arabic) : [];
  if (kept.length === 0 && standalone.length === 0) return [];
  return resolveSpeakers({ text, sentences, candidates: kept, subjectAt, english: !arabic, gaz, standalone, ...(folded ? { folded } : {}), ...(english ? { namesAt: english.namesAt } : {}) });
}

function dedupe(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => (a.cueAt ?? a.start) - (b.cueAt ?? b.start));
  const out: Candidate[] = [];
  for (const c of sorted) {
    const clash = out.find((o) => o.kind === c.kind && o.start < c.end && c.start < o.end && (c.kind === 'direct' ? o.start === c.start : true));
    if (clash) continue;
    // A reported span that holds a direct quote already taken: direct wins.
    if (c.kind === 'reported' && out.some((o) => o.kind === 'direct' && o.start >= c.start && o.end <= c.end)) continue;
    out.push(c);
  }
  // And the other way round: a direct quote found after a reported span that holds it.
  return out.filter((c) => c.kind === 'direct' || !out.some((o) => o.kind === 'direct' && o.start >= c.start && o.end <= c.end));
}

/** Quotations with no cue that open a sentence: they continue someone's run. */
function standaloneSpans(text: string, spans: MarkedSpan[], used: Candidate[], arabic: boolean): { start: number; end: number }[] {
  const taken = new Set(used.filter((c) => c.kind === 'direct').map((c) => c.start));
  const out: { start: number; end: number }[] = [];
  for (const sp of spans) {
    if (taken.has(sp.start) || sp.single) continue;
    // Inside a reported complement already taken: not a quote of its own.
    if (used.some((c) => c.kind === 'reported' && c.start <= sp.open && sp.close <= c.end)) continue;
    let k = sp.open - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k--;
    const before = k < 0 ? '\n' : text[k]!;
    if (!(before === '\n' || before === '.' || before === '!' || before === '?' || before === '؟' || before === ':')) continue;
    if (arabic ? isArabicLabel(text, sp) : isLabel(text, sp)) continue;
    // A sentence of its own, not a one-word label.
    const inner = text.slice(sp.start, sp.end);
    if (inner.split(/\s+/).length < 3) continue;
    out.push({ start: sp.start, end: sp.end });
  }
  return out;
}
