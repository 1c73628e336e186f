// kill -9 in the middle of a 2,000-chat fan-out on each platform, then a restart: on Discord every
// channel has exactly one digest (the retried sends carry the same nonce); on Telegram duplicates are
// at most the messages that were in flight (`sending`) at the kill; nothing is lost anywhere.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/db.ts';
import { createFakeDiscord } from '../fakes/discord-server.ts';
import { createFakeTelegram } from '../fakes/telegram-api.ts';
import { repoRoot } from '../helpers/services.ts';
import { tempDir, waitUntil } from './helpers.ts';

const CHATS = 2000;
// Limits scaled up (x10 Telegram, x10 Discord) to keep the run short; Discord starts later (gateway login).
const TG_PER_SECOND = 300;
const DC_PER_SECOND = 500;
const script = path.join(repoRoot, 'tests/briefings/fanout-child.ts');

interface Child {
  proc: ChildProcess;
  out: string[];
  pid(): number | undefined;
  exited: Promise<number | null>;
}

function startChild(env: Record<string, string>): Child {
  const out: string[] = [];
  const proc = spawn('npx', ['tsx', script], { cwd: repoRoot, env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let buffer = '';
  proc.stdout?.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    out.push(...lines);
  });
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => void (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => {
    if (code && code !== 137) process.stderr.write(`fanout child exited ${code}: ${err.slice(-2000)}\n`);
    resolve(code);
  }));
  return {
    proc,
    out,
    exited,
    pid: () => {
      const line = out.find((l) => l.startsWith('PID '));
      return line ? Number(line.slice(4)) : undefined;
    },
  };
}

const children: Child[] = [];
afterAll(() => {
  for (const c of children) {
    try {
      if (c.proc.pid) process.kill(-c.proc.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

describe('kill -9 in the middle of a fan-out', () => {
  it(`restarts and completes ${CHATS} Telegram chats and ${CHATS} Discord channels: nothing lost, no Discord duplicate, Telegram duplicates ≤ in flight`, async () => {
    const telegram = await createFakeTelegram({ limits: { perSecond: TG_PER_SECOND, perChatPerSecond: 1, perGroupPerMinute: 20 } });
    const channelIds = Array.from({ length: CHATS }, (_, i) => String(500_000_000_000_000_000n + BigInt(i)));
    const discord = await createFakeDiscord({ guilds: [{ channels: channelIds.map((id, i) => ({ id, name: `news-${i}` })) }], limits: { perSecond: DC_PER_SECOND } });
    const dataDir = tempDir('newsbot-crash-');
    try {
      // The subscriptions, all due a minute ago (within the grace period): the child's start-up sends them.
      const storage = await openStorage({ dataDir });
      const due = Date.now() - 60_000;
      const chatIds = Array.from({ length: CHATS }, (_, i) => String(7_000_000 + i));
      const rows = [
        ...chatIds.map((c) => ({ platform: 'telegram', chat_id: c })),
        ...channelIds.map((c) => ({ platform: 'discord', chat_id: c })),
      ].map((r) => ({ ...r, thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: 0, next_run_at: due, created_at: 0, updated_at: 0 }));
      for (let i = 0; i < rows.length; i += 500) await storage.db.insertInto('subscriptions').values(rows.slice(i, i + 500)).execute();
      await storage.close();

      const env = {
        FANOUT_DATA_DIR: dataDir, FANOUT_TG_PER_SECOND: String(TG_PER_SECOND), FANOUT_DC_PER_SECOND: String(DC_PER_SECOND),
        FANOUT_TG_TOKEN: telegram.token, FANOUT_TG_API: telegram.apiRoot,
        FANOUT_DC_TOKEN: discord.token, FANOUT_DC_API: discord.api, FANOUT_DC_GUILD: discord.guildId,
      };
      const first = startChild(env);
      children.push(first);
      const tgDelivered = () => Object.keys(telegram.deliveredCounts()).length;
      const dcPosted = () => discord.posted.size;
      // Middle of the fan-out on both platforms.
      await waitUntil(() => (tgDelivered() >= 400 && dcPosted() >= 400) || first.out.some((l) => l.startsWith('DRAINED')), 40_000, 'the fan-out to get going');
      const pid = first.pid();
      expect(pid).toBeDefined();
      process.kill(pid!, 'SIGKILL');
      const deliveredAtKill = { telegram: tgDelivered(), discord: dcPosted() };
      await first.exited;
      expect(first.out.some((l) => l.startsWith('DRAINED'))).toBe(false);
      expect(deliveredAtKill.telegram).toBeLessThan(CHATS);
      expect(deliveredAtKill.discord).toBeLessThan(CHATS);

      // What the database says was in flight when the process died.
      const check = await openStorage({ dataDir });
      const inFlight = await check.db.selectFrom('outbox').select(['platform', ({ fn }) => fn.countAll<number>().as('n')]).where('status', '=', 'sending').groupBy('platform').execute();
      const sendingAtKill = { telegram: 0, discord: 0, ...Object.fromEntries(inFlight.map((r) => [r.platform, Number(r.n)])) } as { telegram: number; discord: number };
      const queued = await check.db.selectFrom('outbox').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      await check.close();
      // Claims go in small transactions while sending goes on: some digests may not be claimed yet;
      // the restart claims them (still within the grace period).
      const queuedAtKill = Number(queued.n);
      expect(queuedAtKill).toBeGreaterThan(deliveredAtKill.telegram);

      const second = startChild(env);
      children.push(second);
      await waitUntil(() => second.out.some((l) => l.startsWith('DRAINED')), 40_000, 'the restarted fan-out to drain');
      expect(await second.exited).toBe(0);
      const started = second.out.find((l) => l.startsWith('STARTED')) ?? '';
      expect(started).toBe(`STARTED recovered=${sendingAtKill.telegram + sendingAtKill.discord}`);
      const drained = JSON.parse(second.out.find((l) => l.startsWith('DRAINED'))!.slice(8)) as { stats: Record<string, number> };
      expect(drained.stats).toEqual({ sent: 2 * CHATS });

      // Telegram: every chat got its digest; repeats only where a send was in flight at the kill.
      const counts = telegram.deliveredCounts();
      const lost = chatIds.filter((c) => !counts[c]);
      const duplicates = chatIds.reduce((n, c) => n + Math.max(0, (counts[c] ?? 0) - 1), 0);
      expect(lost).toEqual([]);
      expect(duplicates).toBeLessThanOrEqual(sendingAtKill.telegram);
      // Discord: exactly one per channel (nonce + enforce_nonce dropped the retried ones).
      expect(channelIds.filter((c) => discord.posted.get(c) !== 1)).toEqual([]);
      expect(telegram.tooManyRequests).toBe(0);
      expect(telegram.rejections).toEqual([]);
      expect(discord.rejections).toEqual([]);
      process.stdout.write(`crash test: delivered at kill ${JSON.stringify(deliveredAtKill)}, queued ${queuedAtKill} of ${2 * CHATS}, in flight (sending) at kill ${JSON.stringify(sendingAtKill)}, Telegram duplicates ${duplicates}\n`);
    } finally {
      await telegram.close();
      await discord.close();
    }
  }, 90_000);
});
