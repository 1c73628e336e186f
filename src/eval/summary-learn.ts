// Learns the data-driven part of the summarizer (SummaryModel) from the tuning half of the BBC set only:
// 1. the lead prior: for each position, the share of sentences there that the reference summaries keep,
//    relative to the most kept position (positions from LEAD_POSITIONS - 1 on pooled);
// 2. the weights of that prior (for short and for longer summaries) and of title overlap, by grid search on
//    ROUGE-2: the short weight at three sentences, the long one at each reference's length.
// `npm run eval -- summary --learn` prints the model to paste into SUMMARY_MODEL (src/news/summarize.ts).

import { normalizeForMatch } from '../news/normalize.ts';
import type { SummaryModel } from '../news/summarize.ts';
import { loadSummaryCases, systemScore, type SummaryCase } from './summary.ts';

const LEAD_POSITIONS = 6;
const LEAD_WEIGHTS = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2];
const TITLE_WEIGHTS = [0, 0.05, 0.1, 0.2, 0.3, 0.5];

const key = (text: string): string => normalizeForMatch(text).replace(/\s+/g, ' ').trim();

/** Share of sentences at each position that the reference keeps, relative to the largest share. */
export function learnLeadPrior(cases: readonly SummaryCase[], positions = LEAD_POSITIONS): number[] {
  const kept = new Array<number>(positions).fill(0);
  const seen = new Array<number>(positions).fill(0);
  for (const c of cases) {
    const reference = new Set(c.reference.map(key));
    c.sentences.forEach((s, i) => {
      const p = Math.min(i, positions - 1);
      seen[p]!++;
      if (reference.has(key(s.text))) kept[p]!++;
    });
  }
  const rates = kept.map((k, p) => (seen[p] ? k / seen[p]! : 0));
  const top = Math.max(...rates);
  return rates.map((r) => (top > 0 ? Math.round((r / top) * 100) / 100 : 0));
}

function best<T>(candidates: readonly T[], score: (c: T) => number): { value: T; score: number } {
  let out: { value: T; score: number } = { value: candidates[0] as T, score: -Infinity };
  for (const c of candidates) {
    const s = score(c);
    // Ties keep the smaller weight (earlier in the list): no more prior than the data asks for.
    if (s > out.score + 1e-9) out = { value: c, score: s };
  }
  return out;
}

/** The model learned on the given cases (the tuning half). */
export function learnSummaryModel(cases: readonly SummaryCase[]): { model: SummaryModel; short: number; long: number } {
  const leadPrior = learnLeadPrior(cases);
  const base: SummaryModel = { leadPrior, leadWeightShort: 0, leadWeightLong: 0, titleWeight: 0 };
  const title = best(TITLE_WEIGHTS, (titleWeight) => {
    const shortWeight = best(LEAD_WEIGHTS, (w) => systemScore(cases, 3, { ...base, titleWeight, leadWeightShort: w }).rouge2);
    const longWeight = best(LEAD_WEIGHTS, (w) => systemScore(cases, 'reference', { ...base, titleWeight, leadWeightLong: w }).rouge2);
    return shortWeight.score + longWeight.score;
  }).value;
  const short = best(LEAD_WEIGHTS, (w) => systemScore(cases, 3, { ...base, titleWeight: title, leadWeightShort: w }).rouge2);
  const long = best(LEAD_WEIGHTS, (w) => systemScore(cases, 'reference', { ...base, titleWeight: title, leadWeightLong: w }).rouge2);
  return { model: { leadPrior, leadWeightShort: short.value, leadWeightLong: long.value, titleWeight: title }, short: short.score, long: long.score };
}

export function runSummaryLearn(): SummaryModel {
  const tune = loadSummaryCases().filter((c) => c.half === 'tune');
  const { model, short, long } = learnSummaryModel(tune);
  console.log(`Learned on the tuning half (${tune.length} articles): ROUGE-2 ${short.toFixed(2)} at 3 sentences, ${long.toFixed(2)} at the reference length`);
  console.log(JSON.stringify(model));
  return model;
}
