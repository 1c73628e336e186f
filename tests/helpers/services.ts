import net from 'node:net';
import path from 'node:path';
import { createServices } from '../../src/app.ts';
import type { BotServices, Logger } from '../../src/bot/types.ts';
import { loadConfig } from '../../src/config.ts';

export const repoRoot = path.resolve(new URL('../..', import.meta.url).pathname);
export const contentDir = path.join(repoRoot, 'content');

/** A logger that keeps what it was told, for asserting on warnings. */
export function memoryLogger(): Logger & { lines: { level: string; msg: string; obj: unknown }[] } {
  const lines: { level: string; msg: string; obj: unknown }[] = [];
  const at = (level: string) => (obj: object | string, msg?: string) => void lines.push({ level, msg: typeof obj === 'string' ? obj : (msg ?? ''), obj });
  return { lines, info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}

/** Real services over a content folder (the shipped content by default), as the app builds them. */
export async function realServices(dir = contentDir, env: Record<string, string> = {}): Promise<BotServices & { log: ReturnType<typeof memoryLogger> }> {
  const config = loadConfig({ NEWSBOT_CONTENT_DIR: dir, NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'), ...env }, repoRoot);
  const log = memoryLogger();
  const { services } = await createServices(config, log);
  return { ...services, log };
}

/** A TCP port free on 127.0.0.1 this instant, for a server a test starts itself (a webhook, the HTTP endpoint). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
