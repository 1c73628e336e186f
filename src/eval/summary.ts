// Summary evaluation on the BBC News Summary fixtures (tests/fixtures/bbc-news-summary, 100 articles).
// For each article: the first line is the title (passed to the summarizer, never a summary sentence); the body
// is split with splitSentences. The learned part of the summarizer (SUMMARY_MODEL) was tuned on the even-numbered
// articles of each topic only; the odd-numbered half is held out and reported on its own, at the reference
// summary's length and at the shipped three sentences, beside lead-k and plain TextRank in the same run.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitSentences, type Sentence } from '../news/sentences.ts';
import { summarize, type SummaryModel } from '../news/summarize.ts';
import { leadK, textRankBaseline } from './baselines.ts';
import { rouge, type RougeScores } from './rouge.ts';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/bbc-news-summary/', import.meta.url));

export interface SummaryCase {
  topic: string;
  name: string;
  title: string;
  sentences: Sentence[];
  reference: string[];
  /** Tuning half (even place within its topic) or held-out half. */
  half: 'tune' | 'heldout';
}

/** ROUGE of each summarizer; `k` is the reference length, `three` three sentences. */
export interface SummaryScores {
  system: RougeScores;
  textrank: RougeScores;
  leadK: RougeScores;
  system3: RougeScores;
  textrank3: RougeScores;
  lead3: RougeScores;
  documents: number;
}

