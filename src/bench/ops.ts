// Running it for real, measured: (1) reply latency with the HTTP server and metrics on versus off,
// in the same run: two bots wired by startApp against two fake Bot API servers, /summary requests
// alternating between them in pairs, /metrics scraped every second on the one that has it;
// (2) the time from SIGTERM to exit of the built bot (dist/) in the middle of a fan-out.
// `npm run bench -- ops`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type App } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openStorage } from '../storage/db.ts';
import { createFakeDiscord } from '../../tests/fakes/discord-server.ts';
import { createFakeTelegram, type ApiCall, type FakeTelegram } from '../../tests/fakes/telegram-api.ts';
import { percentile, silent } from './common.ts';

export interface OpsBenchResult {
  offP50: number;
  onP50: number;
  offP99: number;
  onP99: number;
  /** on / off of the median reply latency (bar ≤ 1.05). */
  ratio: number;
  n: number;
  /** SIGTERM to process exit in the middle of a fan-out (bar ≤ 10 s). */
  sigtermToExitMs: number;
  exitCode: number;
  /** Outbox rows left `sending` after that exit (retried at the next start). */
  leftSending: number;
}

const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const round = (x: number) => Math.round(x * 1000) / 1000;

interface Side {
  app: App;
  fake: FakeTelegram;
  samples: number[];
  arrived?: ((call: ApiCall) => void) | undefined;
}

async function side(withOps: boolean, contentDir: string): Promise<Side> {
  const fake = await createFakeTelegram();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_CONTENT_DIR: contentDir, NEWSBOT_DATA_DIR: tempDir('newsbot-bench-ops-'),
    ...(withOps ? { NEWSBOT_HTTP_PORT: '0' } : {}),
  });
  const app = await startApp(config, silent, { watch: false });
  const s: Side = { app, fake, samples: [] };
  const calls = fake.calls;
  // The moment a sendMessage reaches the fake, recorded before the fake even validates it.
  calls.push = (...items: ApiCall[]) => {
    const length = Array.prototype.push.apply(calls, items);
    for (const call of items) if (call.method === 'sendMessage') s.arrived?.(call);
    return length;
  };
  await fake.waitFor((c) => c.some((call) => call.method === 'getUpdates'), 10_000);
  return s;
}

async function request(s: Side, chatId: number): Promise<number> {
  const reply = new Promise<number>((resolve) => {
    s.arrived = (call) => {
      if (Number(call.body.chat_id) === chatId) resolve(performance.now());
    };
  });
  const t0 = performance.now();
  s.fake.pushUpdate(s.fake.message('/summary', { from: { id: chatId } }));
  const t1 = await reply;
  s.arrived = undefined;
  return t1 - t0;
}

/** A fixed sequence of coin tosses, so every run sends the same order. */
function tosses(seed = 20_261_203): () => boolean {
  let x = seed >>> 0;
  return () => {
    // xorshift32
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return (x & 1) === 1;
  };
}

/**
 * Both bots live the whole time. Each lap sends two `/summary` to each bot, the bots in a random
 * order; only the second reply of each pair is counted: the first follows the other bot's replies and
 * carries the tail of their work (response handling, log line, metrics), the second follows its own
 * bot's. Pairs this short sample the shared machine's load alike for both arms (off against off
 * measured 0.994–1.000 in four runs; blocks of 100 alternating gave 0.97–0.99 and single runs ±5 %).
 * `n` counted replies per arm; the bot with the server is scraped every second, as in production.
 */
