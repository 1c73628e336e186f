// Discord sharding across processes: two bots, DISCORD_SHARDS=0 and DISCORD_SHARDS=1 of
// DISCORD_SHARD_COUNT=2 (as two `web` processes are configured), identify to the fake gateway as
// shards [0, 2] and [1, 2]; the gateway routes each guild's events to its shard as Discord does
// ((guild_id >> 22) % 2), so a slash command is answered once, by the bot that owns its guild.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/index.ts';
import { createRouter } from '../../src/bot/router.ts';
import { loadConfig } from '../../src/config.ts';
import { createFakeDiscord, shardOfGuild, type FakeDiscord } from '../fakes/discord-server.ts';
import { realServices, repoRoot } from '../helpers/services.ts';

// Snowflakes whose timestamp bits (>> 22) are even and odd: one guild per shard of two.
const GUILD_ON_0 = String(2_000_000n << 22n);
const GUILD_ON_1 = String(2_000_001n << 22n);

describe('Discord shards in two processes', () => {
  let fake: FakeDiscord;
  const bots: DiscordAdapter[] = [];

  beforeAll(async () => {
    fake = await createFakeDiscord({ guilds: [{ id: GUILD_ON_0, name: 'Even' }, { id: GUILD_ON_1, name: 'Odd' }] });
    const services = await realServices();
    for (const shard of ['0', '1']) {
      const config = loadConfig({
        NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'),
        DISCORD_BOT_TOKEN: fake.token,
        DISCORD_API_URL: fake.api,
        DISCORD_SHARDS: shard,
        DISCORD_SHARD_COUNT: '2',
      }, repoRoot);
      const bot = createDiscordAdapter({ router: createRouter(services), services, config, log: services.log });
      await bot.start();
      bots.push(bot);
    }
    await fake.waitForGatewayReady(10_000);
  });
  afterAll(async () => {
    await fake?.shutdown({ destroy: async () => { for (const b of bots) await b.stop(); } });
  });

  it('identify as shard [0, 2] and shard [1, 2]', () => {
    expect(shardOfGuild(GUILD_ON_0, 2)).toBe(0);
    expect(shardOfGuild(GUILD_ON_1, 2)).toBe(1);
    expect(fake.identifiedShards.sort((a, b) => a[0] - b[0])).toEqual([[0, 2], [1, 2]]);
  });

  it('answer a slash command once in each guild, whichever shard holds it', async () => {
    for (const guildId of [GUILD_ON_0, GUILD_ON_1]) {
      const channelId = fake.guilds.find((g) => g.id === guildId)!.channels[0]!.id;
      const command = fake.deliver(fake.slashCommand('about', {}, { guildId, channelId }));
      const callback = await fake.waitForCallback(command.id, 5000);
      expect([4, 5]).toContain(callback.type);
      await new Promise((r) => setTimeout(r, 300));
      // Tries, not only accepted answers: a second bot's answer would be refused as already acknowledged.
      expect(fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${command.id}/`))).toHaveLength(1);
    }
    expect(fake.rejections).toEqual([]);
  });
});
