// Quote search terms as an inverted index (term -> quote numbers) rather than a set per quote:
// at 10,000 documents (60,000 quotes) a set each cost more memory than the library itself.
import { isStopword } from '../stopwords.ts';
import { stem, stripProclitics, words as tokenWords } from '../tokens.ts';

/** The match terms of a text: each word, its stem and its form without proclitics, stopwords left out. */
export function termSet(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of tokenWords(text)) {
    const bare = stripProclitics(w);
    if (isStopword(w) || isStopword(bare)) continue;
    out.add(stem(w));
    out.add(bare);
    out.add(w);
  }
  return out;
}

export interface QuoteIndex<T extends { quote: { text: string } }> {
  add(doc: string, refs: readonly T[]): void;
  remove(doc: string): void;
  has(doc: string): boolean;
  /** Each quote matching at least one group, with the number of groups it matches. */
  match(groups: readonly Set<string>[]): Map<T, number>;
}

export function createQuoteIndex<T extends { quote: { text: string } }>(): QuoteIndex<T> {
  const refs: (T | undefined)[] = [];
  const free: number[] = [];
  const postings = new Map<string, number[]>();
  const byDoc = new Map<string, number[]>();

  return {
    add(doc, docRefs) {
      const numbers: number[] = [];
      for (const ref of docRefs) {
        const n = free.pop() ?? refs.length;
        refs[n] = ref;
        numbers.push(n);
        for (const t of termSet(ref.quote.text)) {
          let list = postings.get(t);
          if (!list) postings.set(t, (list = []));
          list.push(n);
        }
      }
      if (numbers.length) byDoc.set(doc, numbers);
    },
    remove(doc) {
      const numbers = byDoc.get(doc);
      if (!numbers) return;
      byDoc.delete(doc);
      const gone = new Set(numbers);
      for (const n of numbers) {
        for (const t of termSet(refs[n]!.quote.text)) {
          const list = postings.get(t);
          if (!list) continue;
          const kept = list.filter((x) => !gone.has(x));
          if (kept.length) postings.set(t, kept);
          else postings.delete(t);
        }
        refs[n] = undefined;
        free.push(n);
      }
    },
    has: (doc) => byDoc.has(doc),
    match(groups) {
      const counts = new Map<number, number>();
      for (const g of groups) {
        const hit = new Set<number>();
        for (const t of g) for (const n of postings.get(t) ?? []) hit.add(n);
        for (const n of hit) counts.set(n, (counts.get(n) ?? 0) + 1);
      }
      const out = new Map<T, number>();
      for (const [n, c] of [...counts].sort((a, b) => a[0] - b[0])) out.set(refs[n]!, c);
      return out;
    },
  };
}
