// Instant alerts: /alert [topics] posts each new story matching the topics as it arrives (a feed item,
// a file added to content/), with its summary and source, through the outbox and its limiters; exactly
// once per (alert, story), even across restarts, by a UNIQUE row claimed in the same transaction as the
// message. Past alerts.maxPerHour in a chat, a story waits for the next digest instead.
import type { Kysely } from 'kysely';
import { findStrings } from '../bot/i18n-find.ts';
import { sourcesNote, storyView } from '../bot/handlers/stories.ts';
import { heading, italic, link, paragraph, type Inline, type Post } from '../bot/post.ts';
import type { BotServices, IncomingMessage, Logger } from '../bot/types.ts';
import type { Lang } from '../news/language.ts';
import type { DocumentsEvent } from '../news/store.ts';
import type { Brief } from '../news/types.ts';
import type { Database } from '../storage/schema.ts';
import { formatDateTime, matchesTopics, topicTerms } from './digest.ts';
import type { Outbox, OutboxRow } from './outbox-types.ts';

const HOUR = 3_600_000;

export interface AlertsOptions {
  db: Kysely<Database>;
  outbox: Outbox;
  services: BotServices;
  log: Logger;
  now: () => number;
  maxPerHour: number;
  /** Undefined when the sender may change this chat's settings, else the refusal to answer with. */
  mayChange(msg: IncomingMessage, lang: Lang): Promise<Post | undefined>;
}

export interface Alerts {
  command(msg: IncomingMessage, args: string, lang: Lang): Promise<Post>;
  /** The store's change events: new documents (announced ones only) are alerted. */
  onDocuments(event: DocumentsEvent): Promise<void>;
  /** The platform refused the chat for good (blocked, kicked): its alert stops too. */
  deactivate(row: Pick<OutboxRow, 'platform' | 'chat_id' | 'thread_id'>, reason: string): Promise<void>;
}

function topicsOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** One alert message: the story's title, when and where from, its summary, its other sources. */
export function alertPost(services: BotServices, brief: Brief, lang: Lang): Post {
  const view = storyView(services, brief);
  const meta: Inline[] = [italic(formatDateTime(brief.doc.date.getTime(), lang, services.settings.timeZone))];
  if (brief.doc.url) meta.push(' · ', link(brief.doc.source ?? findStrings[lang].alertSource, brief.doc.url));
  else if (brief.doc.source) meta.push(italic(` · ${brief.doc.source}`));
  meta.push(...sourcesNote(view, lang));
  const summary = brief.summary.map((i) => brief.sentences[i]?.text ?? '').filter(Boolean);
  return { lang, blocks: [heading(`${findStrings[lang].alertTitle} ${brief.doc.title}`.slice(0, 250)), paragraph(...meta), ...summary.map((s) => paragraph(s.slice(0, 600)))] };
}

