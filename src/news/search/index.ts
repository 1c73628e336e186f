// The full-text search index: BM25 over titles (weight 3), summary sentences (2), the whole text (1)
// and the names of the people quoted (2), updated one document at a time. Per-document data lives in
// typed arrays and the postings in a packed byte array (postings.ts), so 10,000 documents cost a few MB.
import type { Brief } from '../types.ts';
import { rawWords, wordTerms } from './analyze.ts';
import { Postings } from './postings.ts';

export interface SearchFilters {
  /** Words a document's source (name, link host) must contain, any of them. */
  sources?: string[];
  lang?: 'ar' | 'en';
  /** Epoch ms: documents dated at or after this. */
  since?: number;
}

export interface SearchOptions extends SearchFilters {
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Every matching document, not only this page. */
  total: number;
}

export interface IndexMemory {
  documents: number;
  terms: number;
  postings: number;
  /** Typed arrays exactly, plus an estimate of the vocabulary and id maps. */
  bytes: number;
}

export interface SearchIndex {
  /** Adds a document, replacing the one with the same id. */
  add(brief: Brief): void;
  remove(id: string): void;
  has(id: string): boolean;
  /** Each group holds the alternative terms of one query word (its readings, its other-script names). */
  search(groups: readonly (readonly string[])[], options?: SearchOptions): SearchResult;
  size(): number;
  memory(): IndexMemory;
}

const K1 = 1.2;
const B = 0.75;
const WEIGHT = { title: 3, summary: 1, body: 1, speaker: 2 } as const;
const LANGS = ['other', 'ar', 'en'] as const;
const WORD_CACHE = 20_000;
/** Text indexed per document: news fits; a book-length file must not cost a book's worth. */
const MAX_TEXT = 50_000;

function copy(s: string): string {
  return s.length < 13 ? s : [...s].join('');
}

function grown<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a;
  const next = make(Math.max(need, a.length * 2, 64));
  next.set(a);
  return next;
}

function sourceKey(brief: Brief): string {
  const doc = brief.doc as Brief['doc'] & { sourceId?: string };
  let host = '';
  try {
    if (doc.url) host = new URL(doc.url).hostname.replace(/^www\./, '');
  } catch {
    // A malformed link just gives no host.
  }
  return `${doc.source ?? ''} ${host} ${doc.sourceId ?? ''}`.toLowerCase().trim();
}

export interface SearchIndexOptions {
  /** Postings gathered before they are packed (default 200,000; tests use a few hundred). */
  packAfter?: number;
}

