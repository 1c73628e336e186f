import type { Readable, Writable } from 'node:stream';
import type { ChatAdapter } from './adapters/chat-adapter.ts';
import { createConsoleAdapter } from './adapters/console/index.ts';
import type { AdapterDeps } from './adapters/deps.ts';
import { createRouter, type Router } from './bot/router.ts';
import type { BotServices, Logger } from './bot/types.ts';
import { createBriefings, type Briefings } from './briefings/index.ts';
import { secretValues, type Config } from './config.ts';
import { createScrubber } from './logger.ts';
import { loadGazetteer, loadGlossary, setDefaultGazetteer, setDefaultGlossary } from './news/quotes/index.ts';
import { createLiveIndex } from './news/search/live.ts';
import { createStoryIndex } from './news/stories/index.ts';
import type { Brief } from './news/types.ts';
import { createNewsStore, type NewsStore } from './news/store.ts';
import { createAdminOps, restoreSendingPause, withErrorLog } from './ops/admin.ts';
import { createOps, watch, type Ops } from './ops/index.ts';
import type { Metrics } from './ops/metrics.ts';
import { openStorage, type Storage } from './storage/db.ts';
import { createDocumentPersistence } from './storage/documents.ts';
import type { Sources } from './sources/index.ts';
import type { PollResult } from './sources/poll.ts';
import { planRole, type Role, type RolePlan } from './roles.ts';
import { scaleOut } from './scale.ts';
import type { DiscordAdapter } from './adapters/discord/index.ts';

export interface AppOptions {
  /** Run the console adapter even when platform tokens are set. */
  console?: boolean;
  input?: Readable;
  output?: Writable;
  /** Called when the console input ends. */
  onConsoleEnd?: () => void;
  watch?: boolean;
  /** Subscriptions, scheduled digests and the outbox (storage in config.dataDir); default on. */
  briefings?: boolean;
  /** Run the minute scheduler (default on; tests tick by hand). */
  cron?: boolean;
  /** What this process does when several run (`newsbot start --role ...`); default all. */
  role?: Role;
}

export interface App {
  router: Router;
  services: BotServices;
  store: NewsStore;
  adapters: ChatAdapter[];
  briefings?: Briefings;
  /** The database, when briefings are on. */
  storage?: Storage;
  /** Health, metrics and the HTTP server (when NEWSBOT_HTTP_PORT is set). */
  ops: Ops;
  /** The feeds, when this process polls them (a database and the scheduler role). */
  sources?: Sources;
  /**
   * Stops in order: no more updates taken, replies and sends in flight finish (bounded), the
   * outbox is left consistent, then the platforms, the database and the HTTP server close.
   */
  stop(): Promise<void>;
}

/** How long the outbox waits for sends in flight at stop: what is left stays `sending` and is retried at the next start. */
const DRAIN_MS = 4_000;

/** Without `storage` documents live in memory only (read again at every start). */
export async function createServices(config: Config, log: Logger, storage?: Storage): Promise<{ services: BotServices; store: NewsStore }> {
  // Before any document is read: quote extraction resolves names through it.
  setDefaultGazetteer(loadGazetteer(config.quotes.gazetteer));
  // Validated at start so a broken glossary is named now, not at the first question.
  setDefaultGlossary(loadGlossary(config.quotes.glossary));
  const store = await createNewsStore({
    dir: config.content.dir,
    maxFileBytes: config.content.maxFileBytes,
    summarySentences: config.summary.sentences,
    log,
    ...(storage ? { persistence: createDocumentPersistence(storage.db) } : {}),
  });
  // The search index follows the documents: built once, then updated with each change the store reports.
  // In the background, so the bot answers at once (searches see the documents indexed so far).
  const stories = createStoryIndex();
  const live = createLiveIndex(undefined, stories);
  const index = async (briefs: readonly Brief[]) => {
    const started = performance.now();
    const { added, removed } = await live.syncInBackground(briefs);
    const memory = live.index.memory();
    const fields = { added, removed, documents: memory.documents, terms: memory.terms, indexMb: Math.round(memory.bytes / 1e5) / 10, ms: Math.round(performance.now() - started) };
    log.info(fields, `search index: ${added} added, ${removed} removed`);
  };
  // A small library is indexed before the first answer; a large one in the background.
  if (store.library().briefs.length <= 1000) live.sync(store.library().briefs);
  void index(store.library().briefs).catch((err: unknown) => log.error({ err }, 'search index build failed'));
  store.onDocuments((event) => live.apply([...event.added, ...event.changed], event.removed));
  const services: BotServices = {
    library: () => store.library(),
    speakers: () => store.speakers(),
    search: () => live.index,
    stories: () => stories,
    settings: { summarySentences: config.summary.sentences, pageSize: config.bot.pageSize, timeZone: config.bot.timeZone, defaultLang: config.bot.defaultLanguage },
    log,
    sources: () => store.sources(),
  };
  return { services, store };
}

