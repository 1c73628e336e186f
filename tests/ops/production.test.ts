// The built bot (dist/, as `npm start`, the systemd unit and the Docker image run it), started the
// way deploy/ starts it, against the fake Telegram and Discord servers: /healthz and /metrics answer,
// SIGTERM in the middle of a fan-out stops it cleanly (exit 0 within 10 s), and a restart finishes
// the fan-out with nothing lost and nothing twice on Discord.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/db.ts';
import { createFakeDiscord, type FakeDiscord } from '../fakes/discord-server.ts';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.ts';
import { tempDir, waitUntil } from '../briefings/helpers.ts';
import { freePort, repoRoot } from '../helpers/services.ts';

const CHATS = 300;

/** The unit's ExecStart and Environment= lines, and the image's CMD and ENV. */
function deployment() {
  const unit = fs.readFileSync(path.join(repoRoot, 'deploy/newsbot.service'), 'utf8');
  const exec = /^ExecStart=(.+)$/m.exec(unit)?.[1]?.trim().split(/\s+/) ?? [];
  const unitEnv = Object.fromEntries([...unit.matchAll(/^Environment=([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
  const dockerfile = fs.readFileSync(path.join(repoRoot, 'deploy/Dockerfile'), 'utf8');
  const cmd = JSON.parse(/^CMD (\[.+\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
  const entrypoint = JSON.parse(/^ENTRYPOINT (\[.+\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
  return { exec, unitEnv, cmd, entrypoint, dockerfile, unit };
}

interface Bot {
  proc: ChildProcess;
  port: number;
  stderr: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

const running: Bot[] = [];

/** Starts the built bot with the unit's command and environment: a fresh data dir, tokens as the EnvironmentFile would give them. */
async function startBot(env: Record<string, string>): Promise<Bot> {
  const { exec, unitEnv } = deployment();
  const port = await freePort();
  const [, ...args] = exec; // /usr/bin/node here is the node running the tests
  let err = '';
  const proc = spawn(process.execPath, args, {
    cwd: repoRoot, // WorkingDirectory=/opt/newsbot: a checkout with dist/ built
    env: { PATH: process.env.PATH ?? '', ...unitEnv, NEWSBOT_HTTP_PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  proc.stderr?.on('data', (d: Buffer) => void (err += d.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => proc.on('exit', (code) => resolve({ code, at: performance.now() })));
  const bot: Bot = { proc, port, stderr: () => err, exited };
  running.push(bot);
  return bot;
}

async function get(bot: Bot, pathname: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${bot.port}${pathname}`);
  return { status: res.status, text: await res.text() };
}

async function healthy(bot: Bot): Promise<void> {
  await waitUntil(async () => (await get(bot, '/healthz').catch(() => ({ status: 0 }))).status === 200, 30_000, `/healthz 200 (log: ${bot.stderr().slice(-800)})`);
}

async function sigterm(bot: Bot): Promise<{ code: number | null; ms: number }> {
  const sent = performance.now();
  bot.proc.kill('SIGTERM');
  const { code, at } = await bot.exited;
  return { code, ms: Math.round(at - sent) };
}

beforeAll(() => {
  // dist/ as `npm start` builds it.
  execFileSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}, 60_000);

afterAll(() => {
  for (const b of running) if (b.proc.exitCode === null) b.proc.kill('SIGKILL');
});

describe('deploy/: the unit and the image run the same command', () => {
  it('ExecStart and CMD are node on dist/bin/start.js (never npm), tini is PID 1, health check on /healthz, data dir a volume, not root', () => {
    const d = deployment();
    expect(d.exec[0]).toBe('/usr/bin/node');
    expect(d.exec.slice(1)).toEqual(d.cmd.slice(1));
    expect(d.cmd[0]).toBe('node');
    expect(d.cmd.at(-1)).toBe('dist/bin/start.js');
    expect(d.entrypoint).toEqual(['/usr/bin/tini', '--']);
    expect(d.dockerfile).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
    expect(d.dockerfile).toMatch(/^USER node$/m);
    expect(d.dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(d.dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
    expect(d.unit).toMatch(/^Restart=on-failure$/m);
    expect(d.unit).toMatch(/^EnvironmentFile=\/etc\/newsbot\/newsbot\.env$/m);
    expect(d.unitEnv).toMatchObject({ NEWSBOT_HTTP_PORT: '9464', NEWSBOT_DATA_DIR: '/var/lib/newsbot' });
  });
});

describe('the built bot in production', () => {
  let telegram: FakeTelegram;
  let discord: FakeDiscord;
  const channelIds = Array.from({ length: CHATS }, (_, i) => String(600_000_000_000_000_000n + BigInt(i)));
  const chatIds = Array.from({ length: CHATS }, (_, i) => String(8_000_000 + i));

  beforeAll(async () => {
    telegram = await createFakeTelegram();
    discord = await createFakeDiscord({ guilds: [{ channels: channelIds.map((id, i) => ({ id, name: `news-${i}` })) }] });
  });
  afterAll(async () => {
    await telegram?.close();
    await discord?.close();
  });

  const tokens = () => ({
    TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot,
    DISCORD_BOT_TOKEN: discord.token, DISCORD_API_URL: discord.api, DISCORD_GUILD_ID: discord.guildId,
  });

  it('starts on a fresh data dir with /healthz 200 and newsbot_ metrics, and exits 0 on SIGTERM', async () => {
    const bot = await startBot({ ...tokens(), NEWSBOT_DATA_DIR: tempDir('newsbot-prod-') });
    await healthy(bot);
    const health = JSON.parse((await get(bot, '/healthz')).text) as { checks: Record<string, { ok: boolean }> };
    expect(Object.keys(health.checks).sort()).toEqual(['database', 'discord', 'scheduler', 'telegram']);
    expect((await get(bot, '/readyz')).status).toBe(200);
    const metrics = (await get(bot, '/metrics')).text;
    for (const name of ['newsbot_documents', 'newsbot_quotes', 'newsbot_outbox_messages', 'newsbot_subscriptions', 'newsbot_process_cpu_seconds_total', 'newsbot_nodejs_eventloop_lag_seconds']) {
      expect(metrics).toMatch(new RegExp(`^${name}[{ ]`, 'm'));
    }
    const { code, ms } = await sigterm(bot);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    // JSON lines (stderr is not a terminal), and the token nowhere.
    const lines = bot.stderr().trim().split('\n');
    expect(lines.every((l) => l.startsWith('{'))).toBe(true);
    expect(bot.stderr()).not.toContain(telegram.token);
    expect(bot.stderr()).toMatch(/"msg":"stopped"/);
  }, 60_000);

  it('a second signal exits at once, without waiting for the clean stop', async () => {
    const bot = await startBot({ ...tokens(), NEWSBOT_DATA_DIR: tempDir('newsbot-prod-') });
    await healthy(bot);
    // A reply held in flight keeps the clean stop waiting, so the second signal cannot come after it ended.
    telegram.delayNext('sendMessage', 20_000);
    const before = telegram.callsOf('sendMessage').length;
    telegram.pushUpdate(telegram.message('/help', { from: { id: 4242 } }));
    await telegram.waitFor(() => telegram.callsOf('sendMessage').length > before, 10_000);
    const sent = performance.now();
    bot.proc.kill('SIGTERM');
    // Two signals sent back to back merge into one: the second goes once the first is being handled.
    await waitUntil(() => /stopping: no more updates/.test(bot.stderr()), 5_000, 'the first signal to be handled');
    bot.proc.kill('SIGTERM');
    const { code, at } = await bot.exited;
    expect(code).toBe(143);
    expect(at - sent).toBeLessThan(2_000);
    expect(bot.stderr()).toMatch(/second signal: exiting at once/);
  }, 60_000);

  it(`SIGTERM in the middle of a fan-out to ${CHATS} Telegram chats and ${CHATS} Discord channels: exit 0 within 10 s, the outbox consistent; a restart finishes it, nothing lost, nothing twice on Discord`, async () => {
    const dataDir = tempDir('newsbot-prod-fanout-');
    const storage = await openStorage({ dataDir });
    const due = Date.now() - 60_000;
    const rows = [...chatIds.map((c) => ({ platform: 'telegram', chat_id: c })), ...channelIds.map((c) => ({ platform: 'discord', chat_id: c }))]
      .map((r) => ({ ...r, thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: 0, next_run_at: due, created_at: 0, updated_at: 0 }));
    for (let i = 0; i < rows.length; i += 200) await storage.db.insertInto('subscriptions').values(rows.slice(i, i + 200)).execute();
    await storage.close();
    const delivered = () => ({ telegram: Object.keys(telegram.deliveredCounts()).filter((c) => chatIds.includes(c)).length, discord: channelIds.filter((c) => discord.posted.has(c)).length });

    const first = await startBot({ ...tokens(), NEWSBOT_DATA_DIR: dataDir });
    await waitUntil(() => delivered().telegram >= 60 && delivered().discord >= 60, 40_000, `the fan-out to get going (log: ${first.stderr().slice(-800)})`);
    const stop = await sigterm(first);
    const atStop = delivered();
    expect(stop.code).toBe(0);
    expect(stop.ms).toBeLessThan(10_000);
    expect(atStop.telegram).toBeLessThan(CHATS);

    const check = await openStorage({ dataDir });
    const states = Object.fromEntries((await check.db.selectFrom('outbox').select(['status', ({ fn }) => fn.countAll<number>().as('n')]).groupBy('status').execute()).map((r) => [r.status, Number(r.n)]));
    await check.close();
    // What finished was recorded; nothing sent is left looking unsent.
    expect(states.sent).toBeGreaterThanOrEqual(atStop.telegram + atStop.discord - (states.sending ?? 0));
    const sendingAtStop = states.sending ?? 0;

    const second = await startBot({ ...tokens(), NEWSBOT_DATA_DIR: dataDir });
    // Finished when every chat has its digest and the bot's own metrics show an empty outbox.
    const outboxEmpty = async () => /^newsbot_outbox_messages\{state="pending"\} 0$/m.test((await get(second, '/metrics')).text) && /^newsbot_outbox_messages\{state="sending"\} 0$/m.test((await get(second, '/metrics')).text);
    await waitUntil(async () => delivered().telegram === CHATS && delivered().discord === CHATS && (await outboxEmpty()), 60_000, `the restarted fan-out to finish (log: ${second.stderr().slice(-800)})`);
    await healthy(second);
    const again = await sigterm(second);
    expect(again.code).toBe(0);

    // A digest may take several Telegram messages: each chat must have exactly its outbox rows, plus
    // at most the sends that were in flight at the stop.
    const after = await openStorage({ dataDir });
    const perChat = await after.db.selectFrom('outbox').select(['platform', 'chat_id', ({ fn }) => fn.countAll<number>().as('n')]).groupBy(['platform', 'chat_id']).execute();
    const rowsPerChat = new Map(perChat.map((r) => [`${r.platform}:${r.chat_id}`, Number(r.n)]));
    const unsent = await after.db.selectFrom('outbox').select(({ fn }) => fn.countAll<number>().as('n')).where('status', '!=', 'sent').executeTakeFirstOrThrow();
    await after.close();
    expect(Number(unsent.n)).toBe(0);
    const counts = telegram.deliveredCounts();
    const expected = (platform: string, c: string) => rowsPerChat.get(`${platform}:${c}`) ?? 0;
    expect(chatIds.filter((c) => expected('telegram', c) === 0 || (counts[c] ?? 0) < expected('telegram', c))).toEqual([]);
    const duplicates = chatIds.reduce((n, c) => n + Math.max(0, (counts[c] ?? 0) - expected('telegram', c)), 0);
    expect(duplicates).toBeLessThanOrEqual(sendingAtStop);
    expect(channelIds.filter((c) => expected('discord', c) === 0 || discord.posted.get(c) !== expected('discord', c))).toEqual([]);
    expect(telegram.rejections).toEqual([]);
    expect(discord.rejections).toEqual([]);
    process.stdout.write(`production test: SIGTERM to exit ${stop.ms} ms mid fan-out (delivered ${JSON.stringify(atStop)}, outbox ${JSON.stringify(states)}), Telegram duplicates ${duplicates}\n`);
  }, 150_000);
});
