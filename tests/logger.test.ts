import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createScrubber } from '../src/logger.ts';

const TOKEN = '123456789:AAE-secret-token-value';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('scrubs secrets from messages, fields and errors', () => {
    const { lines, destination } = capture();
    const log = createLogger('info', [TOKEN], { pretty: false, destination });
    log.info(`calling https://api.telegram.org/bot${TOKEN}/getMe`);
    log.warn({ url: `https://api.telegram.org/bot${TOKEN}/sendMessage`, nested: { token: TOKEN } }, 'request failed');
    log.error({ err: new Error(`request to https://api.telegram.org/bot${TOKEN}/getUpdates failed, reason: ECONNRESET`) }, 'poll failed');
    const out = lines.join('');
    expect(out).not.toContain(TOKEN);
    expect(out).toContain('[secret]');
    expect(out).toContain('ECONNRESET');
  });

  it('leaves text alone when there is no secret', () => {
    expect(createScrubber([])('plain text')).toBe('plain text');
    expect(createScrubber(['abc.def+ghi'])('x abc.def+ghi y')).toBe('x [secret] y');
  });
});
