import { afterEach, describe, expect, it } from 'vitest';
import { postText } from '../../src/bot/post.ts';
import { fakeClock, fakeStore, harness, message, recordingAdapter, SendError, tempDir, testConfig, type DocSpec, type Harness } from './helpers.ts';

const docs: DocSpec[] = [{ id: 'a', title: 'Markets rally on rate hopes', body: 'Shares rose on Monday. Investors expect lower rates. Banks led the gains.', date: '2025-03-01T06:00:00Z' }];

let open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) {
    await h.briefings.stop();
    await h.storage.close();
  }
});

async function make(dir: string, adapter = recordingAdapter('telegram'), at = '2025-03-01T07:00:00Z', maxFailures?: number) {
  const clock = fakeClock(at);
  const h = await harness({ dir, adapters: [adapter], store: fakeStore(docs), now: clock.now, config: testConfig({ sendWhenEmpty: true }), ...(maxFailures ? { outbox: { maxFailures, backoff: { baseMs: 10, maxMs: 40 } } } : {}) });
  open.push(h);
  return { ...h, clock, adapter };
}
async function close(h: Harness) {
  await h.briefings.stop();
  await h.storage.close();
  open = open.filter((x) => x !== h);
}
const statuses = async (h: Harness) => (await h.storage.db.selectFrom('outbox').select(['status', 'recovered', 'attempts', 'last_error']).orderBy('id').execute());

describe('exactly once across restarts', () => {
  it('resumes a digest claimed but not yet sent when the process stopped, without sending it twice', async () => {
    const dir = tempDir();
    const a = await make(dir);
    await a.briefings.commands.subscribe(message('telegram', '100'), '08:00 UTC', 'en');
    a.clock.set('2025-03-01T08:00:00Z');
    expect((await a.briefings.tick()).queued).toBe(1); // claimed and queued, outbox never started
    await close(a);

    const b = await make(dir, recordingAdapter('telegram'), '2025-03-01T08:01:00Z');
    await b.briefings.start();
    await b.briefings.outbox.drained();
    expect(b.adapter.sent).toHaveLength(1);
    expect(postText(b.adapter.sent[0]!.post)).toContain('Markets rally');
    expect(await b.briefings.tick()).toMatchObject({ due: 0 });
    expect((await statuses(b)).map((r) => r.status)).toEqual(['sent']);
    await close(b);

    const c = await make(dir, recordingAdapter('telegram'), '2025-03-01T09:00:00Z');
    await c.briefings.start();
    await c.briefings.outbox.drained();
    expect(c.adapter.sent).toHaveLength(0);
  });

  it('retries a message left `sending` by a crash and counts it as recovered', async () => {
    const dir = tempDir();
    const a = await make(dir);
    await a.briefings.commands.subscribe(message('telegram', '101'), '08:00 UTC', 'en');
    a.clock.set('2025-03-01T08:00:00Z');
    await a.briefings.tick();
    await a.storage.db.updateTable('outbox').set({ status: 'sending', attempts: 1 }).execute();
    await close(a);

    const b = await make(dir, recordingAdapter('telegram'), '2025-03-01T08:01:00Z');
    await b.briefings.start();
    await b.briefings.outbox.drained();
    expect(b.briefings.outbox.counters.recovered).toBe(1);
    expect(b.adapter.sent).toHaveLength(1);
    expect(b.adapter.sent[0]?.key).toMatch(/^nb[\w-]{12}$/);
    expect(await statuses(b)).toEqual([{ status: 'sent', recovered: 1, attempts: 2, last_error: null }]);
    expect(b.log.lines.some((l) => l.level === 'warn' && /were being sent when the bot last stopped/.test(l.msg))).toBe(true);
  });

  it('sends nothing when another process already claimed the same (subscription, local date, slot)', async () => {
    const h = await make(tempDir());
    await h.briefings.start();
    await h.briefings.commands.subscribe(message('telegram', '102'), '08:00 UTC', 'en');
    const sub = await h.storage.db.selectFrom('subscriptions').select('id').executeTakeFirstOrThrow();
    // The other process's claim, as it lands in the shared database.
    await h.storage.db.insertInto('deliveries').values({ subscription_id: sub.id, local_date: '2025-03-01', slot: '08:00', status: 'queued', scheduled_at: Date.parse('2025-03-01T08:00:00Z'), documents: 1, created_at: 0 }).execute();
    h.clock.set('2025-03-01T08:00:00Z');
    expect(await h.briefings.tick()).toMatchObject({ due: 1, queued: 0 });
    await h.briefings.outbox.drained();
    expect(h.adapter.sent).toHaveLength(0);
    // The schedule still moves on to the next day.
    const next = await h.storage.db.selectFrom('subscriptions').select('next_run_at').executeTakeFirstOrThrow();
    expect(next.next_run_at).toBe(Date.parse('2025-03-02T08:00:00Z'));
  });
});

