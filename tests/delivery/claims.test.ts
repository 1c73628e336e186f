// Worker claim locks on the real PostgreSQL: a live process is known alive through its session's
// advisory lock (whatever its event loop does), a stopped or dropped one is not, and a dropped
// connection takes the same key again. Skipped, with the reason, without PostgreSQL.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresClaims } from '../../src/delivery/claims.ts';
import { waitUntil } from '../briefings/helpers.ts';
import { freshDatabase, probePostgres } from '../helpers/pg.ts';
import { memoryLogger } from '../helpers/services.ts';

const postgres = await probePostgres();
if (!postgres.ok) process.stdout.write(`skipped: tests/delivery/claims.test.ts: ${postgres.reason}\n`);

describe.skipIf(!postgres.ok)('worker claim locks (PostgreSQL)', () => {
  const pools: pg.Pool[] = [];
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase('claims');
  });
  afterAll(async () => {
    for (const p of pools) await p.end();
    await db?.drop();
  });
  /** One pool per "process": the advisory lock belongs to a session, not to a pool. */
  const pool = () => {
    const p = new pg.Pool({ connectionString: db.url, max: 3 });
    // As openPostgres does for the bot's pool: an idle connection the server ends (the cut below, or the
    // database dropped after the file) is the pool's to replace, not an uncaught error.
    p.on('error', () => undefined);
    pools.push(p);
    return p;
  };

  it('tells a live process from a stopped one, and never takes its own key for another', async () => {
    const a = postgresClaims(pool(), memoryLogger());
    const b = postgresClaims(pool(), memoryLogger());
    await Promise.all([a.ready, b.ready]);
    const key = a.key()!;
    expect(key).toBeGreaterThan(0);
    expect(b.key()).not.toBe(key);
    expect(a.mine(key)).toBe(true);
    expect(b.mine(key)).toBe(false);
    // Asking does not take the lock away: alive again and again.
    expect(await b.alive(key)).toBe(true);
    expect(await b.alive(key)).toBe(true);
    await a.stop();
    expect(a.key()).toBeUndefined();
    expect(a.lock().held).toBe(false);
    expect(await b.alive(key)).toBe(false);
    // A key nobody ever held is a dead process's.
    expect(await b.alive(12345)).toBe(false);
    await b.stop();
  });

  it('when its connection is cut, claims nothing until it holds the same key again', async () => {
    const log = memoryLogger();
    const a = postgresClaims(pool(), log);
    const b = postgresClaims(pool(), memoryLogger());
    await Promise.all([a.ready, b.ready]);
    const key = a.key()!;
    const before = a.lock();
    expect(before).toMatchObject({ held: true, key });
    expect(before.since!.getTime()).toBeLessThanOrEqual(Date.now());
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = $1", [key]);
    await admin.end();
    await waitUntil(async () => a.key() === undefined, 5000, 'the lost lock noticed');
    expect(a.lock()).toEqual({ held: false, key });
    await waitUntil(async () => a.key() === key, 10_000, 'the same key taken again');
    expect(a.lock().held).toBe(true);
    expect(a.lock().since!.getTime()).toBeGreaterThan(before.since!.getTime());
    expect(await b.alive(key)).toBe(true);
    expect(log.lines.some((l) => /claim connection to PostgreSQL dropped/.test(l.msg))).toBe(true);
    await a.stop();
    await b.stop();
  });
});