async function createAdapters(deps: AdapterDeps, options: AppOptions, plan: RolePlan): Promise<ChatAdapter[]> {
  const { config } = deps;
  const adapters: ChatAdapter[] = [];
  if (config.secrets.telegram) {
    const { createTelegramAdapter } = await import('./adapters/telegram/index.ts');
    adapters.push(createTelegramAdapter(deps));
  }
  if (config.secrets.discord) {
    const { createDiscordAdapter } = await import('./adapters/discord/index.ts');
    adapters.push(createDiscordAdapter(deps));
  }
  if (plan.role === 'all' && (adapters.length === 0 || options.console)) {
    adapters.push(
      createConsoleAdapter({
        router: deps.router,
        log: deps.log,
        ...(deps.observer ? { observer: deps.observer } : {}),
        ...(options.input ? { input: options.input } : {}),
        ...(options.output ? { output: options.output } : {}),
        ...(options.onConsoleEnd ? { onEnd: options.onConsoleEnd } : {}),
      }),
    );
  }
  return adapters;
}

/** Wiring only: config -> news store -> router -> adapters. Platform libraries load only when their token is set. */
export async function startApp(config: Config, baseLog: Logger, options: AppOptions = {}): Promise<App> {
  const { log, errors } = withErrorLog(baseLog, createScrubber(secretValues(config.secrets)));
  const plan = planRole(options.role ?? 'all', config);
  let storage: Storage | undefined;
  if (options.briefings ?? true) {
    try {
      storage = await openStorage({ dataDir: config.dataDir, url: config.secrets.databaseUrl, log });
    } catch (error) {
      log.error({ err: error }, (error as Error).message);
      throw error;
    }
  }
  const scale = await scaleOut(config, plan, storage, log);
  const { services, store } = await createServices(config, log, storage).catch(async (error: unknown) => {
    await scale.stop();
    await storage?.close();
    throw error;
  });
  scale.follow(store);
  const router = createRouter(services);
  const ops = createOps(config, log);
  const deps: AdapterDeps = { router, services, config, log, ...(ops.metrics ? { observer: ops.metrics } : {}), ...(ops.server ? { http: ops.server } : {}), ...(scale.once ? { once: scale.once } : {}) };
  const adapters = await createAdapters(deps, options, plan);

  // Briefings are wired before the adapters start, so their commands are in the menus.
  let briefings: Briefings | undefined;
  if (storage) {
    const observe = ops.metrics?.sendResult;
    briefings = createBriefings({
      config, db: storage.db, adapters, services, store, log, ...(options.cron === false ? { cron: false } : {}),
      schedule: plan.schedule, ...(scale.createOutbox ? { createOutbox: scale.createOutbox } : {}),
      outbox: { drainTimeoutMs: DRAIN_MS, ...(observe ? { observe } : {}) },
    });
    services.briefings = briefings.commands;
    services.chats = briefings.chats;
  }
  const sources = storage && plan.schedule ? await feedSources(config, storage, store, log, ops.metrics) : undefined;
  if (sources) services.sources = () => [...store.sources(), ...sources.status()];
  const allSources = () => services.sources?.() ?? store.sources();
  if (storage && briefings) services.admin = createAdminOps({ config, db: storage.db, outbox: briefings.outbox, store, sources: allSources, log, errors });

  const started = new Set<ChatAdapter>();
  // A role that takes no updates (worker, scheduler) never starts its adapters, and only `all` and
  // `scheduler` run the minute scheduler: neither is a problem in their /healthz.
  watch(ops, { adapters, started, sendsOnly: !plan.receive, library: () => store.library(), sources: allSources, ...(storage ? { db: storage.db } : {}), ...(briefings ? { briefings } : {}), scheduler: options.cron !== false && plan.schedule });
  // Every role reports what it depends on: with the URLs set, Redis, the queue's depth and the document notices too.
  for (const [name, check] of scale.checks()) ops.health.add(name, check);
  const stopWatching = options.watch && config.content.watch && plan.schedule ? store.watch() : undefined;
  const closeAll = async () => {
    await Promise.allSettled(adapters.map((a) => a.stopReceiving?.()));
    await sources?.stop().catch((err: unknown) => log.error({ err }, 'stopping the feeds failed'));
    await briefings?.stop().catch((err: unknown) => log.error({ err }, 'stopping briefings failed'));
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await stopWatching?.();
    await scale.stop();
    await storage?.close();
    await ops.server?.close();
  };
  try {
    // The webhook, when on, is served by this server: it listens before Telegram starts.
    await ops.server?.listen();
    for (const adapter of adapters) {
      if (!receiving(adapter, plan, config, log)) continue;
      await adapter.start();
      started.add(adapter);
      log.info({ platform: adapter.platform, role: plan.role }, `${adapter.platform} adapter started`);
    }
    if (storage && briefings) await restoreSendingPause(storage.db, briefings.outbox, log);
    await briefings?.start();
    await sources?.start();
  } catch (error) {
    await closeAll();
    throw error;
  }
  ops.ready = true;

  let stopping: Promise<void> | undefined;
  return {
    ...(storage ? { storage } : {}),
    router,
    services,
    store,
    adapters,
    ops,
    ...(briefings ? { briefings } : {}),
    ...(sources ? { sources } : {}),
    stop() {
      ops.stopping = true;
      stopping ??= closeAll();
      return stopping;
    },
  };
}

