// Briefings: subscriptions at a local time, a scheduler driven by node-cron, exactly-once digests
// (a UNIQUE delivery row claimed before sending) and the persistent, rate-limited outbox.
import cron, { type ScheduledTask } from 'node-cron';
import type { Kysely, Selectable } from 'kysely';
import type { ChatAdapter } from '../adapters/chat-adapter.ts';
import { strings } from '../bot/i18n.ts';
import { heading, italic, paragraph, type Block, type Post } from '../bot/post.ts';
import type { BotServices, BriefingCommands, ChatEvents, IncomingMessage, Logger } from '../bot/types.ts';
import type { Config } from '../config.ts';
import type { Lang } from '../news/language.ts';
import type { NewsStore } from '../news/store.ts';
import type { Brief } from '../news/types.ts';
import type { Database, SubscriptionTable } from '../storage/schema.ts';
import { sourcesNote, storyEntries, storyView } from '../bot/handlers/stories.ts';
import { createAlerts } from './alerts.ts';
import { digestPosts, emptyDigestPost, formatDateTime, matchesTopics, newDocuments, topicTerms } from './digest.ts';
import { createChatEvents } from './chats.ts';
import { createOutbox, type Outbox, type OutboxOptions, type OutboxRow } from './outbox.ts';
import { parseSubscribeArgs } from './subscribe-args.ts';
import { upsertConfigTargets } from './targets.ts';
import { localDate, nextRunAfter } from './time.ts';

export type Subscription = Selectable<SubscriptionTable>;

const DAY = 86_400_000;
/** Missed runs older than the last one are recorded as skipped, at most this many per subscription. */
const MAX_SKIPPED_RECORDS = 31;

export interface BriefingsOptions {
  config: Pick<Config, 'briefings' | 'bot'> & Partial<Pick<Config, 'alerts'>>;
  db: Kysely<Database>;
  adapters: readonly ChatAdapter[];
  services: BotServices;
  /** Where documents come from, and when each first arrived (what is "new"). Default: services.library, arriving at their dates. */
  store?: Pick<NewsStore, 'library' | 'firstSeen'> & Partial<Pick<NewsStore, 'onDocuments'>>;
  log: Logger;
  /** The wall clock for schedules, cut-offs and the grace period (tests pass a fake one). */
  now?: () => number;
  /** Run the scheduler every minute with node-cron (default true; tests call tick()). */
  cron?: boolean;
  /** Outbox tuning: limits, headroom, in-flight sends, backoff. */
  outbox?: Partial<Omit<OutboxOptions, 'db' | 'adapters' | 'log' | 'onForbidden' | 'onMoved'>>;
  /** Find due digests in this process (default true; false for the web and worker roles). */
  schedule?: boolean;
  /** Another delivery behind the same Outbox contract (the BullMQ queues when NEWSBOT_REDIS_URL is set). */
  createOutbox?: (options: OutboxOptions) => Outbox;
}

export interface TickResult {
  due: number;
  queued: number;
  messages: number;
  empty: number;
  skipped: number;
}

export interface Briefings {
  commands: BriefingCommands;
  /** For the adapters (services.chats): the bot's rights in a chat changed, or the chat has a new id. */
  chats: ChatEvents;
  outbox: Outbox;
  /** Upserts config targets, resumes the outbox, sends digests missed within the grace period, starts the cron. */
  start(): Promise<void>;
  /** Stops the cron and the outbox (sends in flight finish; the rest stays pending). */
  stop(): Promise<void>;
  /** Runs every subscription that is due now. */
  tick(): Promise<TickResult>;
  /** For /healthz: whether the minute cron runs, and when the last tick started (ms since epoch). */
  scheduler(): { running: boolean; lastTickAt?: number };
}

