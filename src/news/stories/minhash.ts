// Near-duplicate text, fast: character shingles of the normalized text, their MinHash signature, and
// LSH band keys, so that documents sharing a band are the only ones compared; a candidate is then
// confirmed by the exact Jaccard similarity of the two shingle sets.
import { normalizeForMatch } from '../normalize.ts';

/** Characters per shingle: long enough that shared shingles mean shared wording, short enough to survive a changed word. */
export const SHINGLE = 5;
/** Text shingled per document: a news story's wording is settled well within this. */
const MAX_CHARS = 6_000;

function fnv(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The text as compared: matching form, letters and digits only, single spaces. */
export function comparable(text: string): string {
  return normalizeForMatch(text.slice(0, MAX_CHARS))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Hashes of the text's character shingles (distinct). */
export function shingles(text: string): Set<number> {
  const t = comparable(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= t.length; i++) out.add(fnv(t, i, i + SHINGLE));
  if (out.size === 0 && t) out.add(fnv(t, 0, t.length));
  return out;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  return both / (a.size + b.size - both);
}

function mix(x: number): number {
  let h = Math.imul(x ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * One-permutation MinHash: each shingle is hashed once and falls into one of `size` bins (a power of
 * two), each bin keeps its minimum; empty bins borrow from the next full one (rotation), so short
 * texts still get a full signature. As good as `size` hash functions for LSH, at 1/size the cost.
 */
export class MinHasher {
  private readonly shift: number;
  constructor(readonly size: number) {
    if (size < 2 || (size & (size - 1)) !== 0) throw new Error('MinHasher size must be a power of two');
    this.shift = 32 - Math.log2(size);
  }

  signature(set: Set<number>): Uint32Array {
    const size = this.size;
    const sig = new Uint32Array(size).fill(0xffffffff);
    const mask = 2 ** this.shift - 1;
    for (const x of set) {
      const h = mix(x);
      const bin = h >>> this.shift;
      const v = h & mask;
      if (v < sig[bin]!) sig[bin] = v;
    }
    for (let j = 0; j < size; j++) {
      if (sig[j] !== 0xffffffff) continue;
      for (let t = 1; t < size; t++) {
        const v = sig[(j + t) % size]!;
        if (v !== 0xffffffff && v <= mask) {
          sig[j] = (v + t * 0x1000003) >>> 0;
          break;
        }
      }
    }
    return sig;
  }
}

/** Estimated Jaccard: the share of equal signature positions. */
export function estimate(a: Uint32Array, aAt: number, b: Uint32Array, bAt: number, size: number): number {
  let same = 0;
  for (let i = 0; i < size; i++) if (a[aAt + i] === b[bAt + i]) same++;
  return same / size;
}

/** The key of one LSH band (`rows` signature values from `at`), mixed with the band number. */
export function bandKey(sig: Uint32Array, at: number, rows: number, band: number): number {
  let h = 0x811c9dc5 ^ Math.imul(band + 1, 0x9e3779b1);
  for (let i = 0; i < rows; i++) {
    h ^= sig[at + i]!;
    h = Math.imul(h, 0x01000193);
    h ^= h >>> 15;
  }
  return h >>> 0;
}
