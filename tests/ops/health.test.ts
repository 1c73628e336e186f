// The checks behind /healthz, each on its own: what they call healthy and how they name a problem.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/index.ts';
import { createRouter } from '../../src/bot/router.ts';
import { adapterCheck, createHealth, databaseCheck, schedulerCheck } from '../../src/ops/health.ts';
import { realServices } from '../helpers/services.ts';

describe('health checks', () => {
  it('scheduler: running with a tick in the last three minutes; overdue by more than two minutes is unhealthy', () => {
    let now = 1_000_000;
    let state: { running: boolean; lastTickAt?: number } = { running: true, lastTickAt: now };
    const check = schedulerCheck(() => state, () => now);
    expect(check()).toEqual({ ok: true, detail: 'last tick 0 s ago' });
    now += 180_000;
    expect(check()).toMatchObject({ ok: true });
    now += 1_000;
    expect(check()).toEqual({ ok: false, detail: 'a tick is overdue by 121 s' });
    state = { running: false, lastTickAt: now };
    expect(check()).toEqual({ ok: false, detail: 'the scheduler is not running' });
  });

  it('database: an error or no answer in 2 s is named', async () => {
    expect(await databaseCheck(async () => 1)()).toMatchObject({ ok: true });
    expect(await databaseCheck(async () => {
      throw new Error('The database connection is not open');
    })()).toEqual({ ok: false, detail: 'database: The database connection is not open' });
  });

  it('the console-only bot is healthy once it answers; a failing check is reported, not thrown', async () => {
    const services = await realServices();
    const console = createConsoleAdapter({ router: createRouter(services), input: new PassThrough(), output: new PassThrough() });
    const health = createHealth();
    let started = false;
    health.add('console', adapterCheck(console, () => started));
    expect(await health.report()).toEqual({ ok: false, checks: { console: { ok: false, detail: 'not started yet' } } });
    await console.start();
    started = true;
    expect(await health.report()).toEqual({ ok: true, checks: { console: { ok: true, detail: 'answering' } } });
    health.add('broken', () => {
      throw new Error('boom');
    });
    expect(await health.report()).toMatchObject({ ok: false, checks: { broken: { ok: false, detail: 'check failed: boom' } } });
    await console.stop();
  });
});
