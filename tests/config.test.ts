import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretValues } from '../src/config.ts';
import { repoRoot } from './helpers/services.ts';

const base = { NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json') };

function withFile(json: unknown): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-config-'));
  const file = path.join(dir, 'newsbot.json');
  fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return { NEWSBOT_CONFIG: file };
}

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, repoRoot);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('reads the shipped config with every default, and no platform without a token', () => {
    const config = loadConfig(base, repoRoot);
    expect(config.content.dir).toBe(path.join(repoRoot, 'content'));
    expect(config.summary.sentences).toBe(3);
    expect(config.briefings.graceHours).toBe(6);
    expect(config.secrets).toEqual({});
  });

  it('lets the environment override the folders and the log level', () => {
    const config = loadConfig({ ...base, NEWSBOT_CONTENT_DIR: '/tmp/news', NEWSBOT_DATA_DIR: 'var/data', LOG_LEVEL: 'debug' }, repoRoot);
    expect(config.content.dir).toBe('/tmp/news');
    expect(config.dataDir).toBe(path.join(repoRoot, 'var/data'));
    expect(config.log.level).toBe('debug');
  });

  it('names the key, the file and the expected form for every bad value', () => {
    const env = withFile({ summary: { sentences: 0 }, briefings: { defaultTime: '8am', targets: [{ platform: 'irc', chatId: 1 }] }, unknownKey: true });
    const found = problems(env);
    expect(found.join('\n')).toMatch(/newsbot\.json: key "summary\.sentences"/);
    expect(found.join('\n')).toMatch(/key "briefings\.defaultTime": expected a time as HH:MM/);
    expect(found.join('\n')).toMatch(/key "briefings\.targets\.0\.platform"/);
    expect(found.join('\n')).toMatch(/Unrecognized key: "unknownKey"/);
    expect(problems(withFile('{not json'))[0]).toMatch(/not valid JSON/);
  });

  it('checks secrets without ever echoing them', () => {
    const found = problems({ ...base, TELEGRAM_BOT_TOKEN: 'not-a-token', TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram' });
    expect(found.join('\n')).toMatch(/TELEGRAM_BOT_TOKEN does not look like a bot token/);
    expect(found.join('\n')).toMatch(/TELEGRAM_WEBHOOK_SECRET is required/);
    expect(found.join('\n')).not.toContain('not-a-token');
    const config = loadConfig({ ...base, TELEGRAM_BOT_TOKEN: '123:abcdefghijkl', DISCORD_BOT_TOKEN: 'discord-token-value' }, repoRoot);
    expect(secretValues(config.secrets)).toEqual(['123:abcdefghijkl', 'discord-token-value']);
  });

  it('takes the PostgreSQL and Redis URLs, checks their form without echoing them, and scrubs their passwords', () => {
    const found = problems({ ...base, NEWSBOT_DATABASE_URL: 'mysql://u:pw-secret@h/db', NEWSBOT_REDIS_URL: 'http://x' });
    expect(found.join('\n')).toMatch(/NEWSBOT_DATABASE_URL must be a PostgreSQL URL/);
    expect(found.join('\n')).toMatch(/NEWSBOT_REDIS_URL must be a Redis URL/);
    expect(found.join('\n')).not.toContain('pw-secret');
    const config = loadConfig({ ...base, NEWSBOT_DATABASE_URL: 'postgres://newsbot:p%40ss@db:5432/newsbot', NEWSBOT_REDIS_URL: 'redis://:r3dis@cache:6379' }, repoRoot);
    expect(config.secrets).toMatchObject({ databaseUrl: 'postgres://newsbot:p%40ss@db:5432/newsbot', redisUrl: 'redis://:r3dis@cache:6379' });
    expect(secretValues(config.secrets)).toEqual(['p@ss', 'r3dis']);
  });
});
