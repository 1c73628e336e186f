// Briefings through the real adapters (telegraf, discord.js) against the fake platform servers.
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeDiscord, type FakeDiscord, type FakeUser } from '../fakes/discord-server.ts';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.ts';
import { fakeClock, fakeStore, tempDir, waitUntil, type DocSpec } from './helpers.ts';
import { startPlatforms, type Platforms } from './platforms.ts';

const docs: DocSpec[] = [
  { id: 'oil', title: 'Oil prices climb after OPEC cuts output', body: 'Oil prices rose on Monday after OPEC agreed to cut output. Traders said supply would tighten.', date: '2025-03-01T06:00:00Z' },
  { id: 'ar', title: 'ارتفاع أسعار النفط بعد قرار أوبك', body: 'ارتفعت أسعار النفط يوم الاثنين بعد أن اتفقت أوبك على خفض الإنتاج.', date: '2025-03-01T05:00:00Z' },
];
const fastLimits = { telegram: { perSecond: 300, perChatPerSecond: 10, perGroupPerMinute: 600 }, discord: { perSecond: 300 } };

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function telegram(opts: { limits?: { perSecond: number; perChatPerSecond: number; perGroupPerMinute: number } } = {}) {
  const fake = await createFakeTelegram(opts.limits ? { limits: opts.limits } : {});
  cleanup.push(() => fake.close());
  const clock = fakeClock('2025-03-01T03:00:00Z');
  const p = await startPlatforms({ dataDir: tempDir(), store: fakeStore(docs), now: clock.now, telegram: { token: fake.token, apiRoot: fake.apiRoot }, briefings: { sendWhenEmpty: true }, outbox: { limits: fastLimits, backoff: { baseMs: 20, maxMs: 200 } } });
  cleanup.push(() => p.stop());
  return { fake, p, clock };
}

