// Several bot processes over one PostgreSQL database hear of each other's documents through
// LISTEN/NOTIFY: whoever stores or removes documents says which; the others read them back. The
// listening connection is its own, re-opened with backoff when it drops.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from '../bot/types.ts';
import { backoffDelay } from './postgres.ts';

export const DOCUMENTS_CHANNEL = 'newsbot_documents';
/** NOTIFY payloads must stay under 8000 bytes: ids go in batches. */
const PAYLOAD_BYTES = 7000;

export interface DocumentChange {
  changed: string[];
  removed: string[];
}

export interface DocumentNotices {
  /** Tells the other processes (not this one) what changed. */
  publish(change: DocumentChange): Promise<void>;
  /** Whether the listening connection is up. */
  listening(): boolean;
  stop(): Promise<void>;
}

function batches(change: DocumentChange, from: string): string[] {
  const out: string[] = [];
  let current: DocumentChange = { changed: [], removed: [] };
  const flush = () => {
    if (current.changed.length || current.removed.length) out.push(JSON.stringify({ from, ...current }));
    current = { changed: [], removed: [] };
  };
  for (const kind of ['changed', 'removed'] as const) {
    for (const id of change[kind]) {
      current[kind].push(id);
      if (JSON.stringify(current).length > PAYLOAD_BYTES) {
        current[kind].pop();
        flush();
        current[kind].push(id);
      }
    }
  }
  flush();
  return out;
}

export function listenForDocuments(pool: pg.Pool, log: Logger, onChange: (change: DocumentChange) => void): DocumentNotices {
  const self = randomBytes(6).toString('hex');
  let client: { c: pg.PoolClient; release: (error?: Error) => void } | undefined;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== DOCUMENTS_CHANNEL || !message.payload) return;
    try {
      const data = JSON.parse(message.payload) as DocumentChange & { from?: string };
      if (data.from === self) return;
      onChange({ changed: data.changed ?? [], removed: data.removed ?? [] });
    } catch (error) {
      log.warn({ err: error }, 'documents notice not understood; ignored');
    }
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    let giveBack: ((error?: Error) => void) | undefined;
    try {
      const c = await pool.connect();
      // A dropping connection can emit several errors, and one can come after stop() gave it back:
      // pg-pool throws on a second release, so each client is released exactly once.
      let released = false;
      const release = (error?: Error) => {
        if (released) return;
        released = true;
        c.removeListener('notification', onNotification);
        c.release(error);
      };
      giveBack = release;
      c.on('notification', onNotification);
      c.on('error', (error: Error) => {
        if (released) return;
        log.warn({ err: error.message }, `documents: the PostgreSQL listening connection dropped (${error.message}); reconnecting`);
        release(error);
        if (client?.c === c) client = undefined;
        retry();
      });
      await c.query(`LISTEN ${DOCUMENTS_CHANNEL}`);
      if (stopped) {
        release();
        return;
      }
      client = { c, release };
      if (attempt > 0) log.info({}, 'documents: listening again for documents stored by other processes');
      attempt = 0;
    } catch (error) {
      giveBack?.(error as Error);
      log.warn({ err: (error as Error).message }, 'documents: cannot listen for other processes\' documents yet; retrying');
      retry();
    }
  }
  function retry() {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, backoffDelay(attempt++, { baseMs: 500, maxMs: 15_000 }));
    timer.unref();
  }
  void connect();

  return {
    async publish(change) {
      for (const payload of batches(change, self)) await pool.query('select pg_notify($1, $2)', [DOCUMENTS_CHANNEL, payload]);
    },
    listening: () => client !== undefined,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const held = client;
      client = undefined;
      if (held) {
        await held.c.query(`UNLISTEN ${DOCUMENTS_CHANNEL}`).catch(() => undefined);
        held.release();
      }
    },
  };
}
