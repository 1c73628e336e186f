// The jobs of one process waiting for a full overall window stand in line: only the first asks the
// shared limiter, so a full window costs one Redis call per freed slot, not one per waiting job.
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import type { Acquire } from '../../src/briefings/limiter.ts';
import type { ResultContext } from '../../src/briefings/outbox-results.ts';
import { localClaims } from '../../src/delivery/claims.ts';
import { createLine, slot, type SendContext } from '../../src/delivery/send-job.ts';
import type { SharedLimiter } from '../../src/delivery/shared-limiter.ts';
import { recordingAdapter } from '../briefings/helpers.ts';

/** A full overall window that frees one slot when the test says so; every refused try is counted. */
function fullWindow() {
  let calls = 0;
  let free = 0;
  const limiter: SharedLimiter = {
    acquire: async (): Promise<Acquire> => {
      calls++;
      if (free === 0) return { ok: false, waitMs: 0, scope: 'global' };
      free--;
      return { ok: true, done: () => undefined };
    },
    pause: async () => undefined,
  };
  return { limiter, calls: () => calls, freeOne: () => void free++ };
}
const turn = () => new Promise((r) => setTimeout(r, 0));

describe('waiting for the overall window', () => {
  it('asks the limiter only from the first in line, however many jobs of the process wait', async () => {
    const window = fullWindow();
    const ctx: SendContext = { results: { halted: new Map() } as unknown as ResultContext, adapter: recordingAdapter('telegram'), limiter: window.limiter, stopping: () => false, inFlight: new Set(), line: createLine(), claims: localClaims(), recheckMs: 1000, counts: { deferred: 0 } };
    const job = {} as Job;
    const taken = Promise.all(Array.from({ length: 20 }, (_, i) => slot(ctx, String(i), `m${i}`, job, undefined)));
    for (let i = 0; i < 20; i++) {
      for (let t = 0; t < 5; t++) await turn();
      window.freeOne();
    }
    expect(await taken).toHaveLength(20);
    // A first try each, then about one try per turn of the loop from the head of the line (5 turns
    // per freed slot); twenty jobs polling on their own would make about twenty per turn.
    expect(window.calls()).toBeLessThanOrEqual(20 + 20 * 8);
    expect(ctx.line.waiting).toBe(0);
  });
});
