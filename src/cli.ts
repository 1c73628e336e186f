import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { createServices } from './app.ts';
import { renderPlain } from './bot/render-plain.ts';
import { createRouter } from './bot/router.ts';
import { ConfigError, loadConfig, secretValues, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { main as startMain } from './main.ts';
import { buildBrief } from './news/brief.ts';
import { loadDocuments } from './news/load.ts';
import { ContentError, parseDocument } from './news/parse.ts';
import { loadGazetteer, loadGlossary } from './news/quotes/index.ts';
import type { NewsDocument } from './news/types.ts';
import { isMain } from './is-main.ts';

const USAGE = `Usage: newsbot <command> [options]

Commands:
  start [--console]                 run the bot (platforms whose tokens are set, else the console)
  ask "<text>" [--json]             send one message through the bot; prints the reply (--json: the Post)
  summarize <file|dir> [--sentences N] [--json]
                                    print the extractive summary of a document or of every document in a folder
  quotes <file|dir> [--json]        print who said what in a document or folder
  digest [--json]                   print the briefing the console would get now (/digest)
  check                             validate config/ and content/; exit 1 listing every problem
  feeds add|list|remove|check ...   manage the feeds (newsbot feeds help)
  help                              this text
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function config(): Config {
  dotenv.config({ quiet: true });
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** Reads one file or every supported file of a folder; problems go to stderr, the rest is returned. */
export async function readDocuments(target: string, maxBytes: number): Promise<NewsDocument[]> {
  const stat = await fs.stat(target).catch(() => fail(`newsbot: ${target}: no such file or folder`));
  if (stat.isDirectory()) {
    const { docs, skipped } = await loadDocuments(target, { maxBytes });
    for (const s of skipped) process.stderr.write(`skipped ${s.message}\n`);
    return docs;
  }
  try {
    return [parseDocument(path.basename(target), await fs.readFile(target), stat.mtime)];
  } catch (error) {
    if (error instanceof ContentError) fail(`newsbot: ${target}: ${error.message.replace(/^[^:]+: /, '')}`);
    throw error;
  }
}

async function ask(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, locale: { type: 'string' } } });
  const text = positionals.join(' ');
  if (!text) fail('newsbot ask: give the message to send, e.g. newsbot ask "/summary"');
  const cfg = config();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn', secretValues(cfg.secrets), { pretty: false });
  const { services } = await createServices(cfg, log);
  const post = await createRouter(services).handle({ platform: 'cli', chatId: 'cli', text, chatType: 'private', addressed: true, ...(values.locale ? { locale: values.locale } : {}) });
  process.stdout.write(values.json ? `${JSON.stringify(post, null, 2)}\n` : `${post ? renderPlain(post) : ''}\n`);
}

async function summarize(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, sentences: { type: 'string' } } });
  const target = positionals[0];
  if (!target) fail('newsbot summarize: give a file or folder, e.g. newsbot summarize content/');
  const cfg = config();
  const sentences = values.sentences === undefined ? cfg.summary.sentences : Number(values.sentences);
  if (!Number.isInteger(sentences) || sentences < 1) fail(`newsbot summarize: --sentences must be a whole number ≥ 1, not "${values.sentences}"`);
  const docs = await readDocuments(target, cfg.content.maxFileBytes);
  const results = docs.map((doc) => {
    const brief = buildBrief(doc, { summarySentences: sentences });
    return { doc: doc.id, title: doc.title, lang: doc.lang, sentences: brief.sentences.length, summary: brief.summary.map((i) => brief.sentences[i]?.text ?? '') };
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(results.length === 1 && !(await fs.stat(target)).isDirectory() ? results[0] : results, null, 2)}\n`);
    return;
  }
  for (const r of results) process.stdout.write(`${r.title}\n[${r.doc} · ${r.lang} · ${r.summary.length}/${r.sentences} sentences]\n${r.summary.map((s) => `• ${s}`).join('\n')}\n\n`);
}

async function quotes(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (!positionals.length) fail('newsbot quotes: give a file or folder, e.g. newsbot quotes content/');
  const { quotesReport } = await import('./news/quotes/report.ts');
  process.stdout.write(`${quotesReport(positionals, { json: Boolean(values.json) })}\n`);
}

