// Several bot processes over one PostgreSQL database hear of each other's documents through
// LISTEN/NOTIFY: whoever stores or removes documents says which; the others read them back. The
// listening connection is its own (holdConnection), set up again with backoff when it drops.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from '../bot/types.ts';
import { holdConnection } from './held.ts';

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
  const held = holdConnection(pool, {
    onNotification,
    onHeld: async (c) => void (await c.query(`LISTEN ${DOCUMENTS_CHANNEL}`)),
    onLost: (error) => log.warn({ err: error.message }, `documents: the PostgreSQL listening connection dropped (${error.message}); reconnecting`),
    onFailed: (error) => log.warn({ err: error.message }, 'documents: cannot listen for other processes\' documents yet; retrying'),
    onBack: () => log.info({}, 'documents: listening again for documents stored by other processes'),
    onStop: async (c) => void (await c.query(`UNLISTEN ${DOCUMENTS_CHANNEL}`)),
    backoff: { baseMs: 500, maxMs: 15_000 },
  });

  return {
    async publish(change) {
      for (const payload of batches(change, self)) await pool.query('select pg_notify($1, $2)', [DOCUMENTS_CHANNEL, payload]);
    },
    listening: () => held.client() !== undefined,
    stop: () => held.stop(),
  };
}
