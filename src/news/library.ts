import { terms } from './tokens.ts';
import type { Brief } from './types.ts';

export interface Library {
  /** Newest first; a document's number is its 1-based place here, as /list shows it. */
  readonly briefs: readonly Brief[];
  byNumber(n: number): Brief | undefined;
  byId(id: string): Brief | undefined;
  /** A short stable key for button payloads, which Telegram caps at 64 bytes. */
  keyOf(brief: Brief): string;
  byKey(key: string): Brief | undefined;
  numberOf(brief: Brief): number;
  /** Documents whose title (first) or summary match the words, best first. */
  search(query: string, limit?: number): Brief[];
}

function shortKey(id: string): string {
  // FNV-1a: short, stable across runs, collisions resolved by the caller.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function createLibrary(input: readonly Brief[]): Library {
  const briefs = [...input].sort((a, b) => b.doc.date.getTime() - a.doc.date.getTime() || a.doc.id.localeCompare(b.doc.id));
  const ids = new Map<string, number>();
  const keys = new Map<string, number>();
  const keyByIndex: string[] = [];
  // term -> postings, each `doc index * 4 + weight`: titles weigh 3, summary sentences 1.
  const building = new Map<string, number[]>();

  briefs.forEach((brief, i) => {
    ids.set(brief.doc.id, i);
    let key = shortKey(brief.doc.id);
    while (keys.has(key)) key = shortKey(key + brief.doc.id);
    keys.set(key, i);
    keyByIndex.push(key);
    const weights = new Map<string, number>();
    for (const t of terms(brief.doc.title)) weights.set(t, 3);
    for (const s of brief.summary) {
      const sentence = brief.sentences[s];
      if (!sentence) continue;
      for (const t of terms(sentence.text)) if (!weights.has(t)) weights.set(t, 1);
    }
    for (const [t, w] of weights) {
      let list = building.get(t);
      if (!list) building.set(t, (list = []));
      list.push(i * 4 + w);
    }
  });
  // Packed once built: a typed array costs a quarter of a number array, which matters at 10,000 documents.
  const postings = new Map<string, Int32Array>();
  for (const [t, list] of building) postings.set(t, Int32Array.from(list));
  building.clear();

  return {
    briefs,
    byNumber: (n) => (Number.isInteger(n) && n >= 1 ? briefs[n - 1] : undefined),
    byId: (id) => {
      const i = ids.get(id);
      return i === undefined ? undefined : briefs[i];
    },
    keyOf: (brief) => keyByIndex[ids.get(brief.doc.id) ?? -1] ?? '',
    byKey: (key) => {
      const i = keys.get(key);
      return i === undefined ? undefined : briefs[i];
    },
    numberOf: (brief) => (ids.get(brief.doc.id) ?? -1) + 1,
    search(query, limit = 5) {
      const queryTerms = [...new Set(terms(query))];
      if (queryTerms.length === 0) return [];
      const scores = new Map<number, number>();
      for (const t of queryTerms) {
        const list = postings.get(t);
        if (!list) continue;
        const idf = Math.log(1 + briefs.length / list.length);
        for (const posting of list) {
          const doc = posting >> 2;
          scores.set(doc, (scores.get(doc) ?? 0) + idf * (posting & 3));
        }
      }
      return [...scores.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([i]) => briefs[i]!);
    },
  };
}
