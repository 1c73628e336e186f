import { defineConfig, type TestProjectInlineConfiguration, type ViteUserConfig } from 'vitest/config';
import { probePostgres } from '../tests/helpers/pg.ts';

/** The storage suite runs a second time on PostgreSQL (a fresh database per test file). */
export const DUAL_DIALECT_TESTS = ['tests/storage/**/*.test.ts', 'tests/news/store.test.ts', 'tests/briefings/outbox.test.ts', 'tests/briefings/schedule.test.ts', 'tests/briefings/digest.test.ts', 'tests/sources/poller.test.ts', 'tests/sources/failures.test.ts'];

const shared = {
  testTimeout: 20_000,
  hookTimeout: 20_000,
  // Platform tests open real sockets; forks keep a stuck client from taking the run with it.
  pool: 'forks' as const,
};

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const pg = await probePostgres();
  if (!pg.ok) process.stdout.write(`skipped: the PostgreSQL run of the storage suite (${DUAL_DIALECT_TESTS.length} files): ${pg.reason}\n`);
  const projects: TestProjectInlineConfiguration[] = [{ extends: true, test: { name: 'sqlite', include: ['tests/**/*.test.ts'] } }];
  if (pg.ok) projects.push({ extends: true, test: { name: 'postgres', include: DUAL_DIALECT_TESTS, env: { NEWSBOT_TEST_DIALECT: 'postgres' } } });
  return {
    test: {
      root: new URL('..', import.meta.url).pathname,
      ...shared,
      projects,
    },
  };
});
