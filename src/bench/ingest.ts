import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouter } from '../bot/router.ts';
import type { BotServices } from '../bot/types.ts';
import { buildBrief } from '../news/brief.ts';
import { parseDocument } from '../news/parse.ts';
import { createNewsStore, type NewsStore } from '../news/store.ts';
import type { NewsDocument } from '../news/types.ts';
import { openStorage, type Storage } from '../storage/db.ts';
import { createDocumentPersistence } from '../storage/documents.ts';
import { percentile, silent } from './common.ts';

export interface IngestResult {
  documents: number;
  docsPerSecond: number;
  /** Documents per second of CPU time: the rate on an idle core, whatever else runs on the machine. */
  docsPerCpuSecond: number;
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

/** A store with SQLite persistence in a fresh temporary folder, as the bot opens it. */
export async function openBenchStore(dataDir: string): Promise<{ store: NewsStore; storage: Storage }> {
  const storage = await openStorage({ dataDir });
  const store = await createNewsStore({ summarySentences: 3, log: silent, persistence: createDocumentPersistence(storage.db) });
  return { store, storage };
}

/**
 * Cold ingest through the store: parse, hash, build the brief, persist (batched, as a folder pass
 * hands them over), add to the library. Returns the wall and CPU seconds spent, without generating the input.
 */
export async function ingestGenerated(store: NewsStore, contentDir: string, n: number): Promise<{ seconds: number; cpuSeconds: number }> {
  const mtime = new Date('2025-01-01T00:00:00Z');
  let generating = 0;
  let generatingCpu = 0;
  const cpuNow = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e6;
  };
  const cpu0 = cpuNow();
  let batch: NewsDocument[] = [];
  const started = performance.now();
  const files = generateDocuments(contentDir, n);
  for (;;) {
    const g0 = performance.now();
    const c0 = cpuNow();
    const next = files.next();
    generating += performance.now() - g0;
    generatingCpu += cpuNow() - c0;
    if (next.done) break;
    batch.push(parseDocument(next.value.file, next.value.bytes, mtime));
    if (batch.length === 500) {
      await store.ingest(batch);
      batch = [];
    }
  }
  await store.ingest(batch);
  // Generating the input is the bench's work, not the bot's.
  return { seconds: (performance.now() - started - generating) / 1000, cpuSeconds: cpuNow() - cpu0 - generatingCpu };
}

export async function benchIngest(contentDir: string, n = 10_000, queries = 2_000): Promise<IngestResult> {
  const mtime = new Date('2025-01-01T00:00:00Z');
  // Warm up the JIT, as a long-running bot would be.
  for (const f of generateDocuments(contentDir, 300)) buildBrief(parseDocument(f.file, f.bytes, mtime), { summarySentences: 3 });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-bench-ingest-'));
  const { store, storage } = await openBenchStore(dataDir);
  const { seconds, cpuSeconds } = await ingestGenerated(store, contentDir, n);

  const services: BotServices = {
    library: () => store.library(),
    speakers: () => store.speakers(),
    settings: { summarySentences: 3, pageSize: 10, timeZone: 'UTC', defaultLang: 'en' },
    log: silent,
  };
  const router = createRouter(services);
  const titles = store.library().briefs.slice(0, 200).map((b) => b.doc.title.split(' ').slice(0, 3).join(' '));
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    // A mix of numbers, title words and the default, as users type them.
    const arg = i % 3 === 0 ? String(1 + ((i * 7919) % n)) : i % 3 === 1 ? titles[i % titles.length]! : '';
    const t0 = performance.now();
    await router.handle({ platform: 'bench', chatId: 'b', text: `/summary ${arg}`.trim(), chatType: 'private' });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await storage.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    documents: n,
    docsPerSecond: Math.round(n / seconds),
    docsPerCpuSecond: Math.round(n / cpuSeconds),
    summaryP50Ms: Number(percentile(times, 50).toFixed(3)),
    summaryP99Ms: Number(percentile(times, 99).toFixed(3)),
    peakRssMb,
  };
}
