import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postText, type Post } from '../../src/bot/post.ts';
import { createRouter, type Router } from '../../src/bot/router.ts';
import type { BotServices } from '../../src/bot/types.ts';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { memoryLogger, realServices, repoRoot } from '../helpers/services.ts';

let dir: string;
let services: BotServices;
let router: Router;

const DOCS: Record<string, string> = {
  'en-trump.md': `---\ntitle: Trump threatens new tariffs\ndate: 2025-03-01\nsource: Wire\n---\nThe US president spoke on Monday. "We will put tariffs on steel," Trump said. Markets fell.\n`,
  'ar-trump.md': `---\ntitle: ترامب يهدد برسوم جديدة\ndate: 2025-03-02\nsource: الجزيرة\n---\nقال الرئيس الأمريكي دونالد ترامب إن بلاده ستفرض رسوما على الصلب. وتراجعت الأسواق بعد التصريحات.\n`,
  'en-lavrov.md': `---\ntitle: Lavrov meets Chinese envoy\ndate: 2025-02-20\nsource: Wire\n---\nSergei Lavrov held talks in Moscow with a Chinese delegation about trade and security.\n`,
  'ar-inflation.md': `---\ntitle: التضخم يرتفع إلى أعلى مستوى\ndate: 2025-02-10\nsource: الجزيرة\n---\nارتفع معدل التضخم في مصر. وقال البنك المركزي إن الأسعار ستستقر.\n`,
  'en-inflation.md': `---\ntitle: Inflation rises again\ndate: 2025-01-15\nsource: BBC News\nurl: https://www.bbc.co.uk/news/1\n---\nInflation rose to 4%. The Bank of England said price rises would slow.\n`,
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-search-'));
  for (const [name, text] of Object.entries(DOCS)) fs.writeFileSync(path.join(dir, name), text);
  for (let i = 0; i < 25; i++) fs.writeFileSync(path.join(dir, `filler-${i}.md`), `---\ntitle: Market report ${i}\ndate: 2024-12-${String(1 + i).padStart(2, '0')}\n---\nShares and bonds moved. Oil traded flat on day ${i}.\n`);
  services = await realServices(dir);
  router = createRouter(services);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ask(text: string): Promise<Post> {
  const post = await router.handle({ platform: 'test', chatId: 'c', text, chatType: 'private' });
  if (!post) throw new Error(`no reply to ${text}`);
  return post;
}
const titles = (post: Post) => post.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((i) => i.map((x) => (typeof x === 'string' ? x : x.text)).join('')) : []));

describe('/search', () => {
  it('finds a name written in either script in documents of both languages', async () => {
    for (const q of ['Trump', 'ترامب']) {
      const found = titles(await ask(`/search ${q}`)).join('\n');
      expect(found, q).toContain('Trump threatens new tariffs');
      expect(found, q).toContain('ترامب يهدد برسوم جديدة');
    }
    const lavrov = titles(await ask('/search لافروف')).join('\n');
    expect(lavrov).toContain('Lavrov meets Chinese envoy');
  });

  it('ranks in Arabic and English, and filters by language, source and date', async () => {
    expect(titles(await ask('/search التضخم'))[0]).toContain('التضخم يرتفع');
    expect(titles(await ask('/search inflation'))[0]).toContain('Inflation rises again');
    expect(titles(await ask('/search tariffs lang:ar'))).toEqual([]);
    const ar = titles(await ask('/search ترامب lang:ar'));
    expect(ar).toHaveLength(1);
    expect(titles(await ask('/search inflation source:bbc.co.uk'))).toHaveLength(1);
    expect(postText(await ask('/search Trump since:2025-03-02'))).not.toContain('Trump threatens');
  });

  it('pages with the same buttons as /list', async () => {
    const first = await ask('/search market');
    expect(titles(first)).toHaveLength(10);
    const next = first.buttons?.[0]?.find((b) => b.action.includes('page:2'));
    expect(next?.action).toBe('/search market page:2');
    const second = await ask(next!.action);
    expect(titles(second)).toHaveLength(10);
    expect(titles(second)).not.toEqual(titles(first));
    expect(second.buttons?.[0]?.map((b) => b.action)).toEqual(['/search market page:1', '/search market page:3']);
    // A long Arabic search does not fit Telegram's 64-byte button: the button carries a key instead.
    const long = await ask('/search السوق والأسهم والسندات والنفط market');
    const action = long.buttons?.[0]?.[0]?.action ?? '';
    expect(new TextEncoder().encode(action).length).toBeLessThanOrEqual(64);
    expect(titles(await ask(action)).length).toBeGreaterThan(0);
  });

  it('routes plain questions that are clearly a search, and keeps who-said-what', async () => {
    expect(titles(await ask('news about inflation'))[0]).toContain('Inflation rises again');
    expect(titles(await ask('أخبار عن التضخم'))[0]).toContain('التضخم يرتفع');
    expect(postText(await ask('what did Trump say?'))).toContain('We will put tariffs on steel');
  });

  it('answers bad input clearly, never with an error', async () => {
    const cases = ['x'.repeat(2000), 'the of and', 'في من على', '?!... ,,, ;;', '.*(a+)+$ [[[ \\d{99999}', 'Trump ترامب 2025 mixed', '/search', 'lang:xx', 'since:soon inflation'];
    for (const q of cases) {
      const post = await ask(q.startsWith('/') ? q : `/search ${q}`);
      const text = postText(post);
      expect(text, q).not.toMatch(/went wrong|حدث خطأ/);
      expect(text.length, q).toBeGreaterThan(10);
    }
    expect(postText(await ask('/search the of and'))).toContain('Tell me what to look for');
    expect(postText(await ask('/search lang:xx inflation'))).toContain('lang:xx');
    expect(titles(await ask('/search Trump ترامب 2025 mixed')).length).toBeGreaterThan(0);
  });
});

describe('the index follows the store', () => {
  it('a file added, changed or removed is found or gone at the next pass, without a rebuild', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-search-live-'));
    try {
      fs.writeFileSync(path.join(folder, 'a.md'), '---\ntitle: Budget talks stall\ndate: 2025-03-01\n---\nMinisters failed to agree on the budget.\n');
      const config = loadConfig({ NEWSBOT_CONTENT_DIR: folder, NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json') }, repoRoot);
      const { services: live, store } = await createServices(config, memoryLogger());
      const r = createRouter(live);
      const find = async (q: string) => titles((await r.handle({ platform: 'test', chatId: 'c', text: `/search ${q}`, chatType: 'private' }))!);
      expect(await find('budget')).toHaveLength(1);
      fs.writeFileSync(path.join(folder, 'b.md'), '---\ntitle: الزلزال يضرب المدينة\ndate: 2025-03-02\n---\nضرب زلزال قوي المدينة فجر اليوم.\n');
      await store.reload();
      expect((await find('زلزال'))[0]).toContain('الزلزال يضرب المدينة');
      fs.writeFileSync(path.join(folder, 'a.md'), '---\ntitle: Budget agreed\ndate: 2025-03-01\n---\nMinisters agreed a budget at last.\n');
      await store.reload();
      expect(await find('stall')).toEqual([]);
      expect((await find('budget'))[0]).toContain('Budget agreed');
      fs.rmSync(path.join(folder, 'b.md'));
      await store.reload();
      expect(await find('زلزال')).toEqual([]);
      expect(live.search?.().size()).toBe(1);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
