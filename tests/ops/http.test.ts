// The HTTP server as the app wires it: the real telegraf client against the fake Bot API, a real
// SQLite file, the minute scheduler on. /healthz names what is wrong, /metrics counts what happened,
// and the Telegram webhook shares the port.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.ts';
import { tempDir, waitUntil } from '../briefings/helpers.ts';
import { freePort, memoryLogger, repoRoot } from '../helpers/services.ts';

const SECRET = 'shared_Port-secret';
const OPERATOR = 4242;

function configFor(fake: FakeTelegram, env: Record<string, string> = {}): Config {
  const config = loadConfig({
    NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'),
    NEWSBOT_DATA_DIR: tempDir('newsbot-ops-'),
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    NEWSBOT_HTTP_PORT: '0',
    ...env,
  }, repoRoot);
  config.admins.telegram = [String(OPERATOR)];
  return config;
}

async function get(app: App, pathname: string, method = 'GET'): Promise<{ status: number; text: string; json: () => Record<string, unknown> }> {
  const address = app.ops.server?.address();
  if (!address) throw new Error('the HTTP server is not listening');
  const res = await fetch(`http://127.0.0.1:${address.port}${pathname}`, { method });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

describe('HTTP server: health, readiness, metrics', () => {
  it('healthy when polling, counts commands and reply latency, hides operator commands from other menus, names a refused token in a 503', async () => {
    const fake = await createFakeTelegram();
    const log = memoryLogger();
    const app = await startApp(configFor(fake), log, { watch: false });
    cleanup.push(() => fake.close(), () => app.stop());

    await waitUntil(async () => (await get(app, '/healthz')).status === 200, 10_000, '/healthz to answer 200');
    const health = (await get(app, '/healthz')).json();
    expect(health).toMatchObject({ ok: true, checks: { telegram: { ok: true }, database: { ok: true }, scheduler: { ok: true } } });
    expect((await get(app, '/readyz')).json()).toEqual({ ready: true });
    expect((await get(app, '/nope')).status).toBe(404);
    expect((await get(app, '/healthz', 'POST')).status).toBe(405);

    // One command from a user: counted, timed, logged with its update id.
    const update = fake.message('/summary', { from: { id: 777 } });
    fake.pushUpdate(update);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === 777), 5000);
    await waitUntil(() => log.lines.some((l) => l.msg === 'update handled'), 5000, 'the update log line');
    const line = log.lines.find((l) => l.msg === 'update handled');
    expect(line?.obj).toMatchObject({ platform: 'telegram', kind: 'message', command: 'summary', ok: true, update: String(update.update_id) });
    const metrics = (await get(app, '/metrics')).text;
    expect(metrics).toMatch(/^newsbot_commands_total\{command="summary",platform="telegram"\} 1$/m);
    expect(metrics).toMatch(/^newsbot_reply_seconds_count\{platform="telegram",kind="message"\} 1$/m);
    expect(metrics).toMatch(/^newsbot_documents\{lang="en"\} \d+$/m);
    expect(metrics).toMatch(/^newsbot_quotes \d+$/m);
    // A document arriving later moves the counts (the library is updated in place, not replaced).
    const quotesBefore = Number(/^newsbot_quotes (\d+)$/m.exec(metrics)?.[1]);
    await app.store.ingest([{ id: 'late-arrival', file: 'late-arrival.txt', title: 'Late arrival', text: '"We will open the bridge on Monday," the mayor said.', date: new Date(), lang: 'en', tags: [] }]);
    const after = (await get(app, '/metrics')).text;
    expect(Number(/^newsbot_quotes (\d+)$/m.exec(after)?.[1])).toBeGreaterThan(quotesBefore);
    expect(metrics).toMatch(/^newsbot_sources\{kind="folder",state="ok"\} 1$/m);
    expect(metrics).toMatch(/^newsbot_outbox_messages\{state="pending"\} 0$/m);
    expect(metrics).toMatch(/^newsbot_process_resident_memory_bytes \d+/m);
    const names = [...metrics.matchAll(/^([a-z_]+)(?:\{| )/gm)].map((m) => m[1]);
    expect(names.filter((n) => !n?.startsWith('newsbot_'))).toEqual([]);

    // Menus: everyone's without the operators' commands; the operator's private chat with them.
    const everyone = (fake.commandsFor(undefined, 'en') as { command: string }[]).map((c) => c.command);
    const operator = (fake.commandsFor({ type: 'chat', chat_id: OPERATOR }, 'en') as { command: string }[]).map((c) => c.command);
    expect(everyone).toContain('summary');
    expect(everyone).not.toContain('stats');
    expect(operator).toEqual(expect.arrayContaining(['summary', 'stats', 'broadcast', 'pause', 'resume', 'reload']));

    // The token is revoked: the next getUpdates answers 401 with the token in its text.
    fake.failNext('getUpdates', { code: 401, description: `Unauthorized: bot${fake.token} was revoked` });
    fake.pushUpdate(fake.message('hello', { from: { id: 778 } }));
    await waitUntil(async () => (await get(app, '/healthz')).status === 503, 10_000, '/healthz to answer 503');
    const sick = await get(app, '/healthz');
    expect(sick.json().problems).toEqual([expect.stringMatching(/^telegram: TELEGRAM_BOT_TOKEN was refused by telegram \(401/)]);
    expect(sick.text).not.toContain(fake.token);
    expect((sick.json().checks as Record<string, { ok: boolean }>).database?.ok).toBe(true);
  });

  it('serves the Telegram webhook on the same port, and answers 503 while stopping', async () => {
    const fake = await createFakeTelegram();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram`;
    const app = await startApp(configFor(fake, { NEWSBOT_HTTP_PORT: String(port), TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram', TELEGRAM_WEBHOOK_SECRET: SECRET }), memoryLogger(), { watch: false });
    cleanup.push(() => fake.close(), () => app.stop());

    expect(fake.webhook).toMatchObject({ url: 'https://bot.example.org/telegram' });
    const posted = await fake.postWebhook(url, fake.message('/about', { from: { id: 555 } }), SECRET);
    expect(posted.status).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === 555), 5000);
    expect((await fake.postWebhook(url, fake.message('/about', { from: { id: 556 } }), 'wrong')).status).toBe(403);
    const health = await get(app, '/healthz');
    expect(health.status).toBe(200);
    expect((health.json().checks as Record<string, { detail: string }>).telegram?.detail).toMatch(/^webhook; last call \d+ s ago$/);
    expect((await get(app, '/metrics')).text).toMatch(/^newsbot_commands_total\{command="about",platform="telegram"\} 1$/m);

    app.ops.stopping = true;
    expect((await get(app, '/healthz')).json()).toEqual({ ok: false, problems: ['shutting down'] });
    expect((await get(app, '/readyz')).status).toBe(503);
  });

  it('no NEWSBOT_HTTP_PORT: no server and no metrics', async () => {
    const fake = await createFakeTelegram();
    const config = configFor(fake);
    delete config.httpPort;
    const app = await startApp(config, memoryLogger(), { watch: false });
    cleanup.push(() => fake.close(), () => app.stop());
    expect(app.ops.server).toBeUndefined();
    expect(app.ops.metrics).toBeUndefined();
  });
});
