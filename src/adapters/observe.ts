// One log line and one count per handled update, the same on every platform. The counting goes
// through a small interface handed in by the wiring, so no platform code knows about Prometheus.
import { parseCommand } from '../bot/router.ts';
import type { Logger } from '../bot/types.ts';

export interface HandledUpdate {
  platform: string;
  /** What arrived: a message, a button press, an inline query, a slash command... */
  kind: string;
  /** The platform's update or interaction id. */
  id?: string;
  /** A known command name, `text` for a plain message, `unknown` for a command the bot does not have. */
  command: string;
  durationMs: number;
  ok: boolean;
}

/** What adapters report to; the wiring turns it into metrics. */
export interface UpdateObserver {
  handled(update: HandledUpdate): void;
  /** A platform answered 429 to a reply (not the outbox: it reports its own). */
  rateLimited?(platform: string, retryAfterMs: number): void;
}

/**
 * The label of a message's command: bounded to the commands the bot has, so a user typing
 * `/anything` cannot add a metric series.
 */
export function commandLabel(text: string, known: (name: string) => boolean): string {
  const parsed = parseCommand(text);
  if (!parsed) return 'text';
  return known(parsed.name) ? parsed.name : 'unknown';
}

export interface Observed {
  platform: string;
  kind: string;
  id?: string | number;
  command: string;
  /** performance.now() when the update arrived, if it waited in a queue before this call. */
  receivedAt?: number;
}

/** Runs the handling of one update, then logs one line and tells the observer; rethrows failures. */
export async function observeUpdate<T>(log: Logger, observer: UpdateObserver | undefined, what: Observed, work: () => Promise<T>): Promise<T> {
  const started = what.receivedAt ?? performance.now();
  let ok = false;
  try {
    const result = await work();
    ok = true;
    return result;
  } finally {
    const durationMs = performance.now() - started;
    const id = what.id === undefined ? undefined : String(what.id);
    // The console's updates are the operator's own typing: kept out of the terminal unless debugging.
    const line = what.platform === 'console' ? log.debug.bind(log) : log.info.bind(log);
    line({ platform: what.platform, update: id, kind: what.kind, command: what.command, ms: Math.round(durationMs * 10) / 10, ok }, 'update handled');
    observer?.handled({ platform: what.platform, kind: what.kind, command: what.command, durationMs, ok, ...(id ? { id } : {}) });
  }
}
