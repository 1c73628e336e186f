// Telegram delivery failures through the real adapter (telegraf) against the fake Bot API: a token
// revoked mid-digest, a group upgraded to a supergroup, a channel as a target.
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.ts';
import { fakeClock, fakeStore, tempDir, waitUntil, type DocSpec } from './helpers.ts';
import { startPlatforms, type Platforms, type PlatformsOptions } from './platforms.ts';

const docs: DocSpec[] = [{ id: 'oil', title: 'Oil prices climb after OPEC cuts output', body: 'Oil prices rose on Monday after OPEC agreed to cut output. Traders said supply would tighten.', date: '2025-03-01T06:00:00Z' }];
const fastLimits = { telegram: { perSecond: 300, perChatPerSecond: 10, perGroupPerMinute: 600 }, discord: { perSecond: 300 } };
const DIGEST = 'Your news briefing';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function start(fake: FakeTelegram, dataDir: string, clock: ReturnType<typeof fakeClock>, extra: Partial<PlatformsOptions> = {}): Promise<Platforms> {
  const p = await startPlatforms({
    dataDir, store: fakeStore(docs), now: clock.now, telegram: { token: fake.token, apiRoot: fake.apiRoot }, briefings: { sendWhenEmpty: true },
    outbox: { limits: fastLimits, backoff: { baseMs: 20, maxMs: 200 }, maxInFlight: 4 }, ...extra,
  });
  cleanup.push(() => p.stop());
  return p;
}

async function fakeServer(): Promise<FakeTelegram> {
  const fake = await createFakeTelegram();
  cleanup.push(() => fake.close());
  return fake;
}

function subscribeAll(p: Platforms, chats: string[], at: string) {
  const due = Date.parse(at);
  return p.storage.db
    .insertInto('subscriptions')
    .values(chats.map((c) => ({ platform: 'telegram', chat_id: c, thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: 0, next_run_at: due, created_at: 0, updated_at: 0 })))
    .execute();
}

const digestsTo = (fake: FakeTelegram, chatId: string | number) => fake.sentTo(chatId).filter((t) => t.includes(DIGEST)).length;

describe('a revoked token (401)', () => {
  it('stops Telegram sends, keeps every subscription and message, logs one error naming TELEGRAM_BOT_TOKEN; after a restart with the token restored every chat gets its digest once', async () => {
    const fake = await fakeServer();
    const dataDir = tempDir();
    const clock = fakeClock('2025-03-01T08:00:00Z');
    const chats = Array.from({ length: 60 }, (_, i) => String(20_000 + i));
    const first = await start(fake, dataDir, clock);
    await subscribeAll(first, chats, '2025-03-01T08:00:00Z');
    fake.revokeAfter(20);
    expect((await first.briefings.tick()).queued).toBe(60);
    await waitUntil(() => first.briefings.outbox.halted().telegram !== undefined, 10_000, 'telegram sends to stop');
    await first.briefings.outbox.drained(10_000); // in-flight sends settle; the halted platform's rows wait

    const delivered = chats.filter((c) => digestsTo(fake, c) === 1).length;
    expect(delivered).toBeGreaterThanOrEqual(20);
    expect(delivered).toBeLessThan(60);
    const subs = await first.storage.db.selectFrom('subscriptions').select(['active', 'deactivated_reason']).execute();
    expect(subs.every((s) => s.active === 1 && s.deactivated_reason === null)).toBe(true);
    expect(await first.briefings.outbox.stats()).toEqual({ sent: delivered, pending: 60 - delivered });
    const errors = first.log.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toMatch(/TELEGRAM_BOT_TOKEN/);
    expect(JSON.stringify(first.log.lines)).not.toContain(fake.token.split(':')[1]);
    const health = first.adapters[0]?.health?.();
    expect(health?.ok).toBe(false);
    expect(health?.detail).toMatch(/TELEGRAM_BOT_TOKEN was refused/);
    await first.stop();

    fake.restoreToken();
    clock.set('2025-03-01T09:30:00Z'); // restarted within the grace period
    const second = await start(fake, dataDir, clock);
    await second.briefings.outbox.drained(15_000);
    expect(chats.filter((c) => digestsTo(fake, c) !== 1)).toEqual([]);
    expect(await second.briefings.outbox.stats()).toEqual({ sent: 60 });
    expect(second.adapters[0]?.health?.()).toMatchObject({ ok: true });
  });
});

