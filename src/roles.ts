// What each process does when newsbot runs as several (`newsbot start --role ...`): one role, or all
// of them in one process (the default, and the only role without PostgreSQL and Redis).
import type { Config } from './config.ts';

export const ROLES = ['all', 'web', 'worker', 'scheduler'] as const;
export type Role = (typeof ROLES)[number];

export interface RolePlan {
  role: Role;
  /** Start the platforms for incoming updates (Telegram webhook or polling, Discord gateway). */
  receive: boolean;
  /** Telegram long polling: one process only, so only `all`; `web` needs the webhook. */
  pollTelegram: boolean;
  /** Send briefing messages (from the queues with Redis). */
  send: boolean;
  /** Find due digests, poll feeds, follow the content folder. */
  schedule: boolean;
}

export class RoleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoleError';
  }
}

/** `--role web`, `--role=web`, or NEWSBOT_ROLE; default all. */
export function roleFrom(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Role {
  let value: string | undefined = env.NEWSBOT_ROLE?.trim() || undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--role') value = argv[i + 1];
    else if (arg.startsWith('--role=')) value = arg.slice('--role='.length);
  }
  if (value === undefined || value === '') return 'all';
  if (!(ROLES as readonly string[]).includes(value)) throw new RoleError(`newsbot: unknown role "${value}"; expected one of ${ROLES.join(', ')}`);
  return value as Role;
}

export function planRole(role: Role, config: Pick<Config, 'secrets'>): RolePlan {
  if (role !== 'all') {
    const missing = [config.secrets.databaseUrl ? '' : 'NEWSBOT_DATABASE_URL (PostgreSQL)', config.secrets.redisUrl ? '' : 'NEWSBOT_REDIS_URL (Redis)'].filter(Boolean);
    if (missing.length) throw new RoleError(`newsbot: --role ${role} shares its work with other processes and needs ${missing.join(' and ')}; without them run one process with --role all`);
  }
  return {
    role,
    receive: role === 'all' || role === 'web',
    pollTelegram: role === 'all',
    send: role === 'all' || role === 'worker',
    schedule: role === 'all' || role === 'scheduler',
  };
}
