import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAdapter, renderConsole } from '../../../src/adapters/console/index.ts';
import { createRouter, type Router } from '../../../src/bot/router.ts';
import { realServices, repoRoot } from '../../helpers/services.ts';

let router: Router;
beforeAll(async () => {
  router = createRouter(await realServices());
});

describe('console adapter', () => {
  it('answers each line in order and reports the end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => (out += String(d)));
    const ended = new Promise<void>((resolve) => {
      const adapter = createConsoleAdapter({ router, input, output, onEnd: resolve });
      void adapter.start();
    });
    input.write('/list\n\n/about\nماذا يحدث\n');
    input.end();
    await ended;
    const list = out.indexOf('Documents, newest first');
    const about = out.indexOf('newsbot: open-source');
    expect(list).toBeGreaterThanOrEqual(0);
    expect(about).toBeGreaterThan(list);
    expect(out).toContain('[Next ›: /list 2]');
    expect(out).toMatch(/لم أجد|الوثيقة/);
  });

  it('shows buttons as the commands they stand for', () => {
    expect(renderConsole({ lang: 'en', blocks: [{ type: 'paragraph', content: ['hi'] }], buttons: [[{ label: 'Next', action: '/list 2' }]] })).toBe('hi\n\n[Next: /list 2]');
  });
});

describe('npm start with piped input', () => {
  it('runs the console bot on the shipped content and exits 0 at the end of input', () => {
    const run = spawnSync('npm', ['start', '--silent'], {
      cwd: repoRoot,
      input: '/summary\n/list\n',
      encoding: 'utf8',
      env: { ...process.env, TELEGRAM_BOT_TOKEN: '', DISCORD_BOT_TOKEN: '', LOG_LEVEL: 'warn' },
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Document 1 of');
    expect(run.stdout).toContain('Documents, newest first');
    // Logs stay on stderr so stdout carries only replies.
    expect(run.stdout).not.toContain('"level"');
  });
});
