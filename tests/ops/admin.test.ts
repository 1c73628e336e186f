// The operators' commands through the real router, the real briefings and a real SQLite file: only
// config admins reach them, /broadcast waits for a confirmation and goes through the outbox.
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.ts';
import { postText, type Post } from '../../src/bot/post.ts';
import type { IncomingMessage } from '../../src/bot/types.ts';
import { loadConfig } from '../../src/config.ts';
import { tempDir } from '../briefings/helpers.ts';
import { memoryLogger, repoRoot } from '../helpers/services.ts';

const OPERATOR = '4242';
let app: App;
let config: ReturnType<typeof loadConfig>;
const log = memoryLogger();
const start = () => startApp(config, log, { watch: false, cron: false, input: new PassThrough(), output: new PassThrough() });

const from = (userId: string, text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({ platform: 'telegram', chatId: userId, userId, text, chatType: 'private', addressed: true, ...extra });
const say = async (userId: string, text: string, extra: Partial<IncomingMessage> = {}): Promise<Post> => {
  const post = await app.router.handle(from(userId, text, extra));
  if (!post) throw new Error(`no reply to ${text}`);
  return post;
};

beforeAll(async () => {
  config = loadConfig({ NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'), NEWSBOT_DATA_DIR: tempDir('newsbot-admin-') }, repoRoot);
  config.admins.telegram = [OPERATOR];
  // The console runs (no tokens): Telegram subscriptions wait in the outbox, where the test counts them.
  app = await start();
});
afterAll(async () => {
  await app?.stop();
});

describe('operator commands', () => {
  it('refuses everyone not in config admins, politely and in their language; /help lists them for operators only', async () => {
    for (const command of ['/stats', '/reload', '/broadcast hi', '/pause', '/resume']) {
      expect(postText(await say('7', command))).toBe('Sorry, this command is only for the people who run this bot.');
    }
    expect(postText(await say('7', '/stats', { locale: 'ar' }))).toBe('عذرًا، هذا الأمر لمشغّلي البوت فقط.');
    expect(app.briefings?.outbox.paused()).toBe(false);
    expect(postText(await say('7', '/help'))).not.toContain('/stats');
    expect(postText(await say(OPERATOR, '/help'))).toMatch(/Operator commands:[\s\S]*\/stats[\s\S]*\/broadcast \[text\]/);
    expect(log.lines.some((l) => l.level === 'warn' && /operator command refused/.test(l.msg))).toBe(true);
  });

  it('/broadcast shows the text and the audience, queues nothing until confirmed, then one outbox row per subscribed chat', async () => {
    for (const chat of ['101', '102', '103']) expect(postText(await say(chat, '/subscribe 07:30 UTC'))).toMatch(/^Subscribed/);
    expect(postText(await say(OPERATOR, '/broadcast'))).toMatch(/^Send \/broadcast followed by the text/);
    expect(postText(await say(OPERATOR, '/broadcast confirm'))).toMatch(/^No broadcast is waiting/);

    const preview = await say(OPERATOR, '/broadcast The bot moves to a new server tonight.');
    expect(postText(preview)).toContain('The bot moves to a new server tonight.');
    expect(postText(preview)).toContain('This goes to 3 subscribed chats.');
    expect(preview.buttons?.[0]?.map((b) => b.action)).toEqual(['/broadcast confirm', '/broadcast cancel']);
    expect(await app.briefings?.outbox.stats()).toEqual({});
    // Someone else cannot confirm the operator's draft.
    expect(postText(await say('7', '/broadcast confirm'))).toMatch(/only for the people who run this bot/);

    expect(postText(await say(OPERATOR, '/broadcast confirm'))).toMatch(/^Broadcast queued for 3 chats/);
    expect(await app.briefings?.outbox.stats()).toEqual({ pending: 3 });
    expect(postText(await say(OPERATOR, '/broadcast confirm'))).toMatch(/^No broadcast is waiting/);

    // A cancelled draft is gone; an Arabic broadcast is an Arabic post (right to left on the platforms).
    await say(OPERATOR, '/broadcast something else');
    expect(postText(await say(OPERATOR, '/broadcast cancel'))).toBe('Broadcast cancelled.');
    await say(OPERATOR, '/broadcast تحديث: البوت ينتقل الليلة');
    await say(OPERATOR, '/broadcast confirm');
    expect(await app.briefings?.outbox.stats()).toEqual({ pending: 6 });
  });

  it('/pause holds the outbox and /resume releases it; /stats shows documents, subscriptions, outbox and errors; /reload reloads', async () => {
    expect(postText(await say(OPERATOR, '/pause'))).toMatch(/^Sending paused/);
    expect(app.briefings?.outbox.paused()).toBe(true);
    const stats = postText(await say(OPERATOR, '/stats'));
    expect(stats).toMatch(/^Bot status/);
    expect(stats).toMatch(new RegExp(`Documents: ${app.store.library().briefs.length}`));
    expect(stats).toContain('Subscriptions: 3 active, 0 paused');
    expect(stats).toContain('Outbox: pending 6');
    expect(stats).toContain('Sending is paused');
    expect(stats).toContain('No errors lately.');
    expect(postText(await say(OPERATOR, '/resume'))).toBe('Sending resumed.');
    expect(app.briefings?.outbox.paused()).toBe(false);

    // What the bot's parts log as errors (they log through the services' logger).
    app.services.log.error({}, 'telegram: sendMessage failed for a test');
    expect(postText(await say(OPERATOR, '/stats'))).toMatch(/Latest errors:\n.*telegram: sendMessage failed for a test/);
    expect(postText(await say(OPERATOR, '/stats', { locale: 'ar' }))).toMatch(/^حالة البوت/);
    expect(postText(await say(OPERATOR, '/reload'))).toBe(`Content reloaded: ${app.store.library().briefs.length} documents.`);
  });

  it('/pause outlives a restart: the bot starts with sending paused until /resume, which outlives one too', async () => {
    expect(postText(await say(OPERATOR, '/pause'))).toMatch(/^Sending paused/);
    await app.stop();
    app = await start();
    expect(app.briefings?.outbox.paused()).toBe(true);
    expect(log.lines.some((l) => l.level === 'warn' && /sending is paused \(an operator's \/pause from before this start\)/.test(l.msg))).toBe(true);
    expect(postText(await say(OPERATOR, '/stats'))).toContain('Sending is paused');
    expect(postText(await say(OPERATOR, '/resume'))).toBe('Sending resumed.');
    await app.stop();
    app = await start();
    expect(app.briefings?.outbox.paused()).toBe(false);
  });
});
