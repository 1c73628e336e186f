import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SendError, type ChatAdapter, type ChatTarget, type SendOptions } from '../../src/adapters/chat-adapter.ts';
import { createBriefings, type BriefingsOptions } from '../../src/briefings/index.ts';
import type { Post } from '../../src/bot/post.ts';
import type { BotServices, IncomingMessage } from '../../src/bot/types.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildBrief } from '../../src/news/brief.ts';
import { createLibrary, type Library } from '../../src/news/library.ts';
import { parseDocument } from '../../src/news/parse.ts';
import type { Storage } from '../../src/storage/db.ts';
import { openTestStorage } from '../helpers/storage.ts';
import { memoryLogger, repoRoot } from '../helpers/services.ts';
import { speakersOf, type FirstSeen } from '../../src/news/store.ts';

export function tempDir(prefix = 'newsbot-briefings-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A clock tests move by hand. */
export function fakeClock(start: string | number) {
  let t = typeof start === 'number' ? start : Date.parse(start);
  return {
    now: () => t,
    set: (at: string | number) => void (t = typeof at === 'number' ? at : Date.parse(at)),
    advance: (ms: number) => void (t += ms),
  };
}

export interface DocSpec {
  id: string;
  title: string;
  body: string;
  date: string;
}

/** A library from small made-up documents. */
export function makeLibrary(docs: DocSpec[]): Library {
  return createLibrary(docs.map((d) => buildBrief(parseDocument(`${d.id}.txt`, new TextEncoder().encode(`${d.title}\n\n${d.body}\n`), new Date(d.date)), { summarySentences: 2 })));
}

/**
 * A news store stand-in: the first documents arrive at their dates (as a new store's first load),
 * documents added by set() arrive at `now()` (as the real store records them).
 */
export function fakeStore(docs: DocSpec[], now: () => number = Date.now) {
  let library = makeLibrary(docs);
  const arrived = new Map<string, FirstSeen>();
  return {
    library: () => library,
    firstSeen: (id: string) => arrived.get(id),
    set(next: DocSpec[]) {
      for (const d of next) if (!library.byId(d.id) && !arrived.has(d.id)) arrived.set(d.id, { at: now(), announce: true });
      library = makeLibrary(next);
    },
  };
}

export function testConfig(overrides: Partial<Config['briefings']> = {}, env: Record<string, string> = {}): Config {
  const config = loadConfig({ NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'), ...env }, repoRoot);
  return { ...config, briefings: { ...config.briefings, ...overrides } };
}

export function servicesFor(store: { library(): Library }, log = memoryLogger()): BotServices {
  return { library: () => store.library(), speakers: () => speakersOf(store.library()), settings: { summarySentences: 2, pageSize: 10, timeZone: 'UTC', defaultLang: 'en' }, log };
}

export interface Sent {
  target: ChatTarget;
  post: Post;
  key?: string;
}

/** An in-memory adapter: records sends; `fail` decides per send whether to throw a SendError. */
export function recordingAdapter(platform: 'telegram' | 'discord' | 'console' = 'telegram', admins = new Set<string>()) {
  const sent: Sent[] = [];
  const state: { fail?: (target: ChatTarget, n: number) => SendError | undefined } = {};
  let n = 0;
  const adapter: ChatAdapter & { sent: Sent[]; state: typeof state } = {
    platform,
    sent,
    state,
    async start() {},
    async stop() {},
    async send(target: ChatTarget, post: Post, options?: SendOptions) {
      const error = state.fail?.(target, n++);
      if (error) throw error;
      sent.push({ target, post, ...(options?.idempotencyKey ? { key: options.idempotencyKey } : {}) });
      return [String(sent.length)];
    },
    async isAdmin(chatId: string, userId: string) {
      return admins.has(`${chatId}:${userId}`);
    },
  };
  return adapter;
}

export { SendError };

export interface Harness {
  storage: Storage;
  briefings: ReturnType<typeof createBriefings>;
  log: ReturnType<typeof memoryLogger>;
}

/** Storage in a temp dir plus briefings over it; no cron (tests call tick()). */
export async function harness(options: { dir?: string; config?: Config; adapters: ChatAdapter[]; store: ReturnType<typeof fakeStore>; now: () => number; outbox?: BriefingsOptions['outbox'] }): Promise<Harness> {
  const dir = options.dir ?? tempDir();
  const storage = await openTestStorage({ dataDir: dir });
  const log = memoryLogger();
  const briefings = createBriefings({
    config: options.config ?? testConfig(),
    db: storage.db,
    adapters: options.adapters,
    services: servicesFor(options.store, log),
    store: options.store,
    log,
    now: options.now,
    cron: false,
    // Limits scaled up: these tests are about what is sent, not how fast (the e2e and bench tests use real ones).
    outbox: { backoff: { baseMs: 20, maxMs: 200 }, limits: { telegram: { perSecond: 1000, perChatPerSecond: 100, perGroupPerMinute: 6000 }, discord: { perSecond: 1000 } }, ...options.outbox },
  });
  return { storage, briefings, log };
}

export function message(platform: string, chatId: string, extra: Partial<IncomingMessage> = {}): IncomingMessage {
  return { platform, chatId, userId: '1001', text: '', chatType: 'private', addressed: true, ...extra };
}

export async function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
