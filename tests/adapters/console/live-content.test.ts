import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { tempDir } from '../../briefings/helpers.ts';
import { memoryLogger, repoRoot } from '../../helpers/services.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Asks `/list` until the reply satisfies `ok` (the watcher reacts within a second or so). */
async function listUntil(input: PassThrough, reply: () => string, ok: (text: string) => boolean): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const from = reply().length;
    input.write('/list\n');
    await new Promise((r) => setTimeout(r, 100));
    const text = reply().slice(from);
    if (text.includes('Documents') && ok(text)) return text;
  }
  throw new Error(`the console never showed the expected list; last output:\n${reply().slice(-500)}`);
}

describe('a running console bot follows the content folder', () => {
  it('sees a new, a changed and a removed file without a restart', async () => {
    const content = tempDir('newsbot-live-content-');
    fs.writeFileSync(path.join(content, 'oil.txt'), 'Oil prices climb\n\nOil prices rose on Monday after OPEC agreed to cut output.\n');
    const config = loadConfig({ NEWSBOT_CONFIG: path.join(repoRoot, 'config/newsbot.json'), NEWSBOT_CONTENT_DIR: content, NEWSBOT_DATA_DIR: tempDir('newsbot-live-data-'), TELEGRAM_BOT_TOKEN: '', DISCORD_BOT_TOKEN: '' }, repoRoot);
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => (out += String(d)));
    app = await startApp(config, memoryLogger(), { console: true, input, output, watch: true });
    const reply = () => out;

    await listUntil(input, reply, (t) => t.includes('Oil prices climb'));
    fs.writeFileSync(path.join(content, 'cup.txt'), 'Cup final tonight\n\nThe final is played tonight in Riyadh.\n');
    await listUntil(input, reply, (t) => t.includes('Cup final tonight'));
    fs.writeFileSync(path.join(content, 'oil.txt'), 'Oil prices fall back\n\nOil prices fell on Tuesday as traders doubted the cut.\n');
    const changed = await listUntil(input, reply, (t) => t.includes('Oil prices fall back'));
    expect(changed).not.toContain('Oil prices climb');
    fs.rmSync(path.join(content, 'cup.txt'));
    const removed = await listUntil(input, reply, (t) => !t.includes('Cup final tonight'));
    expect(removed).toContain('Oil prices fall back');
  });
});
