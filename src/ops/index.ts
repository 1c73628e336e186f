// Running it for real: the HTTP server (health, readiness, metrics) and what it watches. Wired by
// src/app.ts; off unless NEWSBOT_HTTP_PORT is set, and then every metric and check is on.
import { sql, type Kysely } from 'kysely';
import type { ChatAdapter } from '../adapters/chat-adapter.ts';
import type { Logger } from '../bot/types.ts';
import type { Briefings } from '../briefings/index.ts';
import type { Config } from '../config.ts';
import type { Library } from '../news/library.ts';
import type { Database } from '../storage/schema.ts';
import { subscriptionCounts } from './admin.ts';
import { adapterCheck, sendOnlyCheck, createHealth, databaseCheck, schedulerCheck, type Health } from './health.ts';
import { createOpsServer, type OpsServer } from './http.ts';
import { createMetrics, type Metrics, type SourceState } from './metrics.ts';

export interface Ops {
  /** Present when the HTTP server is on. */
  metrics?: Metrics;
  server?: OpsServer;
  health: Health;
  /** Content loaded and every platform started. */
  ready: boolean;
  stopping: boolean;
}

export function createOps(config: Pick<Config, 'http' | 'httpPort'>, log: Logger): Ops {
  const health = createHealth();
  const ops: Ops = { health, ready: false, stopping: false };
  if (config.httpPort === undefined) return ops;
  ops.metrics = createMetrics();
  ops.server = createOpsServer({ host: config.http.host, port: config.httpPort, log, health, metrics: ops.metrics, ready: () => ops.ready, stopping: () => ops.stopping });
  return ops;
}

// Counted at each scrape: the library is updated in place as documents arrive, so a count kept per
// library object would go stale (10,000 documents take well under a millisecond).
function quotesIn(library: Library): number {
  let n = 0;
  for (const b of library.briefs) n += b.quotes.length;
  return n;
}

export interface Watched {
  adapters: readonly ChatAdapter[];
  started: ReadonlySet<ChatAdapter>;
  /** This process takes no updates (roles worker and scheduler): its adapters only send, unstarted. */
  sendsOnly?: boolean;
  library: () => Library;
  /** Content sources (the folder, feeds) with their state. */
  sources?: () => SourceState[];
  db?: Kysely<Database>;
  briefings?: Briefings;
  /** Whether the minute scheduler should be running (off in tests that tick by hand). */
  scheduler: boolean;
}

/** Registers the health checks and the scrape-time metric readers. */
export function watch(ops: Ops, what: Watched): void {
  for (const adapter of what.adapters) ops.health.add(adapter.platform, what.sendsOnly ? sendOnlyCheck : adapterCheck(adapter, () => what.started.has(adapter)));
  const { db, briefings } = what;
  if (db) ops.health.add('database', databaseCheck(() => sql`select 1`.execute(db)));
  if (briefings && what.scheduler) ops.health.add('scheduler', schedulerCheck(() => briefings.scheduler()));
  ops.metrics?.register({
    documents: () => {
      const counts = new Map<string, number>();
      for (const b of what.library().briefs) counts.set(b.doc.lang, (counts.get(b.doc.lang) ?? 0) + 1);
      return [...counts].map(([lang, count]) => ({ lang, count }));
    },
    quotes: () => quotesIn(what.library()),
    ...(what.sources ? { sources: what.sources } : {}),
    ...(briefings ? { outbox: () => briefings.outbox.stats() } : {}),
    ...(db ? { subscriptions: () => subscriptionCounts(db) } : {}),
  });
}