export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
  const postings = new Postings(options.packAfter);
  const vocabulary = new Map<string, number>();
  const slotOf = new Map<string, number>();
  const ids: string[] = [];
  const sourceKeys: string[] = [];
  const sourceIndex = new Map<string, number>();
  let lengths = new Uint32Array(0);
  let dates = new Float64Array(0);
  let langs = new Uint8Array(0);
  let sources = new Uint16Array(0);
  let alive = new Uint8Array(0);
  let liveCount = 0;
  let dead = 0;
  let totalLength = 0;
  const isAlive = (slot: number) => alive[slot] === 1;
  // Words repeat across documents: each word's term ids are kept (bounded), so most words cost one lookup.
  const wordCache = new Map<string, number[]>();
  let counts = new Uint32Array(0);
  const touched: number[] = [];
  let scratch = { total: new Float64Array(0), best: new Float64Array(0), matched: new Uint8Array(0) };

  function termIds(word: string): number[] {
    const hit = wordCache.get(word);
    if (hit) return hit;
    const ids = wordTerms(word).map((term) => {
      let id = vocabulary.get(term);
      // A copy, so a term sliced from a long text does not keep that text alive.
      if (id === undefined) vocabulary.set(copy(term), (id = vocabulary.size));
      return id;
    });
    if (wordCache.size >= WORD_CACHE) wordCache.clear();
    wordCache.set(copy(word), ids);
    return ids;
  }

  /** Adds a text's terms to the counts being gathered for one document; returns how many it had. */
  function gather(text: string, weight: number): number {
    let n = 0;
    for (const word of rawWords(text)) {
      for (const id of termIds(word)) {
        counts = grown(counts, id + 1, (k) => new Uint32Array(k));
        if (counts[id] === 0) touched.push(id);
        counts[id]! += weight;
        n++;
      }
    }
    return n;
  }

  function gatherDocument(brief: Brief): number {
    let length = gather(brief.doc.title, WEIGHT.title) + gather(brief.doc.text.slice(0, MAX_TEXT), WEIGHT.body);
    for (const i of brief.summary) gather(brief.sentences[i]?.text ?? '', WEIGHT.summary);
    const names = new Set<string>();
    for (const q of brief.quotes) for (const name of [q.speaker.name, ...q.speaker.aliases]) names.add(name);
    for (const name of names) length += gather(name, WEIGHT.speaker);
    return length;
  }

  function remove(id: string): void {
    const slot = slotOf.get(id);
    if (slot === undefined) return;
    slotOf.delete(id);
    alive[slot] = 0;
    liveCount--;
    dead++;
    totalLength -= lengths[slot]!;
    if (dead > 1000 && dead > liveCount / 4) {
      postings.freeze(vocabulary.size, isAlive);
      dead = 0;
    }
  }

  function add(brief: Brief): void {
    remove(brief.doc.id);
    const slot = ids.length;
    const length = gatherDocument(brief);
    for (const id of touched) {
      postings.add(id, slot, counts[id]!);
      counts[id] = 0;
    }
    touched.length = 0;
    ids.push(brief.doc.id);
    slotOf.set(brief.doc.id, slot);
    const key = sourceKey(brief);
    let s = sourceIndex.get(key);
    if (s === undefined) {
      s = Math.min(sourceKeys.length, 0xffff);
      if (s === sourceKeys.length) sourceKeys.push(key);
      sourceIndex.set(key, s);
    }
    lengths = grown(lengths, slot + 1, (n) => new Uint32Array(n));
    dates = grown(dates, slot + 1, (n) => new Float64Array(n));
    langs = grown(langs, slot + 1, (n) => new Uint8Array(n));
    sources = grown(sources, slot + 1, (n) => new Uint16Array(n));
    alive = grown(alive, slot + 1, (n) => new Uint8Array(n));
    lengths[slot] = length;
    dates[slot] = brief.doc.date.getTime();
    langs[slot] = Math.max(0, LANGS.indexOf(brief.doc.lang));
    sources[slot] = s;
    alive[slot] = 1;
    liveCount++;
    totalLength += length;
    if (postings.wantsFreeze()) postings.freeze(vocabulary.size, isAlive);
  }

  /** Which slots the filters let through, or undefined when there are none. */
  function filterOf(options: SearchFilters): ((slot: number) => boolean) | undefined {
    const lang = options.lang ? LANGS.indexOf(options.lang) : -1;
    const since = options.since ?? -Infinity;
    const wanted = options.sources?.map((s) => s.toLowerCase()).filter(Boolean) ?? [];
    const okSources = wanted.length ? new Set(sourceKeys.flatMap((k, i) => (wanted.some((w) => k.includes(w)) ? [i] : []))) : undefined;
    if (lang < 0 && since === -Infinity && !okSources) return undefined;
    return (slot) => (lang < 0 || langs[slot] === lang) && dates[slot]! >= since && (!okSources || okSources.has(sources[slot]!));
  }

  function search(groups: readonly (readonly string[])[], options: SearchOptions = {}): SearchResult {
    const pass = filterOf(options);
    const slots = ids.length;
    // Scratch arrays are kept between searches: a fresh set per search would churn memory outside the heap.
    if (scratch.total.length < slots) scratch = { total: new Float64Array(slots * 2), best: new Float64Array(slots * 2), matched: new Uint8Array(slots * 2) };
    const { total, best, matched } = scratch;
    const candidates: number[] = [];
    const avg = liveCount ? totalLength / liveCount : 1;
    const usable = groups.filter((g) => g.some((t) => vocabulary.has(t)));
    for (const group of usable) {
      const touched: number[] = [];
      for (const term of new Set(group)) {
        const id = vocabulary.get(term);
        if (id === undefined) continue;
        const df = Math.min(postings.docFrequency(id), liveCount);
        const idf = Math.log(1 + (liveCount - df + 0.5) / (df + 0.5));
        postings.forEach(id, (slot, weight) => {
          if (alive[slot] !== 1 || (pass && !pass(slot))) return;
          const norm = weight + K1 * (1 - B + (B * lengths[slot]!) / avg);
          const s = (idf * weight * (K1 + 1)) / norm;
          if (best[slot] === 0) touched.push(slot);
          if (s > best[slot]!) best[slot] = s;
        });
      }
      for (const slot of touched) {
        if (matched[slot] === 0) candidates.push(slot);
        matched[slot]!++;
        total[slot]! += best[slot]!;
        best[slot] = 0;
      }
    }
    // Documents matching more of the words come first; equal scores go newest first.
    const n = groups.length || 1;
    const scored = candidates.map((slot) => ({ slot, score: Math.round(((total[slot]! * matched[slot]!) / n) * 1e4) / 1e4 }));
    for (const slot of candidates) {
      total[slot] = 0;
      matched[slot] = 0;
    }
    scored.sort((a, b) => b.score - a.score || dates[b.slot]! - dates[a.slot]! || b.slot - a.slot);
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.max(0, options.limit ?? 10);
    return { hits: scored.slice(offset, offset + limit).map((c) => ({ id: ids[c.slot]!, score: c.score })), total: scored.length };
  }

  return {
    add,
    remove,
    has: (id) => slotOf.has(id),
    search,
    size: () => liveCount,
    memory() {
      let vocabBytes = 0;
      for (const t of vocabulary.keys()) vocabBytes += 40 + t.length * 2;
      const perDoc = lengths.byteLength + dates.byteLength + langs.byteLength + sources.byteLength + alive.byteLength;
      return { documents: liveCount, terms: vocabulary.size, postings: postings.stats().postings, bytes: postings.bytesHeld() + perDoc + vocabBytes + slotOf.size * 40 + ids.length * 8 };
    },
  };
}
