import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { feedsCommand } from '../../src/sources/cli.ts';
import { harbour, library, rss } from '../fakes/feed-fixtures.ts';
import { startFeedServer, type FeedServer } from '../fakes/feed-server.ts';
import { tempDir } from './helpers.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  server.routes.set('/news.rss', { body: rss('Example News', [harbour, library]) });
});
afterAll(() => server.close());

function configIn(dir: string, feeds: unknown[] = []) {
  const file = path.join(dir, 'newsbot.json');
  fs.writeFileSync(file, JSON.stringify({ dataDir: path.join(dir, 'data'), sources: { feeds } }));
  return loadConfig({ NEWSBOT_CONFIG: file }, dir);
}

async function run(config: ReturnType<typeof configIn>, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await feedsCommand(args, config, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('newsbot feeds', () => {
  it('add, list, check and remove; config feeds are listed and cannot be removed from the command line', async () => {
    const dir = tempDir();
    const config = configIn(dir, [{ url: `${server.url}/config.rss`, name: 'From config' }]);
    const added = await run(config, 'add', `${server.url}/news.rss`, '--name', 'Example', '--interval', '60', '--tags', 'a,b', '--lang', 'en');
    expect(added).toMatchObject({ code: 0, out: expect.stringMatching(/^added feed \w{10} http/) });

    const listed = await run(config, 'list');
    expect(listed.out).toMatch(/new\s+0 items\s+every 60 s\s+\[cli\]\s+Example/);
    expect(listed.out).toMatch(/\[config\]\s+From config/);
    const json = JSON.parse((await run(config, 'list', '--json')).out) as { name: string; origin: string }[];
    expect(json.map((f) => [f.name, f.origin])).toEqual([['From config', 'config'], ['Example', 'cli']]);

    const checked = await run(config, 'check', 'Example');
    expect(checked).toMatchObject({ code: 0, out: 'Example: ok: rss feed "Example News", 2 items' });
    const all = await run(config, 'check');
    expect(all.code).toBe(1);
    expect(all.err).toBe('From config: HTTP 404');

    expect(await run(config, 'remove', 'From config')).toMatchObject({ code: 1, err: expect.stringMatching(/comes from the config file/) });
    expect(await run(config, 'add', `${server.url}/config.rss`)).toMatchObject({ code: 1, err: expect.stringMatching(/already in the config file/) });
    expect(await run(config, 'remove', 'Example')).toMatchObject({ code: 0, out: expect.stringMatching(/^removed feed/) });
    expect((await run(config, 'list')).out).not.toMatch(/Example/);
  });

  it('refuses a bad address or interval with a clear message', async () => {
    const config = configIn(tempDir());
    expect(await run(config, 'add', 'ftp://x.example/feed')).toMatchObject({ code: 1, err: expect.stringMatching(/url: expected an http:\/\/ or https:\/\/ address/) });
    expect(await run(config, 'add', `${server.url}/x`, '--interval', '0')).toMatchObject({ code: 1, err: expect.stringMatching(/interval: expected at least 1/) });
    expect(await run(config, 'remove', 'nothing')).toMatchObject({ code: 1, err: expect.stringMatching(/no feed "nothing"/) });
  });
});

describe('sources config', () => {
  it('fills defaults and names the key of a bad entry', () => {
    const config = configIn(tempDir(), [{ url: 'https://a.example/feed' }]);
    expect(config.sources).toMatchObject({ timeoutSeconds: 15, perHost: 2, pauseAfter: 10, feeds: [{ url: 'https://a.example/feed', interval: 600, tags: [], fetchArticle: 'auto' }] });
    const dir = tempDir();
    expect(() => configIn(dir, [{ url: 'https://a.example/feed', interval: 0.5, fetchArticle: 'sometimes' }, { url: 'https://a.example/feed', colour: 'red' }])).toThrow(ConfigError);
    let message = '';
    try {
      configIn(dir, [{ url: 'https://a.example/feed', interval: 0.5, fetchArticle: 'sometimes' }, { url: 'https://a.example/feed' }, { url: 'not a url' }]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/key "sources.feeds.0.interval": expected whole seconds/);
    expect(message).toMatch(/key "sources.feeds.0.fetchArticle": expected true, false or "auto"/);
    expect(message).toMatch(/key "sources.feeds.2.url": expected an http:\/\/ or https:\/\/ address/);
    expect(() => configIn(dir, [{ url: 'https://a.example/feed' }, { url: 'https://a.example/feed' }])).toThrow(/key "sources.feeds.1.url": https:\/\/a.example\/feed is listed twice/);
  });
});
