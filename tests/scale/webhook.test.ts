// Telegram re-sends an update when an answer is slow, and behind a load balancer the copy can reach
// another `web` process. Two apps (role web) sharing PostgreSQL and Redis, each with its own HTTP
// server and webhook, the real telegraf behind each: the same update_id posted to both is answered
// once; a handling that failed on one (answered 500) is handled when re-sent to the other; a re-send
// while the first still handles it is answered 200 at once and not handled. Skipped, with the reason,
// without PostgreSQL and Redis.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { tempDir } from '../briefings/helpers.ts';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.ts';
import { freshDatabase } from '../helpers/pg.ts';
import { freshPrefix, probeServices, REDIS_TEST_URL } from '../helpers/redis.ts';
import { freePort, memoryLogger, repoRoot } from '../helpers/services.ts';

const services = await probeServices();
if (!services.ok) process.stdout.write(`skipped: tests/scale/webhook.test.ts: ${services.reasons.join('; ')}\n`);

const SECRET = 'two_Webs-one-secret';

describe.skipIf(!services.ok)('a webhook update re-sent to another web process (PostgreSQL + Redis)', { timeout: 60_000 }, () => {
  let fake: FakeTelegram;
  const apps: App[] = [];
  const urls: string[] = [];
  const cleanup: (() => Promise<void>)[] = [];
  const prefixBefore = process.env.NEWSBOT_REDIS_PREFIX;

  beforeAll(async () => {
    fake = await createFakeTelegram();
    const db = await freshDatabase('webhook');
    const prefix = freshPrefix('webhook');
    cleanup.push(() => prefix.drop(), () => db.drop());
    // Read by each app at start (src/scale.ts), as from its environment.
    process.env.NEWSBOT_REDIS_PREFIX = prefix.prefix;
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const config = loadConfig({
        NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'),
        NEWSBOT_DATA_DIR: tempDir('newsbot-web-'),
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        NEWSBOT_HTTP_PORT: String(port),
        NEWSBOT_DATABASE_URL: db.url,
        NEWSBOT_REDIS_URL: REDIS_TEST_URL,
      }, repoRoot);
      apps.push(await startApp(config, memoryLogger(), { watch: false, cron: false, role: 'web' }));
      urls.push(`http://127.0.0.1:${port}/telegram`);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    for (const c of cleanup.reverse()) await c();
    await fake?.close();
    if (prefixBefore === undefined) delete process.env.NEWSBOT_REDIS_PREFIX;
    else process.env.NEWSBOT_REDIS_PREFIX = prefixBefore;
  });

  const replies = (chatId: number) => fake.calls.filter((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === chatId);
  const settle = () => new Promise((r) => setTimeout(r, 500));

  it('answers an update_id once, posted to both processes at the same moment or one after the other', async () => {
    const both = fake.message('/about', { from: { id: 701 } });
    const posted = await Promise.all(urls.map((url) => fake.postWebhook(url, both, SECRET)));
    expect(posted.map((p) => p.status)).toEqual([200, 200]);
    await fake.waitFor(() => replies(701).length > 0, 10_000);

    const later = fake.message('/about', { from: { id: 702 } });
    expect((await fake.postWebhook(urls[0]!, later, SECRET)).status).toBe(200);
    await fake.waitFor(() => replies(702).length > 0, 10_000);
    expect((await fake.postWebhook(urls[1]!, later, SECRET)).status).toBe(200);
    await settle();
    expect(replies(701)).toHaveLength(1);
    expect(replies(702)).toHaveLength(1);
  });

  it('each process answers updates of its own (the second is not simply deaf)', async () => {
    expect((await fake.postWebhook(urls[1]!, fake.message('/about', { from: { id: 703 } }), SECRET)).status).toBe(200);
    await fake.waitFor(() => replies(703).length > 0, 10_000);
    await settle();
    expect(replies(703)).toHaveLength(1);
  });

  it('a handling that failed on one process (answered 500) is handled when Telegram re-sends it to the other', async () => {
    const update = fake.message('/about', { from: { id: 704 } });
    fake.failNext('sendMessage', { code: 400 });
    expect((await fake.postWebhook(urls[0]!, update, SECRET)).status).toBe(500);
    expect(replies(704)).toHaveLength(1); // the refused attempt
    expect((await fake.postWebhook(urls[1]!, update, SECRET)).status).toBe(200);
    expect(replies(704)).toHaveLength(2);
    expect(fake.sentTo(704)).toHaveLength(1);
    expect((await fake.postWebhook(urls[0]!, update, SECRET)).status).toBe(200);
    await settle();
    expect(fake.sentTo(704)).toHaveLength(1);
  });

  it('a re-send to the other process while the first still handles it is answered at once and not handled', async () => {
    const update = fake.message('/about', { from: { id: 705 } });
    fake.delayNext('sendMessage', 2000);
    let firstAnswered = false;
    const first = fake.postWebhook(urls[0]!, update, SECRET).then((r) => ((firstAnswered = true), r.status));
    await fake.waitFor(() => replies(705).length > 0, 10_000);
    expect((await fake.postWebhook(urls[1]!, update, SECRET)).status).toBe(200);
    expect(firstAnswered).toBe(false);
    expect(await first).toBe(200);
    await settle();
    expect(replies(705)).toHaveLength(1);
    expect(fake.sentTo(705)).toHaveLength(1);
  });
});
