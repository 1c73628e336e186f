import { getTasks } from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { createBriefings } from '../../src/briefings/index.ts';
import { postText } from '../../src/bot/post.ts';
import { openTestStorage } from '../helpers/storage.ts';
import { localTime, nextRunAfter, zonedInstant } from '../../src/briefings/time.ts';
import { fakeClock, fakeStore, harness, message, recordingAdapter, servicesFor, tempDir, testConfig, type DocSpec, type Harness } from './helpers.ts';

const iso = (t: number) => new Date(t).toISOString();

describe('local time to UTC', () => {
  it('puts 08:00 Asia/Riyadh at 05:00 UTC every day (no daylight saving)', () => {
    expect(iso(zonedInstant('2025-03-30', '08:00', 'Asia/Riyadh'))).toBe('2025-03-30T05:00:00.000Z');
    expect(iso(nextRunAfter(Date.parse('2025-10-26T05:00:00Z'), '08:00', 'Asia/Riyadh'))).toBe('2025-10-27T05:00:00.000Z');
  });

  it('follows Europe/London across the last Sundays of March and October', () => {
    expect(iso(zonedInstant('2025-03-29', '08:00', 'Europe/London'))).toBe('2025-03-29T08:00:00.000Z');
    expect(iso(zonedInstant('2025-03-30', '08:00', 'Europe/London'))).toBe('2025-03-30T07:00:00.000Z');
    expect(iso(zonedInstant('2025-10-25', '08:00', 'Europe/London'))).toBe('2025-10-25T07:00:00.000Z');
    expect(iso(zonedInstant('2025-10-26', '08:00', 'Europe/London'))).toBe('2025-10-26T08:00:00.000Z');
  });

  it('runs a time skipped by spring-forward at the first valid minute after, and a repeated one once', () => {
    // 01:30 does not exist in London on 2025-03-30 (01:00 GMT -> 02:00 BST): 02:00 BST = 01:00Z.
    expect(iso(zonedInstant('2025-03-30', '01:30', 'Europe/London'))).toBe('2025-03-30T01:00:00.000Z');
    expect(localTime(zonedInstant('2025-03-30', '01:30', 'Europe/London'), 'Europe/London')).toBe('02:00');
    // 01:30 happens twice on 2025-10-26 (00:30Z BST, then 01:30Z GMT): the first one, then the next day.
    const first = zonedInstant('2025-10-26', '01:30', 'Europe/London');
    expect(iso(first)).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(nextRunAfter(first, '01:30', 'Europe/London'))).toBe('2025-10-27T01:30:00.000Z');
    expect(iso(nextRunAfter(first - 1, '01:30', 'Europe/London'))).toBe('2025-10-26T00:30:00.000Z');
  });
});

const docs: DocSpec[] = [
  { id: 'oil-en', title: 'Oil prices climb after OPEC cuts output', body: 'Oil prices rose on Monday after OPEC agreed to cut output. Traders said supply would tighten. The cut takes effect in May.', date: '2025-03-01T06:00:00Z' },
  { id: 'oil-ar', title: 'ارتفاع أسعار النفط بعد قرار أوبك', body: 'ارتفعت أسعار النفط يوم الاثنين بعد أن اتفقت أوبك على خفض الإنتاج. وقال متعاملون إن المعروض سيتراجع.', date: '2025-03-01T05:00:00Z' },
  { id: 'football', title: 'Late goal wins the cup final', body: 'A late goal won the cup final on Saturday. The coach praised his players. Fans celebrated in the streets.', date: '2025-03-01T04:00:00Z' },
];

let open: Harness[] = [];
afterEach(async () => {
  for (const h of open) {
    await h.briefings.stop();
    await h.storage.close();
  }
  open = [];
});

async function setup(start: string, options: { sendWhenEmpty?: boolean; graceHours?: number; dir?: string; documents?: DocSpec[] } = {}) {
  const clock = fakeClock(start);
  const store = fakeStore(options.documents ?? docs, clock.now);
  const adapter = recordingAdapter('telegram');
  const h = await harness({ adapters: [adapter], store, now: clock.now, config: testConfig({ sendWhenEmpty: options.sendWhenEmpty ?? true, graceHours: options.graceHours ?? 6 }), ...(options.dir ? { dir: options.dir } : {}) });
  open.push(h);
  await h.briefings.start();
  return { clock, store, adapter, ...h };
}

