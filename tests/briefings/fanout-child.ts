// A bot process for the crash test: briefings over the database in FANOUT_DATA_DIR, the real
// Telegram and Discord adapters pointed at the fake servers the test started. It prints its pid,
// sends what is due, prints DRAINED with the outbox counters and exits. The test kills it with
// SIGKILL in the middle, then starts it again.
import type { DiscordAdapter } from '../../src/adapters/discord/index.ts';
import { memoryLogger } from '../helpers/services.ts';
import { fakeStore } from './helpers.ts';
import { startPlatforms } from './platforms.ts';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const tgPerSecond = Number(process.env.FANOUT_TG_PER_SECOND ?? 300);
const dcPerSecond = Number(process.env.FANOUT_DC_PER_SECOND ?? 500);

process.stdout.write(`PID ${process.pid}\n`);
const log = memoryLogger();
const p = await startPlatforms({
  dataDir: env('FANOUT_DATA_DIR'),
  store: fakeStore([{ id: 'oil', title: 'Oil prices climb after OPEC cuts output', body: 'Oil prices rose on Monday after OPEC agreed to cut output. Traders said supply would tighten.', date: '2025-03-01T06:00:00Z' }]),
  telegram: { token: env('FANOUT_TG_TOKEN'), apiRoot: env('FANOUT_TG_API') },
  discord: { token: env('FANOUT_DC_TOKEN'), api: env('FANOUT_DC_API'), guildId: env('FANOUT_DC_GUILD') },
  outbox: { limits: { telegram: { perSecond: tgPerSecond, perChatPerSecond: 1, perGroupPerMinute: 20 }, discord: { perSecond: dcPerSecond } }, maxInFlight: 32 },
  log,
  // discord.js keeps its own 50 requests/s global limit; the test scales every limit alike.
  beforeStart: (adapters) => {
    const dc = adapters.find((a) => a.platform === 'discord') as DiscordAdapter | undefined;
    const rest = dc?.client.rest as unknown as { options: { globalRequestsPerSecond: number }; globalRemaining: number } | undefined;
    if (rest) {
      rest.options.globalRequestsPerSecond = dcPerSecond;
      rest.globalRemaining = dcPerSecond;
    }
  },
});
process.stdout.write(`STARTED recovered=${p.briefings.outbox.counters.recovered}\n`);
await p.briefings.outbox.drained(120_000);
process.stdout.write(`DRAINED ${JSON.stringify({ ...p.briefings.outbox.counters, stats: await p.briefings.outbox.stats() })}\n`);
await p.stop();
process.exit(0);