describe('send errors', () => {
  async function oneDigest(adapter: ReturnType<typeof recordingAdapter>, maxFailures?: number) {
    const h = await make(tempDir(), adapter, '2025-03-01T07:00:00Z', maxFailures);
    await h.briefings.start();
    await h.briefings.commands.subscribe(message('telegram', '200'), '08:00 UTC', 'en');
    h.clock.set('2025-03-01T08:00:00Z');
    await h.briefings.tick();
    await h.briefings.outbox.drained();
    return h;
  }

  it('retries transient errors with backoff, then sends', async () => {
    const adapter = recordingAdapter();
    adapter.state.fail = (_t, n) => (n < 2 ? new SendError('transient', '502: Bad Gateway') : undefined);
    const h = await oneDigest(adapter);
    expect(adapter.sent).toHaveLength(1);
    expect(await statuses(h)).toEqual([{ status: 'sent', recovered: 0, attempts: 3, last_error: null }]);
  });

  it('marks a message failed after the capped number of transient failures, with the last error', async () => {
    const adapter = recordingAdapter();
    adapter.state.fail = () => new SendError('transient', 'socket hang up');
    const h = await oneDigest(adapter, 3);
    expect(await statuses(h)).toEqual([{ status: 'failed', recovered: 0, attempts: 3, last_error: 'socket hang up' }]);
  });

  it('marks an invalid message failed with the reason and keeps the subscription', async () => {
    const adapter = recordingAdapter();
    adapter.state.fail = () => new SendError('invalid', "400: Bad Request: can't parse entities");
    const h = await oneDigest(adapter);
    expect((await statuses(h))[0]).toMatchObject({ status: 'failed', last_error: "invalid: 400: Bad Request: can't parse entities" });
    expect((await h.storage.db.selectFrom('subscriptions').select('active').executeTakeFirstOrThrow()).active).toBe(1);
  });

  it('deactivates the subscription on forbidden and says why in /subscriptions', async () => {
    const adapter = recordingAdapter();
    adapter.state.fail = () => new SendError('forbidden', '403: Forbidden: bot was blocked by the user');
    const h = await oneDigest(adapter);
    const sub = await h.storage.db.selectFrom('subscriptions').selectAll().executeTakeFirstOrThrow();
    expect(sub.active).toBe(0);
    expect(sub.deactivated_reason).toContain('bot was blocked');
    expect(h.log.lines.some((l) => l.level === 'warn' && /briefing is deactivated/.test(l.msg))).toBe(true);
    expect(postText(await h.briefings.commands.list(message('telegram', '200'), 'en'))).toMatch(/paused: .*bot was blocked/);
    // Inactive: not due any more.
    h.clock.set('2025-03-02T08:00:00Z');
    expect((await h.briefings.tick()).due).toBe(0);
    // Subscribing again turns it back on.
    await h.briefings.commands.subscribe(message('telegram', '200'), '', 'en');
    expect((await h.storage.db.selectFrom('subscriptions').select('active').executeTakeFirstOrThrow()).active).toBe(1);
  });

  it('pauses the platform for retry_after on rate_limited and loses nothing', async () => {
    const adapter = recordingAdapter();
    const failedAt: number[] = [];
    adapter.state.fail = (_t, n) => {
      if (n < 3) {
        failedAt.push(Date.now());
        return new SendError('rate_limited', '429: Too Many Requests: retry after 0.2', 200);
      }
      return undefined;
    };
    const h = await make(tempDir(), adapter);
    await h.briefings.start();
    for (const chat of ['300', '301', '302', '303']) await h.briefings.commands.subscribe(message('telegram', chat), '08:00 UTC', 'en');
    h.clock.set('2025-03-01T08:00:00Z');
    await h.briefings.tick();
    const started = Date.now();
    await h.briefings.outbox.drained();
    expect(adapter.sent.map((s) => s.target.chatId).sort()).toEqual(['300', '301', '302', '303']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(h.briefings.outbox.counters.rateLimited).toBe(3);
    expect((await statuses(h)).every((r) => r.status === 'sent')).toBe(true);
  });
});

describe('who may change a briefing', () => {
  it('lets anyone in a private chat, only admins in a group or channel, and keeps forum topics apart', async () => {
    const adapter = recordingAdapter('telegram', new Set(['-100500:1'])) as ReturnType<typeof recordingAdapter>;
    const h = await make(tempDir(), adapter);
    const group = (userId: string, threadId?: string) => message('telegram', '-100500', { chatType: 'group', userId, ...(threadId ? { threadId } : {}) });
    expect(postText(await h.briefings.commands.subscribe(message('telegram', '55'), '', 'en'))).toContain('Subscribed');
    expect(postText(await h.briefings.commands.subscribe(group('2'), '09:00', 'en'))).toContain('Only the admins');
    expect(postText(await h.briefings.commands.unsubscribe(group('2'), '', 'ar'))).toContain('مشرفوها');
    expect(postText(await h.briefings.commands.subscribe(group('1'), '09:00 Asia/Riyadh sport', 'en'))).toContain('09:00 (Asia/Riyadh)');
    expect(postText(await h.briefings.commands.subscribe(group('1', '77'), '06:15 oil', 'en'))).toContain('06:15');
    const listed = postText(await h.briefings.commands.list(group('2'), 'en'));
    expect(listed).toContain('09:00 (Asia/Riyadh), topics: sport');
    expect(listed).toContain('topic/thread 77: every day at 06:15 (UTC), topics: oil');
    expect(postText(await h.briefings.commands.subscribe(group('1'), '26:00', 'en'))).toContain('is not a time of day');
    expect(postText(await h.briefings.commands.subscribe(group('1'), 'Mars/Olympus', 'en'))).toContain('not a time zone');
    expect(postText(await h.briefings.commands.unsubscribe(group('1', '77'), '', 'en'))).toContain('Unsubscribed');
    expect(await h.storage.db.selectFrom('subscriptions').select(['chat_id', 'thread_id']).orderBy('id').execute()).toEqual([
      { chat_id: '55', thread_id: '' },
      { chat_id: '-100500', thread_id: '' },
    ]);
  });

  it('upserts fixed targets from config and will not let a chat change them', async () => {
    const config = testConfig({ targets: [{ platform: 'telegram', chatId: '-100900', threadId: '3', time: '07:00', timeZone: 'Asia/Riyadh', topics: ['oil'] }] });
    const clock = fakeClock('2025-03-01T00:00:00Z');
    const h = await harness({ adapters: [recordingAdapter('telegram', new Set(['-100900:1']))], store: fakeStore(docs), now: clock.now, config });
    open.push(h);
    await h.briefings.start();
    await h.briefings.start().catch(() => undefined);
    const rows = await h.storage.db.selectFrom('subscriptions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ chat_id: '-100900', thread_id: '3', time: '07:00', time_zone: 'Asia/Riyadh', source: 'config', next_run_at: Date.parse('2025-03-01T04:00:00Z') });
    const reply = await h.briefings.commands.subscribe(message('telegram', '-100900', { chatType: 'group', userId: '1', threadId: '3' }), '09:00', 'en');
    expect(postText(reply)).toContain('configuration');
  });
});
