import { describe, expect, it } from 'vitest';
import { planRole, roleFrom, RoleError } from '../src/roles.ts';

describe('roles', () => {
  it('reads --role, --role=, NEWSBOT_ROLE, and defaults to all', () => {
    expect(roleFrom([], {})).toBe('all');
    expect(roleFrom(['--role', 'worker'], {})).toBe('worker');
    expect(roleFrom(['--console', '--role=web'], {})).toBe('web');
    expect(roleFrom([], { NEWSBOT_ROLE: 'scheduler' })).toBe('scheduler');
    expect(() => roleFrom(['--role', 'boss'], {})).toThrow(/unknown role "boss"; expected one of all, web, worker, scheduler/);
  });

  it('gives each role its part, and refuses a shared role without PostgreSQL and Redis', () => {
    const both = { secrets: { databaseUrl: 'postgres://h/db', redisUrl: 'redis://h' } };
    expect(planRole('all', { secrets: {} })).toEqual({ role: 'all', receive: true, pollTelegram: true, send: true, schedule: true });
    expect(planRole('web', both)).toMatchObject({ receive: true, pollTelegram: false, send: false, schedule: false });
    expect(planRole('worker', both)).toMatchObject({ receive: false, send: true, schedule: false });
    expect(planRole('scheduler', both)).toMatchObject({ receive: false, send: false, schedule: true });
    const error = (() => {
      try {
        planRole('worker', { secrets: { databaseUrl: 'postgres://h/db' } });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(RoleError);
    expect(error?.message).toMatch(/--role worker .* needs NEWSBOT_REDIS_URL \(Redis\)/);
  });
});
