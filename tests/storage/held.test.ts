// holdConnection on the real PostgreSQL: a connection kept out of the pool for a LISTEN or a
// session lock, set up again with backoff when it drops or cannot be set up, given back exactly once
// (pg-pool throws on a second release), and never kept when stop() came during its setup. Skipped,
// with the reason, without PostgreSQL.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdConnection, type HoldOptions } from '../../src/storage/held.ts';
import { waitUntil } from '../briefings/helpers.ts';
import { freshDatabase, probePostgres } from '../helpers/pg.ts';

const postgres = await probePostgres();
if (!postgres.ok) process.stdout.write(`skipped: tests/storage/held.test.ts: ${postgres.reason}\n`);

const FAST = { baseMs: 20, maxMs: 200 };

describe.skipIf(!postgres.ok)('holdConnection (PostgreSQL)', () => {
  const pools: pg.Pool[] = [];
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase('held');
  });
  afterAll(async () => {
    for (const p of pools) await p.end();
    await db?.drop();
  });
  const pool = () => {
    const p = new pg.Pool({ connectionString: db.url, max: 3 });
    p.on('error', () => undefined); // an idle connection the server ends is the pool's to replace
    pools.push(p);
    return p;
  };
  /** Counts each hook's calls; `onHeld` may be replaced. */
  const hooks = (over: Partial<HoldOptions> = {}) => {
    const seen = { held: [] as number[], lost: 0, failed: 0, back: 0, stopped: 0 };
    const options: HoldOptions = {
      onHeld: async (_c, attempt) => void seen.held.push(attempt),
      onLost: () => void seen.lost++,
      onFailed: () => void seen.failed++,
      onBack: () => void seen.back++,
      onStop: async () => void seen.stopped++,
      backoff: FAST,
      ...over,
    };
    return { seen, options };
  };
  const backend = async (c: pg.PoolClient) => (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const terminate = async (pid: number) => {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.end();
  };

  it('holds one connection set up by onHeld, hears its notifications, and gives it back on stop', async () => {
    const p = pool();
    const heard: string[] = [];
    const { seen, options } = hooks({
      onHeld: async (c) => void (await c.query('LISTEN held_test')),
      onStop: async (c) => void (await c.query('UNLISTEN held_test')),
      onNotification: (m) => heard.push(m.payload ?? ''),
    });
    const held = holdConnection(p, options);
    await held.ready;
    const c = held.client()!;
    expect(c).toBeDefined();
    expect(held.since()!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(p.totalCount - p.idleCount).toBe(1);
    await p.query("select pg_notify('held_test', 'one')");
    await waitUntil(() => heard.includes('one'), 2000, 'the notification');
    await held.stop();
    expect(held.client()).toBeUndefined();
    expect(held.since()).toBeUndefined();
    expect(p.totalCount - p.idleCount).toBe(0); // back in the pool, not destroyed
    expect(c.listenerCount('notification')).toBe(0);
    expect(seen).toMatchObject({ lost: 0, failed: 0 });
  });

  it('a dropped connection is told once, given back once, and set up again with a new since', async () => {
    const { seen, options } = hooks();
    const held = holdConnection(pool(), options);
    await held.ready;
    const first = held.client()!;
    const since = held.since()!;
    // A dying connection can emit more than one error: a second release would throw here.
    first.emit('error', new Error('first'));
    first.emit('error', new Error('second'));
    expect(seen.lost).toBe(1);
    expect(held.client()).toBeUndefined();
    await waitUntil(() => held.client() !== undefined, 5000, 'held again');
    expect(held.client()).not.toBe(first);
    expect(held.since()!.getTime()).toBeGreaterThanOrEqual(since.getTime());
    expect(seen.back).toBe(1);

    await terminate(await backend(held.client()!)); // the server ends the session
    await waitUntil(() => seen.lost === 2 && held.client() !== undefined, 5000, 'held after the server ended it');
    await held.stop();
  });

  it('a setup that fails is given back and tried again with backoff, counting the attempts', async () => {
    const p = pool();
    let tries = 0;
    const { seen, options } = hooks({
      onHeld: async (_c, attempt) => {
        seen.held.push(attempt);
        if (++tries < 3) throw new Error('not yet');
      },
    });
    const held = holdConnection(p, options);
    await held.ready;
    expect(held.client()).toBeUndefined(); // the first try ended, not held
    await waitUntil(() => held.client() !== undefined, 5000, 'held on the third try');
    expect(seen.held).toEqual([0, 1, 2]);
    expect(seen).toMatchObject({ failed: 2, back: 1, lost: 0 });
    expect(p.totalCount).toBe(1); // the failed ones were destroyed, not left in the pool
    await held.stop();
  });

  it('stop() during the setup: the connection is undone and given back, never held', async () => {
    const p = pool();
    let proceed: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (proceed = resolve));
    let setUp = false;
    const { seen, options } = hooks({ onHeld: () => ((setUp = true), gate) });
    const held = holdConnection(p, options);
    await waitUntil(() => setUp, 5000, 'the setup started');
    const stopping = held.stop();
    proceed();
    await stopping;
    await held.ready;
    expect(held.client()).toBeUndefined();
    expect(seen.stopped).toBe(1);
    expect(p.totalCount - p.idleCount).toBe(0);
  });

  it('a connection the server ends after stop() gave it back is not released again (nothing thrown)', async () => {
    const p = pool();
    const { seen, options } = hooks();
    const held = holdConnection(p, options);
    await held.ready;
    const pid = await backend(held.client()!);
    await held.stop();
    await terminate(pid);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.lost).toBe(0);
    expect(held.client()).toBeUndefined();
  });
});
