// Summary evaluation on the BBC News Summary fixtures (tests/fixtures/bbc-news-summary, 100 articles).
// For each article: the first line is the title and is left out; the body is split with splitSentences;
// k = the number of lines of the reference summary. The system (summarize), plain TextRank and lead-k each
// pick k sentences; ROUGE-1/2/L F (src/eval/rouge.ts) against the reference, macro-averaged over documents.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitSentences, type Sentence } from '../news/sentences.ts';
import { summarize } from '../news/summarize.ts';
import { leadK, textRankBaseline } from './baselines.ts';
import { rouge, type RougeScores } from './rouge.ts';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/bbc-news-summary/', import.meta.url));

export interface SummaryCase {
  topic: string;
  name: string;
  sentences: Sentence[];
  reference: string[];
}

export interface SummaryEvalResult {
  system: RougeScores;
  textrank: RougeScores;
  leadK: RougeScores;
  /** System ROUGE scores per topic. */
  topics: Record<string, RougeScores>;
  documents: number;
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
    for (const name of readdirSync(join(root, 'article', topic)).sort()) {
      if (!name.endsWith('.txt')) continue;
      const article = readFileSync(join(root, 'article', topic, name), 'utf8').replace(/\r\n?/g, '\n');
      const newline = article.indexOf('\n');
      const body = newline === -1 ? '' : article.slice(newline + 1);
      const reference = lines(readFileSync(join(root, 'summary', topic, name), 'utf8').replace(/\r\n?/g, '\n'));
      cases.push({ topic, name, sentences: splitSentences(body, 'en'), reference });
    }
  }
  return cases;
}

function zero(): RougeScores {
  return { rouge1: 0, rouge2: 0, rougeL: 0 };
}

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

/** Scores the three summarizers over the fixtures. */
export function evaluateSummaries(cases: SummaryCase[] = loadSummaryCases()): SummaryEvalResult {
  const system = zero();
  const textrank = zero();
  const lead = zero();
  const topicSums = new Map<string, { sum: RougeScores; count: number }>();
  for (const c of cases) {
    const k = c.reference.length;
    const s = scoreSelection(c, summarize(c.sentences, { sentences: k, lang: 'en' }));
    add(system, s);
    add(textrank, scoreSelection(c, textRankBaseline(c.sentences, k)));
    add(lead, scoreSelection(c, leadK(c.sentences, k)));
    const topic = topicSums.get(c.topic) ?? { sum: zero(), count: 0 };
    add(topic.sum, s);
    topic.count++;
    topicSums.set(c.topic, topic);
  }
  const n = cases.length;
  const topics: Record<string, RougeScores> = {};
  for (const [name, t] of topicSums) topics[name] = divide(t.sum, t.count);
  return { system: divide(system, n), textrank: divide(textrank, n), leadK: divide(lead, n), topics, documents: n };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const rounded = (s: RougeScores): RougeScores => ({ rouge1: round2(s.rouge1), rouge2: round2(s.rouge2), rougeL: round2(s.rougeL) });
const cell = (x: number): string => x.toFixed(2).padStart(7);

/** Prints the table; with `json`, the last line is the scores as JSON. */
export function runSummaryEval(options: { json: boolean }): SummaryEvalResult {
  const result = evaluateSummaries();
  const out: string[] = [];
  out.push(`Summary evaluation: BBC News Summary fixtures, ${result.documents} articles, ROUGE F (0-100), k = reference length`);
  out.push(`${'summarizer'.padEnd(10)} ${'R1'.padStart(7)} ${'R2'.padStart(7)} ${'RL'.padStart(7)}`);
  for (const [name, s] of [
    ['system', result.system],
    ['textrank', result.textrank],
    ['lead-k', result.leadK],
  ] as const) {
    out.push(`${name.padEnd(10)} ${cell(s.rouge1)} ${cell(s.rouge2)} ${cell(s.rougeL)}`);
  }
  out.push('System ROUGE-2 by topic:');
  for (const [topic, s] of Object.entries(result.topics)) out.push(`  ${topic.padEnd(14)} ${cell(s.rouge2)}`);
  console.log(out.join('\n'));
  if (options.json) {
    console.log(JSON.stringify({ system: rounded(result.system), textrank: rounded(result.textrank), leadK: rounded(result.leadK) }));
  }
  return result;
}
