// One story across sources: documents with the same canonical link, or near-identical text (MinHash
// LSH candidates confirmed by the Jaccard similarity of their shingles) within a window of days, are
// one story. Updated one document at a time; a story's id is the id of its earliest document.
import type { Brief } from '../types.ts';
import { bandKey, estimate, jaccard, MinHasher, shingles } from './minhash.ts';

export interface StoryOptions {
  /** Jaccard similarity of the shingle sets at or above which two documents are one story. */
  threshold?: number;
  /** Documents further apart than this (by date) are never one story by text. */
  windowDays?: number;
  bands?: number;
  rows?: number;
}

export interface Story {
  /** The id of the story's earliest document: stable while that document stays. */
  id: string;
  /** Document ids, newest first. */
  members: string[];
}

export interface StoryIndex {
  add(brief: Brief): void;
  remove(id: string): void;
  /** The story a document belongs to (a story of one when it stands alone). */
  storyOf(id: string): Story | undefined;
  /** Just the story's id (cheaper than storyOf). */
  storyIdOf(id: string): string | undefined;
  size(): number;
  /** Bytes held by signatures and tables (estimate). */
  memory(): number;
}

/** Chosen on the tuning half of the BBC pairs (`npm run eval -- stories`). */
export const DEFAULT_THRESHOLD = 0.6;
export const DEFAULT_WINDOW_DAYS = 3;
const MAX_CONFIRM = 12;
const DAY = 86_400_000;

const TRACKING = /^(?:utm_\w+|fbclid|gclid|mc_\w+|ref|cmpid|ocid)$/i;

/** A link as a story key: no scheme, www, fragment, tracking parameters or trailing slash. */
export function canonicalLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
    const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
    return `${u.hostname.replace(/^www\./, '').toLowerCase()}${u.pathname.replace(/\/+$/, '')}${query}`;
  } catch {
    return undefined;
  }
}

function textOf(brief: Brief): string {
  return brief.doc.text.trim() ? brief.doc.text : brief.doc.title;
}

export function createStoryIndex(options: StoryOptions = {}): StoryIndex {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const window = (options.windowDays ?? DEFAULT_WINDOW_DAYS) * DAY;
  const bands = options.bands ?? 16;
  const rows = options.rows ?? 4;
  const size = bands * rows;
  const hasher = new MinHasher(size);
  const slotOf = new Map<string, number>();
  const briefs: (Brief | undefined)[] = [];
  const parent: number[] = [];
  const members = new Map<number, number[]>();
  const buckets = new Map<number, number | number[]>();
  const links = new Map<string, number>();
  let sigs = new Uint32Array(0);
  let live = 0;

  const dateOf = (slot: number) => briefs[slot]?.doc.date.getTime() ?? 0;
  const earlier = (a: number, b: number) => dateOf(a) - dateOf(b) || (briefs[a]!.doc.id < briefs[b]!.doc.id ? -1 : 1);

  function find(slot: number): number {
    let root = slot;
    while (parent[root] !== root) root = parent[root]!;
    for (let s = slot; parent[s] !== root; ) [s, parent[s]] = [parent[s]!, root];
    return root;
  }

  function union(a: number, b: number): void {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const [root, other] = earlier(ra, rb) < 0 ? [ra, rb] : [rb, ra];
    parent[other] = root;
    const list = members.get(root)!;
    for (const s of members.get(other)!) list.push(s);
    members.delete(other);
  }

  function bucketKeys(slot: number): number[] {
    const keys: number[] = [];
    for (let band = 0; band < bands; band++) keys.push(bandKey(sigs, slot * size + band * rows, rows, band));
    return keys;
  }

  function candidates(slot: number, keys: number[]): number[] {
    const found = new Set<number>();
    for (const key of keys) {
      const hit = buckets.get(key);
      if (hit === undefined) continue;
      for (const c of typeof hit === 'number' ? [hit] : hit) if (Math.abs(dateOf(c) - dateOf(slot)) <= window) found.add(c);
    }
    return [...found]
      .map((c) => ({ c, e: estimate(sigs, slot * size, sigs, c * size, size) }))
      .filter((x) => x.e >= threshold - 0.25)
      .sort((x, y) => y.e - x.e)
      .slice(0, MAX_CONFIRM)
      .map((x) => x.c);
  }

  function add(brief: Brief): void {
    remove(brief.doc.id);
    const slot = briefs.length;
    briefs.push(brief);
    parent.push(slot);
    members.set(slot, [slot]);
    slotOf.set(brief.doc.id, slot);
    live++;
    if (sigs.length < (slot + 1) * size) {
      const next = new Uint32Array(Math.max((slot + 1) * size, sigs.length * 2, size * 64));
      next.set(sigs);
      sigs = next;
    }
    const set = shingles(textOf(brief));
    sigs.set(hasher.signature(set), slot * size);
    const keys = bucketKeys(slot);
    for (const c of candidates(slot, keys)) {
      if (find(c) === find(slot)) continue;
      if (jaccard(set, shingles(textOf(briefs[c]!))) >= threshold) union(slot, c);
    }
    const link = canonicalLink((brief.doc as Brief['doc'] & { canonicalUrl?: string }).canonicalUrl ?? brief.doc.url);
    if (link) {
      const other = links.get(link);
      if (other !== undefined && briefs[other]) union(slot, other);
      else links.set(link, slot);
    }
    for (const key of keys) {
      const hit = buckets.get(key);
      if (hit === undefined) buckets.set(key, slot);
      else if (typeof hit === 'number') buckets.set(key, [hit, slot]);
      else hit.push(slot);
    }
  }

  function remove(id: string): void {
    const slot = slotOf.get(id);
    if (slot === undefined) return;
    slotOf.delete(id);
    live--;
    for (const key of bucketKeys(slot)) {
      const hit = buckets.get(key);
      if (hit === slot) buckets.delete(key);
      else if (Array.isArray(hit)) {
        const rest = hit.filter((s) => s !== slot);
        if (rest.length === 1) buckets.set(key, rest[0]!);
        else buckets.set(key, rest);
      }
    }
    for (const [link, s] of links) if (s === slot) links.delete(link);
    const root = find(slot);
    const rest = members.get(root)!.filter((s) => s !== slot);
    members.delete(root);
    briefs[slot] = undefined;
    if (rest.length) {
      // The earliest remaining document heads the story now.
      const head = rest.reduce((a, b) => (earlier(a, b) <= 0 ? a : b));
      for (const s of rest) parent[s] = head;
      members.set(head, rest);
    }
    parent[slot] = slot;
  }

  return {
    add,
    remove,
    storyOf(id) {
      const slot = slotOf.get(id);
      if (slot === undefined) return undefined;
      const root = find(slot);
      const list = [...(members.get(root) ?? [slot])].sort((a, b) => earlier(b, a));
      return { id: briefs[root]!.doc.id, members: list.map((s) => briefs[s]!.doc.id) };
    },
    storyIdOf(id) {
      const slot = slotOf.get(id);
      return slot === undefined ? undefined : briefs[find(slot)]?.doc.id;
    },
    size: () => live,
    memory: () => sigs.byteLength + buckets.size * 40 + parent.length * 16 + slotOf.size * 40,
  };
}