export function createBriefings(options: BriefingsOptions): Briefings {
  const { db, log, services } = options;
  const settings = options.config.briefings;
  const now = options.now ?? Date.now;
  const library = () => (options.store ? options.store.library() : services.library());
  const adapters = new Map(options.adapters.map((a) => [a.platform as string, a]));
  let task: ScheduledTask | undefined;
  let ticking: Promise<TickResult> | undefined;
  let stopped = false;
  let lastTickAt: number | undefined;

  const outbox = (options.createOutbox ?? createOutbox)({
    ...options.outbox,
    db,
    adapters: options.adapters,
    log,
    onForbidden: (row, reason) => deactivate(row, reason),
    onMoved: (row, to) => chats.onMoved(row, to),
  });
  const chats = createChatEvents({ db, outbox, log, now });

  async function deactivate(row: OutboxRow, reason: string) {
    await alerts.deactivate(row, reason);
    const q = db
      .updateTable('subscriptions')
      .set({ active: 0, deactivated_reason: reason.slice(0, 300), updated_at: now() })
      .where('platform', '=', row.platform)
      .where('chat_id', '=', row.chat_id)
      .where('thread_id', '=', row.thread_id);
    await q.execute();
  }

  // ---- documents: when each arrived ----
  // A document arrives when the store first had it (file dates can be old); one kept but never
  // announced (a feed's first poll) never counts as new.
  const arrival = (b: Brief): number => {
    const seen = options.store?.firstSeen(b.doc.id);
    if (!seen) return b.doc.date.getTime();
    return seen.announce ? seen.at : Number.NEGATIVE_INFINITY;
  };

  // ---- subscriptions ----
  const threadOf = (msg: IncomingMessage) => msg.threadId ?? '';

  async function findSubscription(platform: string, chatId: string, threadId: string): Promise<Subscription | undefined> {
    return db.selectFrom('subscriptions').selectAll().where('platform', '=', platform).where('chat_id', '=', chatId).where('thread_id', '=', threadId).executeTakeFirst();
  }

  /** In groups and channels only admins change briefings; private chats are the user's own. */
  async function mayChange(msg: IncomingMessage, lang: Lang): Promise<Post | undefined> {
    if (msg.chatType !== 'group' && msg.chatType !== 'channel') return undefined;
    const t = strings[lang];
    // A Telegram channel post has no user: only the channel's admins can post there.
    if (msg.chatType === 'channel' && !msg.userId) return undefined;
    const adapter = adapters.get(msg.platform);
    if (!adapter?.isAdmin || !msg.userId) return { lang, blocks: [paragraph(t.briefingAdminUnknown)] };
    try {
      if (await adapter.isAdmin(msg.chatId, msg.userId)) return undefined;
    } catch (error) {
      log.warn({ err: error, platform: msg.platform, chatId: msg.chatId }, 'admin check failed');
      return { lang, blocks: [paragraph(t.briefingAdminUnknown)] };
    }
    return { lang, blocks: [paragraph(t.briefingAdminsOnly)] };
  }

  const topicsText = (topics: string[], lang: Lang) => (topics.length ? strings[lang].digestTopics(topics.join(', ')) : strings[lang].allTopics);
  const topicsOf = (s: Pick<Subscription, 'topics'>): string[] => {
    try {
      const v: unknown = JSON.parse(s.topics);
      return Array.isArray(v) ? v.map(String) : [];
    } catch {
      return [];
    }
  };

  // ---- digests ----
  function topicLatest(topics: string[], max: number): Brief[] {
    const wanted = topicTerms(topics);
    const out: Brief[] = [];
    for (const b of library().briefs) {
      if (matchesTopics(b, wanted)) out.push(b);
      if (out.length >= max) break;
    }
    return out;
  }

  async function tickNow(): Promise<TickResult> {
    const result: TickResult = { due: 0, queued: 0, messages: 0, empty: 0, skipped: 0 };
    const t = now();
    const graceMs = settings.graceHours * 3_600_000;
    // Subscriptions share times, zones and topics: each distinct computation is done once per tick.
    const memo = new Map<string, unknown>();
    const once = <T>(key: string, fn: () => T): T => {
      if (!memo.has(key)) memo.set(key, fn());
      return memo.get(key) as T;
    };
    const nextAfter = (at: number, time: string, zone: string) => once(`n|${at}|${time}|${zone}`, () => nextRunAfter(at, time, zone));
    const dateOf = (at: number, zone: string) => once(`d|${at}|${zone}`, () => localDate(at, zone));
    let lastId = 0;
    for (;;) {
      // Small transactions, with a turn of the event loop between them: SQLite runs on this thread,
      // and the outbox keeps sending meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      const due = await db.selectFrom('subscriptions').selectAll().where('active', '=', 1).where('paused_reason', 'is', null).where('next_run_at', '<=', t).where('id', '>', lastId).orderBy('id').limit(100).execute();
      if (due.length === 0) break;
      lastId = due[due.length - 1]?.id ?? lastId;
      result.due += due.length;
      await db.transaction().execute(async (trx) => {
        /** next_run_at -> ids that only move on; and those whose digest went out (cut-off moves too). */
        const moved = new Map<number, number[]>();
        const digested = new Map<number, number[]>();
        const add = (map: Map<number, number[]>, next: number, id: number) => {
          const ids = map.get(next);
          if (ids) ids.push(id);
          else map.set(next, [id]);
        };
        for (const sub of due) {
          const missed: number[] = [];
          let slot = Number(sub.next_run_at);
          while (slot <= t && missed.length < 400) {
            missed.push(slot);
            slot = nextAfter(slot, sub.time, sub.time_zone);
          }
          const next = slot > t ? slot : nextAfter(t, sub.time, sub.time_zone);
          const latest = missed[missed.length - 1] ?? Number(sub.next_run_at);
          const skip = async (at: number) => {
            await trx
              .insertInto('deliveries')
              .values({ subscription_id: sub.id, local_date: dateOf(at, sub.time_zone), slot: sub.time, status: 'skipped', scheduled_at: at, documents: 0, created_at: t })
              .onConflict((oc) => oc.columns(['subscription_id', 'local_date', 'slot']).doNothing())
              .execute();
            result.skipped++;
          };
          for (const at of missed.slice(0, -1).slice(-MAX_SKIPPED_RECORDS)) await skip(at);
          if (t - latest > graceMs) {
            await skip(latest);
            log.info({ subscription: sub.id, scheduled: new Date(latest).toISOString() }, 'briefing missed beyond the grace period: skipped');
            add(moved, next, sub.id);
            continue;
          }
          const topics = topicsOf(sub);
          const lang: Lang = sub.lang === 'ar' ? 'ar' : 'en';
          const since = Number(sub.last_digest_at);
          const { posts, documents } = once(`p|${sub.topics}|${since}|${lang}|${sub.time_zone}`, () => {
            const docs = storyEntries(services, newDocuments(library(), arrival, since, t, topics));
            const made = docs.length
              ? digestPosts({ lang, zone: sub.time_zone, since, topics, documents: docs, maxDocuments: settings.maxDocuments, sourcesOf: sourcesFor(lang) })
              : settings.sendWhenEmpty
                ? [emptyDigestPost(lang, sub.time_zone, since)]
                : [];
            return { posts: made, documents: docs.length };
          });
          // Exactly once: whoever inserts the (subscription, local date, slot) row sends the digest.
          const claim = await trx
            .insertInto('deliveries')
            .values({ subscription_id: sub.id, local_date: dateOf(latest, sub.time_zone), slot: sub.time, status: posts.length ? 'queued' : 'empty', scheduled_at: latest, documents, created_at: t })
            .onConflict((oc) => oc.columns(['subscription_id', 'local_date', 'slot']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!claim) {
            add(moved, next, sub.id);
            continue;
          }
          if (posts.length === 0) result.empty++;
          else {
            result.queued++;
            result.messages += posts.length;
            const target = { chatId: sub.chat_id, ...(sub.thread_id ? { threadId: sub.thread_id } : {}) };
            await outbox.enqueue(trx, posts.map((post) => ({ platform: sub.platform, target, post, subscriptionId: sub.id, deliveryId: claim.id, ...(sub.crosspost ? { crosspost: true } : {}) })));
          }
          add(digested, next, sub.id);
        }
        for (const [next, ids] of moved) await trx.updateTable('subscriptions').set({ next_run_at: next, updated_at: t }).where('id', 'in', ids).execute();
        for (const [next, ids] of digested) await trx.updateTable('subscriptions').set({ last_digest_at: t, next_run_at: next, updated_at: t }).where('id', 'in', ids).execute();
      });
      outbox.wake();
    }
    if (result.due) log.info({ ...result }, `briefings: ${result.queued} digest(s) queued (${result.messages} messages), ${result.empty} empty, ${result.skipped} skipped`);
    return result;
  }

  function tick(): Promise<TickResult> {
    if (ticking) return ticking;
    lastTickAt = Date.now();
    ticking = tickNow().finally(() => {
      ticking = undefined;
    });
    return ticking;
  }

  /** A story shown once in a digest, with its sources. */
  const sourcesFor = (lang: Lang) => (b: Brief) => sourcesNote(storyView(services, b), lang);

  function joinPosts(posts: Post[], lang: Lang): Post {
    const blocks: Block[] = [];
    for (const p of posts) blocks.push(...p.blocks);
    return { lang, blocks };
  }

  const alerts = createAlerts({ db, outbox, services, log, now, maxPerHour: options.config.alerts?.maxPerHour ?? 20, mayChange });
  // New documents become alerts as they arrive (the store reports each change once).
  options.store?.onDocuments?.((event) => void alerts.onDocuments(event));

  const commands: BriefingCommands = {
    alert: (msg, args, lang) => alerts.command(msg, args, lang),
    async subscribe(msg, args, lang) {
      const t = strings[lang];
      const denied = await mayChange(msg, lang);
      if (denied) return denied;
      const parsed = parseSubscribeArgs(args);
      if (parsed.error) return { lang, blocks: [paragraph(parsed.error.kind === 'time' ? t.badTime(parsed.error.value) : t.badZone(parsed.error.value))] };
      const threadId = threadOf(msg);
      const existing = await findSubscription(msg.platform, msg.chatId, threadId);
      if (existing?.source === 'config') return { lang, blocks: [paragraph(t.configuredBriefing)] };
      const time = parsed.time ?? existing?.time ?? settings.defaultTime;
      const zone = parsed.zone ?? existing?.time_zone ?? settings.defaultTimeZone;
      const topics = parsed.allTopics ? [] : parsed.topics.length ? parsed.topics : existing ? topicsOf(existing) : [];
      const at = now();
      const next = nextRunAfter(at, time, zone);
      await db
        .insertInto('subscriptions')
        .values({
          platform: msg.platform, chat_id: msg.chatId, thread_id: threadId, time, time_zone: zone, topics: JSON.stringify(topics), lang, source: 'chat',
          active: 1, deactivated_reason: null, last_digest_at: at - DAY, next_run_at: next, created_at: at, updated_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['platform', 'chat_id', 'thread_id']).doUpdateSet({ time, time_zone: zone, topics: JSON.stringify(topics), lang, active: 1, deactivated_reason: null, paused_reason: null, next_run_at: next, updated_at: at }),
        )
        .execute();
      log.info({ platform: msg.platform, chatId: msg.chatId, threadId: threadId || undefined, time, zone, topics }, 'briefing subscribed');
      return { lang, blocks: [paragraph(t.subscribed(time, zone, topicsText(topics, lang), formatDateTime(next, lang, zone)))] };
    },

    async unsubscribe(msg, _args, lang) {
      const t = strings[lang];
      const denied = await mayChange(msg, lang);
      if (denied) return denied;
      const existing = await findSubscription(msg.platform, msg.chatId, threadOf(msg));
      if (!existing) return { lang, blocks: [paragraph(t.notSubscribed)] };
      if (existing.source === 'config') return { lang, blocks: [paragraph(t.configuredBriefing)] };
      await db.deleteFrom('subscriptions').where('id', '=', existing.id).execute();
      await db.updateTable('outbox').set({ status: 'failed', last_error: 'unsubscribed', updated_at: Date.now() }).where('subscription_id', '=', existing.id).where('status', '=', 'pending').execute();
      log.info({ platform: msg.platform, chatId: msg.chatId }, 'briefing unsubscribed');
      return { lang, blocks: [paragraph(t.unsubscribed)] };
    },

    async list(msg, lang) {
      const t = strings[lang];
      const rows = await db.selectFrom('subscriptions').selectAll().where('platform', '=', msg.platform).where('chat_id', '=', msg.chatId).orderBy('thread_id').execute();
      if (rows.length === 0) return { lang, blocks: [paragraph(t.notSubscribed)] };
      const items = rows.map((r) => {
        const line = `${r.thread_id ? t.subscriptionThread(r.thread_id) : ''}${t.subscriptionLine(r.time, r.time_zone, topicsText(topicsOf(r), lang), formatDateTime(Number(r.next_run_at), lang, r.time_zone))}`;
        if (!r.active) return [line, ' — ', italic(t.subscriptionInactive(r.deactivated_reason ?? '?'))];
        return r.paused_reason ? [line, ' — ', italic(t.subscriptionPaused(r.paused_reason))] : [line];
      });
      return { lang, blocks: [heading(t.subscriptionsTitle), { type: 'list', items }] };
    },

    async digestNow(msg, args, lang) {
      const t = strings[lang];
      const sub = await findSubscription(msg.platform, msg.chatId, threadOf(msg));
      const words = args.split(/\s+/).filter(Boolean);
      const topics = words.length ? words : sub ? topicsOf(sub) : [];
      const at = now();
      const since = sub ? Number(sub.last_digest_at) : at - DAY;
      const zone = sub?.time_zone ?? settings.defaultTimeZone;
      const docs = storyEntries(services, newDocuments(library(), arrival, since, at, topics));
      if (docs.length) return joinPosts(digestPosts({ lang, zone, since, topics, documents: docs, maxDocuments: settings.maxDocuments, budget: Infinity, sourcesOf: sourcesFor(lang) }), lang);
      const latest = topicLatest(topics, settings.maxDocuments);
      if (latest.length) return joinPosts(digestPosts({ lang, zone, since, topics, documents: latest, maxDocuments: settings.maxDocuments, latest: true, budget: Infinity }), lang);
      return library().briefs.length ? emptyDigestPost(lang, zone, since) : { lang, blocks: [paragraph(t.noDocuments)] };
    },
  };

  return {
    commands,
    chats,
    outbox,
    tick,
    scheduler: () => ({ running: task !== undefined && !stopped, ...(lastTickAt !== undefined ? { lastTickAt } : {}) }),
    async start() {
      stopped = false;
      await upsertConfigTargets({ db, config: options.config, adapters, log, now: now() });
      await outbox.start();
      if (options.schedule === false) return;
      // Digests missed while the bot was down: the last one within the grace period is sent now.
      await tick();
      if (options.cron !== false && !stopped) {
        task = cron.schedule('* * * * *', () => void tick().catch((err: unknown) => log.error({ err }, 'briefings: scheduler tick failed')), { noOverlap: true, name: 'newsbot-briefings' });
      }
    },
    async stop() {
      stopped = true;
      if (task) {
        await task.stop();
        await task.destroy();
        task = undefined;
      }
      await ticking?.catch(() => undefined);
      await outbox.stop();
    },
  };
}
