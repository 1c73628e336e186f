// Briefings end to end: the real Telegram and Discord adapters (telegraf, discord.js) against the
// fake servers, wired to briefings over an SQLite file, as src/app.ts wires them.
import path from 'node:path';
import type { ChatAdapter } from '../../src/adapters/chat-adapter.ts';
import { createDiscordAdapter } from '../../src/adapters/discord/index.ts';
import { createTelegramAdapter } from '../../src/adapters/telegram/index.ts';
import { createBriefings, type Briefings, type BriefingsOptions } from '../../src/briefings/index.ts';
import { createRouter } from '../../src/bot/router.ts';
import type { BotServices } from '../../src/bot/types.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Library } from '../../src/news/library.ts';
import { openStorage, type Storage } from '../../src/storage/db.ts';
import { memoryLogger, repoRoot } from '../helpers/services.ts';
import { speakersOf, type FirstSeen } from '../../src/news/store.ts';

export interface PlatformsOptions {
  dataDir: string;
  store: { library(): Library; firstSeen(id: string): FirstSeen | undefined };
  now?: () => number;
  telegram?: { token: string; apiRoot: string };
  discord?: { token: string; api: string; guildId?: string };
  briefings?: Partial<Config['briefings']>;
  outbox?: BriefingsOptions['outbox'];
  cron?: boolean;
  /** Logger: memory by default. */
  log?: ReturnType<typeof memoryLogger>;
  /** Called with the adapters before they start (e.g. to scale discord.js's own global limit). */
  beforeStart?: (adapters: ChatAdapter[]) => void;
}

export interface Platforms {
  config: Config;
  services: BotServices;
  storage: Storage;
  briefings: Briefings;
  adapters: ChatAdapter[];
  log: ReturnType<typeof memoryLogger>;
  /** Stops briefings, then the adapters, then closes the database. */
  stop(): Promise<void>;
}

export async function startPlatforms(options: PlatformsOptions): Promise<Platforms> {
  const env: Record<string, string> = { NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'), NEWSBOT_DATA_DIR: options.dataDir };
  if (options.telegram) Object.assign(env, { TELEGRAM_BOT_TOKEN: options.telegram.token, TELEGRAM_API_ROOT: options.telegram.apiRoot });
  if (options.discord) Object.assign(env, { DISCORD_BOT_TOKEN: options.discord.token, DISCORD_API_URL: options.discord.api, ...(options.discord.guildId ? { DISCORD_GUILD_ID: options.discord.guildId } : {}) });
  const loaded = loadConfig(env, repoRoot);
  const config: Config = { ...loaded, briefings: { ...loaded.briefings, ...options.briefings } };
  const log = options.log ?? memoryLogger();
  const services: BotServices = { library: () => options.store.library(), speakers: () => speakersOf(options.store.library()), settings: { summarySentences: 2, pageSize: 10, timeZone: 'UTC', defaultLang: 'en' }, log };
  const router = createRouter(services);
  const deps = { router, services, config, log };
  const adapters: ChatAdapter[] = [];
  if (options.telegram) adapters.push(createTelegramAdapter(deps, { stopTimeoutMs: 2000 }));
  if (options.discord) adapters.push(createDiscordAdapter(deps));
  const storage = await openStorage({ dataDir: config.dataDir });
  const briefings = createBriefings({
    config, db: storage.db, adapters, services, store: options.store, log, cron: options.cron ?? false,
    ...(options.now ? { now: options.now } : {}),
    ...(options.outbox ? { outbox: options.outbox } : {}),
  });
  services.briefings = briefings.commands;
  services.chats = briefings.chats;
  options.beforeStart?.(adapters);
  for (const a of adapters) await a.start();
  await briefings.start();
  let stopping: Promise<void> | undefined;
  return {
    config, services, storage, briefings, adapters, log,
    stop() {
      stopping ??= (async () => {
        await briefings.stop();
        for (const a of adapters) await a.stop();
        await storage.close();
      })();
      return stopping;
    },
  };
}