describe('a group upgraded to a supergroup', () => {
  it('moves the subscription, its deliveries and waiting messages to the new id when a send answers 400 migrate_to_chat_id, and sends there', async () => {
    const fake = await fakeServer();
    const clock = fakeClock('2025-03-01T08:00:00Z');
    const p = await start(fake, tempDir(), clock);
    await subscribeAll(p, ['-4001'], '2025-03-01T08:00:00Z');
    fake.migrateChat(-4001, -1004001);
    expect((await p.briefings.tick()).queued).toBe(1);
    await p.briefings.outbox.drained();
    expect(digestsTo(fake, '-1004001')).toBe(1);
    expect(digestsTo(fake, '-4001')).toBe(0);
    const sub = await p.storage.db.selectFrom('subscriptions').selectAll().executeTakeFirstOrThrow();
    expect(sub).toMatchObject({ chat_id: '-1004001', active: 1 });
    const delivery = await p.storage.db.selectFrom('deliveries').selectAll().executeTakeFirstOrThrow();
    expect(delivery.subscription_id).toBe(sub.id);
    expect(await p.storage.db.selectFrom('outbox').select(['chat_id', 'status']).execute()).toEqual([{ chat_id: '-1004001', status: 'sent' }]);
    expect(p.briefings.outbox.counters.moved).toBe(1);
    // The next day goes straight to the new id.
    clock.set('2025-03-02T08:00:00Z');
    await p.briefings.tick();
    await p.briefings.outbox.drained();
    expect(digestsTo(fake, '-1004001')).toBe(2);
  });

  it('follows the service message (migrate_to_chat_id) before any send fails', async () => {
    const fake = await fakeServer();
    const clock = fakeClock('2025-03-01T07:00:00Z');
    const p = await start(fake, tempDir(), clock);
    await subscribeAll(p, ['-4002'], '2025-03-01T08:00:00Z');
    for (const update of fake.migrateChat(-4002, -1004002)) fake.pushUpdate(update);
    await waitUntil(async () => (await p.storage.db.selectFrom('subscriptions').select('chat_id').executeTakeFirstOrThrow()).chat_id === '-1004002', 5000, 'the subscription to move');
    clock.set('2025-03-01T08:00:00Z');
    await p.briefings.tick();
    await p.briefings.outbox.drained();
    expect(digestsTo(fake, '-1004002')).toBe(1);
    expect(fake.callsOf('sendMessage').filter((c) => String(c.body.chat_id) === '-4002')).toEqual([]);
  });
});