/** Ticks once a minute from `from` to `to` (inclusive) and returns the instants that queued a digest. */
async function tickEveryMinute(s: Awaited<ReturnType<typeof setup>>, from: string, to: string): Promise<string[]> {
  const fired: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 60_000) {
    s.clock.set(t);
    const r = await s.briefings.tick();
    if (r.queued + r.empty > 0) fired.push(iso(t));
  }
  return fired;
}

describe('scheduler with a fake clock', () => {
  it('sends the 08:00 Asia/Riyadh digest at 05:00 UTC, once a day', async () => {
    const s = await setup('2025-03-28T12:00:00Z');
    await s.briefings.commands.subscribe(message('telegram', '42'), '08:00 Asia/Riyadh', 'en');
    expect(await tickEveryMinute(s, '2025-03-29T04:58:00Z', '2025-03-29T05:03:00Z')).toEqual(['2025-03-29T05:00:00.000Z']);
    expect(await tickEveryMinute(s, '2025-03-30T04:58:00Z', '2025-03-30T05:01:00Z')).toEqual(['2025-03-30T05:00:00.000Z']);
    await s.briefings.outbox.drained();
    expect(s.adapter.sent.map((m) => m.target.chatId)).toEqual(['42', '42']);
  });

  it('sends the 08:00 Europe/London digest at 08:00 GMT and at 08:00 BST across both changes', async () => {
    const s = await setup('2025-03-28T12:00:00Z');
    await s.briefings.commands.subscribe(message('telegram', '7'), '08:00 Europe/London', 'en');
    expect(await tickEveryMinute(s, '2025-03-29T06:58:00Z', '2025-03-29T08:01:00Z')).toEqual(['2025-03-29T08:00:00.000Z']);
    // Sunday of the change: 08:00 BST is 07:00Z; nothing more at 08:00Z.
    expect(await tickEveryMinute(s, '2025-03-30T06:58:00Z', '2025-03-30T08:01:00Z')).toEqual(['2025-03-30T07:00:00.000Z']);

    const o = await setup('2025-10-24T12:00:00Z');
    await o.briefings.commands.subscribe(message('telegram', '8'), '08:00 Europe/London', 'en');
    expect(await tickEveryMinute(o, '2025-10-25T06:58:00Z', '2025-10-25T08:01:00Z')).toEqual(['2025-10-25T07:00:00.000Z']);
    expect(await tickEveryMinute(o, '2025-10-26T06:58:00Z', '2025-10-26T08:01:00Z')).toEqual(['2025-10-26T08:00:00.000Z']);
  });

  it('runs 01:30 London at 02:00 BST on spring-forward and once on fall-back', async () => {
    const s = await setup('2025-03-29T12:00:00Z');
    await s.briefings.commands.subscribe(message('telegram', '9'), '01:30 Europe/London', 'en');
    expect(await tickEveryMinute(s, '2025-03-30T00:00:00Z', '2025-03-30T02:30:00Z')).toEqual(['2025-03-30T01:00:00.000Z']);
    const o = await setup('2025-10-25T12:00:00Z');
    await o.briefings.commands.subscribe(message('telegram', '10'), '01:30 Europe/London', 'en');
    expect(await tickEveryMinute(o, '2025-10-26T00:00:00Z', '2025-10-26T02:30:00Z')).toEqual(['2025-10-26T00:30:00.000Z']);
    const rows = await o.storage.db.selectFrom('deliveries').selectAll().execute();
    expect(rows.map((r) => [r.local_date, r.slot])).toEqual([['2025-10-26', '01:30']]);
  });
});

