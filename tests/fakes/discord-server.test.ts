import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DiscordAPIError, Events, GatewayIntentBits, PermissionFlagsBits, type Interaction, type Message, type TextChannel } from 'discord.js';
import { WebSocket } from 'ws';
import { createFakeDiscord, shardOfGuild, type FakeDiscord } from './discord-server.ts';

async function connect(fake: FakeDiscord): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: fake.api } });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return client;
}

function nextInteraction(client: Client): Promise<Interaction> {
  return once(client, Events.InteractionCreate).then(([i]) => i as Interaction);
}

function nextMessage(client: Client): Promise<Message> {
  return once(client, Events.MessageCreate).then(([m]) => m as Message);
}

function apiError(error: unknown): DiscordAPIError {
  expect(error).toBeInstanceOf(DiscordAPIError);
  return error as DiscordAPIError;
}

describe('fake Discord driven by the real discord.js Client', () => {
  let fake: FakeDiscord;
  let client: Client;
  const channel = (name: string): TextChannel => {
    const found = client.channels.cache.find((c) => 'name' in c && c.name === name);
    if (!found || !found.isTextBased()) throw new Error(`no text channel ${name}`);
    return found as TextChannel;
  };

  beforeAll(async () => {
    // One channel per test that posts, so the realistic 5-per-5-s message bucket never slows the suite.
    fake = await createFakeDiscord({
      guilds: [{ name: 'Newsroom', channels: [{ name: 'general' }, { name: 'retry' }, { name: 'limits' }, { name: 'nonce' }, { name: 'secret' }] }],
    });
    client = await connect(fake);
  });

  afterAll(async () => {
    await fake.shutdown(client);
  });

  it('logs in: READY then GUILD_CREATE fill the caches', () => {
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.name).toBe('Newsroom');
    expect(client.channels.cache.get(fake.channelId)?.isTextBased()).toBe(true);
    const me = guild?.members.me;
    expect(me?.roles.cache.some((r) => r.managed)).toBe(true);
    expect(channel('general').permissionsFor(me!)?.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(fake.identifies).toBe(1);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
  });

  it('registers commands: PUT body recorded, validated and stored with ids', async () => {
    const set = await client.application!.commands.set([
      { name: 'digest', description: 'Daily digest', options: [{ type: 3, name: 'topic', description: 'Topic', required: true, autocomplete: true }] },
      { name: 'ask', description: 'Ask the news', nameLocalizations: { fr: 'demander' } },
    ]);
    expect(set.size).toBe(2);
    const put = fake.requests.find((r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/commands`);
    expect(put?.status).toBe(200);
    expect(fake.commands.global.map((c) => c.name)).toEqual(['digest', 'ask']);
    expect(fake.commands.global.every((c) => typeof c.id === 'string')).toBe(true);

    // Discord refuses upper case names and has no Arabic locale for command names.
    const error = await client.application!.commands.set([
      { name: 'Digest', description: 'x' },
      { name: 'brief', description: 'y', nameLocalizations: { ar: 'ملخص' } as never },
    ]).catch((e: unknown) => e);
    expect(apiError(error).code).toBe(50035);
    const rejection = fake.rejections.at(-1);
    expect(Object.keys(rejection?.errors ?? {})).toEqual(['0', '1']);
    expect(fake.commands.global).toHaveLength(2);
    fake.rejections.length = 0;
  });

  it('slash command: interaction.reply posts a type 4 callback', async () => {
    const incoming = nextInteraction(client);
    const ev = fake.deliver(fake.slashCommand('digest', { topic: 'gaza' }, { locale: 'fr' }));
    const interaction = await incoming;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.commandName).toBe('digest');
    expect(interaction.commandId).toBe(fake.commands.global[0]?.id);
    expect(interaction.options.getString('topic')).toBe('gaza');
    expect(interaction.locale).toBe('fr');
    expect(interaction.channelId).toBe(fake.channelId);
    expect(interaction.user.id).toBe(fake.user.id);
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.SendMessages)).toBe(true);

    await interaction.reply({ content: 'Digest for gaza' });
    const callback = await fake.waitForCallback(ev.id);
    expect(callback.type).toBe(4);
    expect(callback.data?.content).toBe('Digest for gaza');
    expect(fake.requests.at(-1)?.allowedMentions).toBe(false);
    expect(fake.rejections).toEqual([]);
  });

  it('deferReply then editReply (PATCH @original, decoded) and a follow-up', async () => {
    const incoming = nextInteraction(client);
    const ev = fake.deliver(fake.slashCommand('ask', {}));
    const interaction = await incoming;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    expect((await fake.waitForCallback(ev.id)).type).toBe(5);
    const edited = await interaction.editReply('The answer');
    expect(edited.content).toBe('The answer');
    const patch = fake.requests.find((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${ev.token}/messages/@original`);
    expect(patch?.status).toBe(200);
    await interaction.followUp({ content: 'Sources: BBC', allowedMentions: { parse: [] } });
    const follow = fake.requests.at(-1);
    expect(follow?.path).toBe(`/webhooks/${fake.applicationId}/${ev.token}`);
    expect(follow?.allowedMentions).toBe(true);
    const mine = fake.sent(fake.channelId).map((m) => [m.content, m.flags]);
    expect(mine).toContainEqual(['The answer', 0]);
    expect(mine).toContainEqual(['Sources: BBC', 0]);
    expect(fake.rejections).toEqual([]);
  });

  it('autocomplete: 25 choices accepted, 26 rejected', async () => {
    const choices = (n: number) => Array.from({ length: n }, (_, k) => ({ name: `Topic ${k}`, value: `t${k}` }));

    let incoming = nextInteraction(client);
    const ok = fake.deliver(fake.autocomplete('digest', { topic: 'ga' }, { focused: 'topic' }));
    let interaction = await incoming;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    expect(interaction.options.getFocused()).toBe('ga');
    await interaction.respond(choices(25));
    const callback = await fake.waitForCallback(ok.id);
    expect(callback.type).toBe(8);
    expect(callback.data?.choices).toHaveLength(25);

    incoming = nextInteraction(client);
    fake.deliver(fake.autocomplete('digest', { topic: 'g' }, { focused: 'topic' }));
    interaction = await incoming;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    const error = await interaction.respond(choices(26)).catch((e: unknown) => e);
    expect(apiError(error).code).toBe(50035);
    expect(fake.rejections).toHaveLength(1);
    expect(fake.rejections[0]?.errors).toHaveProperty(['data', 'choices', '_errors']);
    fake.rejections.length = 0;
  });

  it('button: interaction.update edits the message it sits on (type 7)', async () => {
    const incoming = nextInteraction(client);
    const ev = fake.deliver(fake.button('more:1'));
    const interaction = await incoming;
    if (!interaction.isButton()) throw new Error('expected a button');
    expect(interaction.customId).toBe('more:1');
    expect(interaction.message.author.id).toBe(fake.botUser.id);
    await interaction.update({ content: 'Page 2', components: [] });
    const callback = await fake.waitForCallback(ev.id);
    expect(callback.type).toBe(7);
    expect(fake.messages.find((m) => m.id === interaction.message.id)?.content).toBe('Page 2');
    expect(fake.rejections).toEqual([]);
  });

  it('MESSAGE_CREATE mentioning the bot reaches messageCreate; others lack content without the intent', async () => {
    let incoming = nextMessage(client);
    fake.deliver(fake.messageCreate('what is new?', { mentionsBot: true }));
    let message = await incoming;
    expect(message.mentions.has(client.user!)).toBe(true);
    expect(message.content).toBe(`<@${fake.botUser.id}> what is new?`);
    expect(message.author.id).toBe(fake.user.id);

    incoming = nextMessage(client);
    fake.deliver(fake.messageCreate('no mention here'));
    message = await incoming;
    expect(message.content).toBe('');
  });

  it('429 with Retry-After on a channel send: discord.js waits and retries', async () => {
    const target = channel('retry');
    fake.failNext(`POST /channels/${target.id}/messages`, { status: 429, retryAfter: 0.4 });
    const started = Date.now();
    const sentMessage = await target.send('after a rate limit');
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(sentMessage.content).toBe('after a rate limit');
    const attempts = fake.requests.filter((r) => r.path === `/channels/${target.id}/messages`);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(400);
    expect(fake.posted.get(target.id)).toBe(1);
  });

  it('refuses what Discord refuses: long embeds, 6000 total, long content, empty messages', async () => {
    const target = channel('limits');
    const attempts: Array<Parameters<TextChannel['send']>[0]> = [
      { embeds: [{ title: 'Digest', description: 'x'.repeat(4097) }] },
      { embeds: [{ description: 'a'.repeat(3500) }, { description: 'b'.repeat(3500) }] },
      { content: 'x'.repeat(2001) },
    ];
    for (const payload of attempts) {
      const error = await target.send(payload).catch((e: unknown) => e);
      expect(apiError(error).code).toBe(50035);
    }
    expect(fake.rejections.map((r) => r.errors)).toEqual([
      { embeds: { 0: { description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 4096 or fewer in length.' }] } } } },
      { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' }] } },
      { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
    ]);
    const empty = await target.send({ content: '' }).catch((e: unknown) => e);
    expect(apiError(empty).code).toBe(50006);
    expect(fake.posted.get(target.id)).toBeUndefined();
    fake.rejections.length = 0;
  });

  it('nonce + enforce_nonce: a repeat is answered with the first message, not posted twice', async () => {
    const target = channel('nonce');
    const first = await target.send({ content: 'Morning digest', nonce: 'digest-2024-05-01', enforceNonce: true });
    const again = await target.send({ content: 'Morning digest', nonce: 'digest-2024-05-01', enforceNonce: true });
    expect(again.id).toBe(first.id);
    expect(fake.posted.get(target.id)).toBe(1);
    await target.send({ content: 'Evening digest', nonce: 'digest-2024-05-01e', enforceNonce: true });
    expect(fake.posted.get(target.id)).toBe(2);
  });

  it('missingAccess answers 403 Missing Access', async () => {
    const target = channel('secret');
    fake.missingAccess(target.id);
    const error = await target.send('hello').catch((e: unknown) => e);
    expect(apiError(error).code).toBe(50001);
    expect(apiError(error).status).toBe(403);
    fake.restoreAccess(target.id);
  });

  it('gateway drop: the client RESUMEs and gets the events it missed', async () => {
    const resumed = once(client, Events.ShardResume);
    const incoming = nextMessage(client);
    fake.dropGateway();
    fake.deliver(fake.messageCreate('sent while you were away', { mentionsBot: true }));
    await resumed;
    expect((await incoming).content).toContain('sent while you were away');
    expect(fake.resumes).toBe(1);
    expect(fake.identifies).toBe(1);
  });
});

describe('fake Discord REST edges', () => {
  it('401 on a wrong token, 404 on an unknown route, an enforced global limit', async () => {
    const fake = await createFakeDiscord({ limits: { perSecond: 3 } });
    try {
      const get = (path: string, token = fake.token) => fetch(`${fake.api}/v10${path}`, { headers: { Authorization: `Bot ${token}` } });
      expect((await get('/users/@me', 'wrong')).status).toBe(401);
      const missing = await get('/nowhere');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ message: '404: Not Found', code: 0 });
      const statuses: number[] = [];
      let limited: Response | undefined;
      for (let k = 0; k < 4; k++) {
        const res = await get('/users/@me');
        statuses.push(res.status);
        if (res.status === 429) limited = res;
      }
      // The 404 above counted too: 3 per second means two more pass.
      expect(statuses).toEqual([200, 200, 429, 429]);
      expect(limited?.headers.get('x-ratelimit-global')).toBe('true');
      expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited?.json()).toMatchObject({ message: 'You are being rate limited.', global: true });
      expect(fake.tooManyRequests).toBe(2);
    } finally {
      await fake.close();
    }
  });

  it('a wrong token makes login fail cleanly', async () => {
    const fake = await createFakeDiscord();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.api } });
    await expect(client.login('not-the-token')).rejects.toThrow(/token/i);
    await fake.shutdown(client, 200);
  });

  it('teardown right after a gateway drop does not leave a shard reconnecting', async () => {
    const fake = await createFakeDiscord();
    const client = await connect(fake);
    const late: string[] = [];
    let done = false;
    client.on(Events.Debug, (m) => {
      if (done) late.push(m);
    });
    fake.dropGateway();
    const started = Date.now();
    await fake.shutdown(client);
    done = true;
    expect(Date.now() - started).toBeLessThan(3000);
    await new Promise((r) => setTimeout(r, 700));
    expect(late.filter((m) => m.includes('Connecting to'))).toEqual([]);
  });

  it('IDENTIFY with a shard: READY echoes it with that shard\'s guilds only; an impossible shard is closed with 4010', async () => {
    const fake = await createFakeDiscord({ guilds: [{ id: String(10n << 22n) }, { id: String(11n << 22n) }] });
    const { url } = (await (await fetch(`${fake.api}/v10/gateway/bot`, { headers: { authorization: `Bot ${fake.token}` } })).json()) as { url: string };
    const identify = (shard: unknown) =>
      new Promise<{ ready?: { shard: unknown; guilds: { id: string }[] }; closed?: number }>((resolve) => {
        const ws = new WebSocket(`${url}?v=10&encoding=json`);
        ws.on('message', (raw) => {
          const msg = JSON.parse(String(raw)) as { op: number; t?: string; d: { shard: unknown; guilds: { id: string }[] } };
          if (msg.op === 10) ws.send(JSON.stringify({ op: 2, d: { token: fake.token, intents: 1, properties: {}, shard } }));
          if (msg.t === 'READY') {
            resolve({ ready: msg.d });
            ws.close(1000);
          }
        });
        ws.on('close', (code) => resolve({ closed: code }));
      });
    const one = await identify([1, 2]);
    expect(one.ready?.shard).toEqual([1, 2]);
    expect(one.ready?.guilds.map((g) => shardOfGuild(g.id, 2))).toEqual([1]);
    expect((await identify([2, 2])).closed).toBe(4010);
    expect(fake.identifiedShards).toEqual([[1, 2]]);
    await fake.close();
  });
});
