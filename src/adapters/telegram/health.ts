// Whether the Telegram connection works, for /healthz: long polling has had an answer from
// getUpdates lately (or one is waiting, as long polls do), or the webhook is set. (A refused token is
// the adapter's token state, checked before this.)
import type { Telegraf } from 'telegraf';
import type { AdapterHealth } from '../chat-adapter.ts';

/** getUpdates holds for up to 50 s: a poll older than this, or no answer for this long, is a dead connection. */
export const POLL_STALE_MS = 90_000;

export interface ConnectionState {
  pollingStarted(): void;
  pollingStopped(reason: string): void;
  webhookSet(): void;
  webhookCalled(): void;
  health(): AdapterHealth;
}

type CallApi = (method: string, payload: unknown, options?: unknown) => Promise<unknown>;

/** Watches getUpdates through telegraf's one entry point for Bot API calls (callApi). */
export function createConnectionState(tg: Telegraf['telegram'], now: () => number = Date.now): ConnectionState {
  let mode: 'starting' | 'polling' | 'webhook' = 'starting';
  let pollStartedAt: number | undefined;
  let lastAnswerAt: number | undefined;
  let lastWebhookCallAt: number | undefined;
  let down: string | undefined;

  const original = tg.callApi.bind(tg) as unknown as CallApi;
  const watched: CallApi = async (method, payload, options) => {
    const poll = method === 'getUpdates';
    if (poll) pollStartedAt = now();
    try {
      const result = await original(method, payload, options);
      if (poll) lastAnswerAt = now();
      return result;
    } finally {
      if (poll) pollStartedAt = undefined;
    }
  };
  (tg as unknown as { callApi: CallApi }).callApi = watched;

  const age = (at: number) => `${Math.round((now() - at) / 1000)} s ago`;

  return {
    pollingStarted() {
      mode = 'polling';
      down = undefined;
    },
    pollingStopped(reason) {
      down = reason;
    },
    webhookSet() {
      mode = 'webhook';
    },
    webhookCalled() {
      lastWebhookCallAt = now();
    },
    health() {
      if (mode === 'starting') return { ok: false, detail: 'starting' };
      if (mode === 'webhook') return { ok: true, detail: lastWebhookCallAt ? `webhook; last call ${age(lastWebhookCallAt)}` : 'webhook set; no call yet' };
      if (down) return { ok: false, detail: down };
      const t = now();
      if (pollStartedAt !== undefined && t - pollStartedAt <= POLL_STALE_MS) return { ok: true, detail: `polling; last getUpdates answer ${lastAnswerAt ? age(lastAnswerAt) : 'pending'}` };
      if (lastAnswerAt !== undefined && t - lastAnswerAt <= POLL_STALE_MS) return { ok: true, detail: `polling; last getUpdates answer ${age(lastAnswerAt)}` };
      return { ok: false, detail: lastAnswerAt ? `no getUpdates answer for ${age(lastAnswerAt).replace(' ago', '')}` : 'no getUpdates answer yet' };
    },
  };
}
