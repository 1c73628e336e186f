// Interaction latency through the real discord.js client against the fake Discord (tests/fakes): the
// time from an INTERACTION_CREATE being dispatched on the gateway to the interaction callback
// arriving at the fake's REST, over /summary commands. `npx tsx src/bench/discord.ts`.
import path from 'node:path';
import { createDiscordAdapter } from '../adapters/discord/index.ts';
import { createServices } from '../app.ts';
import { createRouter } from '../bot/router.ts';
import { loadConfig } from '../config.ts';
import { createFakeDiscord, type RecordedRequest } from '../../tests/fakes/discord-server.ts';
import { isMain } from '../is-main.ts';
import { percentile, silent, type LatencyResult } from './common.ts';

export type DiscordBenchResult = LatencyResult;

export async function benchDiscord(n = 1_000, contentDir = path.resolve('content'), warmup = 100): Promise<DiscordBenchResult> {
  const fake = await createFakeDiscord();
  const config = loadConfig({ DISCORD_BOT_TOKEN: fake.token, DISCORD_API_URL: fake.api, DISCORD_GUILD_ID: fake.guildId, NEWSBOT_CONTENT_DIR: contentDir });
  const { services } = await createServices(config, silent);
  const adapter = createDiscordAdapter({ router: createRouter(services), services, config, log: silent });

  // The moment an interaction callback reaches the fake (recorded before the fake validates it).
  let arrived: ((request: RecordedRequest) => void) | undefined;
  const requests = fake.requests;
  requests.push = (...items: RecordedRequest[]) => {
    const length = Array.prototype.push.apply(requests, items);
    for (const request of items) if (request.path.startsWith('/interactions/')) arrived?.(request);
    return length;
  };

  try {
    await adapter.start();
    const samples: number[] = [];
    for (let i = 0; i < warmup + n; i++) {
      const event = fake.slashCommand('summary', {});
      const callback = new Promise<number>((resolve) => {
        arrived = (request) => {
          if (request.path.startsWith(`/interactions/${event.id}/`)) resolve(performance.now());
        };
      });
      const t0 = performance.now();
      fake.deliver(event);
      const t1 = await callback;
      if (i >= warmup) samples.push(t1 - t0);
      await fake.waitForCallback(event.id);
      await adapter.idle();
    }
    if (fake.rejections.length) throw new Error(`the fake rejected ${fake.rejections.length} payloads: ${fake.rejections[0]?.message}`);
    const wrong = fake.callbacks.filter((c) => c.type !== 4);
    if (wrong.length) throw new Error(`${wrong.length} interactions were not answered with a reply`);
    samples.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 100) / 100;
    return { p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)), n: samples.length };
  } finally {
    arrived = undefined;
    await fake.shutdown({ destroy: () => adapter.stop() });
  }
}

if (isMain(import.meta.url)) {
  const r = await benchDiscord();
  process.stdout.write(`discord /summary interaction latency over ${r.n}: p50 ${r.p50} ms, p99 ${r.p99} ms (bar: p99 ≤ 60 ms)\n`);
  process.exit(0);
}
