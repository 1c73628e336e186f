// /healthz of a scaled-out process names Redis among its checks; here against the real Redis and a closed port.
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { planRole } from '../../src/roles.ts';
import { scaleOut } from '../../src/scale.ts';
import { memoryLogger } from '../helpers/services.ts';
import { probeRedis, REDIS_TEST_URL } from '../helpers/redis.ts';

const redis = await probeRedis();
if (!redis.ok) console.log(`skipped: scale-out health checks (${redis.reason})`);

const configWith = (redisUrl?: string) => ({ secrets: redisUrl ? { redisUrl } : {} }) as unknown as Config;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

describe('scale-out health checks', () => {
  it('adds none without NEWSBOT_REDIS_URL', async () => {
    const scale = await scaleOut(configWith(), planRole('all', configWith()), undefined, memoryLogger());
    expect(scale.checks()).toEqual([]);
    await scale.stop();
  });

  it.skipIf(!redis.ok)('reports Redis ready when it answers', async () => {
    const config = configWith(REDIS_TEST_URL);
    const scale = await scaleOut(config, planRole('all', config), undefined, memoryLogger());
    const checks = new Map(scale.checks());
    expect([...checks.keys()]).toEqual(['redis']);
    const health = await until(() => checks.get('redis')!(), (h) => h.ok);
    expect(health).toMatchObject({ ok: true });
    await scale.stop();
  });

  it('reports Redis down, with the reason and without the password, when nothing listens', async () => {
    const config = configWith('redis://:hunter2secret@127.0.0.1:1');
    const scale = await scaleOut(config, planRole('all', config), undefined, memoryLogger());
    const check = new Map(scale.checks()).get('redis')!;
    const health = await until(() => check(), (h) => /ECONNREFUSED|connect/i.test(h.detail));
    expect(health.ok).toBe(false);
    expect(health.detail).not.toContain('hunter2secret');
    await scale.stop();
  });
});
