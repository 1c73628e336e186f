// Discord delivery failures through the real adapter (discord.js) against the fake Discord server: an
// invalid token mid-digest (401, gateway 4004), a message retried long after Discord forgot its nonce,
// announcement channels with crosspost.
import { afterEach, describe, expect, it } from 'vitest';
import { markerFor, NONCE_WINDOW_MS } from '../../src/adapters/discord/delivery.ts';
import { openStorage } from '../../src/storage/db.ts';
import { createFakeDiscord, type FakeDiscord } from '../fakes/discord-server.ts';
import { fakeClock, fakeStore, tempDir, waitUntil, type DocSpec } from './helpers.ts';
import { startPlatforms, type Platforms, type PlatformsOptions } from './platforms.ts';

const docs: DocSpec[] = [{ id: 'oil', title: 'Oil prices climb after OPEC cuts output', body: 'Oil prices rose on Monday after OPEC agreed to cut output. Traders said supply would tighten.', date: '2025-03-01T06:00:00Z' }];
const fastLimits = { telegram: { perSecond: 300, perChatPerSecond: 10, perGroupPerMinute: 600 }, discord: { perSecond: 300 } };

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function fakeServer(channels: { id: string; name: string; type?: number }[]): Promise<FakeDiscord> {
  return createFakeDiscord({ guilds: [{ channels }] });
}

/** Starts the bot; the returned stop is safe to call once (the fake's teardown waits for a quiet gateway). */
async function start(fake: FakeDiscord, dataDir: string, clock: ReturnType<typeof fakeClock>, extra: Partial<PlatformsOptions> = {}): Promise<Platforms> {
  const p = await startPlatforms({
    dataDir, store: fakeStore(docs), now: clock.now, discord: { token: fake.token, api: fake.api, guildId: fake.guildId }, briefings: { sendWhenEmpty: true },
    outbox: { limits: fastLimits, backoff: { baseMs: 20, maxMs: 200 }, maxInFlight: 4 }, ...extra,
  });
  return p;
}

function subscribeAll(p: Platforms, channels: string[], at: string) {
  const due = Date.parse(at);
  return p.storage.db
    .insertInto('subscriptions')
    .values(channels.map((c) => ({ platform: 'discord', chat_id: c, thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: 0, next_run_at: due, created_at: 0, updated_at: 0 })))
    .execute();
}

const ids = (n: number, base = 700_000_000_000_000_000n) => Array.from({ length: n }, (_, i) => String(base + BigInt(i)));

describe('an invalid Discord token', () => {
  it('stops Discord sends (401 from REST, 4004 from the gateway), keeps subscriptions and messages, one error naming DISCORD_BOT_TOKEN; after a restart every channel gets its digest once', async () => {
    const channels = ids(30);
    const fake = await fakeServer(channels.map((id, i) => ({ id, name: `news-${i}` })));
    const dataDir = tempDir();
    const clock = fakeClock('2025-03-01T08:00:00Z');
    const later: { p?: Platforms } = {};
    cleanup.push(() => fake.shutdown({ destroy: () => later.p?.stop() }));
    const first = await start(fake, dataDir, clock);
    await subscribeAll(first, channels, '2025-03-01T08:00:00Z');
    fake.revokeAfter(10);
    expect((await first.briefings.tick()).queued).toBe(30);
    await waitUntil(() => first.briefings.outbox.halted().discord !== undefined, 10_000, 'discord sends to stop');
    await first.briefings.outbox.drained(10_000);
    await waitUntil(() => first.adapters[0]?.health?.().ok === false, 5000, 'health to report the token');

    const delivered = channels.filter((c) => fake.posted.get(c) === 1).length;
    expect(delivered).toBeGreaterThanOrEqual(10);
    expect(delivered).toBeLessThan(30);
    const subs = await first.storage.db.selectFrom('subscriptions').select(['active']).execute();
    expect(subs.every((s) => s.active === 1)).toBe(true);
    expect(await first.briefings.outbox.stats()).toEqual({ sent: delivered, pending: 30 - delivered });
    const errors = first.log.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toMatch(/DISCORD_BOT_TOKEN/);
    expect(JSON.stringify(first.log.lines)).not.toContain(fake.token);
    expect(first.adapters[0]?.health?.().detail).toMatch(/DISCORD_BOT_TOKEN was refused/);
    await first.stop();

    fake.restoreToken();
    clock.set('2025-03-01T09:00:00Z');
    const second = (later.p = await start(fake, dataDir, clock));
    await second.briefings.outbox.drained(15_000);
    expect(channels.filter((c) => fake.posted.get(c) !== 1)).toEqual([]);
    expect(await second.briefings.outbox.stats()).toEqual({ sent: 30 });
    expect(second.adapters[0]?.health?.()).toMatchObject({ ok: true });
  });
});

