// The webhook server: checks the secret header in constant time, bounds the body, hands each update
// to telegraf once (Telegram re-sends an update when the answer is slow).
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../bot/types.ts';
import { describeError } from './errors.ts';

const SEEN_UPDATES = 10_000;
const MAX_WEBHOOK_BODY = 1_000_000;

export interface WebhookServerOptions {
  bot: Telegraf;
  host: string;
  port: number;
  path: string;
  secret: string;
  log: Logger;
  scrub: (text: string) => string;
}

export async function listenForUpdates({ bot, host, port, path, secret, log, scrub }: WebhookServerOptions): Promise<http.Server> {
  const seen = new Set<number>();
  const expected = Buffer.from(secret);
  const secretOk = (header: string | string[] | undefined) => {
    const got = Buffer.from(typeof header === 'string' ? header : '');
    return got.length === expected.length && timingSafeEqual(got, expected);
  };
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const pathname = (req.url ?? '').split('?')[0];
    if (pathname !== path) return res.writeHead(404).end();
    if (req.method !== 'POST') return res.writeHead(405, { allow: 'POST' }).end();
    if (!secretOk(req.headers['x-telegram-bot-api-secret-token'])) {
      log.warn({ remote: req.socket.remoteAddress }, 'telegram: webhook request with a wrong or missing secret (403)');
      return res.writeHead(403).end();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_WEBHOOK_BODY) return res.writeHead(413).end();
      chunks.push(chunk as Buffer);
    }
    let update: Update;
    try {
      update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update;
    } catch {
      return res.writeHead(400).end();
    }
    if (typeof update?.update_id !== 'number') return res.writeHead(400).end();
    if (seen.has(update.update_id)) {
      log.debug({ updateId: update.update_id }, 'telegram: repeated update ignored');
      return res.writeHead(200).end();
    }
    seen.add(update.update_id);
    if (seen.size > SEEN_UPDATES) seen.delete(seen.values().next().value as number);
    await bot.handleUpdate(update);
    res.writeHead(200).end();
  };
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error({ err: describeError(error, scrub) }, 'telegram: webhook request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
