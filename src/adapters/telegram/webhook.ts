// The Telegram webhook endpoint: checks the secret header, reads the update (bounded), hands each
// update_id to telegraf once and answers when it has been handled: 200 once handled, 500 when the
// handling failed so Telegram sends it again. It runs on the bot's shared HTTP server when there is
// one, else on a server of its own (telegram.webhook.host/port).
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../bot/types.ts';
import type { HttpMount, RequestHandler } from '../deps.ts';
import { memoryOnce, type HandleOnce } from '../once.ts';
import { describeError } from './errors.ts';

const MAX_WEBHOOK_BODY = 1_000_000;

export interface WebhookOptions {
  path: string;
  secret: string;
  log: Logger;
  /** Takes the token out of an error before it is logged (a failed fetch names the API URL, token included). */
  scrub: (text: string) => string;
  /** Resolves once the update has been handled; rejects when its handling failed. */
  handleUpdate: (update: Update) => Promise<void>;
  /** Told each accepted call (health: the last webhook call). */
  onCall?: () => void;
  /** Shared across processes (AdapterDeps.once); this process's memory without it. */
  once?: HandleOnce;
}

/**
 * A webhook call waits for its update's handling (answered 500 when it fails, so Telegram re-sends):
 * the work queue settles each update's outcome, and handleAndWait resolves or rejects with it.
 */
export function updateWaiter(handle: (update: Update) => Promise<unknown>): {
  settle(updateId: number | string | undefined, outcome: Promise<void>): void;
  handleAndWait(update: Update): Promise<void>;
} {
  const awaiting = new Map<number, (outcome: Promise<void>) => void>();
  return {
    settle(updateId, outcome) {
      if (typeof updateId === 'number') awaiting.get(updateId)?.(outcome);
    },
    async handleAndWait(update) {
      let outcome: Promise<void> | undefined;
      awaiting.set(update.update_id, (p) => (outcome = p));
      try {
        await handle(update);
      } finally {
        awaiting.delete(update.update_id);
      }
      await outcome;
    },
  };
}

export function webhookHandler(options: WebhookOptions): RequestHandler {
  const { path, log } = options;
  const once = options.once ?? memoryOnce();
  const expected = Buffer.from(options.secret);
  const secretOk = (header: string | string[] | undefined) => {
    const got = Buffer.from(typeof header === 'string' ? header : '');
    return got.length === expected.length && timingSafeEqual(got, expected);
  };
  return async (req, res) => {
    const pathname = (req.url ?? '').split('?')[0];
    if (pathname !== path) return void res.writeHead(404).end();
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    if (!secretOk(req.headers['x-telegram-bot-api-secret-token'])) {
      log.warn({ remote: req.socket.remoteAddress }, 'telegram: webhook request with a wrong or missing secret (403)');
      return void res.writeHead(403).end();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_WEBHOOK_BODY) return void res.writeHead(413).end();
      chunks.push(chunk as Buffer);
    }
    let update: Update;
    try {
      update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update;
    } catch {
      return void res.writeHead(400).end();
    }
    if (typeof update?.update_id !== 'number') return void res.writeHead(400).end();
    options.onCall?.();
    // Telegram re-sends an update it got no 2xx for (slow, failed, or the process died): each
    // update_id is handled once, and only a successful handling marks it done.
    const updateId = update.update_id;
    const turn = await once.take(`telegram:update:${updateId}`);
    if (turn.kind !== 'mine') {
      // Answered 200 so Telegram stops re-sending: the process holding it answers for the outcome.
      log.debug({ updateId }, turn.kind === 'done' ? 'telegram: repeated update ignored (handled)' : 'telegram: repeated update ignored (being handled)');
      return void res.writeHead(200).end();
    }
    try {
      await options.handleUpdate(update);
    } catch (error) {
      const next = await turn.failed();
      log.warn({ updateId, err: describeError(error, options.scrub) }, next === 'retry'
        ? 'telegram: update failed; answering 500 so Telegram sends it again'
        : 'telegram: update failed again; given up (answering 200)');
      return void res.writeHead(next === 'retry' ? 500 : 200).end();
    }
    // Handled: a lost mark only risks a second handling of a re-send, an error answer would cause one.
    await turn.done().catch((error: unknown) => log.warn({ updateId, err: describeError(error, options.scrub) }, 'telegram: could not mark an update handled'));
    res.writeHead(200).end();
  };
}

export interface WebhookServer {
  address(): { host: string; port: number } | undefined;
  /** Stops taking calls; with `drain`, waits for it before dropping the connections left. */
  close(drain: () => Promise<void>): Promise<void>;
}

/** Serves the handler on the shared HTTP server, or on a server of its own. */
export async function serveWebhook(handler: RequestHandler, where: { shared?: HttpMount; host: string; port: number; path: string }, onError: (error: unknown) => void): Promise<WebhookServer> {
  if (where.shared) {
    const unmount = where.shared.mount(where.path, handler);
    return {
      address: () => undefined,
      async close(drain) {
        unmount();
        await drain();
      },
    };
  }
  const server = http.createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    address() {
      const a = server.listening ? (server.address() as AddressInfo | null) : null;
      return a ? { host: a.address, port: a.port } : undefined;
    },
    async close(drain) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await drain();
      server.closeAllConnections();
      await closed;
    },
  };
}