describe('a channel as a target', () => {
  it('subscribes from a /subscribe channel post, answers as the channel, delivers there; removed: paused with the reason; re-added as admin: resumed', async () => {
    const fake = await fakeServer();
    const clock = fakeClock('2025-03-01T07:00:00Z');
    const p = await start(fake, tempDir(), clock);
    const channel = fake.addChannel({ id: -1005001, username: 'newsroom', title: 'Newsroom' });
    fake.pushUpdate(fake.channelPost(channel, '/subscribe 08:00 UTC'));
    await waitUntil(() => fake.sentTo(-1005001).length > 0, 5000, 'the answer in the channel');
    expect(fake.sentTo(-1005001)[0]).toContain('Subscribed');
    // A plain post in the channel is the channel's own news, not a question to the bot.
    fake.pushUpdate(fake.channelPost(channel, 'Oil prices'));
    fake.pushUpdate(fake.channelPost(channel, '/subscriptions'));
    await waitUntil(() => fake.sentTo(-1005001).length > 1, 5000, 'the list');
    expect(fake.sentTo(-1005001)).toHaveLength(2);
    expect(fake.sentTo(-1005001)[1]).toContain('08:00 (UTC)');

    fake.pushUpdate(fake.setBotStatus(channel, 'administrator', false));
    await waitUntil(async () => (await p.storage.db.selectFrom('subscriptions').select('paused_reason').executeTakeFirstOrThrow()).paused_reason !== null, 5000, 'the pause');
    clock.set('2025-03-01T08:00:00Z');
    expect((await p.briefings.tick()).due).toBe(0);
    const paused = await p.services.briefings!.list({ platform: 'telegram', chatId: '-1005001', text: '/subscriptions', chatType: 'channel' }, 'en');
    expect(JSON.stringify(paused)).toContain('without the \\"Post messages\\" right');

    fake.pushUpdate(fake.setBotStatus(channel, 'administrator', true));
    await waitUntil(async () => (await p.storage.db.selectFrom('subscriptions').select('paused_reason').executeTakeFirstOrThrow()).paused_reason === null, 5000, 'the resume');
    expect((await p.briefings.tick()).queued).toBe(1);
    await p.briefings.outbox.drained();
    expect(digestsTo(fake, -1005001)).toBe(1);
    expect(p.log.lines.some((l) => /bot demoted in channel -1005001/.test(l.msg))).toBe(true);
    expect(p.log.lines.some((l) => /bot promoted in channel -1005001/.test(l.msg))).toBe(true);

    // Removed: the waiting digest of the next day is held, not failed, and goes out once re-added.
    fake.pushUpdate(fake.setBotStatus(channel, 'left'));
    await waitUntil(async () => (await p.storage.db.selectFrom('subscriptions').select('paused_reason').executeTakeFirstOrThrow()).paused_reason === 'the bot left the channel', 5000, 'the pause');
    const sub = await p.storage.db.selectFrom('subscriptions').select(['active']).executeTakeFirstOrThrow();
    expect(sub.active).toBe(1);
    fake.pushUpdate(fake.setBotStatus(channel, 'administrator', true));
    await waitUntil(async () => (await p.storage.db.selectFrom('subscriptions').select('paused_reason').executeTakeFirstOrThrow()).paused_reason === null, 5000, 'the resume');
  });

  it('holds a digest queued for a channel the bot was removed from, and sends it once the bot is back', async () => {
    const fake = await fakeServer();
    const clock = fakeClock('2025-03-01T08:00:00Z');
    const p = await start(fake, tempDir(), clock);
    const channel = fake.addChannel({ id: -1005002, username: 'wire', title: 'Wire' });
    await subscribeAll(p, ['-1005002'], '2025-03-01T08:00:00Z');
    await p.briefings.outbox.stop(); // queued, not yet sent
    expect((await p.briefings.tick()).queued).toBe(1);
    fake.pushUpdate(fake.setBotStatus(channel, 'kicked'));
    await waitUntil(async () => (await p.storage.db.selectFrom('outbox').select('status').executeTakeFirstOrThrow()).status === 'held', 5000, 'the message held');
    await p.briefings.outbox.start();
    fake.pushUpdate(fake.setBotStatus(channel, 'administrator', true));
    await waitUntil(() => digestsTo(fake, -1005002) === 1, 5000, 'the held digest');
  });

  it('resolves a config target named @channelname to its numeric id at start and delivers as the channel', async () => {
    const fake = await fakeServer();
    fake.addChannel({ id: -1005003, username: 'dailywire', title: 'Daily wire' });
    const clock = fakeClock('2025-03-01T07:00:00Z');
    const p = await start(fake, tempDir(), clock, { briefings: { sendWhenEmpty: true, targets: [{ platform: 'telegram', chatId: '@dailywire', time: '08:00', timeZone: 'UTC', topics: [] }] } });
    const sub = await p.storage.db.selectFrom('subscriptions').selectAll().executeTakeFirstOrThrow();
    expect(sub).toMatchObject({ chat_id: '-1005003', target_ref: '@dailywire', source: 'config', active: 1 });
    expect(fake.callsOf('getChat').map((c) => c.body.chat_id)).toEqual(['@dailywire']);
    clock.set('2025-03-01T08:00:00Z');
    await p.briefings.tick();
    await p.briefings.outbox.drained();
    expect(digestsTo(fake, -1005003)).toBe(1);
  });

  it('stops a briefing the bot may not post (a member of the channel, not an admin) with the reason, and restarts it once promoted', async () => {
    const fake = await fakeServer();
    const channel = fake.addChannel({ id: -1005004, username: 'memberonly', status: 'member' });
    const clock = fakeClock('2025-03-01T08:00:00Z');
    const p = await start(fake, tempDir(), clock);
    await subscribeAll(p, ['-1005004'], '2025-03-01T08:00:00Z');
    await p.briefings.tick();
    await p.briefings.outbox.drained();
    const stopped = await p.storage.db.selectFrom('subscriptions').select(['active', 'deactivated_reason']).executeTakeFirstOrThrow();
    expect(stopped.active).toBe(0);
    expect(stopped.deactivated_reason).toContain('need administrator rights');
    fake.pushUpdate(fake.setBotStatus(channel, 'administrator', true));
    await waitUntil(async () => (await p.storage.db.selectFrom('subscriptions').select('active').executeTakeFirstOrThrow()).active === 1, 5000, 'the briefing restarted');
  });

  it('keeps a config target whose @name cannot be resolved now, and says so', async () => {
    const fake = await fakeServer();
    const clock = fakeClock('2025-03-01T07:00:00Z');
    const p = await start(fake, tempDir(), clock, { briefings: { targets: [{ platform: 'telegram', chatId: '@nosuchchannel', topics: [] }] } });
    expect(await p.storage.db.selectFrom('subscriptions').selectAll().execute()).toEqual([]);
    expect(p.log.lines.some((l) => l.level === 'error' && /@nosuchchannel could not be resolved/.test(l.msg))).toBe(true);
  });
});
