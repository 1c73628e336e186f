import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harbour, library, rss } from '../fakes/feed-fixtures.ts';
import { startFeedServer, type FeedServer } from '../fakes/feed-server.ts';
import { sourcesConfig, startHarness, tempDir, type Harness } from './helpers.ts';

let server: FeedServer;
let harness: Harness | undefined;

beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await server.close();
});

const good = () => rss('Good', [harbour]);

function warnings(h: Harness, feedName: string) {
  return h.log.lines.filter((l) => (l.level === 'warn' || l.level === 'error') && l.msg.includes(`"${feedName}"`));
}

function state(h: Harness, name: string) {
  return h.sources.status().find((s) => s.name === name)!;
}

describe('bad feeds are skipped, logged once per change of state, and the rest keep flowing', () => {
  it('malformed XML, 404, an enormous body, a redirect loop, a hanging and a non-feed answer', async () => {
    server.routes.set('/good', { body: good() });
    server.routes.set('/malformed', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>broken</ti' });
    server.routes.set('/huge', { streamBytes: 50_000_000 });
    server.routes.set('/loop-a', { status: 302, location: '/loop-b' });
    server.routes.set('/loop-b', { status: 302, location: '/loop-a' });
    server.routes.set('/hang', { hang: true });
    server.routes.set('/html', { body: '<html><body><p>Not a feed</p></body></html>', contentType: 'text/html' });
    const bad = ['malformed', 'missing', 'huge', 'loop-a', 'hang', 'html'];
    const config = sourcesConfig(
      [{ url: `${server.url}/good`, name: 'good' }, ...bad.map((name) => ({ url: `${server.url}/${name}`, name }))],
      { timeoutSeconds: 1, maxBytes: 1_000_000, pauseAfter: 5 },
    );
    harness = await startHarness(tempDir(), config);
    await harness.pollAll();
    await harness.pollAll();

    const expected: Record<string, RegExp> = {
      malformed: /malformed feed/,
      missing: /HTTP 404/,
      huge: /over the 1000000-byte limit/,
      'loop-a': /too many redirects/,
      hang: /no complete answer within 1 s/,
      html: /not an RSS, Atom, RDF or JSON feed/,
    };
    for (const name of bad) {
      const s = state(harness, name);
      expect(s.state, name).toBe('failing');
      expect(s.failures, name).toBe(3);
      expect(s.lastError, name).toMatch(expected[name]!);
      // Three failed polls, one line: the change from new to failing.
      expect(warnings(harness, name), name).toHaveLength(1);
    }
    expect(state(harness, 'good')).toMatchObject({ state: 'ok', items: 1 });

    // The good feed keeps flowing while the others fail.
    server.routes.set('/good', { body: rss('Good', [library, harbour]) });
    await harness.pollAll();
    expect(harness.recorder.docs().map((d) => d.title)).toEqual([harbour.title, library.title]);
  }, 30_000);

  it('a failing feed keeps its items, recovers with one line, and is paused after too many failures', async () => {
    server.routes.set('/feed', { body: good() });
    harness = await startHarness(tempDir(), sourcesConfig([{ url: `${server.url}/feed`, name: 'flaky' }], { pauseAfter: 3 }));
    expect(state(harness, 'flaky')).toMatchObject({ state: 'ok', items: 1 });

    server.routes.set('/feed', { status: 500, body: 'oops' });
    await harness.pollAll();
    expect(state(harness, 'flaky')).toMatchObject({ state: 'failing', items: 1, lastError: expect.stringMatching(/HTTP 500/) });
    const failed = await harness.sources.repo.get(harness.sources.status()[0]!.id.slice('feed:'.length));
    // Backoff: the next try is later than the interval.
    expect(Number(failed!.next_poll_at) - Number(failed!.last_attempt_at)).toBe(2 * 600_000);

    server.routes.set('/feed', { body: rss('Good', [library, harbour]) });
    await harness.pollAll();
    expect(state(harness, 'flaky')).toMatchObject({ state: 'ok', items: 2 });
    expect(harness.recorder.calls.at(-1)).toMatchObject({ announce: true });
    expect(harness.log.lines.filter((l) => l.msg.includes('recovered'))).toHaveLength(1);

    server.routes.set('/feed', { status: 503, body: 'down' });
    for (let i = 0; i < 4; i++) await harness.pollAll();
    expect(state(harness, 'flaky')).toMatchObject({ state: 'paused', items: 2 });
    expect(warnings(harness, 'flaky').map((l) => l.msg)).toEqual([expect.stringMatching(/failing: .*HTTP 500/), expect.stringMatching(/failing: .*HTTP 503/), expect.stringMatching(/paused after 3 failures/)]);
  });

  it('410 Gone stops polling, and a slow answer within the timeout is fine', async () => {
    server.routes.set('/gone', { status: 410, body: '' });
    server.routes.set('/slow', { body: good(), delayMs: 400 });
    harness = await startHarness(tempDir(), sourcesConfig([{ url: `${server.url}/gone`, name: 'gone', interval: 1 }, { url: `${server.url}/slow`, name: 'slow' }], { timeoutSeconds: 2 }));
    expect(state(harness, 'gone').state).toBe('gone');
    expect(state(harness, 'slow')).toMatchObject({ state: 'ok', items: 1 });
    // The scheduler passes over a gone feed even when it is due.
    await harness.sources.stop();
    const { createSources } = await import('../../src/sources/index.ts');
    const again = createSources({ db: harness.storage.db, config: sourcesConfig([{ url: `${server.url}/gone`, name: 'gone', interval: 1 }]), ingest: harness.recorder.ingest, log: harness.log, tickMs: 50 });
    await again.start();
    await new Promise((r) => setTimeout(r, 1500));
    await again.stop();
    expect(server.count('/gone')).toBe(1);
    expect(harness.log.lines.filter((l) => l.msg.includes('is gone'))).toHaveLength(1);
  });

  it('never logs a token from a feed address', async () => {
    server.routes.set('/private', { status: 401, body: 'no' });
    harness = await startHarness(tempDir(), sourcesConfig([{ url: `${server.url}/private?token=s3cr3t-t0ken`, name: 'private' }]));
    expect(state(harness, 'private').state).toBe('failing');
    expect(JSON.stringify(harness.log.lines)).not.toContain('s3cr3t-t0ken');
    expect(JSON.stringify(harness.sources.status())).not.toContain('s3cr3t-t0ken');
  });
});