export interface SummaryEvalResult extends SummaryScores {
  /** System ROUGE scores per topic, at the reference length, over all 100. */
  topics: Record<string, RougeScores>;
  tune: SummaryScores;
  heldout: SummaryScores;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The article/reference pairs, in topic and file order. */
export function loadSummaryCases(root = FIXTURES): SummaryCase[] {
  const cases: SummaryCase[] = [];
  for (const topic of readdirSync(join(root, 'article')).sort()) {
    const names = readdirSync(join(root, 'article', topic))
      .filter((n) => n.endsWith('.txt'))
      .sort();
    names.forEach((name, place) => {
      const article = readFileSync(join(root, 'article', topic, name), 'utf8').replace(/\r\n?/g, '\n');
      const newline = article.indexOf('\n');
      const title = newline === -1 ? article.trim() : article.slice(0, newline).trim();
      const body = newline === -1 ? '' : article.slice(newline + 1);
      const reference = lines(readFileSync(join(root, 'summary', topic, name), 'utf8').replace(/\r\n?/g, '\n'));
      cases.push({ topic, name, title, sentences: splitSentences(body, 'en'), reference, half: place % 2 === 0 ? 'tune' : 'heldout' });
    });
  }
  return cases;
}

const zero = (): RougeScores => ({ rouge1: 0, rouge2: 0, rougeL: 0 });

function add(into: RougeScores, s: RougeScores): void {
  into.rouge1 += s.rouge1;
  into.rouge2 += s.rouge2;
  into.rougeL += s.rougeL;
}

function divide(s: RougeScores, n: number): RougeScores {
  return n === 0 ? zero() : { rouge1: s.rouge1 / n, rouge2: s.rouge2 / n, rougeL: s.rougeL / n };
}

function scoreSelection(c: SummaryCase, picked: number[]): RougeScores {
  return rouge(picked.map((i) => c.sentences[i]!.text).join('\n'), c.reference.join('\n'));
}

/** The system's summary of a case in k sentences. */
export function systemSummary(c: SummaryCase, k: number, model?: SummaryModel): number[] {
  return summarize(c.sentences, { sentences: k, lang: 'en', title: c.title, ...(model ? { model } : {}) });
}

/** ROUGE of the system alone, at the reference length (k = 'reference') or k sentences. */
export function systemScore(cases: readonly SummaryCase[], k: number | 'reference', model?: SummaryModel): RougeScores {
  const sum = zero();
  for (const c of cases) add(sum, scoreSelection(c, systemSummary(c, k === 'reference' ? c.reference.length : k, model)));
  return divide(sum, cases.length);
}

function scoreAll(cases: readonly SummaryCase[]): SummaryScores {
  const rows = { system: zero(), textrank: zero(), leadK: zero(), system3: zero(), textrank3: zero(), lead3: zero() };
  for (const c of cases) {
    const k = c.reference.length;
    add(rows.system, scoreSelection(c, systemSummary(c, k)));
    add(rows.textrank, scoreSelection(c, textRankBaseline(c.sentences, k)));
    add(rows.leadK, scoreSelection(c, leadK(c.sentences, k)));
    add(rows.system3, scoreSelection(c, systemSummary(c, 3)));
    add(rows.textrank3, scoreSelection(c, textRankBaseline(c.sentences, 3)));
    add(rows.lead3, scoreSelection(c, leadK(c.sentences, 3)));
  }
  const n = cases.length;
  return {
    system: divide(rows.system, n),
    textrank: divide(rows.textrank, n),
    leadK: divide(rows.leadK, n),
    system3: divide(rows.system3, n),
    textrank3: divide(rows.textrank3, n),
    lead3: divide(rows.lead3, n),
    documents: n,
  };
}

/** Scores the summarizers over the fixtures: all of them, the tuning half and the held-out half. */
export function evaluateSummaries(cases: SummaryCase[] = loadSummaryCases()): SummaryEvalResult {
  const topics: Record<string, RougeScores> = {};
  for (const topic of new Set(cases.map((c) => c.topic))) topics[topic] = systemScore(cases.filter((c) => c.topic === topic), 'reference');
  return {
    ...scoreAll(cases),
    topics,
    tune: scoreAll(cases.filter((c) => c.half === 'tune')),
    heldout: scoreAll(cases.filter((c) => c.half === 'heldout')),
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const rounded = (s: RougeScores): RougeScores => ({ rouge1: round2(s.rouge1), rouge2: round2(s.rouge2), rougeL: round2(s.rougeL) });
const cell = (x: number): string => x.toFixed(2).padStart(7);

function table(title: string, s: SummaryScores): string[] {
  const out = [`${title} (${s.documents} articles), ROUGE F (0-100)`, `${'summarizer'.padEnd(14)} ${'R1'.padStart(7)} ${'R2'.padStart(7)} ${'RL'.padStart(7)}`];
  for (const [name, r] of [
    ['system, k', s.system],
    ['textrank, k', s.textrank],
    ['lead-k', s.leadK],
    ['system, 3', s.system3],
    ['textrank, 3', s.textrank3],
    ['lead-3', s.lead3],
  ] as const) {
    out.push(`${name.padEnd(14)} ${cell(r.rouge1)} ${cell(r.rouge2)} ${cell(r.rougeL)}`);
  }
  return out;
}

/** Prints the tables (k = each reference's length); with `json`, the last line is the scores as JSON. */
export function runSummaryEval(options: { json: boolean }): SummaryEvalResult {
  const result = evaluateSummaries();
  const out: string[] = ['Summary evaluation: BBC News Summary fixtures (title never a summary sentence)'];
  out.push(...table('Held-out half, never tuned on', result.heldout), '');
  out.push(...table('Tuning half (in-sample)', result.tune), '');
  out.push(...table('All articles (the older figures; half in-sample)', result));
  out.push('System ROUGE-2 by topic, k = reference length:');
  for (const [topic, s] of Object.entries(result.topics)) out.push(`  ${topic.padEnd(14)} ${cell(s.rouge2)}`);
  console.log(out.join('\n'));
  if (options.json) {
    const pick = (s: SummaryScores) => ({ system: rounded(s.system), textrank: rounded(s.textrank), leadK: rounded(s.leadK), system3: rounded(s.system3), textrank3: rounded(s.textrank3), lead3: rounded(s.lead3) });
    console.log(JSON.stringify({ ...pick(result), heldout: pick(result.heldout), tune: pick(result.tune) }));
  }
  return result;
}
