// /healthz of a worker shows its claim lock (claims.ts): held since when, or not held while its
// PostgreSQL session is gone (503: it sends nothing new until the lock is back), then held again with
// a later time. A `web` process, which sends nothing, has no such check. A worker's /healthz is 200
// otherwise: it starts no adapter and runs no minute scheduler, and neither counts against it. Apps on the real PostgreSQL
// and Redis; skipped, with the reason, without them.
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { tempDir, waitUntil } from '../briefings/helpers.ts';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.ts';
import { freshDatabase } from '../helpers/pg.ts';
import { freshPrefix, probeServices, REDIS_TEST_URL } from '../helpers/redis.ts';
import { freePort, memoryLogger, repoRoot } from '../helpers/services.ts';

const services = await probeServices();
if (!services.ok) process.stdout.write(`skipped: tests/scale/claim-lock.test.ts: ${services.reasons.join('; ')}\n`);

/** The advisory-lock class of claim keys (src/delivery/claims.ts). */
const CLAIM_LOCK_CLASS = 0x6e62;

type Health = { status: number; checks: Record<string, { ok: boolean; detail: string }> };

describe.skipIf(!services.ok)('/healthz shows a worker\'s claim lock (PostgreSQL + Redis)', { timeout: 60_000 }, () => {
  let fake: FakeTelegram;
  let db: { url: string; drop(): Promise<void> };
  const apps: App[] = [];
  const ports: Record<string, number> = {};
  const cleanup: (() => Promise<void>)[] = [];
  const prefixBefore = process.env.NEWSBOT_REDIS_PREFIX;

  beforeAll(async () => {
    fake = await createFakeTelegram();
    db = await freshDatabase('claimlock');
    const prefix = freshPrefix('claimlock');
    cleanup.push(() => prefix.drop(), () => db.drop());
    process.env.NEWSBOT_REDIS_PREFIX = prefix.prefix; // read by each app at start (src/scale.ts)
    for (const role of ['worker', 'web'] as const) {
      ports[role] = await freePort();
      const config = loadConfig({
        NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'),
        NEWSBOT_DATA_DIR: tempDir(`newsbot-${role}-`),
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        ...(role === 'web' ? { TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram', TELEGRAM_WEBHOOK_SECRET: 'claim-lock-secret' } : {}),
        NEWSBOT_HTTP_PORT: String(ports[role]),
        NEWSBOT_DATABASE_URL: db.url,
        NEWSBOT_REDIS_URL: REDIS_TEST_URL,
      }, repoRoot);
      // The worker with the minute scheduler option on, as in production: the role runs none, and says nothing of it.
      apps.push(await startApp(config, memoryLogger(), { watch: false, ...(role === 'web' ? { cron: false } : {}), role }));
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    for (const c of cleanup.reverse()) await c();
    await fake?.close();
    if (prefixBefore === undefined) delete process.env.NEWSBOT_REDIS_PREFIX;
    else process.env.NEWSBOT_REDIS_PREFIX = prefixBefore;
  });

  const health = async (role: string): Promise<Health> => {
    const res = await fetch(`http://127.0.0.1:${ports[role]}/healthz`);
    return { status: res.status, ...((await res.json()) as { checks: Health['checks'] }) };
  };
  const sinceOf = (detail: string) => new Date(/held since (\S+)/.exec(detail)?.[1] ?? 'none').getTime();

  it('held since its start; not held (503) while its session is gone; held again since later', async () => {
    await waitUntil(async () => (await health('worker')).checks.claimLock?.ok === true, 10_000, 'the lock held');
    const held = await health('worker');
    expect(held.status).toBe(200);
    // A worker takes no updates: its adapters are not started, which is no problem of its /healthz.
    expect(held.checks.telegram).toEqual({ ok: true, detail: 'sends only (this role takes no updates)' });
    expect(held.checks.scheduler).toBeUndefined();
    expect(held.checks.claimLock?.detail).toMatch(/^held since \d{4}-\d\d-\d\dT[\d:.]+Z \(\d+ s, key \d+\)$/);
    const since = sinceOf(held.checks.claimLock!.detail);
    expect(since).toBeLessThanOrEqual(Date.now());

    // Cut the session that holds the lock, as a PostgreSQL restart or a network cut would.
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const cut = await admin.query("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid = $1", [CLAIM_LOCK_CLASS]);
    await admin.end();
    expect(cut.rowCount).toBe(1);
    let lost: Health | undefined;
    await waitUntil(async () => (lost = await health('worker')).checks.claimLock?.ok === false, 5000, 'the lost lock shown');
    expect(lost!.status).toBe(503);
    expect(lost!.checks.claimLock?.detail).toMatch(/^not held \(key \d+\): its PostgreSQL connection is down/);

    await waitUntil(async () => (await health('worker')).checks.claimLock?.ok === true, 15_000, 'the lock held again');
    const again = await health('worker');
    expect(again.status).toBe(200);
    expect(sinceOf(again.checks.claimLock!.detail)).toBeGreaterThan(since);
  });

  it('a web process (it sends nothing) has no claim lock check', async () => {
    const web = await health('web');
    expect(Object.keys(web.checks)).toContain('redis');
    expect(web.checks.claimLock).toBeUndefined();
  });
});
