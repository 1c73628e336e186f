// Keeps a search index in step with the documents: adds what is new or changed, drops what is gone,
// without rebuilding. Changes are found by a fingerprint of each document's content.
import type { Brief } from '../types.ts';
import type { StoryIndex } from '../stories/index.ts';
import { createSearchIndex, type SearchIndex } from './index.ts';

function fingerprint(brief: Brief): number {
  const d = brief.doc;
  // FNV-1a over title and text, with the date: cheap enough to run over every document on a reload.
  let h = 0x811c9dc5 ^ (d.date.getTime() % 0x7fffffff);
  for (const s of [d.title, d.text, d.source ?? '', d.url ?? '']) {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

export interface LiveIndex {
  index: SearchIndex;
  /** Brings the index in line with these documents (the whole library). */
  sync(briefs: readonly Brief[]): { added: number; removed: number };
  /** Applies one change event: documents added or changed, ids removed. */
  apply(added: readonly Brief[], removed: readonly string[]): void;
  /** As sync, in slices with a turn of the event loop between them, so the bot answers meanwhile. */
  syncInBackground(briefs: readonly Brief[]): Promise<{ added: number; removed: number }>;
}

const SLICE = 250;

/** `stories`, when given, follows the same documents (one story across sources). */
export function createLiveIndex(index: SearchIndex = createSearchIndex(), stories?: StoryIndex): LiveIndex {
  const prints = new Map<string, number>();
  let queue: Promise<unknown> = Promise.resolve();
  const put = (b: Brief) => {
    const print = fingerprint(b);
    if (prints.get(b.doc.id) === print && index.has(b.doc.id)) return false;
    index.add(b);
    stories?.add(b);
    prints.set(b.doc.id, print);
    return true;
  };
  const drop = (id: string) => {
    index.remove(id);
    stories?.remove(id);
    prints.delete(id);
  };
  return {
    index,
    sync(briefs) {
      let added = 0;
      let removed = 0;
      const present = new Set<string>();
      for (const b of briefs) {
        present.add(b.doc.id);
        if (put(b)) added++;
      }
      for (const id of [...prints.keys()]) {
        if (!present.has(id)) {
          drop(id);
          removed++;
        }
      }
      return { added, removed };
    },
    apply(added, removed) {
      for (const id of removed) drop(id);
      for (const b of added) put(b);
    },
    syncInBackground(briefs) {
      const run = async () => {
        let added = 0;
        const present = new Set(briefs.map((b) => b.doc.id));
        let removed = 0;
        for (const id of [...prints.keys()]) {
          if (!present.has(id)) {
            drop(id);
            removed++;
          }
        }
        for (let i = 0; i < briefs.length; i += SLICE) {
          for (const b of briefs.slice(i, i + SLICE)) if (put(b)) added++;
          await new Promise((resolve) => setImmediate(resolve));
        }
        return { added, removed };
      };
      // One sync at a time: a reload during a build waits for it, then applies its own difference.
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

// Services built without a live index (benches, some tests) get one per library, built on first use.
const perLibrary = new WeakMap<object, SearchIndex>();

export function indexOfBriefs(owner: object, briefs: readonly Brief[]): SearchIndex {
  let index = perLibrary.get(owner);
  if (!index) {
    const live = createLiveIndex();
    live.sync(briefs);
    perLibrary.set(owner, (index = live.index));
  }
  return index;
}
