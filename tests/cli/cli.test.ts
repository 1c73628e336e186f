import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/db.ts';
import { repoRoot } from '../helpers/services.ts';

function newsbot(args: string[], env: Record<string, string> = {}) {
  return spawnSync('npx', ['tsx', 'src/cli.ts', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 30_000 });
}

// Each case spawns the CLI through tsx several times: slow on a loaded 2-core machine, hence the long timeout.
describe('newsbot CLI', { timeout: 90_000 }, () => {
  it('summarize prints an Arabic summary of the seed article', () => {
    const run = newsbot(['summarize', 'content/000_242677af3c996c0f.txt', '--json', '--sentences', '2']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { lang: string; summary: string[] };
    expect(result.lang).toBe('ar');
    expect(result.summary).toHaveLength(2);
    const seed = fs.readFileSync(path.join(repoRoot, 'content/000_242677af3c996c0f.txt'), 'utf8');
    for (const s of result.summary) expect(seed).toContain(s);
  });

  it('ask sends one message through the router; --json prints the Post', () => {
    const run = newsbot(['ask', '/list', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ lang: 'en', blocks: expect.any(Array) });
    const plain = newsbot(['ask', '/about']);
    expect(plain.stdout).toMatch(/newsbot: open-source summaries/);
  });

  it('check passes on the shipped content and lists every problem otherwise', () => {
    expect(newsbot(['check']).status).toBe(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-check-'));
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"title": 1}');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const config = path.join(dir, 'config.json');
    fs.writeFileSync(config, JSON.stringify({ content: { dir }, bot: { timeZone: 'Nowhere/City' } }));
    const names = path.join(dir, 'names.json');
    fs.writeFileSync(names, JSON.stringify({ entries: [{ name: '' }] }));
    const bad = newsbot(['check'], { NEWSBOT_CONFIG: config });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/key "bot\.timeZone": expected an IANA time zone/);
    const fixed = path.join(dir, 'config2.json');
    fs.writeFileSync(fixed, JSON.stringify({ content: { dir }, quotes: { gazetteer: names } }));
    const content = newsbot(['check'], { NEWSBOT_CONFIG: fixed });
    expect(content.status).toBe(1);
    expect(content.stderr).toMatch(/bad\.json: expected \{title\?, text/);
    expect(content.stderr).toMatch(/empty\.txt: the file is empty/);
    expect(content.stderr).toMatch(/names\.json: entries\.0\.name: name must not be empty/);
  });

  it('check lists subscriptions that are paused or stopped, with the reason, without failing', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-check-data-'));
    const storage = await openStorage({ dataDir });
    const row = { platform: 'telegram', thread_id: '', time: '08:00', time_zone: 'UTC', topics: '[]', lang: 'en', source: 'chat', active: 1, deactivated_reason: null, last_digest_at: 0, next_run_at: 0, created_at: 0, updated_at: 0 };
    await storage.db.insertInto('subscriptions').values([
      { ...row, chat_id: '-1005001', target_ref: '@newsroom', source: 'config', paused_reason: 'the bot left the channel' },
      { ...row, chat_id: '777', active: 0, deactivated_reason: '403: Forbidden: bot was blocked by the user' },
      { ...row, chat_id: '778' },
    ]).execute();
    await storage.close();
    const run = newsbot(['check'], { NEWSBOT_DATA_DIR: dataDir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 subscriptions not delivering');
    expect(run.stdout).toContain('telegram @newsroom (-1005001): paused, the bot left the channel');
    expect(run.stdout).toContain('telegram 777: stopped, 403: Forbidden: bot was blocked by the user');
    expect(run.stdout).not.toContain('778');
  });

  it('ask answers a who-said-what question in Arabic', () => {
    const run = newsbot(['ask', 'ماذا قال ترامب؟']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('هناك كراهية هائلة');
  });

  it('quotes --json prints one array of {doc, speaker, text, kind, cue, sentence}', () => {
    const run = newsbot(['quotes', 'content/000_242677af3c996c0f.txt', '--json']);
    expect(run.status).toBe(0);
    const records = JSON.parse(run.stdout) as { doc: string; speaker: { name: string; aliases: string[] }; text: string; kind: string; cue?: string; sentence: string }[];
    const seed = fs.readFileSync(path.join(repoRoot, 'content/000_242677af3c996c0f.txt'), 'utf8');
    expect(records.length).toBeGreaterThanOrEqual(4);
    for (const r of records) {
      expect(['direct', 'reported']).toContain(r.kind);
      expect(seed).toContain(r.text);
      expect(seed).toContain(r.sentence);
      expect(r.sentence).toContain(r.text);
      expect(Array.isArray(r.speaker.aliases)).toBe(true);
    }
    expect(records.some((r) => r.text.includes('هناك كراهية هائلة') && /trump|ترامب/i.test([r.speaker.name, ...r.speaker.aliases].join(' ')))).toBe(true);
  });

  it('start refuses a broken names file with a message naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-names-'));
    const names = path.join(dir, 'names.json');
    fs.writeFileSync(names, '{"entries": [');
    const config = path.join(dir, 'config.json');
    fs.writeFileSync(config, JSON.stringify({ quotes: { gazetteer: names }, dataDir: path.join(dir, 'data') }));
    const run = newsbot(['start'], { NEWSBOT_CONFIG: config });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`newsbot: cannot start: ${names}`);
  });
});
