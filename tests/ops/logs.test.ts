// Logs in production: JSON lines, one per handled update (platform, update id, command, duration),
// and no token anywhere, even when a token ends up inside an error.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { observeUpdate } from '../../src/adapters/observe.ts';
import { createLogger, createScrubber } from '../../src/logger.ts';
import { withErrorLog } from '../../src/ops/admin.ts';

const TOKEN = '987654321:AAH-another-secret-token';
const DISCORD = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.discord-secret-token-value';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination, json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('production logs', () => {
  it('one JSON line per handled update, with its id, platform, command and duration; a failure too', async () => {
    const out = capture();
    const log = createLogger('info', [TOKEN], { pretty: false, destination: out.destination });
    await observeUpdate(log, undefined, { platform: 'telegram', kind: 'message', id: 1234, command: 'summary' }, async () => 'ok');
    await expect(observeUpdate(log, undefined, { platform: 'discord', kind: 'command', id: '99887766', command: 'who' }, async () => {
      throw new Error(`request to https://api.telegram.org/bot${TOKEN}/sendMessage failed`);
    })).rejects.toThrow();
    const [first, second] = out.json();
    expect(first).toMatchObject({ msg: 'update handled', platform: 'telegram', update: '1234', kind: 'message', command: 'summary', ok: true });
    expect(typeof first?.ms).toBe('number');
    expect(second).toMatchObject({ msg: 'update handled', platform: 'discord', update: '99887766', command: 'who', ok: false });
  });

  it('a token fed into an error, a message, a field named token or headers never reaches the log', () => {
    const out = capture();
    const log = createLogger('info', [TOKEN, DISCORD], { pretty: false, destination: out.destination });
    const error = Object.assign(new Error(`401 Unauthorized for bot${TOKEN}`), { request: { headers: { authorization: `Bot ${DISCORD}` } } });
    log.error({ err: error, token: 'a-token-nobody-configured-12345' }, `telegram: getMe failed with ${TOKEN}`);
    log.warn({ headers: { authorization: 'Bearer unknown-value-67890' } }, 'discord: request failed');
    const text = out.lines.join('\n');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(DISCORD);
    expect(text).not.toContain('a-token-nobody-configured-12345');
    expect(text).not.toContain('unknown-value-67890');
    expect(text).toContain('401 Unauthorized for bot[secret]');
  });

  it("the latest errors kept for /stats are scrubbed the same way", () => {
    const quiet = createLogger('silent', [TOKEN], { pretty: false, destination: capture().destination });
    const { log, errors } = withErrorLog(quiet, createScrubber([TOKEN]));
    log.error({}, `sendMessage failed: https://api.telegram.org/bot${TOKEN}/sendMessage`);
    log.warn({}, 'not an error');
    expect(errors()).toHaveLength(1);
    expect(errors()[0]).toMatch(/sendMessage failed: https:\/\/api\.telegram\.org\/bot\[secret\]\/sendMessage$/);
  });
});
