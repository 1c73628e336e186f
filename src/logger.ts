import pino from 'pino';
import type { Logger } from './bot/types.ts';

/** Replaces every secret value (tokens, webhook secret) wherever it appears in a string. */
export function createScrubber(secrets: string[]): (text: string) => string {
  const values = secrets.filter((s) => s.length >= 6);
  if (values.length === 0) return (text) => text;
  const pattern = new RegExp(values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (text) => text.replace(pattern, '[secret]');
}

function scrubDeep(value: unknown, scrub: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { type: value.name, message: scrub(value.message), stack: value.stack ? scrub(value.stack) : undefined, ...(scrubDeep({ ...value }, scrub, depth + 1) as object) };
  }
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, scrub, depth + 1);
  return out;
}

/**
 * Logs go to stderr, so the console bot's stdout carries only replies. Readable on a terminal,
 * JSON lines otherwise; secrets are scrubbed from messages, errors and fields.
 */
export function createLogger(level: string, secrets: string[] = [], options: { pretty?: boolean; destination?: pino.DestinationStream } = {}): Logger & pino.Logger {
  const scrub = createScrubber(secrets);
  const pretty = options.pretty ?? Boolean(process.stderr.isTTY);
  return pino({
    level,
    base: undefined,
    // Fields that hold secrets by name, whatever their value (the scrubber catches known values anywhere).
    redact: { paths: ['token', '*.token', 'secrets', '*.secrets', 'headers.authorization', '*.headers.authorization', 'req.headers.authorization'], censor: '[secret]' },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => scrubDeep(a, scrub)) as Parameters<typeof method>);
      },
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  }, pretty ? undefined : (options.destination ?? pino.destination({ dest: 2, sync: true }))) as Logger & pino.Logger;
}