export function createAlerts(options: AlertsOptions): Alerts {
  const { db, outbox, services, log, now } = options;
  let queue: Promise<unknown> = Promise.resolve();

  async function command(msg: IncomingMessage, args: string, lang: Lang): Promise<Post> {
    const t = findStrings[lang];
    const denied = await options.mayChange(msg, lang);
    if (denied) return denied;
    const thread = msg.threadId ?? '';
    const words = args.split(/\s+/).filter(Boolean).slice(0, 20).map((w) => w.slice(0, 60));
    const at = now();
    if (words.length === 1 && /^(?:off|stop|إيقاف|ايقاف|أوقف|اوقف)$/i.test(words[0]!)) {
      const r = await db.deleteFrom('alerts').where('platform', '=', msg.platform).where('chat_id', '=', msg.chatId).where('thread_id', '=', thread).executeTakeFirst();
      return { lang, blocks: [paragraph(Number(r.numDeletedRows) ? t.alertOff : t.alertNone)] };
    }
    const topics = words.length === 1 && /^(?:all|الكل)$/i.test(words[0]!) ? [] : words;
    await db
      .insertInto('alerts')
      .values({ platform: msg.platform, chat_id: msg.chatId, thread_id: thread, topics: JSON.stringify(topics), lang, active: 1, deactivated_reason: null, created_at: at, updated_at: at })
      .onConflict((oc) => oc.columns(['platform', 'chat_id', 'thread_id']).doUpdateSet({ topics: JSON.stringify(topics), lang, active: 1, deactivated_reason: null, updated_at: at }))
      .execute();
    log.info({ platform: msg.platform, chatId: msg.chatId, topics }, 'alert on');
    return { lang, blocks: [paragraph(t.alertOn(topics.length ? topics.join(', ') : t.alertAllTopics, options.maxPerHour))] };
  }

  /** Alerts one new document to every matching alert, once per story. */
  async function alertDocument(brief: Brief, alerts: { id: number; platform: string; chat_id: string; thread_id: string; topics: string; lang: string }[]): Promise<number> {
    const story = services.stories?.().storyOf(brief.doc.id);
    const storyId = story?.id ?? brief.doc.id;
    const members = story?.members ?? [brief.doc.id];
    let queued = 0;
    for (const alert of alerts) {
      if (!matchesTopics(brief, topicTerms(topicsOf(alert.topics)))) continue;
      // Once per story: whichever of its documents was alerted before (its id may have changed since).
      const before = await db.selectFrom('alert_stories').select('id').where('alert_id', '=', alert.id).where('story_id', 'in', [...new Set([storyId, ...members])]).executeTakeFirst();
      if (before) continue;
      const t = now();
      const recent = await db.selectFrom('alert_stories').select((eb) => eb.fn.countAll<number>().as('n')).where('alert_id', '=', alert.id).where('status', '=', 'sent').where('created_at', '>', t - HOUR).executeTakeFirst();
      const capped = Number(recent?.n ?? 0) >= options.maxPerHour;
      const lang: Lang = alert.lang === 'ar' ? 'ar' : 'en';
      await db.transaction().execute(async (trx) => {
        const claim = await trx
          .insertInto('alert_stories')
          .values({ alert_id: alert.id, story_id: storyId, doc_id: brief.doc.id, status: capped ? 'capped' : 'sent', created_at: t })
          .onConflict((oc) => oc.columns(['alert_id', 'story_id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!claim || capped) return;
        const target = { chatId: alert.chat_id, ...(alert.thread_id ? { threadId: alert.thread_id } : {}) };
        await outbox.enqueue(trx, [{ platform: alert.platform, target, post: alertPost(services, brief, lang) }]);
        queued++;
      });
      if (capped) log.info({ alert: alert.id, doc: brief.doc.id }, 'alert over the hourly cap: left to the next digest');
    }
    return queued;
  }

  async function handle(event: DocumentsEvent): Promise<void> {
    // Kept but not announced (a feed's first poll): listed and searchable, never alerted.
    if (!event.announce || event.added.length === 0) return;
    const alerts = await db.selectFrom('alerts').select(['id', 'platform', 'chat_id', 'thread_id', 'topics', 'lang']).where('active', '=', 1).execute();
    if (alerts.length === 0) return;
    let queued = 0;
    for (const brief of event.added) queued += await alertDocument(brief, alerts);
    if (queued) {
      outbox.wake();
      log.info({ messages: queued }, `alerts: ${queued} message(s) queued`);
    }
  }

  return {
    command,
    onDocuments(event) {
      // One event at a time, in order: two events for one story must not both claim it.
      const next = queue.then(() => handle(event));
      queue = next.catch((err: unknown) => log.error({ err }, 'alerts: handling new documents failed'));
      return next;
    },
    async deactivate(row, reason) {
      await db.updateTable('alerts').set({ active: 0, deactivated_reason: reason.slice(0, 300), updated_at: now() }).where('platform', '=', row.platform).where('chat_id', '=', row.chat_id).where('thread_id', '=', row.thread_id).execute();
    },
  };
}
