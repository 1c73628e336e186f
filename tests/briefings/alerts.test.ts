// Instant alerts through the real app wiring and the real telegraf and discord.js clients against the
// fake platforms: a new file in content/ becomes one alert per chat, once per story, across a restart.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { rewrite } from '../../src/eval/stories.ts';
import { createFakeDiscord, type FakeDiscord } from '../fakes/discord-server.ts';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.ts';
import { memoryLogger, repoRoot } from '../helpers/services.ts';
import { tempDir, waitUntil } from './helpers.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const OIL = 'Oil prices rose sharply on Monday after the producers group agreed to cut its output by two million barrels a day. Traders said supplies would tighten before the winter. Analysts expect the price of crude to stay above eighty dollars for several months. Airlines warned that fares could rise as fuel costs climb.';
const md = (title: string, source: string, date: string, text: string) => `---\ntitle: ${JSON.stringify(title)}\nsource: ${source}\ndate: ${date}\n---\n${text}\n`;

function configFor(dir: string, data: string, tg: FakeTelegram, dc?: FakeDiscord, maxPerHour = 20): Config {
  const env: Record<string, string> = { NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'), NEWSBOT_CONTENT_DIR: dir, NEWSBOT_DATA_DIR: data, TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot };
  if (dc) Object.assign(env, { DISCORD_BOT_TOKEN: dc.token, DISCORD_API_URL: dc.api, DISCORD_GUILD_ID: dc.guildId });
  const config = loadConfig(env, repoRoot);
  return { ...config, alerts: { maxPerHour } };
}

async function start(config: Config): Promise<App> {
  const app = await startApp(config, memoryLogger(), { cron: false });
  cleanup.push(() => app.stop());
  return app;
}

async function tgCommand(fake: FakeTelegram, text: string, chatId: number): Promise<string> {
  const before = fake.sentTo(chatId).length;
  fake.pushUpdate(fake.message(text, { chat: { id: chatId, type: 'private' }, from: { id: chatId } }));
  await waitUntil(() => fake.sentTo(chatId).length > before, 5000, `a reply to ${text}`);
  return fake.sentTo(chatId).slice(before).join('\n');
}

const alertsTo = (fake: FakeTelegram, chat: number) => fake.sentTo(chat).filter((t) => t.includes('🔔'));

describe('instant alerts', () => {
  it('posts a new story once to a Telegram chat and a Discord channel, and never again after a restart', async () => {
    const tg = await createFakeTelegram();
    cleanup.push(() => tg.close());
    const dc = await createFakeDiscord({ guilds: [{ channels: [{ name: 'news' }] }] });
    const dir = tempDir('newsbot-alerts-content-');
    const data = tempDir('newsbot-alerts-data-');
    fs.writeFileSync(path.join(dir, 'old.md'), md('Budget vote delayed', 'Wire', '2025-03-01T08:00:00Z', 'The budget vote was delayed again by a week.'));
    const config = configFor(dir, data, tg, dc);
    let app = await start(config);
    cleanup.push(() => dc.shutdown({ destroy: () => app.stop() }));
    expect(await tgCommand(tg, '/alert oil prices', 555)).toContain('Alerts on');
    const ev = dc.deliver(dc.slashCommand('alert', { topics: 'oil' }, { user: dc.user, channelId: dc.channelId }));
    await dc.waitForCallback(ev.id, 5000);

    fs.writeFileSync(path.join(dir, 'oil.md'), md('Oil prices climb after output cut', 'Reuters', '2025-03-02T08:00:00Z', OIL));
    const t0 = performance.now();
    await app.store.reload();
    await waitUntil(() => alertsTo(tg, 555).length === 1 && (dc.posted.get(dc.channelId) ?? 0) === 1, 5000, 'the alerts');
    const latencyMs = performance.now() - t0;
    expect(alertsTo(tg, 555)[0]).toContain('Oil prices climb after output cut');
    expect(alertsTo(tg, 555)[0]).toContain('Reuters');
    expect(alertsTo(tg, 555).join('')).not.toContain('Budget');
    // From the pass that sees the file to the message on the fake platforms (bar: 2 s after the poll).
    expect(latencyMs).toBeLessThan(10_000);

    await app.stop();
    app = await start(config);
    // The same story from another outlet, after the restart: still once per story.
    const copy = rewrite('Oil prices climb after output cut', OIL.split('. ').map((s) => `${s.replace(/\.$/, '')}.`), 5);
    fs.writeFileSync(path.join(dir, 'oil-copy.md'), md(copy.title, 'الجزيرة', '2025-03-02T10:00:00Z', copy.text));
    fs.writeFileSync(path.join(dir, 'gas.md'), md('Gas output falls', 'Wire', '2025-03-02T11:00:00Z', 'Gas output fell in the north sea as oil fields aged and investment dried up in the region.'));
    await app.store.reload();
    await waitUntil(() => alertsTo(tg, 555).length === 2, 5000, 'the second alert');
    await new Promise((r) => setTimeout(r, 300));
    expect(alertsTo(tg, 555)).toHaveLength(2);
    expect(alertsTo(tg, 555)[1]).toContain('Gas output falls');
    expect(dc.posted.get(dc.channelId)).toBe(2);
    expect(tg.rejections).toEqual([]);
    expect(dc.rejections).toEqual([]);
  });

  it('holds back past the hourly cap (left to the digest), and stops when the chat blocks the bot', async () => {
    const tg = await createFakeTelegram();
    cleanup.push(() => tg.close());
    const dir = tempDir('newsbot-alerts-content-');
    const data = tempDir('newsbot-alerts-data-');
    const app = await start(configFor(dir, data, tg, undefined, 2));
    expect(await tgCommand(tg, '/alert', 777)).toContain('Alerts on');
    // A feed's first poll: stored and searchable, never alerted.
    await app.store.ingest([{ id: 'quiet', file: '', title: 'Old item from a new feed', text: 'Nothing new here at all.', date: new Date('2025-02-01'), lang: 'en', tags: [] }], { announce: false });
    const topics = ['Harbour strike ends after talks', 'Rail fares frozen for a year', 'New museum opens in the old mill', 'Storm closes mountain roads'];
    const bodies = ['Dockers returned to work after a deal on pay.', 'Season tickets will cost the same next year.', 'The gallery shows local crafts and machinery.', 'Snow and wind shut several passes overnight.'];
    topics.forEach((title, i) => fs.writeFileSync(path.join(dir, `n${i}.md`), md(title, 'Wire', `2025-03-0${i + 1}T08:00:00Z`, bodies[i]!)));
    await app.store.reload();
    await waitUntil(() => alertsTo(tg, 777).length === 2, 5000, 'two alerts');
    await new Promise((r) => setTimeout(r, 300));
    expect(alertsTo(tg, 777)).toHaveLength(2);
    expect(alertsTo(tg, 777).join('')).not.toContain('Old item');
    const held = await app.storage!.db.selectFrom('alert_stories').select('status').execute();
    expect(held.map((r) => r.status).sort()).toEqual(['capped', 'capped', 'sent', 'sent']);
    expect(await tgCommand(tg, '/alert off', 777)).toContain('Alerts off');
    expect(await tgCommand(tg, '/alert', 888)).toContain('Alerts on');
    tg.blockChat(888);
    fs.writeFileSync(path.join(dir, 'late.md'), md('Bridge reopens to traffic', 'Wire', '2025-03-06T08:00:00Z', 'The bridge reopened to traffic after repairs.'));
    await app.store.reload();
    await waitUntil(async () => (await app.storage!.db.selectFrom('alerts').select('active').where('chat_id', '=', '888').executeTakeFirst())?.active === 0, 5000, 'the alert deactivated');
    expect((await app.storage!.db.selectFrom('alerts').select('deactivated_reason').where('chat_id', '=', '888').executeTakeFirstOrThrow()).deactivated_reason).toMatch(/blocked/);
  });
});
