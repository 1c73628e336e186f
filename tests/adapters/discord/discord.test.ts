// End to end: the real discord.js Client inside the adapter, real services over the shipped content
// (plus one long generated document), the real router, and the fake Discord gateway + REST.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendError } from '../../../src/adapters/chat-adapter.ts';
import { nonceFor } from '../../../src/adapters/discord/index.ts';
import { strings } from '../../../src/bot/i18n.ts';
import { heading, paragraph, type Post } from '../../../src/bot/post.ts';
import type { Router } from '../../../src/bot/router.ts';
import type { FakeEvent, FakeUser } from '../../fakes/discord-server.ts';
import { contentDir } from '../../helpers/services.ts';
import { eventually, expectedBody, messageRequests, startHarness, textOf, type Harness } from './helpers.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MANAGE_CHANNELS = (1n << 4n).toString();
const moderator: FakeUser = { id: '1100000000000000001', username: 'mod', bot: false };
const reader: FakeUser = { id: '1100000000000000002', username: 'reader', bot: false };
const LONG_TITLE = 'A very long report on everything';

/** The shipped content plus one long document (about 60 kB of numbered words). */
const bidiFree = (text: unknown) => String(text).replace(/[\u200e\u200f\u2066-\u2069]/g, '');

function contentWithLongDocument(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-discord-'));
  for (const f of fs.readdirSync(contentDir)) fs.copyFileSync(path.join(contentDir, f), path.join(dir, f));
  const paragraphs = Array.from({ length: 120 }, (_, p) => `${Array.from({ length: 80 }, (_, w) => `word${p * 80 + w}`).join(' ')}.`);
  fs.writeFileSync(path.join(dir, 'zz-long-report.txt'), `${LONG_TITLE}\n\n${paragraphs.join('\n\n')}\n`);
  // File times decide "latest": pin them, or a slow copy on a loaded machine reorders the library.
  const day = new Date('2025-01-02T00:00:00Z');
  for (const f of fs.readdirSync(dir)) fs.utimesSync(path.join(dir, f), day, day);
  fs.utimesSync(path.join(dir, 'zz-long-report.txt'), new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'));
  return dir;
}

/** The real router, with a few args that make handlers slow, throw, or answer at full length. */
function testRouter(real: Router, h: () => Harness): Router {
  return {
    ...real,
    async run(name, args, message) {
      if (args === 'slow') {
        await sleep(1800);
        return real.run(name, '', message);
      }
      if (args === 'boom') throw new Error('handler exploded');
      if (args === 'slowboom') {
        await sleep(1700);
        throw new Error('handler exploded late');
      }
      if (args === 'everything') {
        const brief = h().services.library().briefs.find((b) => b.doc.title === LONG_TITLE);
        if (!brief) throw new Error('no long document');
        const post: Post = { lang: 'en', blocks: [heading(brief.doc.title), ...brief.doc.text.split(/\n+/).map((p) => paragraph(p))] };
        return post;
      }
      return real.run(name, args, message);
    },
  };
}

describe('Discord adapter end to end (discord.js against the fake)', () => {
  let h: Harness;
  let dir: string;
  const channel = (name: string) => {
    const c = h.fake.guilds[0]!.channels.find((x) => x.name === name);
    if (!c) throw new Error(`no channel ${name}`);
    return c.id;
  };
  const interact = async (ev: FakeEvent) => {
    h.fake.deliver(ev);
    return h.fake.waitForCallback(ev.id);
  };
  const original = (ev: FakeEvent) => eventually(() => h.fake.messages.find((m) => (m.interaction_metadata as { id?: string } | undefined)?.id === ev.id), 3000, 'the reply');

  beforeAll(async () => {
    dir = contentWithLongDocument();
    h = await startHarness({
      contentDir: dir,
      router: (real) => testRouter(real, () => h),
      fake: {
        guilds: [{
          name: 'Newsroom',
          channels: [{ name: 'general' }, { name: 'mentions' }, { name: 'sends' }, { name: 'denied' }, { name: 'nonce' }, { name: 'errors' }],
          roles: [{ id: '1100000000000000100', name: 'mods', permissions: MANAGE_CHANNELS }],
          members: [{ user: moderator, roles: ['1100000000000000100'] }, { user: reader }],
        }],
      },
    });
  });

  afterAll(async () => {
    await h?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('logs in: READY, and the slash commands are registered in bulk to the guild, matching the table', async () => {
    expect(h.adapter.client.user?.id).toBe(h.fake.botUser.id);
    expect(h.fake.identifies).toBe(1);
    expect(h.services.log.lines.some((l) => l.msg === 'discord ready')).toBe(true);
    const put = h.fake.requests.filter((r) => r.method === 'PUT');
    expect(put.map((r) => r.path)).toEqual([`/applications/${h.fake.applicationId}/guilds/${h.fake.guildId}/commands`]);
    expect(put[0]?.status).toBe(200);
    expect(put[0]?.body).toEqual(expectedBody(h.router.commands()));
    expect(h.fake.commands.guild[h.fake.guildId]?.map((c) => c.name)).toEqual(['start', 'help', 'summary', 'list', 'search', 'who', 'quotes', 'whosaid', 'sources', 'about']);
    expect(h.fake.commands.global).toEqual([]);
  });

  it('/summary answers with an embed of the latest document and a full-text button', async () => {
    const latest = h.services.library().briefs[0]!;
    const ev = h.fake.slashCommand('summary', {});
    const cb = await interact(ev);
    expect(cb.type).toBe(4);
    const embeds = cb.data?.embeds as Array<{ title: string; description: string }>;
    // The latest is the Arabic seed: its title comes marked right-to-left.
    expect(embeds[0]?.title.startsWith('\u200f')).toBe(true);
    expect(bidiFree(embeds[0]?.title)).toBe(latest.doc.title);
    expect(embeds[0]?.description).toContain(`Document 1 of ${h.services.library().briefs.length}`);
    const buttons = (cb.data?.components as Array<{ components: Array<{ custom_id: string; label: string }> }>)[0]?.components;
    expect(buttons?.[0]).toMatchObject({ label: 'Full text', custom_id: `/full ${h.services.library().keyOf(latest)} 1` });
    expect(cb.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('/summary with a document option (an autocomplete value) picks that document', async () => {
    const cb = await interact(h.fake.slashCommand('summary', { document: 'bbc-business-002' }));
    expect((cb.data?.embeds as Array<{ title: string }>)[0]?.title).toBe('Dollar gains on Greenspan speech');
  });

  it('/list, then pressing "Next" updates the same message to page 2 (and "Previous" back)', async () => {
    const ev = h.fake.slashCommand('list', { page: 1 });
    const cb = await interact(ev);
    expect((cb.data?.embeds as Array<{ title: string }>)[0]?.title).toMatch(/page 1 of 2/);
    const message = await original(ev);
    const next = (message.components[0] as { components: Array<{ custom_id: string }> }).components[0]!;
    expect(next.custom_id).toBe('/list 2');

    const press = h.fake.button(next.custom_id, { message });
    const updated = await interact(press);
    expect(updated.type).toBe(7);
    const edited = h.fake.messages.find((m) => m.id === message.id)!;
    expect(String(edited.embeds[0]?.title)).toMatch(/page 2 of 2/);
    expect(String(edited.embeds[0]?.description)).toMatch(/^11\\\. /);
    const back = (edited.components[0] as { components: Array<{ custom_id: string; label: string }> }).components[0]!;
    expect(back).toMatchObject({ custom_id: '/list 1', label: '‹ Previous' });
    await interact(h.fake.button(back.custom_id, { message: edited }));
    expect(String(h.fake.messages.find((m) => m.id === message.id)!.embeds[0]?.title)).toMatch(/page 1 of 2/);
  });

  it('the full-text button pages through a document by editing the message', async () => {
    const ev = h.fake.slashCommand('summary', { document: '1' });
    await interact(ev);
    const message = await original(ev);
    const full = (message.components[0] as { components: Array<{ custom_id: string }> }).components[0]!;
    const cb = await interact(h.fake.button(full.custom_id, { message }));
    expect(cb.type).toBe(7);
    expect(String(h.fake.messages.find((m) => m.id === message.id)!.embeds[0]?.description)).toMatch(/Full text, part 1 of/);
  });

  it('a button whose long action was forgotten gets an ephemeral "expired" notice', async () => {
    const cb = await interact(h.fake.button('#a:forgottenreference'));
    expect(cb.type).toBe(4);
    expect(cb.data?.flags).toBe(64);
    expect(String(cb.data?.content)).toMatch(/expired/);
  });

  it('autocomplete on /summary document: Latin and Arabic partial titles, newest when empty, ≤ 25 choices', async () => {
    const ask = async (value: string) => {
      const cb = await interact(h.fake.autocomplete('summary', { document: value }, { focused: 'document' }));
      expect(cb.type).toBe(8);
      return cb.data?.choices as Array<{ name: string; value: string }>;
    };
    expect((await ask('Greens'))[0]).toEqual({ name: expect.stringMatching(/Dollar gains on Greenspan speech$/), value: 'bbc-business-002' });
    expect((await ask('بكي'))[0]?.value).toBe('000_242677af3c996c0f');
    const newest = await ask('');
    expect(newest.length).toBe(Math.min(25, h.services.library().briefs.length));
    expect(newest[0]?.value).toBe(h.services.library().briefs[0]?.doc.id);
    expect(await ask('zzzz-nothing-like-this')).toEqual([]);
  });

  it('/who with speaker-name autocomplete in either script, then the quotes', async () => {
    const ask = async (value: string) => {
      const cb = await interact(h.fake.autocomplete('who', { name: value }, { focused: 'name' }));
      expect(cb.type).toBe(8);
      return cb.data?.choices as Array<{ name: string; value: string }>;
    };
    expect((await ask('ترامب'))[0]?.value).toBe('Donald Trump');
    expect((await ask('Trum'))[0]?.value).toBe('Donald Trump');
    expect((await ask('قو'))[0]?.value).toBe('Guo Jiakun');
    const top = await ask('');
    expect(top.length).toBeGreaterThan(3);
    expect(top.length).toBeLessThanOrEqual(25);
    const cb = await interact(h.fake.slashCommand('who', { name: 'Donald Trump' }));
    expect(JSON.stringify(cb.data)).toContain('هناك كراهية هائلة');
  });

  it('a mention question in Arabic gets an Arabic reply in the channel, as a reply to the question', async () => {
    const mentions = channel('mentions');
    const ev = h.fake.deliver(h.fake.messageCreate('ماذا قال ترامب؟', { mentionsBot: true, channelId: mentions }));
    const reply = await eventually(() => h.fake.sent(mentions)[0], 3000, 'a reply');
    expect(textOf(reply)).toMatch(/[\u0600-\u06FF]/);
    const request = h.fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${mentions}/messages`);
    expect(request?.body).toMatchObject({ message_reference: { message_id: ev.id }, allowed_mentions: { parse: [] } });
  });

  it('a mention with no words gets the help; messages without a mention are left alone', async () => {
    const mentions = channel('mentions');
    const before = h.fake.sent(mentions).length;
    h.fake.deliver(h.fake.messageCreate('just chatting, no bot here', { channelId: mentions }));
    h.fake.deliver(h.fake.messageCreate('', { mentionsBot: true, channelId: mentions }));
    const reply = await eventually(() => h.fake.sent(mentions)[before], 3000, 'the help');
    expect(textOf(reply)).toContain('/summary');
    await sleep(100);
    expect(h.fake.sent(mentions)).toHaveLength(before + 1);
  });

  it('a 429 with Retry-After on a send is waited out by discord.js, retried, and logged', async () => {
    const sends = channel('sends');
    h.fake.failNext(`POST /channels/${sends}/messages`, { status: 429, retryAfter: 0.4 });
    const started = Date.now();
    const ids = await h.adapter.send({ chatId: sends }, { lang: 'en', blocks: [paragraph('Morning briefing')] });
    expect(ids).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    const attempts = h.fake.requests.filter((r) => r.path === `/channels/${sends}/messages`);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(400);
    const logged = h.services.log.lines.find((l) => l.level === 'warn' && /rate limited/.test(l.msg));
    expect(logged?.obj).toMatchObject({ route: '/channels/:id/messages', method: 'POST' });
  });

  it('send() with an idempotency key posts once: nonce ≤ 25 characters with enforce_nonce', async () => {
    const target = channel('nonce');
    const post: Post = { lang: 'en', blocks: [heading('Digest'), paragraph('Three stories today.')] };
    const first = await h.adapter.send({ chatId: target }, post, { idempotencyKey: 'digest:sub-42:2024-05-01' });
    const again = await h.adapter.send({ chatId: target }, post, { idempotencyKey: 'digest:sub-42:2024-05-01' });
    expect(again).toEqual(first);
    expect(h.fake.posted.get(target)).toBe(1);
    const body = h.fake.requests.find((r) => r.path === `/channels/${target}/messages`)?.body as { nonce: string; enforce_nonce: boolean };
    expect(body.nonce).toBe(nonceFor('digest:sub-42:2024-05-01', 0));
    expect(body.nonce.length).toBeLessThanOrEqual(25);
    expect(body.enforce_nonce).toBe(true);
  });

  it('missing access is recorded for the channel and reported as a forbidden SendError', async () => {
    const denied = channel('denied');
    h.fake.missingAccess(denied);
    const error = await h.adapter.send({ chatId: denied }, { lang: 'en', blocks: [paragraph('hello')] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).kind).toBe('forbidden');
    expect(h.adapter.deniedChannels.has(denied)).toBe(true);
    expect(h.services.log.lines.some((l) => l.level === 'warn' && /missing access/.test(l.msg))).toBe(true);
    // A mention in that channel: the reply fails, is recorded, and nothing crashes.
    h.fake.deliver(h.fake.messageCreate('latest', { mentionsBot: true, channelId: denied }));
    await eventually(() => h.fake.requests.filter((r) => r.path === `/channels/${denied}/messages`).length === 2, 3000, 'the failed reply');
    await h.adapter.idle();
    h.fake.restoreAccess(denied);
    await h.adapter.send({ chatId: denied }, { lang: 'en', blocks: [paragraph('back')] });
    expect(h.adapter.deniedChannels.has(denied)).toBe(false);
  });

  it('send errors are classified: 5xx after retries is transient, another 4xx is invalid', async () => {
    const errors = channel('errors');
    // discord.js retries a 5xx three times before giving up.
    h.fake.failNext(`POST /channels/${errors}/messages`, { status: 502, times: 4 });
    const transient = await h.adapter.send({ chatId: errors }, { lang: 'en', blocks: [paragraph('x')] }).catch((e: unknown) => e);
    expect((transient as SendError).kind).toBe('transient');
    expect(h.fake.requests.filter((r) => r.path === `/channels/${errors}/messages`).map((r) => r.status)).toEqual([502, 502, 502, 502]);
    h.fake.failNext(`POST /channels/${errors}/messages`, { status: 404, code: 10003, message: 'Unknown Channel' });
    const invalid = await h.adapter.send({ chatId: errors }, { lang: 'en', blocks: [paragraph('x')] }).catch((e: unknown) => e);
    expect((invalid as SendError).kind).toBe('invalid');
    expect((invalid as SendError).message).toMatch(/404\/10003/);
  });

  it('isAdmin: Manage Channels in that channel', async () => {
    expect(await h.adapter.isAdmin(h.fake.channelId, moderator.id)).toBe(true);
    expect(await h.adapter.isAdmin(h.fake.channelId, reader.id)).toBe(false);
    // The guild owner has every permission.
    expect(await h.adapter.isAdmin(h.fake.channelId, h.fake.user.id)).toBe(true);
    expect(await h.adapter.isAdmin('1100000000000009999', moderator.id)).toBe(false);
  });

  it('a very long answer (the full text of a long document) arrives whole, as a reply and follow-ups within the limits', async () => {
    const rejectionsBefore = h.fake.rejections.length;
    const ev = h.fake.slashCommand('summary', { document: 'everything' });
    const cb = await interact(ev);
    expect(cb.type).toBe(4);
    const brief = h.services.library().briefs.find((b) => b.doc.title === LONG_TITLE)!;
    const words = brief.doc.text.match(/word\d+/g)!;
    const followUps = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/webhooks/${h.fake.applicationId}/${ev.token}` && (r.status === 200 || r.status === 204));
    const all = await eventually(() => {
      const msgs = h.fake.messages.filter((m) => (m.interaction_metadata as { id?: string } | undefined)?.id === ev.id);
      const text = msgs.map(textOf).join('\n');
      return (text.match(/word\d+/g) ?? []).length >= words.length ? msgs : undefined;
    }, 5000, 'every word of the document');
    expect(all.length).toBeGreaterThan(2);
    expect(followUps().length).toBeGreaterThan(0);
    for (const m of all) {
      expect(m.embeds.length).toBeLessThanOrEqual(10);
      const total = m.embeds.reduce((n, e) => n + String(e.title ?? '').length + String(e.description ?? '').length, 0);
      expect(total).toBeLessThanOrEqual(6000);
    }
    expect(h.fake.rejections.length).toBe(rejectionsBefore);
  });

  it('a slow handler gets a deferReply, then the answer edits @original', async () => {
    const ev = h.fake.slashCommand('summary', { document: 'slow' });
    const started = Date.now();
    const cb = await interact(ev);
    expect(cb.type).toBe(5);
    expect(cb.at - started).toBeLessThan(2500);
    expect(cb.at - started).toBeGreaterThanOrEqual(1400);
    const patch = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${h.fake.applicationId}/${ev.token}/messages/@original`, 3000);
    expect(patch.status).toBe(200);
    expect(patch.allowedMentions).toBe(true);
    const message = await original(ev);
    expect(bidiFree(message.embeds[0]?.title)).toBe(h.services.library().briefs[0]!.doc.title);
  });

  it('a handler that throws gets an ephemeral apology, and the client keeps working', async () => {
    const cb = await interact(h.fake.slashCommand('summary', { document: 'boom' }));
    expect(cb.type).toBe(4);
    expect(cb.data?.flags).toBe(64);
    expect(cb.data?.content).toBe(strings.en.error);
    expect(h.services.log.lines.some((l) => l.level === 'error' && l.msg === 'discord interaction failed')).toBe(true);
    const after = await interact(h.fake.slashCommand('about', {}));
    expect(after.type).toBe(4);
    expect(String(after.data?.content)).toMatch(/newsbot/);
  });

  it('a handler that throws after the deferral: ephemeral follow-up apology, the "thinking" reply removed', async () => {
    const ev = h.fake.slashCommand('summary', { document: 'slowboom' });
    expect((await interact(ev)).type).toBe(5);
    const follow = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${h.fake.applicationId}/${ev.token}`, 3000);
    expect((follow.body as { flags: number; content: string })).toMatchObject({ flags: 64, content: strings.en.error });
    await h.fake.waitForRequest((r) => r.method === 'DELETE' && r.path === `/webhooks/${h.fake.applicationId}/${ev.token}/messages/@original`, 3000);
  });

  it('every message payload carried allowed_mentions, nothing was rejected, and the token never reached the logs', () => {
    const sent = messageRequests(h.fake.requests);
    expect(sent.length).toBeGreaterThan(15);
    expect(sent.filter((r) => !r.allowedMentions)).toEqual([]);
    expect(h.fake.rejections).toEqual([]);
    expect(JSON.stringify(h.services.log.lines)).not.toContain(h.fake.token);
  });
});

describe('Discord adapter lifecycle', () => {
  it('registers globally without DISCORD_GUILD_ID; stop() is idempotent and clean right after a gateway drop', async () => {
    const h = await startHarness({ guild: false });
    try {
      const put = h.fake.requests.find((r) => r.method === 'PUT');
      expect(put?.path).toBe(`/applications/${h.fake.applicationId}/commands`);
      expect(h.fake.commands.global.length).toBe(expectedBody(h.router.commands()).length);
      const late: string[] = [];
      let stopped = false;
      h.adapter.client.on('debug', (m) => {
        if (stopped) late.push(m);
      });
      h.fake.dropGateway();
      const started = Date.now();
      await Promise.all([h.adapter.stop(), h.adapter.stop()]);
      await h.adapter.stop();
      stopped = true;
      expect(Date.now() - started).toBeLessThan(3000);
      await sleep(700);
      expect(late.filter((m) => m.includes('Connecting to'))).toEqual([]);
      await expect(h.adapter.start()).rejects.toThrow(/stopped/);
    } finally {
      await h.adapter.stop();
      await h.fake.close();
    }
  });

  it('a wrong token fails start() with a clear error that does not contain the token', async () => {
    const { createFakeDiscord } = await import('../../fakes/discord-server.ts');
    const fake = await createFakeDiscord({ token: 'the-real-token-abcdef' });
    const { createDiscordAdapter } = await import('../../../src/adapters/discord/index.ts');
    const { loadConfig } = await import('../../../src/config.ts');
    const { realServices, repoRoot } = await import('../../helpers/services.ts');
    const services = await realServices();
    const { createRouter } = await import('../../../src/bot/router.ts');
    const config = loadConfig({ NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'), DISCORD_BOT_TOKEN: 'wrong-token-123456', DISCORD_API_URL: fake.api }, repoRoot);
    const adapter = createDiscordAdapter({ router: createRouter(services), services, config, log: services.log });
    const error = await adapter.start().catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Discord login failed/);
    expect((error as Error).message).not.toContain('wrong-token-123456');
    await adapter.stop();
    await fake.close();
  });
});

