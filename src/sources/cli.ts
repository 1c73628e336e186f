import { parseArgs } from 'node:util';
import { feedEntry, type Config } from '../config.ts';
import { openStorage } from '../storage/db.ts';
import { FeedRepository, type FeedRow } from '../storage/feeds.ts';
import { decodeBody } from './charset.ts';
import { httpGet, safeUrl } from './http.ts';
import { feedId, feedSpec, fetchLimits } from './index.ts';
import { parseFeedText } from './items.ts';
import { feedLabel } from './poller.ts';

export const FEEDS_USAGE = `Usage: newsbot feeds <add|list|remove|check> ...
  add <url> [--name N] [--lang ar|en] [--interval SECONDS] [--tags a,b] [--fetch-article auto|true|false]
                      store a feed in the database (a running bot picks it up within seconds)
  list [--json]       every feed (config and added), its state, items, last success and last error
  remove <url|id|name>  stop polling a feed added with "feeds add" (config feeds: edit the config)
  check [url|id|name] fetch and parse one feed or all of them now, and report (nothing is stored)
`;

type Out = (line: string) => void;

/** Runs a `newsbot feeds ...` command; returns the exit code. */
export async function feedsCommand(args: string[], config: Config, out: Out, err: Out): Promise<number> {
  const [sub, ...rest] = args;
  const storage = await openStorage({ dataDir: config.dataDir, ...(config.secrets.databaseUrl ? { url: config.secrets.databaseUrl, postgres: { connectAttempts: 3 } } : {}) });
  const repo = new FeedRepository(storage.db);
  try {
    // Config feeds are listed too, as the bot will see them.
    await repo.syncConfig(config.sources.feeds.map(feedSpec), Date.now());
    switch (sub) {
      case 'add':
        return await add(repo, rest, out, err);
      case 'list':
        return await list(repo, rest, out);
      case 'remove':
        return await remove(repo, rest, out, err);
      case 'check':
        return await check(repo, config, rest, out, err);
      default:
        err(sub ? `newsbot feeds: unknown subcommand "${sub}"\n\n${FEEDS_USAGE}` : FEEDS_USAGE);
        return sub ? 1 : 0;
    }
  } finally {
    await storage.close();
  }
}

async function add(repo: FeedRepository, args: string[], out: Out, err: Out): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, lang: { type: 'string' }, interval: { type: 'string' }, tags: { type: 'string' }, 'fetch-article': { type: 'string' } },
  });
  const fetch = values['fetch-article'];
  const parsed = feedEntry.safeParse({
    url: positionals[0],
    ...(values.name ? { name: values.name } : {}),
    ...(values.lang ? { lang: values.lang } : {}),
    ...(values.interval ? { interval: Number(values.interval) } : {}),
    ...(values.tags ? { tags: values.tags.split(',').map((t) => t.trim()).filter(Boolean) } : {}),
    ...(fetch ? { fetchArticle: fetch === 'true' ? true : fetch === 'false' ? false : fetch } : {}),
  });
  if (!parsed.success) {
    err(`newsbot feeds add: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'url'}: ${i.message}`).join('; ')}`);
    return 1;
  }
  const existing = await repo.get(feedId(parsed.data.url));
  if (existing?.origin === 'config') {
    err(`newsbot feeds add: ${safeUrl(parsed.data.url)} is already in the config file (sources.feeds); change it there`);
    return 1;
  }
  await repo.upsert(feedSpec(parsed.data), 'cli', Date.now());
  out(`${existing ? 'updated' : 'added'} feed ${feedId(parsed.data.url)} ${safeUrl(parsed.data.url)} (every ${parsed.data.interval} s)`);
  return 0;
}

function ago(ms: number | null): string {
  if (ms === null) return 'never';
  return new Date(Number(ms)).toISOString().replace('.000Z', 'Z');
}

async function list(repo: FeedRepository, args: string[], out: Out): Promise<number> {
  const feeds = await repo.list();
  const counts = await repo.itemCounts();
  if (args.includes('--json')) {
    out(JSON.stringify(feeds.map((f) => ({ id: f.id, url: safeUrl(f.url), name: f.name, origin: f.origin, state: f.state, items: counts.get(f.id) ?? 0, interval: f.interval_s, lastSuccessAt: f.last_success_at, failures: f.failures, lastError: f.last_error })), null, 2));
    return 0;
  }
  if (!feeds.length) out('no feeds: add one with "newsbot feeds add <url>" or in config/newsbot.json (sources.feeds)');
  for (const f of feeds) {
    out(`${f.id}  ${f.state.padEnd(7)}  ${String(counts.get(f.id) ?? 0).padStart(5)} items  every ${f.interval_s} s  [${f.origin}]  ${feedLabel(f)}  ${safeUrl(f.url)}`);
    out(`            last success ${ago(f.last_success_at)}${f.last_error ? `; last error: ${f.last_error}` : ''}`);
  }
  return 0;
}

async function remove(repo: FeedRepository, args: string[], out: Out, err: Out): Promise<number> {
  const ref = args[0];
  const feed = ref ? await repo.find(ref) : undefined;
  if (!feed) {
    err(`newsbot feeds remove: no feed "${ref ?? ''}" (give its URL, id or name; see "newsbot feeds list")`);
    return 1;
  }
  if (feed.origin === 'config') {
    err(`newsbot feeds remove: ${feedLabel(feed)} comes from the config file; remove it from sources.feeds there`);
    return 1;
  }
  await repo.remove(feed.id);
  out(`removed feed ${feed.id} ${safeUrl(feed.url)}`);
  return 0;
}

async function checkOne(feed: Pick<FeedRow, 'url'>, config: Config): Promise<string> {
  const response = await httpGet({ url: feed.url }, fetchLimits(config.sources));
  if (response.status !== 200) return `HTTP ${response.status}`;
  const parsed = parseFeedText(decodeBody(response.body, response.contentType));
  return `ok: ${parsed.format} feed "${parsed.title ?? ''}", ${parsed.items.length} items`;
}

async function check(repo: FeedRepository, config: Config, args: string[], out: Out, err: Out): Promise<number> {
  const ref = args[0];
  const known = ref ? await repo.find(ref) : undefined;
  const targets = ref ? [known ?? { url: ref, name: null, title: null }] : await repo.list();
  if (!targets.length) out('no feeds to check');
  let failed = 0;
  for (const feed of targets) {
    const line = await checkOne(feed, config).catch((error: unknown) => `error: ${(error as Error).message}`);
    if (!line.startsWith('ok')) failed++;
    (line.startsWith('ok') ? out : err)(`${feedLabel(feed)}: ${line}`);
  }
  return failed ? 1 : 0;
}
