import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** A configuration problem: names the key, the file and the expected form. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem${problems.length > 1 ? 's' : ''}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM, e.g. "08:00"');
export const timeZone = z.string().refine(isTimeZone, 'expected an IANA time zone, e.g. "Asia/Riyadh" or "UTC"');

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const target = z
  .object({
    platform: z.enum(['telegram', 'discord']),
    chatId: z.string().min(1, 'expected the chat or channel id as a string'),
    threadId: z.string().optional(),
    time: hhmm.optional(),
    timeZone: timeZone.optional(),
    topics: z.array(z.string()).default([]),
    /** Discord announcement channels: publish each digest to the servers that follow the channel. */
    crosspost: z.boolean().optional(),
  })
  .refine((t) => t.platform !== 'telegram' || /^-?\d{1,16}$|^@[A-Za-z][A-Za-z0-9_]{3,31}$/.test(t.chatId), {
    path: ['chatId'],
    message: 'expected a Telegram chat id (e.g. "-1001234567890") or a public channel name (e.g. "@mychannel")',
  })
  .refine((t) => t.platform !== 'discord' || /^\d{1,20}$/.test(t.chatId), { path: ['chatId'], message: 'expected a Discord channel id (digits)' })
  .refine((t) => !t.crosspost || t.platform === 'discord', { path: ['crosspost'], message: 'crosspost applies to Discord announcement channels only' });

const httpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'expected an http:// or https:// address');

/** One feed in `sources.feeds`; the same shape `newsbot feeds add` takes. */
export const feedEntry = z
  .object({
    url: httpUrl,
    name: z.string().trim().min(1, 'expected a non-empty name').optional(),
    lang: z.enum(['ar', 'en']).optional(),
    interval: z.number().int('expected whole seconds').min(1, 'expected at least 1 (seconds)').default(600),
    tags: z.array(z.string()).default([]),
    fetchArticle: z.union([z.boolean(), z.literal('auto')], { error: 'expected true, false or "auto"' }).default('auto'),
  })
  .strict();

export type FeedEntry = z.infer<typeof feedEntry>;

const sources = z
  .object({
    feeds: z.array(feedEntry).default([]),
    timeoutSeconds: z.number().positive().max(300).default(15),
    maxBytes: z.number().int().positive().default(5_000_000),
    maxRedirects: z.number().int().min(0).max(20).default(5),
    perHost: z.number().int().min(1).max(32).default(2),
    concurrency: z.number().int().min(1).max(256).default(8),
    pauseAfter: z.number().int().min(1).default(10),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.feeds.forEach((feed, i) => {
      if (seen.has(feed.url)) ctx.addIssue({ code: 'custom', path: ['feeds', i, 'url'], message: `${feed.url} is listed twice` });
      seen.add(feed.url);
    });
  })
  .prefault({});
/** A user id: Telegram's are numbers, Discord's snowflakes are too long for one, so both are kept as strings. */
const userId = z.union([z.string().regex(/^\d{1,20}$/, 'expected a numeric user id'), z.number().int().positive()]).transform(String);

