import path from 'node:path';
import { benchIngest } from './ingest.ts';
import { benchRestart, RESTART_CHILD_ENV, restartChild } from './restart.ts';

// The restart bench runs this file again as a child that only restarts from a data folder.
const restartDir = process.env[RESTART_CHILD_ENV];
if (restartDir) {
  await restartChild(restartDir);
  process.exit(0);
}

/** `npm run bench [-- <name> ...]`: each benchmark prints its figures; with no name, all of them run. */
const benches: Record<string, () => Promise<Record<string, number>>> = {
  ingest: async () => {
    const r = await benchIngest(path.resolve('content'));
    return { ...r };
  },
  restart: async () => ({ ...(await benchRestart(path.resolve('content'))) }),
  // Loaded only when asked for, so telegraf does not count in the ingest bench's memory.
  telegram: async () => ({ ...(await (await import('./telegram.ts')).benchTelegram()) }),
  discord: async () => ({ ...(await (await import('./discord.ts')).benchDiscord()) }),
  feeds: async () => ({ ...(await (await import('./feeds.ts')).benchFeeds()) }),
  // Reply latency with the HTTP server and metrics on vs off; SIGTERM to exit of dist/ mid fan-out.
  ops: async () => ({ ...(await (await import('./ops.ts')).benchOps()) }),
  // Throughput over 10,000 chats, then 2,000 chats through 403s, migrations and a revoked token.
  // Needs PostgreSQL and Redis (skipped with the reason otherwise); several worker processes.
  scale: async () => ({ ...(await (await import('./scale.ts')).benchScale()) }),
  fanout: async () => {
    const throughput = await (await import('./fanout.ts')).benchFanout();
    const failures = await (await import('./fanout-failures.ts')).benchFanoutFailures();
    return { ...throughput, ...Object.fromEntries(Object.entries(failures).map(([k, v]) => [`failures.${k}`, v])) };
  },
  search: async () => ({ ...(await (await import('./search.ts')).benchSearch()) }),
  alerts: async () => ({ ...(await (await import('./alerts.ts')).benchAlerts()) }),
};

const bars: Record<string, string> = {
  'ingest.docsPerSecond': '≥ 2000',
  'ingest.summaryP99Ms': '≤ 20',
  'ingest.peakRssMb': '≤ 250',
  'restart.readyMs': '≤ 2000',
  'restart.peakRssMb': '≤ 250',
  'telegram.p99': '≤ 60 ms',
  'discord.p99': '≤ 60 ms',
  'feeds.p99Ms': '≤ 1000',
  'feeds.missed': '0',
  'ops.ratio': '≤ 1.05',
  'ops.sigtermToExitMs': '≤ 10000',
  'ops.exitCode': '0',
  'fanout.shareOfLimit': '≥ 95 %',
  'scale.w3.shareOfLimit': '≥ 95 %',
  'scale.w3.tooManyRequests': '0',
  'scale.w3.lost': '0',
  'scale.w3.duplicates': '0',
  'scale.kill.lost': '0',
  'scale.kill.duplicates': '≤ kill.recovered',
  'scale.claims.twice': '0',
  'fanout.tooManyRequests': '0',
  'fanout.lost': '0',
  'fanout.duplicates': '0',
  'fanout.failures.subscriptionsLost': '0',
  'fanout.failures.deactivatedByToken': '0',
  'fanout.failures.duplicates': '0',
  'fanout.failures.servedOnce': '= reachable',
  'search.searchP99Ms': '≤ 20',
  'search.peakRssMb': '≤ 250',
  'alerts.p99Ms': '≤ 2000',
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const json = process.argv.includes('--json');
// scale needs PostgreSQL, Redis and several minutes: only when asked for by name.
const selected = names.length ? names : Object.keys(benches).filter((n) => n !== 'scale');
const results: Record<string, Record<string, number>> = {};
for (const name of selected) {
  const bench = benches[name];
  if (!bench) {
    process.stderr.write(`unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}\n`);
    process.exit(2);
  }
  results[name] = await bench();
  for (const [key, value] of Object.entries(results[name])) {
    const bar = bars[`${name}.${key}`];
    process.stdout.write(`${name.padEnd(10)} ${key.padEnd(28)} ${String(value).padStart(10)}${bar ? `   (bar ${bar})` : ''}\n`);
  }
}
if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
process.exit(0);