async function command(fake: FakeTelegram, text: string, chatId: number, from: number, threadId?: number): Promise<string> {
  const before = fake.sentTo(chatId).length;
  fake.pushUpdate(fake.message(text, { chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' }, from: { id: from }, ...(threadId ? { message_thread_id: threadId } : {}) }));
  await waitUntil(() => fake.sentTo(chatId).length > before, 5000, `a reply to ${text}`);
  return fake.sentTo(chatId).slice(before).join('\n');
}

describe('Telegram, real adapter', () => {
  it('lets only group admins (getChatMember administrator or creator) subscribe, forum topics included, and delivers there', async () => {
    const { fake, p, clock } = await telegram();
    const group = -1001234567890;
    expect(await command(fake, '/subscribe 07:30 Asia/Riyadh oil', group, 2001)).toContain('Only the admins');
    fake.setChatMember(group, 2001, 'administrator');
    expect(await command(fake, '/subscribe 07:30 Asia/Riyadh oil', group, 2001)).toContain('Subscribed: a briefing every day at 07:30 (Asia/Riyadh)');
    fake.setChatMember(group, 2002, 'creator');
    expect(await command(fake, '/subscribe 06:00 UTC', group, 2002, 42)).toContain('06:00 (UTC)');
    expect(await command(fake, '/subscriptions', group, 2003)).toMatch(/07:30 \(Asia\/Riyadh\), topics: oil[\s\S]*topic\/thread 42: every day at 06:00 \(UTC\)/);
    expect(await command(fake, '/unsubscribe', group, 2003)).toContain('Only the admins');
    expect(await command(fake, '/subscribe', 555, 555)).toContain('Subscribed');
    expect(fake.callsOf('getChatMember').length).toBeGreaterThanOrEqual(4);

    clock.set('2025-03-01T08:00:00Z');
    expect((await p.briefings.tick()).queued).toBe(3);
    await p.briefings.outbox.drained();
    const digests = fake.callsOf('sendMessage').filter((c) => String(c.body.text).includes('Your news briefing'));
    expect(digests.map((c) => [String(c.body.chat_id), c.body.message_thread_id ?? null]).sort()).toEqual([
      [String(group), 42],
      [String(group), null],
      ['555', null],
    ].sort());
    expect(fake.rejections).toEqual([]);
  });

  it('deactivates a subscription when the bot is blocked (403) and logs why', async () => {
    const { fake, p, clock } = await telegram();
    await command(fake, '/subscribe 08:00 UTC', 777, 777);
    fake.blockChat(777);
    clock.set('2025-03-01T08:00:00Z');
    await p.briefings.tick();
    await p.briefings.outbox.drained();
    const sub = await p.storage.db.selectFrom('subscriptions').selectAll().executeTakeFirstOrThrow();
    expect(sub.active).toBe(0);
    expect(sub.deactivated_reason).toContain('blocked');
    expect(p.log.lines.some((l) => l.level === 'warn' && /refused chat 777 .*blocked.*deactivated/.test(l.msg))).toBe(true);
    expect((await p.storage.db.selectFrom('outbox').select('status').where('chat_id', '=', '777').executeTakeFirstOrThrow()).status).toBe('failed');
  });

  it('loses nothing in a 429 storm: every chat gets its digest exactly once', async () => {
    const { fake, p, clock } = await telegram({ limits: { perSecond: 300, perChatPerSecond: 10, perGroupPerMinute: 200 } });
    const chats = Array.from({ length: 300 }, (_, i) => String(10_000 + i));
    await p.storage.db
      .insertInto('subscriptions')
      .values(chats.map((c) => ({ platform: 'telegram', chat_id: c, thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: 0, next_run_at: Date.parse('2025-03-01T08:00:00Z'), created_at: 0, updated_at: 0 })))
      .execute();
    // Each 429 pauses all Telegram sends for retry_after (1 s): 15 in a row take a few rounds.
    fake.failNext('sendMessage', { code: 429, retry_after: 1, times: 15 });
    clock.set('2025-03-01T08:00:00Z');
    expect((await p.briefings.tick()).queued).toBe(300);
    await p.briefings.outbox.drained(20_000);
    const counts = fake.deliveredCounts();
    expect(chats.filter((c) => counts[c] !== 1)).toEqual([]);
    // Every injected 429 was seen and waited out; none came from the fake's enforced limits.
    expect(p.briefings.outbox.counters.rateLimited).toBe(15);
    expect(fake.tooManyRequests).toBe(0);
    expect(await p.briefings.outbox.stats()).toEqual({ sent: 300 });
  });
});

async function discord(extra: { members?: { user: FakeUser; roles?: string[] }[]; roles?: { id: string; name: string; permissions: string }[]; channels?: number } = {}) {
  const fake: FakeDiscord = await createFakeDiscord({
    guilds: [{ channels: Array.from({ length: extra.channels ?? 2 }, (_, i) => ({ name: `news-${i}` })), ...(extra.roles ? { roles: extra.roles } : {}), ...(extra.members ? { members: extra.members } : {}) }],
  });
  const clock = fakeClock('2025-03-01T03:00:00Z');
  const started: { p?: Platforms } = {};
  cleanup.push(async () => {
    await fake.shutdown({ destroy: () => started.p?.stop() });
  });
  const p = (started.p = await startPlatforms({ dataDir: tempDir(), store: fakeStore(docs), now: clock.now, discord: { token: fake.token, api: fake.api, guildId: fake.guildId }, briefings: { sendWhenEmpty: true }, outbox: { limits: fastLimits, backoff: { baseMs: 20, maxMs: 200 } } }));
  return { fake, p, clock };
}

async function slash(fake: FakeDiscord, name: string, options: Record<string, string>, user: FakeUser, channelId: string): Promise<string> {
  const ev = fake.deliver(fake.slashCommand(name, options, { user, channelId }));
  await fake.waitForCallback(ev.id, 5000);
  // The reply: the callback's data, or the edited original after a deferral.
  await new Promise((r) => setTimeout(r, 50));
  const cb = fake.callbacks.filter((c) => c.interactionId === ev.id).map((c) => JSON.stringify(c.data ?? {}));
  const edits = fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(ev.token ?? '\u0000')).map((r) => JSON.stringify(r.body));
  return [...cb, ...edits].join('\n');
}

describe('Discord, real adapter', () => {
  it('lets only members with Manage Channels subscribe; digests carry nonce + enforce_nonce', async () => {
    const plain: FakeUser = { id: '300000000000000001', username: 'reader' };
    const mod: FakeUser = { id: '300000000000000002', username: 'moderator' };
    const { fake, p, clock } = await discord({ roles: [{ id: '400000000000000001', name: 'Mods', permissions: String(1 << 4) }], members: [{ user: plain }, { user: mod, roles: ['400000000000000001'] }] });
    const channel = fake.channelId;
    expect(await slash(fake, 'subscribe', { time: '07:30', timezone: 'Asia/Riyadh', topics: 'oil' }, plain, channel)).toContain('Only the admins');
    expect(await slash(fake, 'subscribe', { time: '07:30', timezone: 'Asia/Riyadh', topics: 'oil' }, mod, channel)).toContain('Subscribed');
    clock.set('2025-03-01T04:30:00Z');
    expect((await p.briefings.tick()).queued).toBe(1);
    await p.briefings.outbox.drained();
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ nonce: expect.any(String), enforce_nonce: true });
    expect(fake.posted.get(channel)).toBe(1);
    expect(fake.rejections).toEqual([]);
  });

  it('treats a thread as its own target: subscribed there, delivered there', async () => {
    const fake = await createFakeDiscord({ guilds: [{ channels: [{ id: '600000000000000001', name: 'news' }, { id: '600000000000000002', name: 'oil-thread', type: 11, parent_id: '600000000000000001' }] }] });
    const clock = fakeClock('2025-03-01T03:00:00Z');
    const started: { p?: Platforms } = {};
    cleanup.push(async () => {
      await fake.shutdown({ destroy: () => started.p?.stop() });
    });
    const p = (started.p = await startPlatforms({ dataDir: tempDir(), store: fakeStore(docs), now: clock.now, discord: { token: fake.token, api: fake.api, guildId: fake.guildId }, briefings: { sendWhenEmpty: true }, outbox: { limits: fastLimits } }));
    expect(await slash(fake, 'subscribe', { time: '08:00' }, fake.user, '600000000000000002')).toContain('Subscribed');
    const sub = await p.storage.db.selectFrom('subscriptions').select(['chat_id', 'thread_id']).executeTakeFirstOrThrow();
    expect(sub).toEqual({ chat_id: '600000000000000001', thread_id: '600000000000000002' });
    clock.set('2025-03-01T08:00:00Z');
    await p.briefings.tick();
    await p.briefings.outbox.drained();
    expect(fake.posted.get('600000000000000002')).toBe(1);
    expect(fake.posted.get('600000000000000001')).toBeUndefined();
  });

  it('deactivates a subscription when the channel is no longer accessible (403 Missing Access)', async () => {
    const { fake, p, clock } = await discord();
    const channel = fake.channelId;
    expect(await slash(fake, 'subscribe', { time: '08:00' }, fake.user, channel)).toContain('Subscribed');
    fake.missingAccess(channel);
    clock.set('2025-03-01T08:00:00Z');
    await p.briefings.tick();
    await p.briefings.outbox.drained();
    const sub = await p.storage.db.selectFrom('subscriptions').selectAll().executeTakeFirstOrThrow();
    expect(sub.active).toBe(0);
    expect(sub.deactivated_reason).toMatch(/Missing Access/);
  });

  it('loses nothing when Discord answers a burst of 429s', async () => {
    const { fake, p, clock } = await discord({ channels: 40 });
    const channels = fake.guilds[0]!.channels.map((c) => c.id);
    await p.storage.db
      .insertInto('subscriptions')
      .values(channels.map((c) => ({ platform: 'discord', chat_id: c, thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: 0, next_run_at: Date.parse('2025-03-01T08:00:00Z'), created_at: 0, updated_at: 0 })))
      .execute();
    fake.failNext('POST /channels/:id/messages', { status: 429, retryAfter: 0.05, times: 25 });
    clock.set('2025-03-01T08:00:00Z');
    await p.briefings.tick();
    await p.briefings.outbox.drained(20_000);
    expect(channels.filter((c) => fake.posted.get(c) !== 1)).toEqual([]);
    expect(fake.tooManyRequests).toBeGreaterThanOrEqual(25);
  });
});
