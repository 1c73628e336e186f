import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { postText } from '../../src/bot/post.ts';
import { digestPosts, POST_BUDGET } from '../../src/briefings/digest.ts';
import { parseSubscribeArgs } from '../../src/briefings/subscribe-args.ts';
import type { Quote } from '../../src/news/quotes/types.ts';
import type { Brief } from '../../src/news/types.ts';
import { repoRoot } from '../helpers/services.ts';
import { databaseFor, testDialect } from '../helpers/storage.ts';
import { makeLibrary, tempDir } from './helpers.ts';

const quote = (text: string, name: string, kind: Quote['kind'] = 'direct'): Quote => ({ text, kind, speaker: { name, aliases: [], roles: [] }, start: 0, end: text.length, sentence: 0 });

function withQuotes(brief: Brief, quotes: Quote[]): Brief {
  return { ...brief, quotes };
}

describe('digest posts', () => {
  const library = makeLibrary(
    Array.from({ length: 8 }, (_, i) => ({
      id: `d${i}`,
      title: `Story number ${i} about the budget`,
      body: `${'The minister said the budget would grow next year and that schools would get more. '.repeat(6)}Critics disagreed.`,
      date: `2025-03-0${i + 1}T06:00:00Z`,
    })),
  );

  it('shows at most two quotes per document, verbatim, direct ones first, with the speaker', () => {
    const brief = withQuotes(library.briefs[0]!, [
      quote('reported words', 'Someone Reported', 'reported'),
      quote('We will not raise taxes', 'Rachel Reeves'),
      quote('لن نرفع الضرائب', 'وزير المالية'),
    ]);
    const [post] = digestPosts({ lang: 'en', zone: 'UTC', since: 0, topics: [], documents: [brief], maxDocuments: 5 });
    const quotes = post!.blocks.filter((b) => b.type === 'quote');
    expect(quotes).toEqual([
      { type: 'quote', text: 'We will not raise taxes', cite: ['Rachel Reeves'] },
      { type: 'quote', text: 'لن نرفع الضرائب', cite: ['وزير المالية'] },
    ]);
  });

  it('keeps newest first, caps at maxDocuments with a count of the rest, and splits into posts that fit one message', () => {
    const posts = digestPosts({ lang: 'en', zone: 'UTC', since: 0, topics: ['budget'], documents: library.briefs, maxDocuments: 6 });
    expect(posts.length).toBeGreaterThan(1);
    for (const p of posts) expect(postText(p).length).toBeLessThanOrEqual(POST_BUDGET + 40);
    const all = posts.map(postText).join('\n');
    expect(all.indexOf('Story number 7')).toBeLessThan(all.indexOf('Story number 6'));
    expect(all).not.toContain('Story number 1 ');
    expect(all).toContain('…and 2 more');
    expect(postText(posts[0]!)).toContain('8 new documents since');
    expect(postText(posts[posts.length - 1]!)).toContain(`part ${posts.length} of ${posts.length}`);
  });

  it('speaks Arabic when the subscription does', () => {
    const [post] = digestPosts({ lang: 'ar', zone: 'Asia/Riyadh', since: 0, topics: ['ميزانية'], documents: library.briefs.slice(0, 1), maxDocuments: 5 });
    expect(postText(post!)).toContain('موجز الأخبار');
    expect(postText(post!)).toContain('المواضيع: ميزانية');
  });
});

describe('/subscribe arguments', () => {
  it('reads time, zone and topics in any order, with Arabic digits and any case', () => {
    expect(parseSubscribeArgs('07:30 Asia/Riyadh oil gas')).toEqual({ time: '07:30', zone: 'Asia/Riyadh', topics: ['oil', 'gas'] });
    expect(parseSubscribeArgs('oil 7:05 europe/london')).toEqual({ time: '07:05', zone: 'Europe/London', topics: ['oil'] });
    expect(parseSubscribeArgs('٠٨:٠٠ UTC نفط، غاز')).toEqual({ time: '08:00', zone: 'UTC', topics: ['نفط', 'غاز'] });
    expect(parseSubscribeArgs('all')).toEqual({ topics: [], allTopics: true });
    expect(parseSubscribeArgs('24:00').error).toEqual({ kind: 'time', value: '24:00' });
    expect(parseSubscribeArgs('Atlantis/Capital').error).toEqual({ kind: 'zone', value: 'Atlantis/Capital' });
  });
});

describe('newsbot digest', () => {
  it('prints the digest the console would get now, as text or as the Post in JSON', async () => {
    const dir = tempDir();
    const env = { ...process.env, LOG_LEVEL: 'warn', NEWSBOT_DATA_DIR: dir, ...(testDialect === 'postgres' ? { NEWSBOT_DATABASE_URL: (await databaseFor(dir)).url } : {}) };
    const json = spawnSync('npx', ['tsx', 'src/cli.ts', 'digest', '--json'], { cwd: repoRoot, encoding: 'utf8', env, timeout: 30_000 });
    expect(json.status).toBe(0);
    const post = JSON.parse(json.stdout) as { lang: string; blocks: { type: string; text?: string }[] };
    expect(post.blocks[0]).toEqual({ type: 'heading', text: 'Your news briefing' });
  });
});
