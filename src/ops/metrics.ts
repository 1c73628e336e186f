// Prometheus metrics with prom-client, every name starting with newsbot_. Counters are fed through
// small interfaces (UpdateObserver for the adapters, the outbox's observe hook, feedFetched for the
// feeds); gauges are read when /metrics is scraped, from callbacks the wiring registers.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HandledUpdate, UpdateObserver } from '../adapters/observe.ts';
import type { SendResult } from '../briefings/outbox.ts';

/** A source as the feeds poller reports it (SEAMS: sources.status()). */
export interface SourceState {
  kind: string;
  state: string;
}

/** Values read at scrape time; each may be missing (briefings off, no feeds yet). */
export interface MetricSources {
  documents?: () => { lang: string; count: number }[];
  quotes?: () => number;
  outbox?: () => Promise<Record<string, number>>;
  subscriptions?: () => Promise<{ active: number; inactive: number }>;
  sources?: () => SourceState[];
}

export interface Metrics extends UpdateObserver {
  readonly registry: Registry;
  /** The outbox's observe hook: one count per send outcome. */
  sendResult(platform: string, result: SendResult, retryAfterMs?: number): void;
  /** The feeds poller tells each fetch's result ('ok', 'not_modified', 'error', ...). */
  feedFetched(result: string): void;
  /** Adds or replaces the scrape-time readers (feeds register theirs when they start). */
  register(sources: MetricSources): void;
  /** The Prometheus text exposition. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** Reply latency buckets, seconds: the bench bar is 60 ms at p99, a digest part may take seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Handled updates kept at most before they are folded into the metrics without a scrape. */
const FOLD_EVERY = 1024;

/** Gauges read at scrape time from the callbacks the wiring registered. */
function registerGauges(registry: Registry, readers: MetricSources): void {
  new Gauge({
    name: 'newsbot_documents', help: 'Documents in the library, by language', labelNames: ['lang'], registers: [registry],
    collect() {
      this.reset();
      for (const { lang, count } of readers.documents?.() ?? []) this.set({ lang }, count);
    },
  });
  new Gauge({
    name: 'newsbot_quotes', help: 'Quotes found across the library', registers: [registry],
    collect() {
      if (readers.quotes) this.set(readers.quotes());
    },
  });
  new Gauge({
    name: 'newsbot_outbox_messages', help: 'Outbox rows by state (pending, sending, sent, failed)', labelNames: ['state'], registers: [registry],
    async collect() {
      if (!readers.outbox) return;
      const stats = await readers.outbox();
      this.reset();
      for (const state of ['pending', 'sending', 'sent', 'failed']) this.set({ state }, stats[state] ?? 0);
      for (const [state, n] of Object.entries(stats)) this.set({ state }, n);
    },
  });
  new Gauge({
    name: 'newsbot_subscriptions', help: 'Briefing subscriptions by state', labelNames: ['state'], registers: [registry],
    async collect() {
      if (!readers.subscriptions) return;
      const s = await readers.subscriptions();
      this.set({ state: 'active' }, s.active);
      this.set({ state: 'inactive' }, s.inactive);
    },
  });
  new Gauge({
    name: 'newsbot_sources', help: 'Content sources (feeds, folders) by kind and state', labelNames: ['kind', 'state'], registers: [registry],
    collect() {
      if (!readers.sources) return;
      this.reset();
      const counts = new Map<string, { kind: string; state: string; n: number }>();
      for (const s of readers.sources()) {
        const key = `${s.kind}\u0000${s.state}`;
        const c = counts.get(key) ?? { kind: s.kind, state: s.state, n: 0 };
        c.n++;
        counts.set(key, c);
      }
      for (const c of counts.values()) this.set({ kind: c.kind, state: c.state }, c.n);
    },
  });
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'newsbot_' });
  const readers: MetricSources = {};

  // Handled updates are kept as they come (one push per reply) and folded into the counters and the
  // histogram when /metrics is read, or every FOLD_EVERY updates: validating, hashing and bucketing
  // each reply's labels in prom-client ran cold at every reply (the bench's per-reply cost of metrics).
  let pending: HandledUpdate[] = [];
  const fold = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    for (const u of batch) {
      commands.inc({ command: u.command, platform: u.platform });
      latency.observe({ platform: u.platform, kind: u.kind }, u.durationMs / 1000);
      if (!u.ok) failures.inc({ platform: u.platform });
    }
  };
  const commands = new Counter({ name: 'newsbot_commands_total', help: 'Handled updates by command (text: a plain message; unknown: a command the bot does not have) and platform', labelNames: ['command', 'platform'], registers: [registry], collect: fold });
  const failures = new Counter({ name: 'newsbot_update_failures_total', help: 'Updates whose handling failed, by platform', labelNames: ['platform'], registers: [registry], collect: fold });
  const latency = new Histogram({ name: 'newsbot_reply_seconds', help: 'Time from an update arriving to its reply sent, by platform and kind', labelNames: ['platform', 'kind'], buckets: LATENCY_BUCKETS, registers: [registry], collect: fold });
  const sends = new Counter({ name: 'newsbot_sends_total', help: 'Outbox send attempts by platform and result', labelNames: ['platform', 'result'], registers: [registry] });
  const limited = new Counter({ name: 'newsbot_rate_limited_total', help: '429 answers by platform and path (outbox or reply)', labelNames: ['platform', 'path'], registers: [registry] });
  const retrySeconds = new Counter({ name: 'newsbot_rate_limit_wait_seconds_total', help: 'Seconds the platforms asked the bot to wait (retry_after), by platform', labelNames: ['platform'], registers: [registry] });
  const feedFetches = new Counter({ name: 'newsbot_feed_fetches_total', help: 'Feed fetches by result', labelNames: ['result'], registers: [registry] });

  registerGauges(registry, readers);

  return {
    registry,
    contentType: registry.contentType,
    handled(u: HandledUpdate) {
      if (pending.push(u) >= FOLD_EVERY) fold();
    },
    rateLimited(platform, retryAfterMs) {
      limited.inc({ platform, path: 'reply' });
      retrySeconds.inc({ platform }, retryAfterMs / 1000);
    },
    sendResult(platform, result, retryAfterMs) {
      sends.inc({ platform, result });
      if (result === 'rate_limited') {
        limited.inc({ platform, path: 'outbox' });
        retrySeconds.inc({ platform }, (retryAfterMs ?? 0) / 1000);
      }
    },
    feedFetched(result) {
      feedFetches.inc({ result });
    },
    register(sources) {
      Object.assign(readers, sources);
    },
    render: () => registry.metrics(),
  };
}
