import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourcesNote, storyEntries, storyView } from '../../src/bot/handlers/stories.ts';
import { postText, type Post } from '../../src/bot/post.ts';
import { createRouter, type Router } from '../../src/bot/router.ts';
import type { BotServices } from '../../src/bot/types.ts';
import { digestPosts } from '../../src/briefings/digest.ts';
import { rewrite } from '../../src/eval/stories.ts';
import { loadSummaryCases } from '../../src/eval/summary.ts';
import { realServices } from '../helpers/services.ts';

let dir: string;
let services: BotServices;
let router: Router;

// One story told by three outlets (a tuning-half BBC article and two rewritten copies), and two other stories.
const [story, other1, other2] = loadSummaryCases().filter((c) => c.half === 'tune' && c.topic === 'politics');
const md = (title: string, source: string, date: string, text: string) => `---\ntitle: ${JSON.stringify(title)}\nsource: ${source}\ndate: ${date}\n---\n${text}\n`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-stories-'));
  const text = story!.sentences.map((s) => s.text);
  const a = rewrite(story!.title, text, 11);
  const b = rewrite(story!.title, text.slice(0, -2), 12);
  fs.writeFileSync(path.join(dir, 's1.md'), md(story!.title, 'BBC', '2025-03-01T08:00:00Z', text.join(' ')));
  fs.writeFileSync(path.join(dir, 's2.md'), md(a.title, 'Reuters', '2025-03-01T10:00:00Z', a.text));
  fs.writeFileSync(path.join(dir, 's3.md'), md(b.title, 'الجزيرة', '2025-03-01T12:00:00Z', b.text));
  for (const [i, c] of [other1!, other2!].entries()) fs.writeFileSync(path.join(dir, `o${i}.md`), md(c.title, 'BBC', `2025-03-0${2 + i}T08:00:00Z`, c.sentences.map((s) => s.text).join(' ')));
  services = await realServices(dir);
  router = createRouter(services);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ask(text: string): Promise<Post> {
  return (await router.handle({ platform: 'test', chatId: 'c', text, chatType: 'private' }))!;
}

describe('one story across sources', () => {
  it('/list shows the story once, with its three sources, numbered as /summary knows them', async () => {
    const post = await ask('/list');
    const list = post.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items).toHaveLength(3);
    const text = postText(post);
    expect(text.match(/3 sources/g)).toHaveLength(1);
    expect(text).toContain('3 sources: الجزيرة, Reuters, BBC');
    expect(list?.type === 'list' && list.numbers).toEqual([1, 2, 3]);
    expect(postText(await ask('/list', ))).toBe(text);
    const ar = postText(await ask('/list ١'));
    expect(ar).toContain('3 مصادر');
  });

  it('/summary of the story summarizes its best document and lists the others', async () => {
    const post = await ask('/summary 3');
    const text = postText(post);
    expect(post.blocks[0]).toEqual({ type: 'heading', text: story!.title });
    expect(text).toContain('Also reported by:');
    expect(text).toContain('(Reuters · #');
    expect(text).toContain('(الجزيرة · #');
  });

  it('a digest shows the story once, with its sources', () => {
    const docs = storyEntries(services, services.library().briefs);
    expect(docs).toHaveLength(3);
    const posts = digestPosts({ lang: 'en', zone: 'UTC', since: 0, topics: [], documents: docs, maxDocuments: 5, sourcesOf: (b) => sourcesNote(storyView(services, b), 'en') });
    const text = posts.map(postText).join('\n');
    expect(text.match(/3 sources/g)).toHaveLength(1);
  });
});
