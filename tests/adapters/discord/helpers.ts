import path from 'node:path';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from '../../../src/adapters/discord/index.ts';
import type { CommandSpec } from '../../../src/bot/commands.ts';
import { createRouter, type Router } from '../../../src/bot/router.ts';
import { loadConfig } from '../../../src/config.ts';
import { createFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from '../../fakes/discord-server.ts';
import { realServices, repoRoot } from '../../helpers/services.ts';

const TYPE = { string: 3, integer: 4 } as const;

/** What the PUT body must hold for a table: every visible command, its options typed, English only. */
export function expectedBody(table: readonly CommandSpec[]) {
  return table
    .filter((c) => !c.hidden)
    .map((c) => ({
      type: 1,
      name: c.name,
      description: c.description.en,
      ...(c.options.length
        ? {
            options: [...c.options.filter((o) => o.required), ...c.options.filter((o) => !o.required)].map((o) => ({
              type: TYPE[o.type],
              name: o.name,
              description: o.description.en,
              required: o.required ?? false,
              ...(o.autocomplete ? { autocomplete: true } : {}),
            })),
          }
        : {}),
      ...(c.admin ? { default_member_permissions: '0' } : {}),
    }));
}

export interface Harness {
  fake: FakeDiscord;
  services: Awaited<ReturnType<typeof realServices>>;
  router: Router;
  adapter: DiscordAdapter;
  /** The fake's safe teardown with the adapter's stop() as the client's destroy. */
  close(): Promise<void>;
}

export async function startHarness(options: {
  fake?: FakeDiscordOptions;
  /** Wraps the real router (slow or failing handlers). */
  router?: (real: Router) => Router;
  adapter?: DiscordAdapterOptions;
  guild?: boolean;
  contentDir?: string;
} = {}): Promise<Harness> {
  const fake = await createFakeDiscord(options.fake);
  const services = await realServices(options.contentDir);
  const real = createRouter(services);
  const router = options.router ? options.router(real) : real;
  const config = loadConfig(
    {
      NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'),
      DISCORD_BOT_TOKEN: fake.token,
      DISCORD_API_URL: fake.api,
      ...(options.guild === false ? {} : { DISCORD_GUILD_ID: fake.guildId }),
    },
    repoRoot,
  );
  const adapter = createDiscordAdapter({ router, services, config, log: services.log }, options.adapter);
  try {
    await adapter.start();
  } catch (error) {
    await fake.shutdown({ destroy: () => adapter.stop() });
    throw error;
  }
  return { fake, services, router, adapter, close: () => fake.shutdown({ destroy: () => adapter.stop() }) };
}

export async function eventually<T>(probe: () => T | undefined | false, timeoutMs = 3000, what = 'a condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Requests that create or edit a message (the ones that must carry allowed_mentions). */
export function messageRequests(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => {
    if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) {
      const type = (r.body as { type?: number } | undefined)?.type;
      return type === 4 || type === 7;
    }
    if (/^\/webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?$/.test(r.path)) return r.method === 'POST' || r.method === 'PATCH';
    return r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path);
  });
}

/** All visible text of the bot's messages in a channel (content, titles, descriptions). */
export function textOf(m: { content: string; embeds: Array<Record<string, unknown>> }): string {
  return [m.content, ...m.embeds.flatMap((e) => [String(e.title ?? ''), String(e.description ?? '')])].join('\n');
}