describe('a message left `sending` longer than the nonce window', () => {
  async function crashAfterPost(posted: boolean) {
    const [channel] = ids(1);
    const fake = await fakeServer([{ id: channel!, name: 'news' }]);
    const dataDir = tempDir();
    const clock = fakeClock('2025-03-01T08:00:00Z');
    const later: { p?: Platforms } = {};
    cleanup.push(() => fake.shutdown({ destroy: () => later.p?.stop() }));
    const first = await start(fake, dataDir, clock);
    await subscribeAll(first, [channel!], '2025-03-01T08:00:00Z');
    if (!posted) await first.briefings.outbox.stop();
    await first.briefings.tick();
    if (posted) await first.briefings.outbox.drained();
    await first.stop();
    // The process died after Discord posted the message (or before), before it was recorded: the row
    // is still `sending`, first handed over long ago, and Discord has forgotten the nonce since.
    const longAgo = Date.now() - 10 * 60_000;
    const storage = await openStorage({ dataDir });
    await storage.db.updateTable('outbox').set({ status: 'sending', message_ids: null, sent_at: null, first_claimed_at: longAgo, attempts: 1 }).execute();
    await storage.close();
    fake.advanceClock(10 * 60_000);
    const p = (later.p = await start(fake, dataDir, clock));
    await p.briefings.outbox.drained();
    return { fake, p, channel: channel! };
  }

  it('finds the copy posted before the crash (its invisible marker) and does not post it again', async () => {
    const { fake, p, channel } = await crashAfterPost(true);
    expect(fake.posted.get(channel)).toBe(1);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${channel}/messages`)).toBe(true);
    const row = await p.storage.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(JSON.parse(row.message_ids ?? '[]')).toEqual([fake.sent(channel)[0]?.id]);
    expect(p.briefings.outbox.counters.recovered).toBe(1);
  });

  it('posts it when the channel has no copy', async () => {
    const { fake, channel } = await crashAfterPost(false);
    expect(fake.posted.get(channel)).toBe(1);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${channel}/messages`)).toBe(true);
  });

  it('the marker is invisible text at the end of the message, one per part, and shorter than the headroom', () => {
    const marker = markerFor('nbkey', 0);
    expect(marker).toMatch(/^(?:\u200B|\u200C|\u200D|\u2060){32}$/);
    expect(markerFor('nbkey', 1)).not.toBe(marker);
    expect(NONCE_WINDOW_MS).toBeLessThanOrEqual(180_000);
  });
});

describe('announcement channels', () => {
  it('take slash-command subscriptions and config targets; a target with crosspost publishes each digest', async () => {
    const [news, plain, other] = ids(3, 800_000_000_000_000_000n);
    const fake = await fakeServer([{ id: news!, name: 'announcements', type: 5 }, { id: plain!, name: 'general' }, { id: other!, name: 'bulletins', type: 5 }]);
    const clock = fakeClock('2025-03-01T07:00:00Z');
    const later: { p?: Platforms } = {};
    cleanup.push(() => fake.shutdown({ destroy: () => later.p?.stop() }));
    const p = (later.p = await start(fake, tempDir(), clock, {
      briefings: { sendWhenEmpty: true, targets: [{ platform: 'discord', chatId: news!, time: '08:00', timeZone: 'UTC', topics: [], crosspost: true }, { platform: 'discord', chatId: plain!, time: '08:00', timeZone: 'UTC', topics: [] }] },
    }));
    const ev = fake.deliver(fake.slashCommand('subscribe', { time: '08:00' }, { user: fake.user, channelId: other! }));
    const answer = await fake.waitForCallback(ev.id, 5000);
    expect(JSON.stringify(answer.data)).toContain('Subscribed');
    clock.set('2025-03-01T08:00:00Z');
    expect((await p.briefings.tick()).queued).toBe(3);
    await p.briefings.outbox.drained();
    expect(fake.posted.get(other!)).toBe(1);
    expect(fake.posted.get(news!)).toBe(1);
    expect(fake.posted.get(plain!)).toBe(1);
    const digest = fake.sent(news!)[0];
    expect(fake.crossposted.has(digest!.id)).toBe(true);
    expect(fake.requests.filter((r) => r.path.endsWith('/crosspost'))).toHaveLength(1);
    expect(fake.rejections).toEqual([]);
  });
});
