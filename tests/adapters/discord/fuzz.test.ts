// 2,000 hostile inputs, each sent as a slash-command argument and as a message mentioning the bot
// (and a share as autocomplete input). The fake refuses any payload over a Discord limit: the bar is
// zero rejections, allowed_mentions on every message, and a client that still answers afterwards.
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, messageRequests, startHarness, type Harness } from './helpers.ts';

const N = 2000;
const BATCH = 40;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hostileInputs(botId: string): string[] {
  const pieces = [
    '<script>alert(1)</script>', '<b>bold</b>', '&amp; &lt;', '<img src=x onerror=alert(1)>',
    '**', '__', '~~', '||', '`', '```', '```js\nconsole.log(1)\n```', '> quote', '# heading', '-# tiny', '1. list', '- item',
    '[click](https://evil.example)', '[x](javascript:alert(1))', '\\', '\\*', '*_~`|',
    '@everyone', '@here', '<@123>', '<@!123>', '<@&456>', '<#789>', `<@${botId}>`, '</summary:1>', '<t:1700000000:R>',
    '\u202E', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F', '\u200E', '\u061C', '\u200B', '\uFEFF',
    'ماذا قال ترامب؟', 'بكين', 'الأحدث', 'قال Donald Trump إن', '٣', 'Greenspan', 'Labour', 'latest', '#2', '9999999',
    '😀', '👨‍👩‍👧‍👦', '🇸🇦', 'e\u0301', 'ﷺ', '\uD800', '\uDFFF', '\u0000', '\u0007', '\t', '\n', '\r\n', ' ', '',
    '/list 99999999999', '/full zzz 9999', '/summary 1', '/help', '/unknowncmd', '/list@otherbot 2', '/full', '/about',
  ];
  const random = rng(20240501);
  const pick = () => pieces[Math.floor(random() * pieces.length)]!;
  const out: string[] = ['', ' ', '\u202E', '@everyone', '`'.repeat(3000), '*'.repeat(5000), '<@123>'.repeat(500)];
  while (out.length < N) {
    const k = out.length;
    if (k % 250 === 0) {
      out.push(`${pick()}${'x'.repeat(100_000)}`); // 100 kB
      continue;
    }
    if (k % 97 === 0) {
      out.push(Array.from({ length: 2000 }, pick).join(''));
      continue;
    }
    const n = 1 + Math.floor(random() * 12);
    out.push(Array.from({ length: n }, () => (random() < 0.3 ? ` ${pick()} ` : pick())).join(''));
  }
  return out;
}

// 2,000 inputs through the real discord.js client: tens of seconds on a loaded machine.
describe('fuzz: hostile inputs through slash commands and mentions', { timeout: 90_000 }, () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      // A roomy message bucket: the point here is payload limits, not pacing.
      fake: { messageBucket: { limit: 100_000, resetAfterMs: 1000 }, guilds: [{ channels: [{ name: 'general' }, { name: 'fuzz' }] }] },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it(`${N} inputs: zero rejections, allowed_mentions on every message, the client still answers`, async () => {
    const fuzzChannel = h.fake.guilds[0]!.channels.find((c) => c.name === 'fuzz')!.id;
    const inputs = hostileInputs(h.fake.botUser.id);
    expect(inputs).toHaveLength(N);
    const received = new Set<string>();
    h.adapter.client.on(Events.MessageCreate, (m) => void received.add(m.id));
    // Every input as a slash-command argument; one in five (and every oversized one) also as a mention
    // and as autocomplete input. Mention replies are channel posts, which discord.js paces at Discord's
    // global 50 requests/s, so all 2,000 as mentions would take 40 s on their own.
    const alsoMention = (text: string, i: number) => i % 5 === 0 || text.length > 2000;
    const mentions: string[] = [];

    for (let start = 0; start < N; start += BATCH) {
      const batch = inputs.slice(start, start + BATCH);
      const slash = batch.map((text) => h.fake.deliver(h.fake.slashCommand('summary', text ? { document: text } : {})));
      const others = batch.filter((text, i) => alsoMention(text, start + i));
      const auto = others.map((text) => h.fake.deliver(h.fake.autocomplete('summary', { document: text }, { focused: 'document' })));
      mentions.push(...others.map((text) => h.fake.deliver(h.fake.messageCreate(text, { mentionsBot: true, channelId: fuzzChannel })).id));
      const callbacks = await Promise.all([...slash, ...auto].map((ev) => h.fake.waitForCallback(ev.id, 5000)));
      for (const cb of callbacks) expect([4, 5, 8]).toContain(cb.type);
    }
    await eventually(() => mentions.every((id) => received.has(id)), 10_000, 'the mentions to arrive');
    await h.adapter.idle();
    expect(mentions.length).toBeGreaterThanOrEqual(N / 5);

    expect(h.fake.rejections).toEqual([]);
    const sent = messageRequests(h.fake.requests);
    expect(sent.length).toBeGreaterThanOrEqual(N + mentions.length * 0.9);
    expect(sent.filter((r) => !r.allowedMentions)).toEqual([]);
    expect(sent.every((r) => r.status === 200 || r.status === 204)).toBe(true);
    expect(h.fake.sent(fuzzChannel).length).toBeGreaterThan(mentions.length * 0.9);
    expect(h.services.log.lines.filter((l) => l.level === 'error')).toEqual([]);

    const after = h.fake.deliver(h.fake.slashCommand('about', {}));
    expect((await h.fake.waitForCallback(after.id)).type).toBe(4);
  });
});
