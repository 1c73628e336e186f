// Several processes over one PostgreSQL database: two schedulers racing for the same due digests
// claim each once (the UNIQUE delivery row), and a document stored by one process is seen by another
// through LISTEN/NOTIFY. Each "process" has its own connection pool. Skipped, with the reason, when
// PostgreSQL does not answer.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefings } from '../../src/briefings/index.ts';
import { parseDocument } from '../../src/news/parse.ts';
import { createNewsStore, type NewsStore } from '../../src/news/store.ts';
import { openStorage, type Storage } from '../../src/storage/db.ts';
import { createDocumentPersistence } from '../../src/storage/documents.ts';
import { listenForDocuments } from '../../src/storage/notify.ts';
import { fakeStore, recordingAdapter, servicesFor, testConfig, waitUntil } from '../briefings/helpers.ts';
import { freshDatabase, probePostgres } from '../helpers/pg.ts';
import { memoryLogger } from '../helpers/services.ts';

const pg = await probePostgres();
if (!pg.ok) process.stdout.write(`skipped: tests/scale/shared.test.ts: ${pg.reason}\n`);

describe.skipIf(!pg.ok)('processes sharing PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  const opened: Storage[] = [];
  const open = async () => {
    const s = await openStorage({ dataDir: '.', url, postgres: { connectAttempts: 1, poolSize: 4 } });
    opened.push(s);
    return s;
  };
  beforeAll(async () => {
    ({ url, drop } = await freshDatabase('shared'));
  });
  afterAll(async () => {
    for (const s of opened) await s.close();
    await drop?.();
  });

  it('two schedulers racing for the same 300 due digests claim each exactly once', async () => {
    const [a, b] = [await open(), await open()];
    const t = Date.parse('2025-03-01T08:00:00Z');
    const rows = Array.from({ length: 300 }, (_, i) => ({ platform: 'telegram', chat_id: String(5000 + i), thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: t - 86_400_000, next_run_at: t, created_at: t, updated_at: t }));
    await a.db.insertInto('subscriptions').values(rows).execute();
    const store = fakeStore([{ id: 'oil', title: 'Oil prices climb after OPEC cuts output', body: 'Oil prices rose on Monday. Traders said supply would tighten.', date: '2025-03-01T06:00:00Z' }]);
    const scheduler = (s: Storage) => createBriefings({ config: testConfig({ sendWhenEmpty: true }), db: s.db, adapters: [recordingAdapter('telegram')], services: servicesFor(store), store, log: memoryLogger(), now: () => t + 1000, cron: false });
    const [one, two] = [scheduler(a), scheduler(b)];
    const [r1, r2] = await Promise.all([one.tick(), two.tick()]);
    const deliveries = await a.db.selectFrom('deliveries').select(['subscription_id']).execute();
    const outbox = await a.db.selectFrom('outbox').select(['chat_id']).execute();
    process.stdout.write(`racing schedulers: ${r1.queued} + ${r2.queued} digests queued\n`);
    expect(r1.queued + r2.queued).toBe(300);
    expect(new Set(deliveries.map((d) => d.subscription_id)).size).toBe(300);
    expect(deliveries).toHaveLength(300);
    expect(new Set(outbox.map((o) => o.chat_id)).size).toBe(outbox.length);
  });

  it('a document stored by one process is in the library of another within 2 s (LISTEN/NOTIFY)', async () => {
    const [a, b] = [await open(), await open()];
    const log = memoryLogger();
    const storeOf = (s: Storage) => createNewsStore({ summarySentences: 2, log, persistence: createDocumentPersistence(s.db) });
    const writer: NewsStore = await storeOf(a);
    const reader: NewsStore = await storeOf(b);
    const heard: string[] = [];
    const notices = listenForDocuments(b.pool!, log, (change) => void reader.refresh(change.changed, change.removed));
    const publisher = listenForDocuments(a.pool!, log, () => undefined);
    writer.onDocuments((e) => void publisher.publish({ changed: [...e.added, ...e.changed].map((x) => x.doc.id), removed: e.removed }));
    reader.onDocuments((e) => heard.push(...e.added.map((x) => `${x.doc.id}:${String(e.remote)}`)));
    await waitUntil(() => notices.listening() && publisher.listening(), 5000, 'listening');
    const started = Date.now();
    await writer.ingest([parseDocument('rain.txt', new TextEncoder().encode('Rain in Cairo\n\nHeavy rain fell on Cairo on Tuesday. Roads were closed for hours.\n'), new Date('2025-03-01T06:00:00Z'))]);
    await waitUntil(() => reader.library().briefs.some((x) => x.doc.id === 'rain'), 2000, 'the other process to see it');
    process.stdout.write(`document seen by another process after ${Date.now() - started} ms\n`);
    expect(heard).toEqual(['rain:true']);
    await writer.remove(['rain']);
    await waitUntil(() => !reader.library().briefs.some((x) => x.doc.id === 'rain'), 2000, 'the removal');
    await notices.stop();
    await publisher.stop();
  });
  it('a listening connection killed twice is opened again, and one killed after stop() is let go quietly', async () => {
    const [a, b] = [await open(), await open()];
    const log = memoryLogger();
    const seen: string[] = [];
    const notices = listenForDocuments(b.pool!, log, (change) => seen.push(...change.changed));
    const publisher = listenForDocuments(a.pool!, log, () => undefined);
    const kill = (query: string) => sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query ilike ${query}`.execute(a.db);
    await waitUntil(() => notices.listening() && publisher.listening(), 5000, 'listening');
    for (const round of [1, 2]) {
      await kill('listen%');
      await waitUntil(() => !notices.listening(), 5000, `the drop (${round})`);
      await waitUntil(() => notices.listening() && publisher.listening(), 10_000, `listening again (${round})`);
    }
    await publisher.publish({ changed: ['after-drops'], removed: [] });
    await waitUntil(() => seen.includes('after-drops'), 2000, 'a notice after the drops');
    await notices.stop();
    await publisher.stop();
    // Both connections are idle in their pools now; killing them must not release them a second time.
    await kill('unlisten%');
    await new Promise((r) => setTimeout(r, 300));
    expect(log.lines.filter((l) => /dropped/.test(l.msg)).length).toBeGreaterThanOrEqual(2);
  });
});
