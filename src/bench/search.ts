import path from 'node:path';
import { createRouter } from '../bot/router.ts';
import type { BotServices } from '../bot/types.ts';
import { buildBrief } from '../news/brief.ts';
import { createLibrary } from '../news/library.ts';
import { parseDocument } from '../news/parse.ts';
import { createLiveIndex } from '../news/search/live.ts';
import { speakersOf } from '../news/store.ts';
import type { Brief } from '../news/types.ts';
import { percentile, silent } from './common.ts';
import { generateDocuments } from './ingest.ts';

export interface SearchBenchResult {
  documents: number;
  indexBuildMs: number;
  indexMb: number;
  terms: number;
  postings: number;
  addOneP99Ms: number;
  searchP50Ms: number;
  searchP99Ms: number;
  peakRssMb: number;
}

// What people search for: one or two words, a name in either script, filters, a plain question.
const QUERIES = [
  'inflation', 'maternity pay', 'Trump', 'ترامب', 'الصين', 'الحوار', 'economy growth', 'election campaign', 'Blair',
  'حقوق الانسان', 'Guo', 'قو', 'oil prices', 'technology', 'news about inflation', 'أخبار عن الصين', 'tax lang:en',
  'الصين since:30d', 'government source:bbc', 'the of and', 'zzzz unknown', 'police', 'music award', 'film',
];

/** `npm run bench -- search`: /search over 10,000 documents through the router, and the index's memory. */
export async function benchSearch(n = 10_000, queries = 2_000): Promise<SearchBenchResult> {
  const mtime = new Date('2025-01-01T00:00:00Z');
  const briefs: Brief[] = [];
  for (const f of generateDocuments(path.resolve('content'), n)) briefs.push(buildBrief(parseDocument(f.file, f.bytes, mtime), { summarySentences: 3 }));
  const library = createLibrary(briefs);
  const live = createLiveIndex();
  const t0 = performance.now();
  live.sync(library.briefs.slice(0, n - 100));
  const indexBuildMs = performance.now() - t0;
  // Documents arriving one at a time, as a feed delivers them.
  const adds: number[] = [];
  for (const b of library.briefs.slice(n - 100)) {
    const a = performance.now();
    live.apply([b], []);
    adds.push(performance.now() - a);
  }
  adds.sort((a, b) => a - b);
  const services: BotServices = {
    library: () => library,
    speakers: () => speakersOf(library),
    search: () => live.index,
    settings: { summarySentences: 3, pageSize: 10, timeZone: 'UTC', defaultLang: 'en' },
    log: silent,
  };
  const router = createRouter(services);
  for (let i = 0; i < 200; i++) await router.handle({ platform: 'bench', chatId: 'b', text: `/search ${QUERIES[i % QUERIES.length]}`, chatType: 'private' });
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const q = QUERIES[i % QUERIES.length]!;
    const text = q.startsWith('news') || q.startsWith('أخبار') ? q : `/search ${q}${i % 5 === 0 ? ' page:2' : ''}`;
    const t = performance.now();
    await router.handle({ platform: 'bench', chatId: 'b', text, chatType: 'private' });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const memory = live.index.memory();
  return {
    documents: memory.documents,
    indexBuildMs: Math.round(indexBuildMs),
    indexMb: Math.round(memory.bytes / 1e5) / 10,
    terms: memory.terms,
    postings: memory.postings,
    addOneP99Ms: Number(percentile(adds, 99).toFixed(2)),
    searchP50Ms: Number(percentile(times, 50).toFixed(3)),
    searchP99Ms: Number(percentile(times, 99).toFixed(3)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