describe('digest content', () => {
  it('holds the new documents, newest first, filtered by topics in Arabic and English', async () => {
    const s = await setup('2025-03-01T07:00:00Z', { sendWhenEmpty: false });
    const reply = await s.briefings.commands.subscribe(message('telegram', '5'), '07:30 Asia/Riyadh oil نفط', 'en');
    expect(postText(reply)).toContain('07:30 (Asia/Riyadh)');
    expect(postText(reply)).toContain('oil, نفط');
    s.clock.set('2025-03-02T04:30:00Z');
    expect((await s.briefings.tick()).queued).toBe(1);
    await s.briefings.outbox.drained();
    const text = postText(s.adapter.sent[0]!.post);
    expect(text).toContain('Oil prices climb');
    expect(text).toContain('أسعار النفط');
    expect(text).not.toContain('cup final');
    expect(text.indexOf('Oil prices climb')).toBeLessThan(text.indexOf('أسعار النفط'));

    // Only documents first seen since the last digest go into the next one, even with an old date.
    s.clock.advance(60_000);
    s.store.set([...docs, { id: 'oil-late', title: 'Oil tanker traffic resumes', body: 'Oil tankers sailed again on Tuesday. Shipping firms said the route was safe.', date: '2024-12-01T00:00:00Z' }]);
    s.clock.set('2025-03-03T04:30:00Z');
    expect((await s.briefings.tick()).queued).toBe(1);
    await s.briefings.outbox.drained();
    const second = postText(s.adapter.sent[1]!.post);
    expect(second).toContain('Oil tanker traffic resumes');
    expect(second).not.toContain('Oil prices climb');

    // Nothing new: nothing sent (sendWhenEmpty off), recorded as empty.
    s.clock.set('2025-03-04T04:30:00Z');
    expect(await s.briefings.tick()).toMatchObject({ queued: 0, empty: 1 });
  });

  it('/digest answers now with the chat topics or the given ones, and never advances the schedule', async () => {
    const s = await setup('2025-03-01T07:00:00Z');
    const post = await s.briefings.commands.digestNow(message('telegram', '77'), 'cup', 'en');
    expect(postText(post)).toContain('cup final');
    expect(postText(post)).not.toContain('OPEC');
    const ar = await s.briefings.commands.digestNow(message('telegram', '77'), 'النفط', 'ar');
    expect(postText(ar)).toContain('موجز الأخبار');
    expect(postText(ar)).toContain('أسعار النفط');
  });
});

describe('catch-up after downtime', () => {
  it('sends a digest missed by less than the grace period once, and skips older ones', async () => {
    const dir = tempDir();
    const a = await setup('2025-03-01T07:00:00Z', { dir });
    await a.briefings.commands.subscribe(message('telegram', '11'), '08:00 UTC', 'en');
    await a.briefings.stop();
    await a.storage.close();
    open = open.filter((h) => h !== a);

    // Down from before 08:00 until 11:00: sent once at start.
    const b = await setup('2025-03-01T11:00:00Z', { dir });
    await b.briefings.outbox.drained();
    expect(b.adapter.sent).toHaveLength(1);
    await b.briefings.stop();
    await b.storage.close();
    open = open.filter((h) => h !== b);

    // Restarting again at once sends nothing more.
    const c = await setup('2025-03-01T11:05:00Z', { dir });
    await c.briefings.outbox.drained();
    expect(c.adapter.sent).toHaveLength(0);
    await c.briefings.stop();
    await c.storage.close();
    open = open.filter((h) => h !== c);

    // Down for three days, back 7 h after the last 08:00: everything skipped (grace 6 h), recorded.
    const d = await setup('2025-03-04T15:00:00Z', { dir });
    await d.briefings.outbox.drained();
    expect(d.adapter.sent).toHaveLength(0);
    const rows = await d.storage.db.selectFrom('deliveries').select(['local_date', 'status']).orderBy('local_date').execute();
    expect(rows).toEqual([
      { local_date: '2025-03-01', status: 'queued' },
      { local_date: '2025-03-02', status: 'skipped' },
      { local_date: '2025-03-03', status: 'skipped' },
      { local_date: '2025-03-04', status: 'skipped' },
    ]);
    await d.briefings.stop();
    await d.storage.close();
    open = open.filter((h) => h !== d);

    // Down for two days, back 2 h after 08:00: the older day skipped, today's sent.
    const e = await setup('2025-03-07T10:00:00Z', { dir });
    await e.briefings.outbox.drained();
    expect(e.adapter.sent).toHaveLength(1);
    const last = await e.storage.db.selectFrom('deliveries').select(['local_date', 'status']).where('local_date', '>', '2025-03-04').orderBy('local_date').execute();
    expect(last).toEqual([
      { local_date: '2025-03-05', status: 'skipped' },
      { local_date: '2025-03-06', status: 'skipped' },
      { local_date: '2025-03-07', status: 'queued' },
    ]);
  });
});

describe('cron', () => {
  it('schedules the tick every minute on start and removes the task on stop', async () => {
    const storage = await openTestStorage({ dataDir: tempDir() });
    const store = fakeStore(docs);
    const before = getTasks().size;
    const b = createBriefings({ config: testConfig(), db: storage.db, adapters: [recordingAdapter()], services: servicesFor(store), store, log: servicesFor(store).log });
    await b.start();
    expect([...getTasks().values()].some((t) => t.name === 'newsbot-briefings')).toBe(true);
    await b.stop();
    expect(getTasks().size).toBe(before);
    await storage.close();
  });
});
