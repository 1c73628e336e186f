// Baseline summarizers for the evaluation, beside src/news/summarize.ts.

import type { Sentence } from '../news/sentences.ts';
import { terms } from '../news/tokens.ts';

const DAMPING = 0.85;

/**
 * Plain TextRank (Mihalcea & Tarau 2004): similarity = shared terms / (log|Si| + log|Sj|) with |S| the
 * sentence's term count, uniform PageRank (damping 0.85), the k best in document order. No prior, no
 * redundancy control. Uses terms() from tokens.ts. For evaluation only: not tuned for speed.
 */
export function textRankBaseline(sentences: readonly Sentence[], k: number): number[] {
  const n = sentences.length;
  const count = Math.min(n, Math.max(0, Math.round(k)));
  if (count === 0) return [];
  const bags = sentences.map((s) => terms(s.text));
  const sets = bags.map((b) => new Set(b));
  const weights: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      if (i === j) {
        row.push(0);
        continue;
      }
      let shared = 0;
      for (const t of sets[i]!) if (sets[j]!.has(t)) shared++;
      const denominator = Math.log(bags[i]!.length) + Math.log(bags[j]!.length);
      row.push(shared > 0 && denominator > 0 ? shared / denominator : 0);
    }
    weights.push(row);
  }
  const out = weights.map((row) => row.reduce((a, b) => a + b, 0));
  let ranks = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    let dangling = 0;
    for (let j = 0; j < n; j++) {
      if (out[j] === 0) dangling += ranks[j]!;
      else for (let i = 0; i < n; i++) next[i]! += (DAMPING * weights[j]![i]! * ranks[j]!) / out[j]!;
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i]! += (DAMPING * dangling) / n;
      change += Math.abs(next[i]! - ranks[i]!);
    }
    ranks = next;
    if (change < 1e-9) break;
  }
  return ranks
    .map((r, i) => [r, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, count)
    .map(([, i]) => i)
    .sort((a, b) => a - b);
}

/** The first k sentences. */
export function leadK(sentences: readonly Sentence[], k: number): number[] {
  const count = Math.min(sentences.length, Math.max(0, Math.round(k)));
  return Array.from({ length: count }, (_, i) => i);
}
