// Reply latency through the real telegraf client against the fake Bot API server (tests/fakes): the
// time from an update being pushed (it answers the bot's held getUpdates) to the reply's
// sendMessage arriving at the fake, over /summary commands. `npx tsx src/bench/telegram.ts`.
import path from 'node:path';
import { createTelegramAdapter } from '../adapters/telegram/index.ts';
import { createServices } from '../app.ts';
import { createRouter } from '../bot/router.ts';
import { loadConfig } from '../config.ts';
import { createFakeTelegram, type ApiCall } from '../../tests/fakes/telegram-api.ts';
import { isMain } from '../is-main.ts';
import { percentile, silent, type LatencyResult } from './common.ts';

export type TelegramBenchResult = LatencyResult;

export async function benchTelegram(n = 1_000, contentDir = path.resolve('content'), warmup = 100): Promise<TelegramBenchResult> {
  const fake = await createFakeTelegram();
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_CONTENT_DIR: contentDir });
  const { services } = await createServices(config, silent);
  const adapter = createTelegramAdapter({ router: createRouter(services), services, config, log: silent });

  // The moment a sendMessage reaches the fake (recorded before the fake even validates it).
  let arrived: ((call: ApiCall) => void) | undefined;
  const calls = fake.calls;
  calls.push = (...items: ApiCall[]) => {
    const length = Array.prototype.push.apply(calls, items);
    for (const call of items) if (call.method === 'sendMessage') arrived?.(call);
    return length;
  };

  try {
    await adapter.start();
    await fake.waitFor((c) => c.some((call) => call.method === 'getUpdates'));
    const samples: number[] = [];
    for (let i = 0; i < warmup + n; i++) {
      const chatId = 2000 + (i % 50);
      const reply = new Promise<number>((resolve) => {
        arrived = (call) => {
          if (Number(call.body.chat_id) === chatId) resolve(performance.now());
        };
      });
      const t0 = performance.now();
      fake.pushUpdate(fake.message('/summary', { from: { id: chatId } }));
      const t1 = await reply;
      if (i >= warmup) samples.push(t1 - t0);
      await adapter.idle();
    }
    if (fake.rejections.length) throw new Error(`the fake rejected ${fake.rejections.length} calls: ${fake.rejections[0]?.description}`);
    samples.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 100) / 100;
    return { p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)), n: samples.length };
  } finally {
    arrived = undefined;
    await adapter.stop();
    await fake.close();
  }
}

if (isMain(import.meta.url)) {
  const r = await benchTelegram();
  process.stdout.write(`telegram /summary reply latency over ${r.n}: p50 ${r.p50} ms, p99 ${r.p99} ms (bar: p99 ≤ 60 ms)\n`);
  process.exit(0);
}