/** Feeds poll into the store; a feed removed (from the config or the command line) takes its documents with it. */
async function feedSources(config: Config, storage: Storage, store: NewsStore, log: Logger, metrics?: Metrics): Promise<Sources> {
  // Loaded here, not at the top: the command line builds services too and never polls.
  const { createSources } = await import('./sources/index.ts');
  const documentsOf = (sourceId: string) => store.library().briefs.filter((b) => b.doc.sourceId === sourceId).map((b) => b.doc.id);
  return createSources({
    db: storage.db,
    config: config.sources,
    ingest: (docs, opts) => store.ingest(docs, opts),
    log,
    forget: (sourceId) => store.remove(documentsOf(sourceId)),
    storedSources: () => store.library().briefs.map((b) => b.doc.sourceId ?? ''),
    ...(metrics ? { onPolled: (_feed: string, result: PollResult | Error) => metrics.feedFetched(result instanceof Error ? 'error' : result.kind) } : {}),
  });
}

/**
 * Whether this process starts the adapter for incoming updates. Telegram long polling runs in one
 * process only (`all`); `web` takes the webhook. A process that only sends (`worker`) gives Discord's
 * REST client its token without opening the gateway.
 */
function receiving(adapter: ChatAdapter, plan: RolePlan, config: Config, log: Logger): boolean {
  if (plan.receive) {
    if (adapter.platform === 'telegram' && !plan.pollTelegram && !config.secrets.telegram?.webhookUrl) {
      log.warn({ role: plan.role }, 'telegram: --role web takes updates by webhook only (set TELEGRAM_WEBHOOK_URL); long polling is for one process with --role all');
      return false;
    }
    return true;
  }
  if (adapter.platform === 'discord' && plan.send && config.secrets.discord) (adapter as DiscordAdapter).client.rest.setToken(config.secrets.discord.token);
  return false;
}
