// The webhook in one process (no Redis): an update is answered once handled, answered 500 when its
// handling failed so that Telegram's re-send is handled, and answered 200 without a second handling
// when it is re-sent while still being handled. The real telegraf against the fake Bot API.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TRIES } from '../../../src/adapters/once.ts';
import type { BotServices } from '../../../src/bot/types.ts';
import type { Update } from '../../fakes/telegram-api.ts';
import { realServices } from '../../helpers/services.ts';
import { localWebhook, startHarness, WEBHOOK_SECRET, type Harness } from './harness.ts';

let services: BotServices;
let h: Harness | undefined;

beforeAll(async () => {
  services = await realServices();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function webhook(): Promise<{ h: Harness; post: (update: Update) => Promise<number> }> {
  h = await startHarness(services, { webhook: true });
  const url = localWebhook(h);
  const fake = h.fake;
  return { h, post: async (update) => (await fake.postWebhook(url, update, WEBHOOK_SECRET)).status };
}

describe('webhook: handled once, again after a failure', () => {
  it('answers 500 when the handling fails, and handles the re-send', async () => {
    const { h, post } = await webhook();
    const update = h.fake.message('/about', { from: { id: 41 } });
    h.fake.failNext('sendMessage', { code: 400 });
    expect(await post(update)).toBe(500);
    expect(h.texts(41)).toEqual([]);
    expect(await post(update)).toBe(200);
    expect(h.texts(41)).toHaveLength(1);
    expect(await post(update)).toBe(200); // handled now: not again
    await h.adapter.idle();
    expect(h.texts(41)).toHaveLength(1);
  });

  it('logs a failed handling without the token (a dropped connection names the API URL)', async () => {
    const { h, post } = await webhook();
    const update = h.fake.message('/about', { from: { id: 44 } });
    h.fake.dropNext('sendMessage', 10);
    expect(await post(update)).toBe(500);
    expect(h.log.lines.some((l) => l.msg.startsWith('telegram: update failed'))).toBe(true);
    expect(JSON.stringify(h.log.lines)).not.toContain(h.fake.token.split(':')[1]);
  });

  it('answers a re-send that comes while the update is being handled at once, without handling it twice', async () => {
    const { h, post } = await webhook();
    const update = h.fake.message('/about', { from: { id: 42 } });
    h.fake.delayNext('sendMessage', 1500);
    let firstAnswered = false;
    const first = post(update).then((status) => ((firstAnswered = true), status));
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === 42));
    expect(await post(update)).toBe(200);
    expect(firstAnswered).toBe(false); // the reply is still in flight
    expect(await first).toBe(200);
    await h.adapter.idle();
    expect(h.texts(42)).toHaveLength(1);
  });

  it(`gives an update up after ${MAX_TRIES} failed handlings (answered 200, so Telegram moves on)`, async () => {
    const { h, post } = await webhook();
    const update = h.fake.message('/about', { from: { id: 43 } });
    h.fake.failNext('sendMessage', { code: 400, times: MAX_TRIES });
    const statuses: number[] = [];
    for (let i = 0; i < MAX_TRIES; i++) statuses.push(await post(update));
    expect(statuses).toEqual([...Array(MAX_TRIES - 1).fill(500), 200]);
    expect(await post(update)).toBe(200);
    await h.adapter.idle();
    expect(h.texts(43)).toEqual([]);
    expect(h.log.lines.some((l) => /given up/.test(String(l.msg)))).toBe(true);
  });
});
