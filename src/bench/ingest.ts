import fs from 'node:fs';
import path from 'node:path';
import { createRouter } from '../bot/router.ts';
import type { BotServices } from '../bot/types.ts';
import { buildBrief } from '../news/brief.ts';
import { createLibrary } from '../news/library.ts';
import { parseDocument } from '../news/parse.ts';
import type { Brief } from '../news/types.ts';
import { percentile, silent } from './common.ts';
import { speakersOf } from '../news/store.ts';

export interface IngestResult {
  documents: number;
  docsPerSecond: number;
  summaryP50Ms: number;
  summaryP99Ms: number;
  peakRssMb: number;
}


/**
 * Makes n distinct documents from the shipped ones: each rotates its source's lines and gets its own title.
 * Generated one at a time, as files are read one at a time, so the bench's own input does not count as the bot's memory.
 */
export function* generateDocuments(contentDir: string, n: number): Generator<{ file: string; bytes: Uint8Array }> {
  const sources = fs
    .readdirSync(contentDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(contentDir, f), 'utf8').split('\n').filter((l) => l.trim()));
  const encoder = new TextEncoder();
  for (let i = 0; i < n; i++) {
    const lines = sources[i % sources.length]!;
    const body = lines.slice(1);
    const shift = Math.floor(i / sources.length) % Math.max(1, body.length);
    const rotated = [...body.slice(shift), ...body.slice(0, shift)];
    yield { file: `gen-${String(i).padStart(5, '0')}.txt`, bytes: encoder.encode(`${lines[0]} (${i})\n\n${rotated.join('\n')}\n`) };
  }
}

export async function benchIngest(contentDir: string, n = 10_000, queries = 2_000): Promise<IngestResult> {
  const mtime = new Date('2025-01-01T00:00:00Z');
  // Warm up the JIT, as a long-running bot would be.
  for (const f of generateDocuments(contentDir, 300)) buildBrief(parseDocument(f.file, f.bytes, mtime), { summarySentences: 3 });

  const briefs: Brief[] = [];
  let generating = 0;
  const started = performance.now();
  const files = generateDocuments(contentDir, n);
  for (;;) {
    const g0 = performance.now();
    const next = files.next();
    generating += performance.now() - g0;
    if (next.done) break;
    briefs.push(buildBrief(parseDocument(next.value.file, next.value.bytes, mtime), { summarySentences: 3 }));
  }
  // Generating the input is the bench's work, not the bot's.
  const seconds = (performance.now() - started - generating) / 1000;

  const library = createLibrary(briefs);
  const services: BotServices = {
    library: () => library,
    speakers: () => speakersOf(library),
    settings: { summarySentences: 3, pageSize: 10, timeZone: 'UTC', defaultLang: 'en' },
    log: silent,
  };
  const router = createRouter(services);
  const titles = briefs.slice(0, 200).map((b) => b.doc.title.split(' ').slice(0, 3).join(' '));
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    // A mix of numbers, title words and the default, as users type them.
    const arg = i % 3 === 0 ? String(1 + ((i * 7919) % n)) : i % 3 === 1 ? titles[i % titles.length]! : '';
    const t0 = performance.now();
    await router.handle({ platform: 'bench', chatId: 'b', text: `/summary ${arg}`.trim(), chatType: 'private' });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    documents: n,
    docsPerSecond: Math.round(n / seconds),
    summaryP50Ms: Number(percentile(times, 50).toFixed(3)),
    summaryP99Ms: Number(percentile(times, 99).toFixed(3)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
