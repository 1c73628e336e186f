// Discord errors, classified once. discord.js throws DiscordAPIError for 4xx answers, HTTPError for
// 5xx after its own retries, RateLimitError only when asked to (we let it wait out 429s instead), and
// plain errors (fetch failed, AbortError on its timeout) for the network. Request URLs carry
// interaction tokens, so they are never logged; the bot token is scrubbed from every message.
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { SendError } from '../chat-adapter.ts';

export type ErrorKind = 'rate_limited' | 'transient' | 'forbidden' | 'invalid' | 'unauthorized';

export interface Classified {
  kind: ErrorKind;
  /** HTTP status, 0 for network errors. */
  status: number;
  /** Discord's JSON error code (50001 Missing Access, 50013 Missing Permissions, ...), 0 when none. */
  code: number;
  description: string;
  retryAfterMs?: number;
}

export const MISSING_ACCESS = 50001;
export const MISSING_PERMISSIONS = 50013;
export const UNKNOWN_INTERACTION = 10062;
export const ALREADY_ACKNOWLEDGED = 40060;

export function createScrubber(secrets: string[]): (text: string) => string {
  const values = secrets.filter((s) => s.length >= 6).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const exact = values.length ? new RegExp(values.join('|'), 'g') : undefined;
  return (text) => {
    const t = exact ? text.replace(exact, '[token]') : text;
    // Anything shaped like a bot token (id.timestamp.hmac), and interaction tokens in webhook paths.
    return t
      .replace(/[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g, '[token]')
      .replace(/(\/(?:webhooks\/\d+|interactions\/\d+)\/)[^/\s?]+/g, '$1[token]');
  };
}

export function classify(error: unknown): Classified {
  if (error instanceof DiscordAPIError) {
    const status = error.status;
    const code = typeof error.code === 'number' ? error.code : 0;
    const description = error.rawError && typeof error.rawError === 'object' && 'message' in error.rawError ? String(error.rawError.message) : 'Discord API error';
    if (status === 429) return { kind: 'rate_limited', status, code, description };
    // The token, not the channel: every send would fail the same way.
    if (status === 401) return { kind: 'unauthorized', status, code, description };
    if (status === 403 || code === MISSING_ACCESS || code === MISSING_PERMISSIONS) return { kind: 'forbidden', status, code, description };
    if (status >= 500) return { kind: 'transient', status, code, description };
    return { kind: 'invalid', status, code, description };
  }
  if (error instanceof HTTPError) {
    return { kind: error.status >= 500 || error.status === 0 ? 'transient' : 'invalid', status: error.status, code: 0, description: `HTTP ${error.status}` };
  }
  if (error instanceof RateLimitError) {
    return { kind: 'rate_limited', status: 429, code: 0, description: 'rate limited', retryAfterMs: error.retryAfter };
  }
  const e = error as { name?: string; message?: string; cause?: { code?: string } } | undefined;
  const message = String(e?.message ?? error);
  // fetch failures, resets, discord.js's own request timeout (AbortError): worth retrying later.
  if (e?.name === 'AbortError' || /fetch failed|ECONN|ETIMEDOUT|EAI_AGAIN|socket|network/i.test(message) || e?.cause?.code) {
    return { kind: 'transient', status: 0, code: 0, description: message };
  }
  return { kind: 'invalid', status: 0, code: 0, description: message };
}

export function isMissingAccess(c: Classified): boolean {
  return c.code === MISSING_ACCESS || c.code === MISSING_PERMISSIONS || (c.status === 403 && c.kind === 'forbidden');
}

/** A loggable summary of an error: no URL, no request body, no token. */
export function describeError(error: unknown, scrub: (text: string) => string): { name: string; status: number; code: number; description: string } {
  const c = classify(error);
  return { name: (error as { name?: string } | undefined)?.name ?? 'Error', status: c.status, code: c.code, description: scrub(c.description) };
}

export function toSendError(error: unknown, scrub: (text: string) => string): SendError {
  const c = classify(error);
  const message = scrub(`discord ${c.status || 'network'}${c.code ? `/${c.code}` : ''}: ${c.description}`);
  return new SendError(c.kind, message, c.retryAfterMs);
}
