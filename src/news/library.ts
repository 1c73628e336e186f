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

/** A library the store updates in place: adding one document touches only that document's entries. */
export interface MutableLibrary extends Library {
  /** Adds briefs, replacing any with the same id. */
  put(briefs: readonly Brief[]): void;
  /** Removes documents by id; returns the briefs removed. */
  remove(ids: readonly string[]): Brief[];
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

/** Newest first, ties by id: the order /list numbers documents in. */
export function newestFirst(a: Brief, b: Brief): number {
  return b.doc.date.getTime() - a.doc.date.getTime() || a.doc.id.localeCompare(b.doc.id);
}

/** A growable posting list packed in a typed array: a quarter of a number array, which matters at 10,000 documents. */
interface Postings {
  a: Int32Array;
  n: number;
}

/** Search terms of a brief, each with its weight: titles weigh 3, summary sentences 1. */
function weightedTerms(brief: Brief): Map<string, number> {
  const weights = new Map<string, number>();
  for (const t of terms(brief.doc.title)) weights.set(t, 3);
  for (const s of brief.summary) {
    const sentence = brief.sentences[s];
    if (!sentence) continue;
    for (const t of terms(sentence.text)) if (!weights.has(t)) weights.set(t, 1);
  }
  return weights;
}

/** The search index: term -> postings of `slot * 4 + weight`; a slot is a document's fixed place, not its number. */
function createIndex() {
  const postings = new Map<string, Postings>();
  const slots: (Brief | undefined)[] = [];
  const slotById = new Map<string, number>();
  const free: number[] = [];

  function add(brief: Brief): void {
    const slot = free.pop() ?? slots.length;
    slots[slot] = brief;
    slotById.set(brief.doc.id, slot);
    for (const [t, w] of weightedTerms(brief)) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = { a: new Int32Array(2), n: 0 }));
      if (list.n === list.a.length) {
        const grown = new Int32Array(list.a.length * 2);
        grown.set(list.a);
        list.a = grown;
      }
      list.a[list.n++] = slot * 4 + w;
    }
  }

  function remove(brief: Brief): void {
    const slot = slotById.get(brief.doc.id);
    if (slot === undefined) return;
    for (const t of weightedTerms(brief).keys()) {
      const list = postings.get(t);
      if (!list) continue;
      let kept = 0;
      for (let i = 0; i < list.n; i++) if (list.a[i]! >> 2 !== slot) list.a[kept++] = list.a[i]!;
      list.n = kept;
      if (kept === 0) postings.delete(t);
    }
    slots[slot] = undefined;
    slotById.delete(brief.doc.id);
    free.push(slot);
  }

  function search(query: string, limit: number, size: number): Brief[] {
    const queryTerms = [...new Set(terms(query))];
    if (queryTerms.length === 0) return [];
    const scores = new Map<number, number>();
    for (const t of queryTerms) {
      const list = postings.get(t);
      if (!list) continue;
      const idf = Math.log(1 + size / list.n);
      for (let i = 0; i < list.n; i++) {
        const posting = list.a[i]!;
        const slot = posting >> 2;
        scores.set(slot, (scores.get(slot) ?? 0) + idf * (posting & 3));
      }
    }
    return [...scores.entries()]
      .map(([slot, score]) => ({ brief: slots[slot]!, score }))
      .sort((a, b) => b.score - a.score || newestFirst(a.brief, b.brief))
      .slice(0, limit)
      .map((s) => s.brief);
  }

  return { add, remove, search };
}

/** The place of `brief` in the newest-first list, or -1. */
function placeOf(briefs: readonly Brief[], brief: Brief): number {
  let lo = 0;
  let hi = briefs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newestFirst(briefs[mid]!, brief) < 0) lo = mid + 1;
    else hi = mid;
  }
  return briefs[lo] === brief ? lo : -1;
}

export function createLibrary(input: readonly Brief[] = []): MutableLibrary {
  const briefs: Brief[] = [];
  const byId = new Map<string, Brief>();
  const keys = new Map<string, Brief>();
  const keyById = new Map<string, string>();
  const index = createIndex();

  function assignKey(brief: Brief): void {
    let key = shortKey(brief.doc.id);
    while (keys.has(key)) key = shortKey(key + brief.doc.id);
    keys.set(key, brief);
    keyById.set(brief.doc.id, key);
  }

  function drop(id: string): Brief | undefined {
    const old = byId.get(id);
    if (!old) return undefined;
    const at = placeOf(briefs, old);
    if (at !== -1) briefs.splice(at, 1);
    byId.delete(id);
    index.remove(old);
    // A changed document keeps its key, so buttons already sent still open it.
    return old;
  }

  function put(added: readonly Brief[]): void {
    const fresh = [...new Map(added.map((b) => [b.doc.id, b])).values()];
    for (const brief of fresh) drop(brief.doc.id);
    if (fresh.length > 32) {
      briefs.push(...fresh);
      briefs.sort(newestFirst);
    } else {
      for (const brief of fresh) {
        let lo = 0;
        let hi = briefs.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (newestFirst(briefs[mid]!, brief) < 0) lo = mid + 1;
          else hi = mid;
        }
        briefs.splice(lo, 0, brief);
      }
    }
    // Keys in newest-first order, so a collision resolves the same way as a fresh library's.
    for (const brief of fresh.length > 32 ? [...fresh].sort(newestFirst) : fresh) {
      byId.set(brief.doc.id, brief);
      const key = keyById.get(brief.doc.id);
      if (key) keys.set(key, brief);
      else assignKey(brief);
      index.add(brief);
    }
  }

  function remove(ids: readonly string[]): Brief[] {
    const removed: Brief[] = [];
    for (const id of ids) {
      const old = drop(id);
      if (!old) continue;
      removed.push(old);
      const key = keyById.get(id);
      if (key) keys.delete(key);
      keyById.delete(id);
    }
    return removed;
  }

  put(input);

  return {
    briefs,
    put,
    remove,
    byNumber: (n) => (Number.isInteger(n) && n >= 1 ? briefs[n - 1] : undefined),
    byId: (id) => byId.get(id),
    keyOf: (brief) => keyById.get(brief.doc.id) ?? '',
    byKey: (key) => keys.get(key),
    numberOf: (brief) => {
      const current = byId.get(brief.doc.id);
      return current ? placeOf(briefs, current) + 1 : 0;
    },
    search: (query, limit = 5) => index.search(query, limit, briefs.length),
  };
}
