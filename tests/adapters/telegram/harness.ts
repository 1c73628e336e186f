// The real adapter (real telegraf, real router, real content) against the fake Bot API server.
import path from 'node:path';
import { createTelegramAdapter, type TelegramAdapter, type TelegramAdapterOptions } from '../../../src/adapters/telegram/index.ts';
import { createRouter, type Router } from '../../../src/bot/router.ts';
import type { BotServices } from '../../../src/bot/types.ts';
import { loadConfig, type Config } from '../../../src/config.ts';
import { createFakeTelegram, type FakeTelegram, type FakeTelegramOptions } from '../../fakes/telegram-api.ts';
import { memoryLogger, repoRoot } from '../../helpers/services.ts';

export const WEBHOOK_URL = 'https://bot.example.org/telegram';
export const WEBHOOK_SECRET = 'w3bhook_Secret-value';

export interface Harness {
  fake: FakeTelegram;
  adapter: TelegramAdapter;
  router: Router;
  config: Config;
  log: ReturnType<typeof memoryLogger>;
  /** Texts (as shown) sent to a chat. */
  texts(chatId: number | string): string[];
  close(): Promise<void>;
}

export interface HarnessOptions extends TelegramAdapterOptions {
  webhook?: boolean;
  fake?: FakeTelegramOptions;
  /** Wraps the real router, e.g. to make one command fail. */
  wrapRouter?: (router: Router) => Router;
}

export async function startHarness(services: BotServices, options: HarnessOptions = {}): Promise<Harness> {
  const fake = await createFakeTelegram(options.fake);
  const env: Record<string, string> = {
    NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'),
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    ...(options.webhook ? { TELEGRAM_WEBHOOK_URL: WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET } : {}),
  };
  const config = loadConfig(env, repoRoot);
  // Port 0: any free port; the test reads the real one from webhookAddress().
  config.telegram.webhook = { host: '127.0.0.1', port: 0, path: '/telegram' };
  const log = memoryLogger();
  const real = createRouter(services);
  const router = options.wrapRouter ? options.wrapRouter(real) : real;
  const adapter = createTelegramAdapter({ router, services, config, log }, { stopTimeoutMs: 2000, ...options });
  await adapter.start();
  if (!options.webhook) await fake.waitFor((calls) => calls.some((c) => c.method === 'getUpdates'));
  return {
    fake,
    adapter,
    router,
    config,
    log,
    texts: (chatId) => fake.sentTo(chatId),
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** The webhook URL the adapter listens on locally. */
export function localWebhook(h: Harness): string {
  const address = h.adapter.webhookAddress();
  if (!address) throw new Error('webhook server not listening');
  return `http://127.0.0.1:${address.port}${h.config.telegram.webhook.path}`;
}