/** The /digest the console chat would get now (its subscription's topics and cut-off, if any). */
async function digest(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, locale: { type: 'string' } } });
  const cfg = config();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn', secretValues(cfg.secrets), { pretty: false });
  const { services, store } = await createServices(cfg, log);
  const { openStorage } = await import('./storage/db.ts');
  const { createBriefings } = await import('./briefings/index.ts');
  const storage = await openStorage({ dataDir: cfg.dataDir, url: cfg.secrets.databaseUrl, log, postgres: { connectAttempts: 3 } }).catch((error: unknown) => fail((error as Error).message));
  try {
    const briefings = createBriefings({ config: cfg, db: storage.db, adapters: [], services, store, log, cron: false });
    const text = positionals.join(' ');
    const lang = values.locale?.startsWith('ar') ? 'ar' : values.locale?.startsWith('en') ? 'en' : /[\u0600-\u06FF]/.test(text) ? 'ar' : cfg.bot.defaultLanguage;
    const post = await briefings.commands.digestNow({ platform: 'console', chatId: 'console', userId: 'console', text: `/digest ${text}`, chatType: 'private', addressed: true }, text, lang);
    process.stdout.write(values.json ? `${JSON.stringify(post, null, 2)}\n` : `${renderPlain(post)}\n`);
  } finally {
    await storage.close();
  }
}

/** Subscriptions paused or stopped, from the database when there is one (not a problem of the configuration). */
async function printSubscriptionNotes(cfg: Config): Promise<void> {
  const { DATABASE_FILE, openStorage } = await import('./storage/db.ts');
  const url = cfg.secrets.databaseUrl;
  if (!url && !existsSync(path.join(cfg.dataDir, DATABASE_FILE))) return;
  const { subscriptionNotes } = await import('./briefings/status.ts');
  try {
    const storage = await openStorage({ dataDir: cfg.dataDir, ...(url ? { url, postgres: { connectAttempts: 1 } } : {}) });
    try {
      const notes = await subscriptionNotes(storage.db);
      if (notes.length) process.stdout.write(`newsbot check: ${notes.length} subscription${notes.length > 1 ? 's' : ''} not delivering\n${notes.map((n) => `  - ${n}`).join('\n')}\n`);
    } finally {
      await storage.close();
    }
  } catch (error) {
    process.stdout.write(`newsbot check: subscriptions not checked (${(error as Error).message})\n`);
  }
}

/** Validates config and content; prints every problem with its file, key or line. */
async function check(): Promise<void> {
  dotenv.config({ quiet: true });
  const problems: string[] = [];
  let cfg: Config | undefined;
  try {
    cfg = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  let docs = 0;
  if (cfg) {
    try {
      const result = await loadDocuments(cfg.content.dir, { maxBytes: cfg.content.maxFileBytes });
      docs = result.docs.length;
      problems.push(...result.skipped.map((s) => `content/${s.message}`));
      if (docs === 0) problems.push(`${cfg.content.dir}: no documents (.txt, .md, .json or .html) to load`);
    } catch (error) {
      problems.push(`${cfg.content.dir}: cannot read the content folder (${(error as Error).message})`);
    }
  }
  if (cfg) {
    try {
      loadGazetteer(cfg.quotes.gazetteer);
    } catch (error) {
      problems.push((error as Error).message);
    }
    try {
      loadGlossary(cfg.quotes.glossary);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (cfg) await printSubscriptionNotes(cfg);
  if (problems.length) {
    process.stderr.write(`newsbot check: ${problems.length} problem${problems.length > 1 ? 's' : ''}\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`newsbot check: configuration ${cfg?.file} is valid; ${docs} documents load cleanly\n`);
}

export async function cli(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return startMain(rest);
    case 'ask':
      return ask(rest);
    case 'summarize':
      return summarize(rest);
    case 'quotes':
      return quotes(rest);
    case 'check':
      return check();
    case 'digest':
      return digest(rest);
    case 'feeds': {
      const { feedsCommand } = await import('./sources/cli.ts');
      const code = await feedsCommand(rest, config(), (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`)).catch((error: unknown) => fail((error as Error).message));
      if (code) process.exit(code);
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return;
    default:
      fail(`newsbot: unknown command "${command}"\n\n${USAGE}`);
  }
}

if (isMain(import.meta.url)) await cli(process.argv.slice(2));
