// ROUGE-1, ROUGE-2 and ROUGE-L F-measures on a 0-100 scale.
//
// Variant (the usual one, as in ROUGE-1.5.5 without options and Google's rouge_score):
// - tokens: the text is lower-cased and every run of characters outside [a-z0-9] is a separator, so
//   tokens are `[a-z0-9]+`; no stopword removal; Porter-like stemming only when `stem: true` (off by default);
// - ROUGE-N: clipped n-gram overlap (an n-gram counts at most as often as it occurs on either side),
//   over the whole text (n-grams may span a sentence break, as in rouge_score);
// - ROUGE-L: the summary-level LCS of ROUGE-1.5.5 (rouge_score's `rougeLsum`): lines are sentences, and
//   for each reference sentence the union of its LCS hits with every candidate sentence counts, each token
//   at most as often as it occurs on either side. On single-line texts it is plain LCS.
// - F = 2PR / (P + R) (beta = 1); 0 when either side has no tokens.

export interface RougeOptions {
  /** Light Porter-like suffix stripping of tokens; off by default. */
  stem?: boolean;
}

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

/** Lower-cased `[a-z0-9]+` tokens. */
export function rougeTokens(text: string, options: RougeOptions = {}): string[] {
  const tokens = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return options.stem ? tokens.map(porterLite) : tokens;
}

/**
 * Porter's step 1 (plurals, -ed, -ing with the e-restoring and undoubling tail), applied to tokens longer
 * than 3 letters without digits: "cats" -> "cat", "running" -> "run", "hoping" -> "hope".
 */
export function porterLite(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  let w = token;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.endsWith('eed')) {
    if (w.length > 4) w = w.slice(0, -1);
    return w;
  }
  let stripped = false;
  if (/[aeiouy].*ed$/.test(w)) {
    w = w.slice(0, -2);
    stripped = true;
  } else if (/[aeiouy].*ing$/.test(w)) {
    w = w.slice(0, -3);
    stripped = true;
  }
  if (stripped) {
    if (/(?:at|bl|iz)$/.test(w)) w += 'e';
    else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
    else if (/^[^aeiouy]*[aeiouy][^aeiouwxy]$/.test(w)) w += 'e';
  }
  return w;
}

function fMeasure(hits: number, candidateTotal: number, referenceTotal: number): number {
  if (hits === 0 || candidateTotal === 0 || referenceTotal === 0) return 0;
  const p = hits / candidateTotal;
  const r = hits / referenceTotal;
  return (100 * 2 * p * r) / (p + r);
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N F (0-100) of token sequences. */
export function rougeNTokens(candidate: readonly string[], reference: readonly string[], n: number): number {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let hits = 0;
  for (const [gram, count] of c) hits += Math.min(count, r.get(gram) ?? 0);
  return fMeasure(hits, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** ROUGE-N F (0-100) of two texts. */
export function rougeN(candidate: string, reference: string, n: number, options: RougeOptions = {}): number {
  return rougeNTokens(rougeTokens(candidate, options), rougeTokens(reference, options), n);
}

/** Indices into `b` of one longest common subsequence of `a` and `b`. */
function lcsIndices(a: readonly string[], b: readonly string[]): number[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      table[i * cols + j] =
        a[i - 1] === b[j - 1] ? table[(i - 1) * cols + j - 1]! + 1 : Math.max(table[(i - 1) * cols + j]!, table[i * cols + j - 1]!);
    }
  }
  const out: number[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      out.push(j - 1);
      i--;
      j--;
    } else if (table[(i - 1) * cols + j]! >= table[i * cols + j - 1]!) i--;
    else j--;
  }
  return out.reverse();
}

/** Length of the longest common subsequence. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  return lcsIndices(a, b).length;
}

/** Summary-level ROUGE-L F (0-100): each argument is a list of sentences, each a list of tokens. */
export function rougeLSentences(candidate: readonly (readonly string[])[], reference: readonly (readonly string[])[]): number {
  const candidateCounts = new Map<string, number>();
  const referenceCounts = new Map<string, number>();
  let candidateTotal = 0;
  let referenceTotal = 0;
  for (const s of candidate) {
    for (const t of s) candidateCounts.set(t, (candidateCounts.get(t) ?? 0) + 1);
    candidateTotal += s.length;
  }
  for (const s of reference) {
    for (const t of s) referenceCounts.set(t, (referenceCounts.get(t) ?? 0) + 1);
    referenceTotal += s.length;
  }
  let hits = 0;
  for (const ref of reference) {
    const union = new Set<number>();
    for (const cand of candidate) for (const j of lcsIndices(cand, ref)) union.add(j);
    for (const j of [...union].sort((x, y) => x - y)) {
      const t = ref[j]!;
      const c = candidateCounts.get(t) ?? 0;
      const r = referenceCounts.get(t) ?? 0;
      if (c > 0 && r > 0) {
        hits++;
        candidateCounts.set(t, c - 1);
        referenceCounts.set(t, r - 1);
      }
    }
  }
  return fMeasure(hits, candidateTotal, referenceTotal);
}

function sentenceTokens(text: string, options: RougeOptions): string[][] {
  return text
    .split('\n')
    .map((line) => rougeTokens(line, options))
    .filter((tokens) => tokens.length > 0);
}

/** Summary-level ROUGE-L F (0-100) of two texts whose lines are sentences. */
export function rougeL(candidate: string, reference: string, options: RougeOptions = {}): number {
  return rougeLSentences(sentenceTokens(candidate, options), sentenceTokens(reference, options));
}

/** ROUGE-1, ROUGE-2 and ROUGE-L F (0-100); put one sentence per line for ROUGE-L. */
export function rouge(candidate: string, reference: string, options: RougeOptions = {}): RougeScores {
  const c = rougeTokens(candidate, options);
  const r = rougeTokens(reference, options);
  return { rouge1: rougeNTokens(c, r, 1), rouge2: rougeNTokens(c, r, 2), rougeL: rougeL(candidate, reference, options) };
}
