// Channel messages that are never posted twice. Each message carries a nonce (enforce_nonce: Discord
// drops a repeat within a few minutes) and an invisible marker derived from the same key: zero-width
// characters at the end of its text, which Discord keeps. A retry made after the nonce window (the
// bot was down for a while mid-send) first reads the channel's messages from the bot since the first
// try and skips those carrying their marker.
import { createHash } from 'node:crypto';
import { Routes, SnowflakeUtil, type APIMessage, type REST } from 'discord.js';
import type { Logger } from '../../bot/types.ts';
import { classify, type Classified } from './errors.ts';
import { embedChars, LIMITS, NO_MENTIONS, type DiscordMessage } from './render.ts';

/** Discord keeps a nonce "a few minutes"; a retry later than this (kept short, to be safe) checks the channel first. */
export const NONCE_WINDOW_MS = 60_000;
/** Pages of 100 messages read back when checking; a busy channel's older messages are not searched. */
const CHECK_PAGES = 5;
/** Messages a little older than the first try are read too (clocks differ). */
const CLOCK_SLACK_MS = 30_000;
/** Four invisible characters: two bits each. */
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060'] as const;
const MARKER_BYTES = 8;
/** "This message has already been crossposted." */
const ALREADY_CROSSPOSTED = 40033;

/** A nonce for Discord's duplicate check: at most 25 characters, one per message of a send. */
export function nonceFor(idempotencyKey: string, index: number): string {
  return createHash('sha256').update(`${idempotencyKey}\u0000${index}`).digest('base64url').slice(0, 24);
}

/** The invisible marker of message `index` of a send: 32 zero-width characters. */
export function markerFor(idempotencyKey: string, index: number): string {
  const bytes = createHash('sha256').update(`marker\u0000${idempotencyKey}\u0000${index}`).digest().subarray(0, MARKER_BYTES);
  let out = '';
  for (const byte of bytes) for (let shift = 6; shift >= 0; shift -= 2) out += ZERO_WIDTH[(byte >> shift) & 3];
  return out;
}

/** The message with the marker at the end of its text, where there is room (content, else the first embed's description or title). */
export function withMarker(m: DiscordMessage, marker: string): DiscordMessage {
  if (m.content && m.content.length + marker.length <= LIMITS.content) return { ...m, content: m.content + marker };
  const [first, ...rest] = m.embeds ?? [];
  if (first && embedChars(m.embeds ?? []) + marker.length <= LIMITS.embedTotal) {
    if (first.description !== undefined && first.description.length + marker.length <= LIMITS.description) return { ...m, embeds: [{ ...first, description: first.description + marker }, ...rest] };
    if (first.title !== undefined && first.title.length + marker.length <= LIMITS.title) return { ...m, embeds: [{ ...first, title: first.title + marker }, ...rest] };
  }
  return m;
}

function textOf(m: APIMessage): string {
  return [m.content, ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].join('\n');
}

/**
 * The ids of messages already in the channel, by index, for the markers given: read from the bot's
 * messages posted since `since`. Throws when the channel cannot be read (no Read Message History).
 */
export async function findPosted(rest: REST, channelId: string, botId: string, markers: string[], since: number): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  let after = SnowflakeUtil.generate({ timestamp: Math.max(Number(SnowflakeUtil.epoch) + 1, since - CLOCK_SLACK_MS) }).toString();
  for (let page = 0; page < CHECK_PAGES && found.size < markers.length; page++) {
    const query = new URLSearchParams({ limit: '100', after });
    const batch = (await rest.get(Routes.channelMessages(channelId), { query })) as APIMessage[];
    for (const m of batch) {
      if (m.author.id !== botId) continue;
      const text = textOf(m);
      markers.forEach((marker, i) => {
        if (!found.has(i) && text.includes(marker)) found.set(i, m.id);
      });
    }
    if (batch.length < 100) break;
    after = batch.reduce((max, m) => (BigInt(m.id) > BigInt(max) ? m.id : max), after);
  }
  return found;
}

export interface PostOptions {
  rest: REST;
  log: Logger;
  botId: () => string | undefined;
  channelId: string;
  messages: DiscordMessage[];
  key?: string | undefined;
  triedAt?: number | undefined;
  crosspost?: boolean | undefined;
}

const body = (m: DiscordMessage): Record<string, unknown> => ({
  ...(m.content !== undefined ? { content: m.content } : {}),
  ...(m.embeds?.length ? { embeds: m.embeds } : {}),
  ...(m.components?.length ? { components: m.components } : {}),
  allowed_mentions: NO_MENTIONS,
});

/** Messages an earlier try already posted (checked only past the nonce window). */
async function alreadyPosted(o: PostOptions, markers: string[]): Promise<Map<number, string>> {
  const botId = o.botId();
  if (o.triedAt === undefined || Date.now() - o.triedAt <= NONCE_WINDOW_MS || !botId || !o.key) return new Map();
  try {
    const found = await findPosted(o.rest, o.channelId, botId, markers, o.triedAt);
    o.log.info({ channelId: o.channelId, found: found.size, of: markers.length }, 'discord: a message retried after the nonce window was checked against the channel first');
    return found;
  } catch (error) {
    const c: Classified = classify(error);
    if (c.kind !== 'forbidden') throw error;
    // Without Read Message History the channel cannot be checked: better a repeat than a loss.
    o.log.warn({ channelId: o.channelId, code: c.code }, 'discord: cannot read the channel to check for an earlier copy (Read Message History); sending again');
    return new Map();
  }
}

/** Posts the messages to a channel or thread (skipping those already there); resolves with the message ids. */
export async function postMessages(o: PostOptions): Promise<string[]> {
  const markers = o.messages.map((_, i) => (o.key ? markerFor(o.key, i) : ''));
  const posted = await alreadyPosted(o, markers);
  const ids: string[] = [];
  for (const [i, m] of o.messages.entries()) {
    const known = posted.get(i);
    if (known) {
      ids.push(known);
      continue;
    }
    const marked = o.key ? withMarker(m, markers[i] ?? '') : m;
    const extra = o.key ? { nonce: nonceFor(o.key, i), enforce_nonce: true } : {};
    const sent = (await o.rest.post(Routes.channelMessages(o.channelId), { body: { ...body(marked), ...extra } })) as APIMessage;
    ids.push(sent.id);
  }
  if (o.crosspost) await crosspostAll(o, ids);
  return ids;
}

/** Publishes messages of an announcement channel; a failure is logged, the messages stay posted. */
async function crosspostAll(o: PostOptions, ids: string[]): Promise<void> {
  for (const id of ids) {
    try {
      await o.rest.post(Routes.channelMessageCrosspost(o.channelId, id));
    } catch (error) {
      const c = classify(error);
      if (c.code === ALREADY_CROSSPOSTED) continue;
      o.log.warn({ channelId: o.channelId, messageId: id, status: c.status, code: c.code, description: c.description }, 'discord: publishing (crosspost) a message failed; it stays posted in the channel');
    }
  }
}
