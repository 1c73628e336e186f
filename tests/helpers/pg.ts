// PostgreSQL for tests: is the server there, and a fresh database per test file, dropped after.
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';

/** The server the tests use (trust auth): NEWSBOT_TEST_POSTGRES_URL or the local default. */
export const PG_ADMIN_URL = process.env.NEWSBOT_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export type Probe = { ok: true } | { ok: false; reason: string };

/** Whether PostgreSQL answers within a second; the reason when it does not. */
export async function probePostgres(url = PG_ADMIN_URL): Promise<Probe> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `PostgreSQL at ${url} does not answer (${(error as Error).message || (error as { code?: string }).code})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** This machine, in database names: only its own dead test runs' leftovers are swept. */
const HOST = createHash('sha1').update(os.hostname()).digest('hex').slice(0, 6);
let swept = false;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Databases left by test processes of this machine that died before their clean-up (killed, timed out). */
async function sweep(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`newsbot\\_%\\_${HOST}\\_%`]);
  for (const { datname } of rows) {
    const pid = Number(datname.split('_').at(-2));
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) await client.query(`drop database if exists "${datname}" with (force)`).catch(() => undefined);
  }
}

/** A new, empty database; drop() removes it (closing what is still connected). */
export async function freshDatabase(tag = 'test'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `newsbot_${tag.replace(/\W/g, '_').slice(0, 12)}_${HOST}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await admin(async (c) => {
    if (!swept) {
      swept = true;
      await sweep(c);
    }
    await c.query(`create database "${name}"`);
  });
  return {
    url: withDatabase(PG_ADMIN_URL, name),
    name,
    drop: () => admin((c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}
