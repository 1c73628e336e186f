// Restart with stored documents: a child process opens the database the way the bot does and
// times how long until it can answer, so its memory and start-up are its own, not the parent's.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouter } from '../bot/router.ts';
import type { BotServices } from '../bot/types.ts';
import { silent } from './common.ts';
import { ingestGenerated, openBenchStore } from './ingest.ts';

/** Set in the child: the data folder to restart from. */
export const RESTART_CHILD_ENV = 'NEWSBOT_BENCH_RESTART_DIR';

export interface RestartResult {
  documents: number;
  /** From process start (node and module loading included) until the library answers. */
  readyMs: number;
  /** CPU time (user + system) of the process until ready: what `readyMs` would be on an idle core. */
  readyCpuMs: number;
  /** Opening the database, reading the stored briefs and building the library. */
  loadMs: number;
  /** The first /summary answer after ready. */
  firstSummaryMs: number;
  /** Building the speaker registry for the first who-said-what question. */
  firstQuotesMs: number;
  peakRssMb: number;
}

/** The child's side: restart from the stored documents and report, as one JSON line. */
export async function restartChild(dataDir: string): Promise<void> {
  const t0 = performance.now();
  const { store, storage } = await openBenchStore(dataDir);
  const loadMs = performance.now() - t0;
  const readyMs = performance.now();
  const cpu = process.cpuUsage();
  const readyCpuMs = (cpu.user + cpu.system) / 1000;
  const services: BotServices = { library: () => store.library(), speakers: () => store.speakers(), settings: { summarySentences: 3, pageSize: 10, timeZone: 'UTC', defaultLang: 'en' }, log: silent };
  const router = createRouter(services);
  const s0 = performance.now();
  await router.handle({ platform: 'bench', chatId: 'b', text: '/summary', chatType: 'private' });
  const firstSummaryMs = performance.now() - s0;
  const q0 = performance.now();
  await router.handle({ platform: 'bench', chatId: 'b', text: '/quotes', chatType: 'private' });
  store.speakers();
  const firstQuotesMs = performance.now() - q0;
  const result = { documents: store.library().briefs.length, readyMs, readyCpuMs, loadMs, firstSummaryMs, firstQuotesMs, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  await storage.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(dataDir: string): Promise<RestartResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1]!], { env: { ...process.env, [RESTART_CHILD_ENV]: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`restart child exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as RestartResult);
    });
  });
}

export async function benchRestart(contentDir: string, n = 10_000): Promise<RestartResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-bench-restart-'));
  try {
    const { store, storage } = await openBenchStore(dataDir);
    await ingestGenerated(store, contentDir, n);
    await storage.close();
    // Twice: the first run also pays for a cold file cache; the second is the usual restart.
    await runChild(dataDir);
    const r = await runChild(dataDir);
    const round = (x: number) => Math.round(x);
    return { documents: r.documents, readyMs: round(r.readyMs), readyCpuMs: round(r.readyCpuMs), loadMs: round(r.loadMs), firstSummaryMs: Number(r.firstSummaryMs.toFixed(1)), firstQuotesMs: round(r.firstQuotesMs), peakRssMb: round(r.peakRssMb) };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
