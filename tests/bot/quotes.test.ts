import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayName } from '../../src/bot/handlers/quotes.ts';
import { postText, type Post } from '../../src/bot/post.ts';
import { createRouter, type Router } from '../../src/bot/router.ts';
import type { BotServices } from '../../src/bot/types.ts';
import { normalizeForMatch } from '../../src/news/normalize.ts';
import { realServices, repoRoot } from '../helpers/services.ts';

interface SeedGold {
  questions: { ask: string; expect_contains: string[]; optional?: boolean }[];
}
const gold = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests/fixtures/seed-quotes.json'), 'utf8')) as SeedGold;

let services: BotServices;
let router: Router;
async function ask(text: string, locale?: string): Promise<Post> {
  const post = await router.handle({ platform: 'test', chatId: 'c', text, chatType: 'private', ...(locale ? { locale } : {}) });
  if (!post) throw new Error('no reply');
  return post;
}

beforeAll(async () => {
  services = await realServices();
  router = createRouter(services);
});

describe('who said what through the router', () => {
  it.each(gold.questions.map((q) => [q.ask, q] as const))('answers %s with the expected words', async (_ask, q) => {
    const text = normalizeForMatch(postText(await ask(q.ask)));
    for (const words of q.expect_contains) expect(text).toContain(normalizeForMatch(words));
  });

  it('shows direct quotes verbatim from their document, and reported ones outside quote blocks', async () => {
    const docs = new Map(services.library().briefs.map((b) => [b.doc.title, b.doc.text]));
    for (const q of ['/quotes 1', '/who Hewitt', '/who Trump', '/whosaid maternity pay']) {
      const post = await ask(q);
      for (const block of post.blocks) {
        if (block.type !== 'quote') continue;
        expect([...docs.values()].some((text) => text.includes(block.text))).toBe(true);
      }
    }
    const reported = services.speakers().speakers.flatMap((s) => services.speakers().quotesBy(s)).find((r) => r.quote.kind === 'reported');
    expect(reported).toBeDefined();
    const post = await ask(`/who ${reported!.quote.speaker.name}`);
    const quoteTexts = post.blocks.filter((b) => b.type === 'quote').map((b) => (b.type === 'quote' ? b.text : ''));
    expect(quoteTexts).not.toContain(reported!.quote.text);
    expect(postText(post)).toContain('(reported)');
  });

  it('never names people who are mentioned but not quoted', async () => {
    for (const name of ['Lavrov', 'لافروف', 'Wang Yi', 'وانغ يي']) {
      const text = postText(await ask(`/who ${name}`));
      expect(text).toMatch(/no quotes from|ليس لدي اقتباسات/);
    }
  });

  it('names speakers in the script of the reply', async () => {
    expect((await ask('ماذا قال ترامب؟')).blocks[0]).toEqual({ type: 'heading', text: 'اقتباسات دونالد ترامب' });
    expect((await ask('what did Trump say?')).blocks[0]).toEqual({ type: 'heading', text: 'Quotes by Donald Trump' });
    expect(displayName({ name: 'Guo Jiakun', aliases: ['قو', 'قوه جيا كون'], roles: [], count: 1 }, 'ar')).toBe('قوه جيا كون');
  });

  it('pages a long list of quotes with buttons', async () => {
    const top = [...services.speakers().speakers].sort((a, b) => b.count - a.count)[0]!;
    expect(top.count).toBeGreaterThan(5);
    const first = await ask(`/who ${top.name}`);
    const next = first.buttons?.[0]?.find((b) => b.action.endsWith(' 2'));
    expect(next).toBeDefined();
    const second = await ask(next!.action);
    expect(postText(second)).not.toEqual(postText(first));
  });

  it('lists known speakers for a bare /who', async () => {
    expect(postText(await ask('/who'))).toContain('Donald Trump');
  });
});
