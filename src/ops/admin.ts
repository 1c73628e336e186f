// What the operators' commands do, over the database, the outbox and the news store. Who is an
// operator comes from config `admins`; the console is the operator's own terminal.
import type { Kysely } from 'kysely';
import type { Post } from '../bot/post.ts';
import type { AdminOps, Logger } from '../bot/types.ts';
import type { Outbox } from '../briefings/outbox.ts';
import type { Config } from '../config.ts';
import type { Library } from '../news/library.ts';
import type { SourceStatus } from '../news/store.ts';
import type { Database } from '../storage/schema.ts';

const BATCH = 500;
/** The settings row that keeps an operator's /pause across restarts. */
const PAUSED = 'sending_paused';

async function setSetting(db: Kysely<Database>, key: string, value: string): Promise<void> {
  const row = { key, value, updated_at: Date.now() };
  await db.insertInto('settings').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: row.updated_at })).execute();
}

/** At start, before the outbox sends: an operator's /pause from before the restart still holds. */
export async function restoreSendingPause(db: Kysely<Database>, outbox: Pick<Outbox, 'pause'>, log: Logger): Promise<boolean> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', PAUSED).executeTakeFirst();
  if (row?.value !== '1') return false;
  outbox.pause();
  log.warn({}, 'sending is paused (an operator\'s /pause from before this start): digests and broadcasts wait in the outbox until /resume');
  return true;
}

export interface AdminDeps {
  config: Pick<Config, 'admins'>;
  db: Kysely<Database>;
  outbox: Outbox;
  store: { library(): Library; skipped(): unknown[]; reload(): Promise<unknown> };
  /** The content folder and the feeds. */
  sources: () => SourceStatus[];
  log: Logger;
  /** The latest errors, newest first. */
  errors: () => string[];
}

export async function subscriptionCounts(db: Kysely<Database>): Promise<{ active: number; inactive: number }> {
  const rows = await db.selectFrom('subscriptions').select(['active', ({ fn }) => fn.countAll<number>().as('n')]).groupBy('active').execute();
  const count = (active: number) => Number(rows.find((r) => Number(r.active) === active)?.n ?? 0);
  return { active: count(1), inactive: count(0) };
}

export function createAdminOps(deps: AdminDeps): AdminOps {
  const { db, outbox, store, log } = deps;
  const operators: Record<string, Set<string>> = {
    telegram: new Set(deps.config.admins.telegram),
    discord: new Set(deps.config.admins.discord),
  };

  async function audience() {
    return (await subscriptionCounts(db)).active;
  }

  return {
    isOperator(platform, userId) {
      if (platform === 'console') return true;
      return userId !== undefined && (operators[platform]?.has(userId) ?? false);
    },
    async stats() {
      return {
        documents: store.library().briefs.length,
        skipped: store.skipped().length,
        sources: deps.sources().map((s) => ({ name: s.name, state: s.state, detail: s.lastError ?? `${s.items} documents` })),
        subscriptions: await subscriptionCounts(db),
        outbox: await outbox.stats(),
        sendingPaused: outbox.paused(),
        errors: deps.errors().slice(0, 5),
      };
    },
    async reload() {
      await store.reload();
      log.info({ documents: store.library().briefs.length }, 'content reloaded by an operator');
      return { documents: store.library().briefs.length, skipped: store.skipped().length };
    },
    audience,
    async broadcast(post: Post) {
      // Through the outbox like a digest: the same limiters, retries and exactly-once claims.
      let chats = 0;
      let lastId = 0;
      for (;;) {
        const subs = await db.selectFrom('subscriptions').select(['id', 'platform', 'chat_id', 'thread_id']).where('active', '=', 1).where('id', '>', lastId).orderBy('id').limit(BATCH).execute();
        if (subs.length === 0) break;
        lastId = subs[subs.length - 1]?.id ?? lastId;
        await db.transaction().execute((trx) =>
          outbox.enqueue(trx, subs.map((s) => ({ platform: s.platform, target: { chatId: s.chat_id, ...(s.thread_id ? { threadId: s.thread_id } : {}) }, post, subscriptionId: s.id }))),
        );
        chats += subs.length;
      }
      outbox.wake();
      log.info({ chats }, `broadcast queued for ${chats} chat(s)`);
      return chats;
    },
    async pauseSending() {
      outbox.pause();
      await setSetting(db, PAUSED, '1');
      log.warn({}, 'sending paused by an operator: digests and broadcasts wait in the outbox');
    },
    async resumeSending() {
      await setSetting(db, PAUSED, '0');
      outbox.resume();
      log.info({}, 'sending resumed by an operator');
    },
  };
}

/** Keeps the latest error lines of a logger, for /stats; secrets are scrubbed as in the log itself. */
export function withErrorLog(log: Logger, scrub: (text: string) => string, keep = 20): { log: Logger; errors: () => string[] } {
  const lines: string[] = [];
  const record = (obj: object | string, msg?: string) => {
    const text = typeof obj === 'string' ? obj : (msg ?? '');
    lines.unshift(scrub(`${new Date().toISOString().slice(0, 19)}Z ${text}`).slice(0, 300));
    if (lines.length > keep) lines.length = keep;
  };
  const tapped: Logger = {
    info: (...args) => log.info(...args),
    warn: (...args) => log.warn(...args),
    debug: (...args) => log.debug(...args),
    error: (...args) => {
      record(...args);
      log.error(...args);
    },
  };
  return { log: tapped, errors: () => [...lines] };
}
