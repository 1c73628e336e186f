import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/briefings/limiter.ts';

/** Drives a limiter on a simulated clock: sends as fast as it allows, each answered after a random latency. */
function simulate(options: { limit: number; windowMs: number; latency: () => number; durationMs: number; perChat?: number; chats?: number }) {
  let t = 0;
  const limiter = createLimiter({ global: { limit: options.limit, windowMs: options.windowMs }, ...(options.perChat ? { perChat: { limit: options.perChat, windowMs: 1000 } } : {}), now: () => t });
  const arrivals: { at: number; chat: string }[] = [];
  const answers: { at: number; done: () => void }[] = [];
  let chat = 0;
  while (t < options.durationMs) {
    answers.sort((a, b) => a.at - b.at);
    while (answers[0] && answers[0].at <= t) answers.shift()!.done();
    const id = String(chat % (options.chats ?? 1_000_000));
    const a = limiter.acquire(id);
    if (a.ok) {
      chat++;
      const latency = options.latency();
      // The platform sees the request somewhere between the send and the answer.
      arrivals.push({ at: t + Math.random() * latency, chat: id });
      answers.push({ at: t + latency, done: a.done });
    } else t += 0.25;
  }
  return arrivals.sort((a, b) => a.at - b.at);
}

function maxInWindow(times: number[], windowMs: number): number {
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while ((times[lo] ?? 0) <= (times[hi] ?? 0) - windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

describe('limiter', () => {
  it('never lets more than the limit arrive in any window, whatever the latency, and uses most of it', () => {
    const arrivals = simulate({ limit: 300, windowMs: 1000, latency: () => 1 + Math.random() * (Math.random() < 0.05 ? 200 : 10), durationMs: 10_000 });
    expect(maxInWindow(arrivals.map((a) => a.at), 1000)).toBeLessThanOrEqual(300);
    expect(arrivals.length / 10).toBeGreaterThan(280);
  });

  it('keeps each chat within its own limit', () => {
    const arrivals = simulate({ limit: 1000, windowMs: 1000, perChat: 1, chats: 3, latency: () => 2 + Math.random() * 20, durationMs: 5000 });
    for (const chat of ['0', '1', '2']) expect(maxInWindow(arrivals.filter((a) => a.chat === chat).map((a) => a.at), 1000)).toBeLessThanOrEqual(1);
  });

  it('pauses everything for retry_after', () => {
    let t = 0;
    const limiter = createLimiter({ global: { limit: 30, windowMs: 1000 }, now: () => t });
    limiter.pause(1500);
    expect(limiter.acquire('1')).toEqual({ ok: false, waitMs: 1500, scope: 'paused' });
    t = 1500;
    expect(limiter.acquire('1').ok).toBe(true);
  });
});