/** Everything that is not a secret lives in config/newsbot.json; every key has a default. */
export const fileSchema = z
  .object({
    content: z
      .object({
        dir: z.string().min(1).default('content'),
        maxFileBytes: z.number().int().positive().default(5_000_000),
        watch: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    dataDir: z.string().min(1).default('data'),
    summary: z.object({ sentences: z.number().int().min(1).max(20).default(3) }).strict().prefault({}),
    bot: z
      .object({
        defaultLanguage: z.enum(['ar', 'en']).default('en'),
        timeZone: timeZone.default('UTC'),
        pageSize: z.number().int().min(1).max(25).default(10),
      })
      .strict()
      .prefault({}),
    quotes: z.object({ gazetteer: z.string().min(1).default('config/names.json'), glossary: z.string().min(1).default('config/glossary.json') }).strict().prefault({}),
    log: z.object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') }).strict().prefault({}),
    telegram: z
      .object({
        webhook: z
          .object({
            host: z.string().default('0.0.0.0'),
            port: z.number().int().min(1).max(65535).default(8443),
            path: z.string().startsWith('/', 'expected a path starting with "/"').default('/telegram'),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    http: z.object({ host: z.string().min(1).default('127.0.0.1') }).strict().prefault({}),
    admins: z
      .object({
        telegram: z.array(userId).default([]),
        discord: z.array(userId).default([]),
      })
      .strict()
      .prefault({}),
    briefings: z
      .object({
        defaultTime: hhmm.default('08:00'),
        defaultTimeZone: timeZone.default('UTC'),
        graceHours: z.number().min(0).max(48).default(6),
        sendWhenEmpty: z.boolean().default(false),
        maxDocuments: z.number().int().min(1).max(20).default(5),
        targets: z.array(target).default([]),
      })
      .strict()
      .prefault({}),
    alerts: z.object({ maxPerHour: z.number().int().min(1).max(1000).default(20) }).strict().prefault({}),
    sources,
  })
  .strict();

export type FileConfig = z.infer<typeof fileSchema>;

export interface Secrets {
  telegram?: { token: string; apiRoot?: string; webhookUrl?: string; webhookSecret?: string };
  discord?: { token: string; guildId?: string; apiUrl?: string; shards?: { ids: number[]; count: number } };
  /** NEWSBOT_DATABASE_URL: PostgreSQL instead of the SQLite file (the URL may hold a password). */
  databaseUrl?: string;
  /** NEWSBOT_REDIS_URL: briefing messages go through BullMQ queues shared by every process. */
  redisUrl?: string;
}

export interface Config extends FileConfig {
  /** The file the settings came from, for messages. */
  file: string;
  secrets: Secrets;
  /** NEWSBOT_HTTP_PORT: the health, readiness and metrics server listens there (off when unset). */
  httpPort?: number;
}

export const DEFAULT_CONFIG_FILE = 'config/newsbot.json';

function describe(issue: z.core.$ZodIssue, file: string): string {
  const key = issue.path.join('.') || '(root)';
  return `${file}: key "${key}": ${issue.message}`;
}

/** Reads config/newsbot.json (or NEWSBOT_CONFIG) and the environment; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const file = env.NEWSBOT_CONFIG || DEFAULT_CONFIG_FILE;
  const full = path.resolve(cwd, file);
  let raw: unknown = {};
  if (fs.existsSync(full)) {
    try {
      raw = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (e) {
      throw new ConfigError([`${file}: not valid JSON (${(e as Error).message})`]);
    }
  } else if (env.NEWSBOT_CONFIG) {
    throw new ConfigError([`${file}: file not found (set by NEWSBOT_CONFIG)`]);
  }
  const parsed = fileSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => describe(i, file));

  const secrets: Secrets = {};
  const tgToken = env.TELEGRAM_BOT_TOKEN?.trim();
  if (tgToken) {
    if (!/^\d+:[\w-]{10,}$/.test(tgToken)) problems.push('.env: TELEGRAM_BOT_TOKEN does not look like a bot token (expected digits, a colon, then letters, e.g. 123456:ABC-DEF...) ');
    const webhookUrl = env.TELEGRAM_WEBHOOK_URL?.trim();
    const webhookSecret = env.TELEGRAM_WEBHOOK_SECRET?.trim();
    if (webhookUrl && !/^https?:\/\//.test(webhookUrl)) problems.push('.env: TELEGRAM_WEBHOOK_URL must be a URL such as https://bot.example.org/telegram');
    if (webhookUrl && !webhookSecret) problems.push('.env: TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set (1-256 characters of A-Z, a-z, 0-9, _ and -)');
    if (webhookSecret && !/^[A-Za-z0-9_-]{1,256}$/.test(webhookSecret)) problems.push('.env: TELEGRAM_WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and - (1-256 characters)');
    secrets.telegram = {
      token: tgToken,
      ...(env.TELEGRAM_API_ROOT?.trim() ? { apiRoot: env.TELEGRAM_API_ROOT.trim() } : {}),
      ...(webhookUrl ? { webhookUrl } : {}),
      ...(webhookSecret ? { webhookSecret } : {}),
    };
  }
  const dcToken = env.DISCORD_BOT_TOKEN?.trim();
  if (dcToken) {
    const guildId = env.DISCORD_GUILD_ID?.trim();
    if (guildId && !/^\d{1,20}$/.test(guildId)) problems.push('.env: DISCORD_GUILD_ID must be a numeric server id');
    const shards = discordShards(env, problems);
    secrets.discord = {
      token: dcToken,
      ...(guildId ? { guildId } : {}),
      ...(env.DISCORD_API_URL?.trim() ? { apiUrl: env.DISCORD_API_URL.trim() } : {}),
      ...(shards ? { shards } : {}),
    };
  }
  const databaseUrl = env.NEWSBOT_DATABASE_URL?.trim();
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\/[^\s]+$/i.test(databaseUrl)) problems.push('.env: NEWSBOT_DATABASE_URL must be a PostgreSQL URL such as postgres://newsbot:secret@127.0.0.1:5432/newsbot (leave it empty for the SQLite file in dataDir)');
    secrets.databaseUrl = databaseUrl;
  }
  const redisUrl = env.NEWSBOT_REDIS_URL?.trim();
  if (redisUrl) {
    if (!/^rediss?:\/\/[^\s]+$/i.test(redisUrl)) problems.push('.env: NEWSBOT_REDIS_URL must be a Redis URL such as redis://127.0.0.1:6379 (leave it empty to send from this process)');
    secrets.redisUrl = redisUrl;
  }
  const portText = env.NEWSBOT_HTTP_PORT?.trim();
  const httpPort = portText ? Number(portText) : undefined;
  if (httpPort !== undefined && !(Number.isInteger(httpPort) && httpPort >= 0 && httpPort <= 65535)) problems.push('NEWSBOT_HTTP_PORT: expected a port number from 0 to 65535');
  if (problems.length || !parsed.success) throw new ConfigError(problems);

  const data = parsed.data;
  if (env.NEWSBOT_CONTENT_DIR) data.content.dir = env.NEWSBOT_CONTENT_DIR;
  if (env.NEWSBOT_DATA_DIR) data.dataDir = env.NEWSBOT_DATA_DIR;
  // A container must listen on every interface for its published port; a host install keeps the config's.
  if (env.NEWSBOT_HTTP_HOST?.trim()) data.http.host = env.NEWSBOT_HTTP_HOST.trim();
  if (env.LOG_LEVEL) {
    const level = fileSchema.shape.log.unwrap().shape.level.safeParse(env.LOG_LEVEL);
    if (!level.success) throw new ConfigError([`LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent`]);
    data.log.level = level.data;
  }
  data.content.dir = path.resolve(cwd, data.content.dir);
  data.quotes.gazetteer = path.resolve(cwd, data.quotes.gazetteer);
  data.quotes.glossary = path.resolve(cwd, data.quotes.glossary);
  data.dataDir = path.resolve(cwd, data.dataDir);
  return { ...data, file, secrets, ...(httpPort !== undefined ? { httpPort } : {}) };
}

/** DISCORD_SHARDS="0,1" of DISCORD_SHARD_COUNT=4: the gateway shards this process opens. */
function discordShards(env: NodeJS.ProcessEnv, problems: string[]): { ids: number[]; count: number } | undefined {
  const ids = env.DISCORD_SHARDS?.trim();
  const count = env.DISCORD_SHARD_COUNT?.trim();
  if (!ids && !count) return undefined;
  const n = Number(count);
  const list = (ids ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (!Number.isInteger(n) || n < 1 || list.length === 0 || list.some((id) => !Number.isInteger(id) || id < 0 || id >= n)) {
    problems.push('.env: DISCORD_SHARDS must list shard ids below DISCORD_SHARD_COUNT, e.g. DISCORD_SHARDS=0,1 with DISCORD_SHARD_COUNT=4 (set both or neither)');
    return undefined;
  }
  return { ids: list, count: n };
}

/** Every secret value, so logs and errors can scrub them. */
export function secretValues(secrets: Secrets): string[] {
  return [secrets.telegram?.token, secrets.telegram?.webhookSecret, secrets.discord?.token, urlPassword(secrets.databaseUrl), urlPassword(secrets.redisUrl)].filter((s): s is string => Boolean(s));
}

/** The password inside a service URL (as written and decoded), so logs never show it. */
function urlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}