export async function benchOpsLatency(n = 4_000, contentDir = path.resolve('content')): Promise<Pick<OpsBenchResult, 'offP50' | 'onP50' | 'offP99' | 'onP99' | 'ratio' | 'n'>> {
  const off = await side(false, contentDir);
  const on = await side(true, contentDir);
  const port = on.app.ops.server?.address()?.port;
  const scrape = setInterval(() => void fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text()).catch(() => undefined), 1000);
  const heads = tosses();
  let chat = 0;
  const next = () => 3000 + (chat++ % 50);
  try {
    for (const s of [off, on]) for (let i = 0; i < 100; i++) await request(s, next()); // warm-up
    for (let lap = 0; lap < n; lap++) {
      for (const s of heads() ? [off, on] : [on, off]) {
        await request(s, next());
        s.samples.push(await request(s, next()));
      }
    }
  } finally {
    clearInterval(scrape);
    for (const s of [off, on]) {
      await s.app.stop();
      await s.fake.close();
    }
  }
  const [a, b] = [off.samples.sort((x, y) => x - y), on.samples.sort((x, y) => x - y)];
  const offP50 = percentile(a, 50);
  const onP50 = percentile(b, 50);
  return { offP50: round(offP50), onP50: round(onP50), offP99: round(percentile(a, 99)), onP99: round(percentile(b, 99)), ratio: round(onP50 / offP50), n: a.length };
}

/** Subscriptions due a minute ago on both platforms, so the bot's start-up fans out at once. */
async function seedFanout(dataDir: string, chats: number, channelIds: string[]): Promise<void> {
  const storage = await openStorage({ dataDir });
  const due = Date.now() - 60_000;
  const rows = [
    ...Array.from({ length: chats }, (_, i) => ({ platform: 'telegram', chat_id: String(9_000_000 + i) })),
    ...channelIds.map((c) => ({ platform: 'discord', chat_id: c })),
  ].map((r) => ({ ...r, thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: 0, next_run_at: due, created_at: 0, updated_at: 0 }));
  for (let i = 0; i < rows.length; i += 200) await storage.db.insertInto('subscriptions').values(rows.slice(i, i + 200)).execute();
  await storage.close();
}

/** The built bot, as `npm start` runs it, stopped with SIGTERM once a fifth of the fan-out is out. */
export async function benchSigterm(chats = 500): Promise<Pick<OpsBenchResult, 'sigtermToExitMs' | 'exitCode' | 'leftSending'>> {
  const telegram = await createFakeTelegram();
  const channelIds = Array.from({ length: chats }, (_, i) => String(700_000_000_000_000_000n + BigInt(i)));
  const discord = await createFakeDiscord({ guilds: [{ channels: channelIds.map((id, i) => ({ id, name: `news-${i}` })) }] });
  const dataDir = tempDir('newsbot-bench-sigterm-');
  try {
    await seedFanout(dataDir, chats, channelIds);
    const child = spawn(process.execPath, ['--enable-source-maps', 'dist/bin/start.js'], {
      env: {
        PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', NEWSBOT_DATA_DIR: dataDir, NEWSBOT_HTTP_PORT: '0',
        TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, DISCORD_BOT_TOKEN: discord.token, DISCORD_API_URL: discord.api, DISCORD_GUILD_ID: discord.guildId,
      },
      stdio: 'ignore',
    });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('exit', (code) => resolve({ code, at: performance.now() })));
    const deadline = Date.now() + 60_000;
    while (Object.keys(telegram.deliveredCounts()).length < chats / 5 || discord.posted.size < chats / 5) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the fan-out did not get going');
      await new Promise((r) => setTimeout(r, 20));
    }
    const sent = performance.now();
    child.kill('SIGTERM');
    const { code, at } = await exited;
    const check = await openStorage({ dataDir });
    const left = await check.db.selectFrom('outbox').select(({ fn }) => fn.countAll<number>().as('n')).where('status', '=', 'sending').executeTakeFirstOrThrow();
    await check.close();
    return { sigtermToExitMs: Math.round(at - sent), exitCode: code ?? -1, leftSending: Number(left.n) };
  } finally {
    await telegram.close();
    await discord.close();
  }
}

export async function benchOps(): Promise<OpsBenchResult> {
  const latency = await benchOpsLatency();
  const stop = await benchSigterm();
  return { ...latency, ...stop };
}
