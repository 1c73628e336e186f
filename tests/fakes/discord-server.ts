/**
 * A fake Discord for end-to-end tests: a gateway (ws) and a REST API (node:http) on 127.0.0.1,
 * good enough to drive the real discord.js Client.
 *
 *   const fake = await createFakeDiscord();
 *   const client = new Client({ intents: [...], rest: { api: fake.api } });
 *   await client.login(fake.token);               // then wait for Events.ClientReady
 *   const ev = fake.slashCommand('digest', { topic: 'gaza' });
 *   fake.deliver(ev);                             // INTERACTION_CREATE to every session
 *   const cb = await fake.waitForCallback(ev.id); // what the bot answered
 *   expect(fake.rejections).toEqual([]);          // nothing Discord would have refused
 *   await fake.shutdown(client);                  // teardown, in the one safe order
 *
 * Teardown order matters. discord.js reconnects 500 ms after a dropped socket; a `client.destroy()`
 * that lands in that back-off is ignored and the shard then reconnects forever to a closed server.
 * `shutdown(client)` waits until the gateway is connected and quiet, calls `client.destroy()`, then
 * `close()`. Never call `fake.close()` before `client.destroy()`.
 *
 * Limits are checked like Discord does (message content, embeds, components, commands, autocomplete
 * choices); every refused payload answers 400 and lands in `rejections`. Lengths count Unicode
 * code points.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

// ---------------------------------------------------------------------------------------------
// Types

export type Json = Record<string, unknown>;

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

export interface FakeRole {
  id: string;
  name: string;
  /** Permission bitfield as a decimal string, as Discord sends it. */
  permissions: string;
  position: number;
  managed: boolean;
  tags?: Json;
}

export interface FakeChannel {
  id: string;
  name: string;
  /** 0 text, 2 voice, 4 category, 5 announcement, 15 forum. */
  type: number;
  guild_id: string;
  position: number;
  parent_id: string | null;
  topic: string | null;
}

export interface FakeMember {
  user: FakeUser;
  roles: string[];
  nick: string | null;
  joined_at: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  owner_id: string;
  preferred_locale: string;
  channels: FakeChannel[];
  roles: FakeRole[];
  members: FakeMember[];
}

export interface GuildOptions {
  id?: string;
  name?: string;
  preferredLocale?: string;
  channels?: Array<{ id?: string; name: string; type?: number; topic?: string | null; parent_id?: string | null }>;
  /** Extra roles; @everyone and the bot's managed role are always added. */
  roles?: Array<{ id?: string; name: string; permissions?: string }>;
  /** Extra members; the bot and the default test user are always members. */
  members?: Array<{ user: FakeUser; roles?: string[]; nick?: string | null }>;
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  botUsername?: string;
  guilds?: GuildOptions[];
  /** Gateway heartbeat interval sent in HELLO. Default 250 ms. */
  heartbeatIntervalMs?: number;
  /** Time for the first interaction response, like Discord's 3 s. */
  interactionTimeoutMs?: number;
  /** Privileged intents enabled "in the developer portal" (bitfield). Default 0: none. */
  privilegedIntents?: number;
  /** Enforced global limit (interaction routes exempt, as on Discord). Off by default. */
  limits?: { perSecond: number };
  /** How long a nonce with enforce_nonce is remembered (Discord: "a few minutes"); default 3 min of the fake clock. */
  nonceWindowMs?: number;
  /** Per-channel bucket on message routes. Default 5 per 5000 ms, like Discord. */
  messageBucket?: { limit: number; resetAfterMs: number };
  /** Permissions of the bot's managed role. */
  botPermissions?: string;
}

export interface RecordedRequest {
  method: string;
  /** Decoded path after /api/v10, e.g. /webhooks/1/abc/messages/@original */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** File names of a multipart request. */
  files: string[];
  at: number;
  status: number;
  /** Whether the message payload carried `allowed_mentions` (for callbacks: `data.allowed_mentions`). */
  allowedMentions: boolean;
}

export interface Rejection {
  method: string;
  path: string;
  status: number;
  code: number;
  message: string;
  errors?: Json;
  body: unknown;
  at: number;
}

export interface RecordedCallback {
  interactionId: string;
  token: string;
  type: number;
  data: Json | undefined;
  at: number;
}

export interface ApiMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: FakeUser;
  content: string;
  embeds: Json[];
  components: Json[];
  attachments: Json[];
  flags: number;
  type: number;
  timestamp: string;
  edited_timestamp: string | null;
  nonce?: string | number;
  [key: string]: unknown;
}

export interface FakeEvent {
  t: string;
  d: Json;
  /** Interaction id or message id. */
  id: string;
  /** Interaction token (interactions only). */
  token?: string;
}

export type RouteMatcher = string | RegExp | ((req: { method: string; path: string }) => boolean);

export interface FailOptions {
  status: number;
  /** Seconds (fractions allowed for fast tests); 429 only. Default 1. */
  retryAfter?: number;
  global?: boolean;
  /** How many matching requests fail. Default 1. */
  times?: number;
  code?: number;
  message?: string;
}

export type OptionValue = string | number | boolean;

export interface InteractionOptions {
  user?: FakeUser;
  /** Member permissions in the channel (decimal string). Default: computed from roles. */
  permissions?: string;
  locale?: string;
  channelId?: string;
  guildId?: string;
}

export interface FakeDiscord {
  api: string;
  token: string;
  applicationId: string;
  botUser: FakeUser;
  /** A human member of the default guild, used when a builder gets no `user`. */
  user: FakeUser;
  guildId: string;
  channelId: string;
  guilds: FakeGuild[];

  requests: RecordedRequest[];
  rejections: Rejection[];
  callbacks: RecordedCallback[];
  /** Every message known to the fake: bot posts, interaction responses, follow-ups, built user messages. */
  messages: ApiMessage[];
  /** Messages created by POST /channels/:id/messages, per channel (nonce repeats not counted). */
  posted: Map<string, number>;
  commands: { global: Json[]; guild: Record<string, Json[]> };
  readonly identifies: number;
  /** The `shard` ([id, count]) of every IDENTIFY, in order ([0, 1] when the client sent none). */
  readonly identifiedShards: Array<[number, number]>;
  readonly resumes: number;
  /** Accepted gateway connections. */
  readonly connections: number;
  /** 429 answers of any origin (enforced limits and failNext). */
  readonly tooManyRequests: number;
  /** 401/403/429 answers; Discord bans an IP beyond 10,000 in 10 minutes. */
  readonly invalidRequests: number;

  dispatch(t: string, d: Json): void;
  deliver(event: FakeEvent): FakeEvent;
  dropGateway(code?: number): void;
  waitForGatewayReady(timeoutMs?: number): Promise<void>;

  slashCommand(name: string, options?: Record<string, OptionValue> | Json[], opts?: InteractionOptions): FakeEvent;
  autocomplete(name: string, options: Record<string, OptionValue>, opts: InteractionOptions & { focused: string }): FakeEvent;
  button(customId: string, opts?: InteractionOptions & { message?: ApiMessage }): FakeEvent;
  messageCreate(content: string, opts?: { mentionsBot?: boolean; author?: FakeUser; channelId?: string }): FakeEvent;

  waitForCallback(interactionId: string, timeoutMs?: number): Promise<RecordedCallback>;
  waitForRequest(matcher: RouteMatcher, timeoutMs?: number): Promise<RecordedRequest>;
  /** Messages authored by the bot, optionally in one channel. */
  sent(channelId?: string): ApiMessage[];

  failNext(matcher: RouteMatcher, options: FailOptions): void;
  missingAccess(channelId: string): void;
  /** Moves the fake's clock (nonce expiry) forward. */
  advanceClock(ms: number): void;
  /** The token stops working: REST answers 401, the gateway closes with 4004 and refuses to identify. */
  revokeToken(): void;
  restoreToken(): void;
  /** Revokes the token once n more channel messages were posted (mid-fan-out). */
  revokeAfter(n: number): void;
  /** Messages published from announcement channels (crosspost), by id. */
  crossposted: Set<string>;
  restoreAccess(channelId: string): void;

  close(): Promise<void>;
  /** Safe teardown: wait for a quiet gateway, `client.destroy()`, then `close()`. */
  shutdown(client?: { destroy(): unknown }, timeoutMs?: number): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Constants

const API_VERSION = '10';
const DISCORD_EPOCH = 1420070400000n;

const P = {
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
};
const EVERYONE_PERMISSIONS = (
  P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.AddReactions | P.EmbedLinks | P.AttachFiles |
  P.UseExternalEmojis | P.ChangeNickname | P.UseApplicationCommands | P.SendMessagesInThreads
).toString();
const BOT_PERMISSIONS = (
  P.ViewChannel | P.SendMessages | P.EmbedLinks | P.AttachFiles | P.ReadMessageHistory | P.AddReactions |
  P.UseExternalEmojis | P.SendMessagesInThreads | P.UseApplicationCommands
).toString();

const INTENT = { Guilds: 1, GuildMembers: 1 << 1, GuildPresences: 1 << 8, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 };
const PRIVILEGED_INTENTS = INTENT.GuildMembers | INTENT.GuildPresences | INTENT.MessageContent;

/** Locales Discord accepts in name_localizations / description_localizations (no Arabic). */
const DISCORD_LOCALES = new Set([
  'id', 'da', 'de', 'en-GB', 'en-US', 'es-ES', 'es-419', 'fr', 'hr', 'it', 'lt', 'hu', 'nl', 'no', 'pl', 'pt-BR',
  'ro', 'fi', 'sv-SE', 'vi', 'tr', 'cs', 'el', 'bg', 'ru', 'uk', 'hi', 'th', 'zh-CN', 'ja', 'zh-TW', 'ko',
]);

const COMMAND_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MSG_FLAG_EPHEMERAL = 64;
const MSG_FLAG_LOADING = 128;
const MSG_FLAG_COMPONENTS_V2 = 1 << 15;
/** Interaction type -> callback types Discord accepts for it. */
const CALLBACKS_FOR: Record<number, number[]> = { 1: [1], 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };

// ---------------------------------------------------------------------------------------------
// Small helpers

let snowflakeIncrement = 0n;
function snowflake(at = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | snowflakeIncrement).toString();
}

/** Discord's rule: a guild's events go to shard (guild_id >> 22) % shard count. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** IDENTIFY's `shard`: absent means [0, 1]; anything but two integers with 0 <= id < count is refused. */
function identifyShard(raw: unknown): [number, number] | null {
  if (raw === undefined || raw === null) return [0, 1];
  if (!Array.isArray(raw) || raw.length !== 2) return null;
  const [id, count] = raw as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return null;
  return (id as number) >= 0 && (count as number) >= 1 && (id as number) < (count as number) ? [id as number, count as number] : null;
}

function isObj(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function len(s: string): number {
  return [...s].length;
}
function strOrEmpty(x: unknown): string {
  return typeof x === 'string' ? x : '';
}

type ErrTree = Json;
function addError(tree: ErrTree, path: Array<string | number>, code: string, message: string): void {
  let node = tree;
  for (const key of path) {
    const k = String(key);
    const next = node[k];
    if (isObj(next)) node = next;
    else {
      const created: Json = {};
      node[k] = created;
      node = created;
    }
  }
  const list = Array.isArray(node._errors) ? (node._errors as unknown[]) : [];
  list.push({ code, message });
  node._errors = list;
}
function maxLen(tree: ErrTree, path: Array<string | number>, value: unknown, max: number, required = false): void {
  if (value === undefined || value === null) {
    if (required) addError(tree, path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (typeof value !== 'string') {
    addError(tree, path, 'BASE_TYPE_STRING', 'Must be a string.');
    return;
  }
  const n = len(value);
  if (n > max) addError(tree, path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  if (required && n === 0) addError(tree, path, 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
}
function hasErrors(tree: ErrTree): boolean {
  return Object.keys(tree).length > 0;
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const a = p[i] ?? '';
    const b = s[i] ?? '';
    if (a.startsWith(':')) params[a.slice(1)] = b;
    else if (a !== b) return null;
  }
  return params;
}

function routeMatches(matcher: RouteMatcher, method: string, path: string): boolean {
  if (typeof matcher === 'function') return matcher({ method, path });
  if (matcher instanceof RegExp) return matcher.test(`${method} ${path}`);
  const space = matcher.indexOf(' ');
  const wantMethod = space > 0 ? matcher.slice(0, space).toUpperCase() : null;
  const pattern = space > 0 ? matcher.slice(space + 1) : matcher;
  if (wantMethod && wantMethod !== method) return false;
  return matchPath(pattern, path) !== null;
}

// ---------------------------------------------------------------------------------------------
// Validation like Discord

function embedChars(embed: Json): number {
  let n = len(strOrEmpty(embed.title)) + len(strOrEmpty(embed.description));
  if (isObj(embed.footer)) n += len(strOrEmpty(embed.footer.text));
  if (isObj(embed.author)) n += len(strOrEmpty(embed.author.name));
  if (Array.isArray(embed.fields)) {
    for (const f of embed.fields) if (isObj(f)) n += len(strOrEmpty(f.name)) + len(strOrEmpty(f.value));
  }
  return n;
}

function validateEmbeds(tree: ErrTree, base: Array<string | number>, embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) return addError(tree, [...base, 'embeds'], 'BASE_TYPE_ARRAY', 'Must be an array.');
  if (embeds.length > 10) addError(tree, [...base, 'embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = [...base, 'embeds', i];
    if (!isObj(embed)) return addError(tree, at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    maxLen(tree, [...at, 'title'], embed.title, 256);
    maxLen(tree, [...at, 'description'], embed.description, 4096);
    if (embed.footer !== undefined && embed.footer !== null) {
      if (isObj(embed.footer)) maxLen(tree, [...at, 'footer', 'text'], embed.footer.text, 2048, true);
    }
    if (embed.author !== undefined && embed.author !== null) {
      if (isObj(embed.author)) maxLen(tree, [...at, 'author', 'name'], embed.author.name, 256, true);
    }
    if (embed.fields !== undefined) {
      if (!Array.isArray(embed.fields)) addError(tree, [...at, 'fields'], 'BASE_TYPE_ARRAY', 'Must be an array.');
      else {
        if (embed.fields.length > 25) addError(tree, [...at, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
        embed.fields.forEach((field, j) => {
          if (!isObj(field)) return addError(tree, [...at, 'fields', j], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
          maxLen(tree, [...at, 'fields', j, 'name'], field.name, 256, true);
          maxLen(tree, [...at, 'fields', j, 'value'], field.value, 1024, true);
        });
      }
    }
    if (embed.color !== undefined && embed.color !== null && (typeof embed.color !== 'number' || embed.color < 0 || embed.color > 0xffffff)) {
      addError(tree, [...at, 'color'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
    }
    total += embedChars(embed);
  });
  if (total > 6000) addError(tree, [...base, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

function validateComponent(tree: ErrTree, at: Array<string | number>, c: Json, seen: Set<string>): void {
  if (c.custom_id !== undefined) {
    maxLen(tree, [...at, 'custom_id'], c.custom_id, 100, true);
    if (typeof c.custom_id === 'string') {
      if (seen.has(c.custom_id)) addError(tree, [...at, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
      seen.add(c.custom_id);
    }
  }
  if (c.type === 2) {
    maxLen(tree, [...at, 'label'], c.label, 80);
    if (c.style === 5) {
      if (typeof c.url !== 'string') addError(tree, [...at, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
      if (c.custom_id !== undefined) addError(tree, [...at, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', 'A custom id cannot be specified for a link button');
    } else if (c.style !== 6 && c.custom_id === undefined) {
      addError(tree, [...at, 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
    if (c.label === undefined && c.emoji === undefined && c.style !== 6) {
      addError(tree, [...at, 'label'], 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A label or emoji is required');
    }
  }
  if (SELECT_TYPES.has(Number(c.type))) {
    maxLen(tree, [...at, 'placeholder'], c.placeholder, 150);
    if (c.type === 3) {
      const options = Array.isArray(c.options) ? c.options : [];
      if (options.length < 1 || options.length > 25) addError(tree, [...at, 'options'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.');
      options.forEach((o, k) => {
        if (!isObj(o)) return;
        maxLen(tree, [...at, 'options', k, 'label'], o.label, 100, true);
        maxLen(tree, [...at, 'options', k, 'value'], o.value, 100, true);
        maxLen(tree, [...at, 'options', k, 'description'], o.description, 100);
      });
    }
  }
  if (Array.isArray(c.components)) {
    c.components.forEach((child, k) => {
      if (isObj(child)) validateComponent(tree, [...at, 'components', k], child, seen);
    });
  }
}

function validateComponents(tree: ErrTree, base: Array<string | number>, components: unknown, flags: number): void {
  if (components === undefined || components === null) return;
  const at = [...base, 'components'];
  if (!Array.isArray(components)) return addError(tree, at, 'BASE_TYPE_ARRAY', 'Must be an array.');
  const seen = new Set<string>();
  if (flags & MSG_FLAG_COMPONENTS_V2) {
    components.forEach((c, i) => {
      if (isObj(c)) validateComponent(tree, [...at, i], c, seen);
    });
    return;
  }
  if (components.length > 5) addError(tree, at, 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  components.forEach((row, i) => {
    if (!isObj(row) || row.type !== 1) {
      return addError(tree, [...at, i, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
    }
    const children = Array.isArray(row.components) ? row.components : [];
    if (children.length < 1 || children.length > 5) {
      addError(tree, [...at, i, 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
    }
    const selects = children.filter((c) => isObj(c) && SELECT_TYPES.has(Number(c.type))).length;
    if (selects > 0 && children.length > 1) {
      addError(tree, [...at, i, 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
    }
    children.forEach((c, k) => {
      if (!isObj(c)) return;
      if (c.type === 1) addError(tree, [...at, i, 'components', k, 'type'], 'UNION_TYPE_CHOICES', 'Action rows cannot be nested.');
      validateComponent(tree, [...at, i, 'components', k], c, seen);
    });
  });
}

/** Field checks of a message create/edit payload; `base` prefixes error paths (e.g. ['data']). */
function validateMessageFields(body: Json, base: Array<string | number>): ErrTree {
  const tree: ErrTree = {};
  if (body.content !== undefined && body.content !== null) maxLen(tree, [...base, 'content'], body.content, 2000);
  validateEmbeds(tree, base, body.embeds);
  validateComponents(tree, base, body.components, typeof body.flags === 'number' ? body.flags : 0);
  if (body.nonce !== undefined && typeof body.nonce === 'string') maxLen(tree, [...base, 'nonce'], body.nonce, 25);
  return tree;
}

function isEmptyMessage(msg: { content?: unknown; embeds?: unknown; components?: unknown; attachments?: unknown; sticker_ids?: unknown; poll?: unknown }, files: number): boolean {
  const nonEmpty = (x: unknown) => Array.isArray(x) && x.length > 0;
  return (
    strOrEmpty(msg.content).trim() === '' && !nonEmpty(msg.embeds) && !nonEmpty(msg.components) &&
    !nonEmpty(msg.attachments) && !nonEmpty(msg.sticker_ids) && !msg.poll && files === 0
  );
}

function validateCommandName(tree: ErrTree, at: Array<string | number>, name: unknown, chatInput: boolean): void {
  if (typeof name !== 'string') return addError(tree, at, 'BASE_TYPE_REQUIRED', 'This field is required');
  if (chatInput) {
    if (!COMMAND_NAME.test(name)) addError(tree, at, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    else if (name !== name.toLowerCase()) addError(tree, at, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name must be lowercase');
  } else {
    maxLen(tree, at, name, 32, true);
  }
}

function validateLocalizations(tree: ErrTree, at: Array<string | number>, map: unknown, check: (p: Array<string | number>, v: unknown) => void): void {
  if (map === undefined || map === null) return;
  if (!isObj(map)) return addError(tree, at, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
  for (const [locale, value] of Object.entries(map)) {
    if (!DISCORD_LOCALES.has(locale)) addError(tree, [...at, locale], 'ENUM_TYPE_COERCE', `Value "${locale}" is not a valid enum value.`);
    else check([...at, locale], value);
  }
}

function commandChars(c: Json): number {
  let n = len(strOrEmpty(c.name)) + len(strOrEmpty(c.description));
  if (Array.isArray(c.choices)) for (const ch of c.choices) if (isObj(ch)) n += len(strOrEmpty(ch.name)) + len(String(ch.value ?? ''));
  if (Array.isArray(c.options)) for (const o of c.options) if (isObj(o)) n += commandChars(o);
  return n;
}

function validateOptions(tree: ErrTree, at: Array<string | number>, options: unknown, parentType: number): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) return addError(tree, at, 'BASE_TYPE_ARRAY', 'Must be an array.');
  if (options.length > 25) addError(tree, at, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((o, i) => {
    const oat = [...at, i];
    if (!isObj(o)) return addError(tree, oat, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    const type = Number(o.type);
    if (!(type >= 1 && type <= 11)) addError(tree, [...oat, 'type'], 'ENUM_TYPE_COERCE', `Value "${String(o.type)}" is not a valid enum value.`);
    if (parentType === 2 && type !== 1) addError(tree, [...oat, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommand groups may only contain subcommands');
    if (parentType === 1 && (type === 1 || type === 2)) addError(tree, [...oat, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommands cannot be nested');
    validateCommandName(tree, [...oat, 'name'], o.name, true);
    maxLen(tree, [...oat, 'description'], o.description, 100, true);
    validateLocalizations(tree, [...oat, 'name_localizations'], o.name_localizations, (p, v) => validateCommandName(tree, p, v, true));
    validateLocalizations(tree, [...oat, 'description_localizations'], o.description_localizations, (p, v) => maxLen(tree, p, v, 100, true));
    if (typeof o.name === 'string') {
      if (names.has(o.name)) addError(tree, [...oat, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option names must be unique');
      names.add(o.name);
    }
    if (type !== 1 && type !== 2) {
      if (o.required === true && sawOptional) {
        addError(tree, [...oat, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
      }
      if (o.required !== true) sawOptional = true;
    }
    if (o.choices !== undefined) {
      if (!Array.isArray(o.choices)) addError(tree, [...oat, 'choices'], 'BASE_TYPE_ARRAY', 'Must be an array.');
      else {
        if (o.choices.length > 25) addError(tree, [...oat, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
        if (o.autocomplete === true && o.choices.length > 0) {
          addError(tree, [...oat, 'autocomplete'], 'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID', 'Autocomplete cannot be set with choices');
        }
        o.choices.forEach((ch, k) => {
          if (!isObj(ch)) return;
          maxLen(tree, [...oat, 'choices', k, 'name'], ch.name, 100, true);
          if (typeof ch.value === 'string') maxLen(tree, [...oat, 'choices', k, 'value'], ch.value, 100, true);
        });
      }
    }
    if (type === 1 || type === 2) validateOptions(tree, [...oat, 'options'], o.options, type);
  });
}

function validateCommands(body: unknown): ErrTree {
  const tree: ErrTree = {};
  if (!Array.isArray(body)) {
    addError(tree, [], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return tree;
  }
  const counts: Record<number, number> = {};
  const names = new Set<string>();
  body.forEach((c, i) => {
    if (!isObj(c)) return addError(tree, [i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    const type = c.type === undefined ? 1 : Number(c.type);
    counts[type] = (counts[type] ?? 0) + 1;
    const chatInput = type === 1;
    validateCommandName(tree, [i, 'name'], c.name, chatInput);
    if (chatInput) {
      maxLen(tree, [i, 'description'], c.description, 100, true);
    } else if (c.description !== undefined && c.description !== '') {
      addError(tree, [i, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have description');
    }
    validateLocalizations(tree, [i, 'name_localizations'], c.name_localizations, (p, v) => validateCommandName(tree, p, v, chatInput));
    validateLocalizations(tree, [i, 'description_localizations'], c.description_localizations, (p, v) => maxLen(tree, p, v, 100, true));
    const key = `${type}:${String(c.name)}`;
    if (names.has(key)) addError(tree, [i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    names.add(key);
    if (chatInput) validateOptions(tree, [i, 'options'], c.options, 0);
    if (commandChars(c) > 4000) addError(tree, [i], 'APPLICATION_COMMAND_TOO_LARGE', 'Command exceeds maximum size (4000)');
  });
  if ((counts[1] ?? 0) > 100) addError(tree, [], 'APPLICATION_COMMANDS_MAX_EXCEEDED', 'Maximum number of application commands reached (100)');
  if ((counts[2] ?? 0) > 15 || (counts[3] ?? 0) > 15) addError(tree, [], 'APPLICATION_COMMANDS_MAX_EXCEEDED', 'Maximum number of context menu commands reached (15)');
  return tree;
}

function validateAutocomplete(data: Json | undefined): ErrTree {
  const tree: ErrTree = {};
  const choices = data?.choices;
  if (!Array.isArray(choices)) {
    addError(tree, ['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return tree;
  }
  if (choices.length > 25) addError(tree, ['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  choices.forEach((ch, i) => {
    if (!isObj(ch)) return addError(tree, ['data', 'choices', i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    maxLen(tree, ['data', 'choices', i, 'name'], ch.name, 100, true);
    if (typeof ch.value === 'string') maxLen(tree, ['data', 'choices', i, 'value'], ch.value, 100);
    else if (typeof ch.value !== 'number') addError(tree, ['data', 'choices', i, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  });
  return tree;
}

// ---------------------------------------------------------------------------------------------
// Request bodies

interface ParsedBody {
  body: unknown;
  files: string[];
  invalid: boolean;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string): ParsedBody {
  if (raw.length === 0) return { body: undefined, files: [], invalid: false };
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (contentType.startsWith('multipart/form-data') && boundary) {
    const text = raw.toString('latin1');
    const files: string[] = [];
    let body: unknown;
    for (const part of text.split(`--${boundary[1] ?? boundary[2] ?? ''}`)) {
      const split = part.indexOf('\r\n\r\n');
      if (split < 0) continue;
      const headers = part.slice(0, split);
      const content = part.slice(split + 4).replace(/\r\n$/, '');
      const filename = /filename="([^"]*)"/i.exec(headers);
      if (filename) files.push(filename[1] ?? '');
      else if (/name="payload_json"/i.test(headers)) {
        try {
          body = JSON.parse(Buffer.from(content, 'latin1').toString('utf8'));
        } catch {
          return { body: undefined, files, invalid: true };
        }
      }
    }
    return { body, files, invalid: false };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [], invalid: false };
  } catch {
    return { body: undefined, files: [], invalid: true };
  }
}

// ---------------------------------------------------------------------------------------------
// The fake

interface Session {
  id: string;
  seq: number;
  intents: number;
  log: Array<{ s: number; t: string; d: Json }>;
  socket: WebSocket | null;
  ended: boolean;
  /** [shard id, shard count] from IDENTIFY: the session gets only its shard's guilds (and DMs on shard 0). */
  shard: [number, number];
}

interface Interaction {
  id: string;
  token: string;
  type: number;
  name: string;
  channelId: string;
  guildId: string;
  user: FakeUser;
  createdAt: number;
  acknowledged: boolean;
  original: ApiMessage | null;
  /** The message a component sits on. */
  message: ApiMessage | null;
  followUps: ApiMessage[];
}

interface Fault {
  matcher: RouteMatcher;
  options: FailOptions;
  left: number;
}

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  record: RecordedRequest;
  body: Json;
  files: string[];
}

type Handler = (ctx: Ctx, params: Record<string, string>) => void;

export async function createFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? 'fake-discord-token';
  const applicationId = options.applicationId ?? snowflake(Date.now() - 400 * 86_400_000);
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 250;
  const interactionTimeoutMs = options.interactionTimeoutMs ?? 3000;
  const privilegedIntents = options.privilegedIntents ?? 0;
  const bucketConfig = options.messageBucket ?? { limit: 5, resetAfterMs: 5000 };
  const botUser: FakeUser = { id: applicationId, username: options.botUsername ?? 'newsbot', global_name: null, bot: true };
  const testUser: FakeUser = { id: snowflake(Date.now() - 900 * 86_400_000), username: 'tester', global_name: 'Tester', bot: false };
  const joinedAt = new Date(Date.now() - 86_400_000).toISOString();

  // ---- guilds
  const guilds: FakeGuild[] = (options.guilds ?? [{}]).map((g, gi) => {
    const id = g.id ?? snowflake();
    const botRoleId = snowflake();
    const roles: FakeRole[] = [
      { id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0, managed: false },
      { id: botRoleId, name: botUser.username, permissions: options.botPermissions ?? BOT_PERMISSIONS, position: 1, managed: true, tags: { bot_id: botUser.id } },
      ...(g.roles ?? []).map((r, ri) => ({ id: r.id ?? snowflake(), name: r.name, permissions: r.permissions ?? '0', position: ri + 2, managed: false })),
    ];
    const channels: FakeChannel[] = (g.channels ?? [{ name: 'general' }]).map((c, ci) => ({
      id: c.id ?? snowflake(), name: c.name, type: c.type ?? 0, guild_id: id, position: ci, parent_id: c.parent_id ?? null, topic: c.topic ?? null,
    }));
    const members: FakeMember[] = [
      { user: botUser, roles: [botRoleId], nick: null, joined_at: joinedAt },
      { user: testUser, roles: [], nick: null, joined_at: joinedAt },
      ...(g.members ?? []).map((m) => ({ user: m.user, roles: m.roles ?? [], nick: m.nick ?? null, joined_at: joinedAt })),
    ];
    return { id, name: g.name ?? `Fake Guild ${gi + 1}`, owner_id: testUser.id, preferred_locale: g.preferredLocale ?? 'en-US', channels, roles, members };
  });
  const firstGuild = guilds[0];
  if (!firstGuild) throw new Error('createFakeDiscord: at least one guild is needed');
  const firstText = firstGuild.channels.find((c) => c.type === 0) ?? firstGuild.channels[0];
  if (!firstText) throw new Error('createFakeDiscord: the first guild needs a channel');

  const findChannel = (id: string): FakeChannel | undefined => {
    for (const g of guilds) for (const c of g.channels) if (c.id === id) return c;
    return undefined;
  };
  const findGuild = (id: string) => guilds.find((g) => g.id === id);
  const findUser = (id: string): FakeUser | undefined => {
    for (const g of guilds) for (const m of g.members) if (m.user.id === id) return m.user;
    return undefined;
  };
  const memberPermissions = (guild: FakeGuild, member: FakeMember | undefined): string => {
    let bits = BigInt(guild.roles[0]?.permissions ?? '0');
    for (const roleId of member?.roles ?? []) bits |= BigInt(guild.roles.find((r) => r.id === roleId)?.permissions ?? '0');
    return bits.toString();
  };
  const apiUser = (u: FakeUser): Json => ({
    id: u.id, username: u.username, global_name: u.global_name ?? null, discriminator: '0', avatar: null,
    bot: u.bot ?? false, system: false, public_flags: 0, flags: 0, banner: null, accent_color: null, avatar_decoration_data: null,
  });
  const apiMember = (m: FakeMember, withUser: boolean): Json => ({
    ...(withUser ? { user: apiUser(m.user) } : {}),
    roles: m.roles, nick: m.nick, avatar: null, banner: null, joined_at: m.joined_at, premium_since: null,
    deaf: false, mute: false, pending: false, flags: 0, communication_disabled_until: null,
  });
  const apiChannel = (c: FakeChannel, withGuildId = true): Json => ({
    id: c.id, type: c.type, ...(withGuildId ? { guild_id: c.guild_id } : {}), name: c.name, position: c.position,
    parent_id: c.parent_id, topic: c.topic, nsfw: false, last_message_id: null, rate_limit_per_user: 0, permission_overwrites: [], flags: 0,
  });
  const apiRole = (r: FakeRole): Json => ({
    id: r.id, name: r.name, permissions: r.permissions, position: r.position, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false, managed: r.managed, mentionable: false, icon: null, unicode_emoji: null, flags: 0, ...(r.tags ? { tags: r.tags } : {}),
  });
  const guildCreate = (g: FakeGuild): Json => ({
    id: g.id, name: g.name, icon: null, splash: null, discovery_splash: null, banner: null, description: null, owner_id: g.owner_id,
    afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 1, explicit_content_filter: 0,
    features: [], mfa_level: 0, application_id: null, system_channel_id: g.channels[0]?.id ?? null, system_channel_flags: 0,
    rules_channel_id: null, public_updates_channel_id: null, safety_alerts_channel_id: null, vanity_url_code: null, premium_tier: 0,
    premium_subscription_count: 0, preferred_locale: g.preferred_locale, max_members: 500000, max_video_channel_users: 25, nsfw_level: 0,
    nsfw: false, premium_progress_bar_enabled: false, joined_at: joinedAt, large: false, unavailable: false, member_count: g.members.length,
    roles: g.roles.map(apiRole), channels: g.channels.map((c) => apiChannel(c, false)), members: g.members.map((m) => apiMember(m, true)),
    threads: [], presences: [], voice_states: [], stage_instances: [], guild_scheduled_events: [], emojis: [], stickers: [], soundboard_sounds: [],
    lazy: true, incidents_data: null,
  });

  // ---- state
  const requests: RecordedRequest[] = [];
  const rejections: Rejection[] = [];
  const callbacks: RecordedCallback[] = [];
  const messages: ApiMessage[] = [];
  const posted = new Map<string, number>();
  const commands: { global: Json[]; guild: Record<string, Json[]> } = { global: [], guild: {} };
  const interactions = new Map<string, Interaction>();
  const sessions = new Map<string, Session>();
  const nonces = new Map<string, { message: ApiMessage; at: number }>();
  const nonceWindowMs = options.nonceWindowMs ?? 180_000;
  const crossposted = new Set<string>();
  const auth = { revoked: false, revokeAfter: undefined as number | undefined, clockOffset: 0 };
  const fakeNow = () => Date.now() + auth.clockOffset;
  const noAccess = new Set<string>();
  const faults: Fault[] = [];
  const buckets = new Map<string, { remaining: number; resetAt: number }>();
  const globalWindow: number[] = [];
  const bucketHash = randomBytes(16).toString('hex');
  const stats = { identifies: 0, resumes: 0, connections: 0, tooManyRequests: 0, invalidRequests: 0 };
  const identifiedShards: Array<[number, number]> = [];
  let lastGatewayChange = Date.now();

  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of [...waiters]) w();
  };
  function waitUntil<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const first = probe();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      const check = () => {
        const v = probe();
        if (v !== undefined) {
          cleanup();
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      waiters.add(check);
    });
  }

  // ---- messages
  const newMessage = (channelId: string, author: FakeUser, body: Json, files: string[], extra: Json = {}): ApiMessage => {
    const channel = findChannel(channelId);
    const flags = typeof body.flags === 'number' ? body.flags : 0;
    const msg: ApiMessage = {
      id: snowflake(), type: 0, channel_id: channelId, ...(channel ? { guild_id: channel.guild_id } : {}),
      author, content: strOrEmpty(body.content), embeds: Array.isArray(body.embeds) ? (body.embeds as Json[]) : [],
      components: Array.isArray(body.components) ? (body.components as Json[]) : [],
      attachments: files.map((f) => ({ id: snowflake(), filename: f, size: 0, url: `https://cdn.invalid/${f}`, proxy_url: `https://cdn.invalid/${f}` })),
      flags, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [],
      pinned: false, allowedMentionsSent: 'allowed_mentions' in body, ...extra,
    };
    if (body.nonce !== undefined) msg.nonce = body.nonce as string | number;
    messages.push(msg);
    return msg;
  };
  const toApi = (m: ApiMessage): Json => {
    const { allowedMentionsSent: _a, ...rest } = m;
    return { ...rest, author: apiUser(m.author) };
  };
  const applyEdit = (m: ApiMessage, body: Json, files: string[]) => {
    if ('content' in body) m.content = strOrEmpty(body.content);
    if ('embeds' in body) m.embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
    if ('components' in body) m.components = Array.isArray(body.components) ? (body.components as Json[]) : [];
    if ('attachments' in body && Array.isArray(body.attachments)) m.attachments = m.attachments.filter((a) => (body.attachments as Json[]).some((b) => isObj(b) && b.id === a.id));
    for (const f of files) m.attachments.push({ id: snowflake(), filename: f, size: 0, url: `https://cdn.invalid/${f}`, proxy_url: `https://cdn.invalid/${f}` });
    // Only the ephemeral bit survives an edit; the loading flag of a deferred reply goes away.
    const keep = m.flags & MSG_FLAG_EPHEMERAL;
    const wanted = typeof body.flags === 'number' ? body.flags : m.flags;
    m.flags = (wanted & ~(MSG_FLAG_EPHEMERAL | MSG_FLAG_LOADING)) | keep;
    m.edited_timestamp = new Date().toISOString();
    if ('allowed_mentions' in body) m.allowedMentionsSent = true;
  };

  // ---- responses
  const send = (ctx: Ctx, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    ctx.record.status = status;
    if (status === 401 || status === 403 || status === 429) stats.invalidRequests++;
    if (status === 429) stats.tooManyRequests++;
    const text = body === undefined ? '' : JSON.stringify(body);
    ctx.res.writeHead(status, { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers });
    ctx.res.end(text);
    notify();
  };
  const fail = (ctx: Ctx, status: number, code: number, message: string) => send(ctx, status, { message, code });
  const reject400 = (ctx: Ctx, code: number, message: string, errors?: Json) => {
    rejections.push({ method: ctx.record.method, path: ctx.record.path, status: 400, code, message, ...(errors ? { errors } : {}), body: ctx.record.body, at: Date.now() });
    send(ctx, 400, { message, code, ...(errors ? { errors } : {}) });
  };
  const invalidForm = (ctx: Ctx, errors: Json) => reject400(ctx, 50035, 'Invalid Form Body', errors);
  const tooMany = (ctx: Ctx, retryAfter: number, global: boolean, headers: Record<string, string> = {}) => {
    send(ctx, 429, { message: 'You are being rate limited.', retry_after: retryAfter, global, code: 0 }, {
      'Retry-After': String(retryAfter), 'X-RateLimit-Scope': global ? 'global' : 'user', ...(global ? { 'X-RateLimit-Global': 'true' } : {}), ...headers,
    });
  };
  /** Per-channel bucket of message routes; false when a 429 was sent. */
  const takeBucket = (ctx: Ctx, key: string): Record<string, string> | false => {
    const now = Date.now();
    let b = buckets.get(key);
    if (!b || now >= b.resetAt) {
      b = { remaining: bucketConfig.limit, resetAt: now + bucketConfig.resetAfterMs };
      buckets.set(key, b);
    }
    const headersFor = (remaining: number, resetAt: number) => ({
      'X-RateLimit-Limit': String(bucketConfig.limit), 'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': (resetAt / 1000).toFixed(3), 'X-RateLimit-Reset-After': ((resetAt - now) / 1000).toFixed(3), 'X-RateLimit-Bucket': bucketHash,
    });
    if (b.remaining <= 0) {
      tooMany(ctx, Number(((b.resetAt - now) / 1000).toFixed(3)), false, headersFor(0, b.resetAt));
      return false;
    }
    b.remaining--;
    return headersFor(b.remaining, b.resetAt);
  };

  // ---- interactions
  const findInteraction = (id: string, tok: string) => {
    const i = interactions.get(id);
    return i && i.token === tok ? i : undefined;
  };
  const interactionByToken = (appId: string, tok: string) => {
    if (appId !== applicationId) return undefined;
    for (const i of interactions.values()) if (i.token === tok) return i;
    return undefined;
  };
  const interactionMetadata = (i: Interaction): Json => ({
    id: i.id, type: i.type, user: apiUser(i.user), authorizing_integration_owners: { '0': i.guildId }, ...(i.type === 2 ? { name: i.name } : {}),
    ...(i.message ? { interacted_message_id: i.message.id } : {}),
  });
  const responseMessage = (i: Interaction, body: Json, files: string[], flagsExtra = 0): ApiMessage =>
    newMessage(i.channelId, botUser, { ...body, flags: ((typeof body.flags === 'number' ? body.flags : 0) | flagsExtra) }, files, {
      type: i.type === 2 ? 20 : 0, webhook_id: applicationId, application_id: applicationId, interaction_metadata: interactionMetadata(i),
    });

  // ---- routes
  const routes: Array<{ method: string; pattern: string; auth: boolean; handler: Handler }> = [];
  const route = (method: string, pattern: string, handler: Handler, auth = true) => routes.push({ method, pattern, auth, handler });

  route('GET', '/users/@me', (ctx) => send(ctx, 200, { ...apiUser(botUser), verified: true, mfa_enabled: false, locale: 'en-US' }));
  route('GET', '/gateway/bot', (ctx) =>
    send(ctx, 200, {
      url: `ws://127.0.0.1:${port}/gateway`, shards: 1,
      session_start_limit: { total: 1000, remaining: 1000 - stats.identifies, reset_after: 86_400_000, max_concurrency: 1 },
    }),
  );
  route('GET', '/gateway', (ctx) => send(ctx, 200, { url: `ws://127.0.0.1:${port}/gateway` }), false);
  route('GET', '/applications/@me', (ctx) =>
    send(ctx, 200, {
      id: applicationId, name: botUser.username, icon: null, description: '', summary: '', type: null, bot_public: true,
      bot_require_code_grant: false, verify_key: 'f'.repeat(64), flags: 0, owner: apiUser(testUser), team: null,
      bot: apiUser(botUser), approximate_guild_count: guilds.length, integration_types_config: { '0': {} }, tags: [],
    }),
  );

  const storeCommands = (ctx: Ctx, appId: string, guildId: string | null) => {
    if (appId !== applicationId) return fail(ctx, 403, 50001, 'Missing Access');
    if (guildId !== null && !findGuild(guildId)) return fail(ctx, 404, 10004, 'Unknown Guild');
    const errors = validateCommands(ctx.record.body);
    if (hasErrors(errors)) return invalidForm(ctx, errors);
    const previous = guildId === null ? commands.global : (commands.guild[guildId] ?? []);
    const stored = (ctx.record.body as Json[]).map((c) => {
      const type = c.type === undefined ? 1 : Number(c.type);
      const old = previous.find((p) => p.name === c.name && p.type === type);
      return {
        ...c, id: old?.id ?? snowflake(), application_id: applicationId, version: snowflake(), type,
        description: c.description ?? '', default_member_permissions: c.default_member_permissions ?? null,
        nsfw: c.nsfw ?? false, integration_types: c.integration_types ?? [0], contexts: c.contexts ?? null,
        ...(guildId === null ? {} : { guild_id: guildId }),
      } as Json;
    });
    if (guildId === null) commands.global = stored;
    else commands.guild[guildId] = stored;
    send(ctx, 200, stored);
  };
  route('PUT', '/applications/:app/commands', (ctx, p) => storeCommands(ctx, p.app ?? '', null));
  route('PUT', '/applications/:app/guilds/:guild/commands', (ctx, p) => storeCommands(ctx, p.app ?? '', p.guild ?? ''));
  route('GET', '/applications/:app/commands', (ctx) => send(ctx, 200, commands.global));
  route('GET', '/applications/:app/guilds/:guild/commands', (ctx, p) => send(ctx, 200, commands.guild[p.guild ?? ''] ?? []));

  route('POST', '/interactions/:id/:token/callback', (ctx, p) => {
    const i = findInteraction(p.id ?? '', p.token ?? '');
    if (!i || (!i.acknowledged && Date.now() - i.createdAt > interactionTimeoutMs)) return fail(ctx, 404, 10062, 'Unknown interaction');
    if (i.acknowledged) return fail(ctx, 400, 40060, 'Interaction has already been acknowledged.');
    const type = Number(ctx.body.type);
    const data = isObj(ctx.body.data) ? ctx.body.data : undefined;
    if (!(CALLBACKS_FOR[i.type] ?? []).includes(type)) {
      const errors: Json = {};
      addError(errors, ['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', `Interaction response type ${type} is not valid for interaction type ${i.type}`);
      return invalidForm(ctx, errors);
    }
    if (type === 4 || type === 7) {
      const errors = validateMessageFields(data ?? {}, ['data']);
      if (hasErrors(errors)) return invalidForm(ctx, errors);
      const target = type === 7 ? i.message : null;
      const merged = target ? { ...target, ...(data ?? {}) } : (data ?? {});
      if (isEmptyMessage(merged, ctx.files.length)) return reject400(ctx, 50006, 'Cannot send an empty message');
    }
    if (type === 8) {
      const errors = validateAutocomplete(data);
      if (hasErrors(errors)) return invalidForm(ctx, errors);
    }
    if (type === 9) {
      const errors: Json = {};
      maxLen(errors, ['data', 'custom_id'], data?.custom_id, 100, true);
      maxLen(errors, ['data', 'title'], data?.title, 45, true);
      const rows = Array.isArray(data?.components) ? data.components : [];
      if (rows.length < 1 || rows.length > 5) addError(errors, ['data', 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
      if (hasErrors(errors)) return invalidForm(ctx, errors);
    }
    i.acknowledged = true;
    if (type === 4) i.original = responseMessage(i, data ?? {}, ctx.files);
    if (type === 5) i.original = responseMessage(i, { flags: data?.flags ?? 0 }, [], MSG_FLAG_LOADING);
    if ((type === 6 || type === 7) && i.message) {
      if (type === 7) applyEdit(i.message, data ?? {}, ctx.files);
      i.original = i.message;
    }
    callbacks.push({ interactionId: i.id, token: i.token, type, data, at: Date.now() });
    if (ctx.record.query.with_response !== 'true') return send(ctx, 204);
    send(ctx, 200, {
      interaction: {
        id: i.id, type: i.type, response_message_id: i.original?.id, response_message_loading: type === 5,
        response_message_ephemeral: Boolean((i.original?.flags ?? 0) & MSG_FLAG_EPHEMERAL),
      },
      resource: i.original && (type === 4 || type === 5 || type === 7) ? { type, message: toApi(i.original) } : undefined,
    });
  }, false);

  const webhookMessage = (i: Interaction, mid: string): ApiMessage | undefined =>
    mid === '@original' ? (i.original ?? undefined) : i.followUps.find((m) => m.id === mid);
  route('POST', '/webhooks/:app/:token', (ctx, p) => {
    const i = interactionByToken(p.app ?? '', p.token ?? '');
    if (!i || !i.acknowledged) return fail(ctx, 404, 10015, 'Unknown Webhook');
    const errors = validateMessageFields(ctx.body, []);
    if (hasErrors(errors)) return invalidForm(ctx, errors);
    if (isEmptyMessage(ctx.body, ctx.files.length)) return reject400(ctx, 50006, 'Cannot send an empty message');
    const m = responseMessage(i, ctx.body, ctx.files);
    i.followUps.push(m);
    if (ctx.record.query.wait === 'true') send(ctx, 200, toApi(m));
    else send(ctx, 204);
  }, false);
  route('GET', '/webhooks/:app/:token/messages/:mid', (ctx, p) => {
    const i = interactionByToken(p.app ?? '', p.token ?? '');
    if (!i || !i.acknowledged) return fail(ctx, 404, 10015, 'Unknown Webhook');
    const m = webhookMessage(i, p.mid ?? '');
    if (!m) return fail(ctx, 404, 10008, 'Unknown Message');
    send(ctx, 200, toApi(m));
  }, false);
  route('PATCH', '/webhooks/:app/:token/messages/:mid', (ctx, p) => {
    const i = interactionByToken(p.app ?? '', p.token ?? '');
    if (!i || !i.acknowledged) return fail(ctx, 404, 10015, 'Unknown Webhook');
    const m = webhookMessage(i, p.mid ?? '');
    if (!m) return fail(ctx, 404, 10008, 'Unknown Message');
    const errors = validateMessageFields(ctx.body, []);
    if (hasErrors(errors)) return invalidForm(ctx, errors);
    if (isEmptyMessage({ ...m, ...ctx.body }, ctx.files.length)) return reject400(ctx, 50006, 'Cannot send an empty message');
    applyEdit(m, ctx.body, ctx.files);
    send(ctx, 200, toApi(m));
  }, false);
  route('DELETE', '/webhooks/:app/:token/messages/:mid', (ctx, p) => {
    const i = interactionByToken(p.app ?? '', p.token ?? '');
    if (!i || !i.acknowledged) return fail(ctx, 404, 10015, 'Unknown Webhook');
    const m = webhookMessage(i, p.mid ?? '');
    if (!m) return fail(ctx, 404, 10008, 'Unknown Message');
    messages.splice(messages.indexOf(m), 1);
    if (i.original === m) i.original = null;
    i.followUps = i.followUps.filter((f) => f !== m);
    send(ctx, 204);
  }, false);

  /** Common checks of /channels/:id routes; the channel when the request may go on. */
  const channelFor = (ctx: Ctx, id: string): FakeChannel | undefined => {
    const channel = findChannel(id);
    if (!channel) {
      fail(ctx, 404, 10003, 'Unknown Channel');
      return undefined;
    }
    if (noAccess.has(id)) {
      fail(ctx, 403, 50001, 'Missing Access');
      return undefined;
    }
    return channel;
  };
  route('GET', '/channels/:id', (ctx, p) => {
    const channel = channelFor(ctx, p.id ?? '');
    if (channel) send(ctx, 200, apiChannel(channel));
  });
  route('POST', '/channels/:id/messages', (ctx, p) => {
    const id = p.id ?? '';
    const channel = channelFor(ctx, id);
    if (!channel) return;
    const headers = takeBucket(ctx, `messages:${id}`);
    if (!headers) return;
    const errors = validateMessageFields(ctx.body, []);
    if (hasErrors(errors)) return invalidForm(ctx, errors);
    if (isEmptyMessage(ctx.body, ctx.files.length)) return reject400(ctx, 50006, 'Cannot send an empty message');
    const nonceKey = ctx.body.enforce_nonce === true && ctx.body.nonce !== undefined ? `${id}:${String(ctx.body.nonce)}` : null;
    const previous = nonceKey ? nonces.get(nonceKey) : undefined;
    if (previous && fakeNow() - previous.at <= nonceWindowMs) return send(ctx, 200, toApi(previous.message), headers);
    const m = newMessage(id, botUser, ctx.body, ctx.files);
    if (nonceKey) nonces.set(nonceKey, { message: m, at: fakeNow() });
    posted.set(id, (posted.get(id) ?? 0) + 1);
    send(ctx, 200, toApi(m), headers);
    if (auth.revokeAfter !== undefined && --auth.revokeAfter <= 0) revokeToken();
  });
  // Newest first, like Discord; the nonce is not stored with a message, so it is not returned here.
  route('GET', '/channels/:id/messages', (ctx, p) => {
    const id = p.id ?? '';
    if (!channelFor(ctx, id)) return;
    const limit = Math.min(100, Math.max(1, Number(ctx.record.query.limit ?? 50)));
    const after = ctx.record.query.after ? BigInt(ctx.record.query.after) : undefined;
    const before = ctx.record.query.before ? BigInt(ctx.record.query.before) : undefined;
    let list = messages.filter((m) => m.channel_id === id && !(m.flags & MSG_FLAG_EPHEMERAL));
    if (after !== undefined) list = list.filter((m) => BigInt(m.id) > after).slice(0, limit);
    else list = list.filter((m) => before === undefined || BigInt(m.id) < before).slice(-limit);
    send(ctx, 200, list.reverse().map((m) => {
      const { nonce: _nonce, ...rest } = toApi(m);
      return rest;
    }));
  });
  route('POST', '/channels/:id/messages/:mid/crosspost', (ctx, p) => {
    const channel = channelFor(ctx, p.id ?? '');
    if (!channel) return;
    const m = messages.find((x) => x.id === p.mid && x.channel_id === p.id);
    if (!m) return fail(ctx, 404, 10008, 'Unknown Message');
    if (channel.type !== 5) return fail(ctx, 403, 50001, 'Missing Access');
    if (crossposted.has(m.id)) return fail(ctx, 400, 40033, 'This message has already been crossposted.');
    crossposted.add(m.id);
    m.flags |= 1;
    send(ctx, 200, toApi(m));
  });
  route('GET', '/channels/:id/messages/:mid', (ctx, p) => {
    if (!channelFor(ctx, p.id ?? '')) return;
    const m = messages.find((x) => x.id === p.mid && x.channel_id === p.id && !(x.flags & MSG_FLAG_EPHEMERAL));
    if (!m) return fail(ctx, 404, 10008, 'Unknown Message');
    send(ctx, 200, toApi(m));
  });
  route('PATCH', '/channels/:id/messages/:mid', (ctx, p) => {
    const id = p.id ?? '';
    if (!channelFor(ctx, id)) return;
    const m = messages.find((x) => x.id === p.mid && x.channel_id === id && !(x.flags & MSG_FLAG_EPHEMERAL));
    if (!m) return fail(ctx, 404, 10008, 'Unknown Message');
    if (m.author.id !== botUser.id) return fail(ctx, 403, 50005, 'Cannot edit a message authored by another user');
    const headers = takeBucket(ctx, `edit:${id}`);
    if (!headers) return;
    const errors = validateMessageFields(ctx.body, []);
    if (hasErrors(errors)) return invalidForm(ctx, errors);
    if (isEmptyMessage({ ...m, ...ctx.body }, ctx.files.length)) return reject400(ctx, 50006, 'Cannot send an empty message');
    applyEdit(m, ctx.body, ctx.files);
    send(ctx, 200, toApi(m), headers);
  });
  route('DELETE', '/channels/:id/messages/:mid', (ctx, p) => {
    if (!channelFor(ctx, p.id ?? '')) return;
    const m = messages.find((x) => x.id === p.mid && x.channel_id === p.id);
    if (!m) return fail(ctx, 404, 10008, 'Unknown Message');
    messages.splice(messages.indexOf(m), 1);
    send(ctx, 204);
  });
  route('GET', '/guilds/:id/members/:user', (ctx, p) => {
    const guild = findGuild(p.id ?? '');
    if (!guild) return fail(ctx, 404, 10004, 'Unknown Guild');
    const member = guild.members.find((m) => m.user.id === p.user);
    if (!member) return fail(ctx, 404, findUser(p.user ?? '') ? 10007 : 10013, findUser(p.user ?? '') ? 'Unknown Member' : 'Unknown User');
    send(ctx, 200, apiMember(member, true));
  });

  // ---- HTTP server
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const versioned = /^\/api\/v(\d+)(\/.*)$/.exec(url.pathname);
    const path = (versioned?.[2] ?? url.pathname).split('/').map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    }).join('/');
    const parsed = parseBody(await readBody(req), String(req.headers['content-type'] ?? ''));
    const body = parsed.body;
    const payload = isObj(body) && isObj(body.data) ? body.data : body;
    const record: RecordedRequest = {
      method, path, query: Object.fromEntries(url.searchParams), body, files: parsed.files, at: Date.now(), status: 0,
      allowedMentions: isObj(payload) && 'allowed_mentions' in payload,
    };
    requests.push(record);
    const ctx: Ctx = { req, res, record, body: isObj(body) ? body : {}, files: parsed.files };

    if (!versioned || versioned[1] !== API_VERSION) return fail(ctx, 404, 0, '404: Not Found');
    let found: { handler: Handler; auth: boolean; params: Record<string, string> } | undefined;
    let methodMismatch = false;
    for (const r of routes) {
      const params = matchPath(r.pattern, path);
      if (!params) continue;
      if (r.method !== method) {
        methodMismatch = true;
        continue;
      }
      found = { handler: r.handler, auth: r.auth, params };
      break;
    }
    const authHeader = req.headers.authorization;
    const needsAuth = found ? found.auth : true;
    if ((needsAuth || authHeader !== undefined) && (authHeader !== `Bot ${token}` || auth.revoked)) return fail(ctx, 401, 0, '401: Unauthorized');
    if (parsed.invalid) return reject400(ctx, 50109, 'The request body contains invalid JSON.');

    const exempt = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
    if (options.limits && !exempt) {
      const now = Date.now();
      while (globalWindow.length > 0 && (globalWindow[0] ?? 0) <= now - 1000) globalWindow.shift();
      if (globalWindow.length >= options.limits.perSecond) {
        const retryAfter = Math.max(0.001, ((globalWindow[0] ?? now) + 1000 - now) / 1000);
        return tooMany(ctx, Number(retryAfter.toFixed(3)), true);
      }
      globalWindow.push(now);
    }

    const fault = faults.find((f) => f.left > 0 && routeMatches(f.matcher, method, path));
    if (fault) {
      fault.left--;
      if (fault.left === 0) faults.splice(faults.indexOf(fault), 1);
      const o = fault.options;
      if (o.status === 429) {
        const retryAfter = o.retryAfter ?? 1;
        const now = Date.now();
        const bucketHeaders: Record<string, string> = o.global ? {} : {
          'X-RateLimit-Limit': String(bucketConfig.limit), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': ((now + retryAfter * 1000) / 1000).toFixed(3),
          'X-RateLimit-Reset-After': retryAfter.toFixed(3), 'X-RateLimit-Bucket': bucketHash,
        };
        return tooMany(ctx, retryAfter, o.global ?? false, bucketHeaders);
      }
      const defaultMessage = o.status >= 500 ? `${o.status}: Internal Server Error` : 'Injected failure';
      return fail(ctx, o.status, o.code ?? 0, o.message ?? defaultMessage);
    }

    if (!found) return fail(ctx, methodMismatch ? 405 : 404, 0, methodMismatch ? '405: Method Not Allowed' : '404: Not Found');
    found.handler(ctx, found.params);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `fake discord error: ${String(error)}`, code: 0 }));
      }
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  // ---- gateway
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/gateway') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onGatewayConnection(ws));
  });

  const wsSend = (ws: WebSocket, payload: Json) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  };
  const mentionsBot = (d: Json) =>
    (Array.isArray(d.mentions) && d.mentions.some((u) => isObj(u) && u.id === botUser.id)) ||
    strOrEmpty(d.content).includes(`<@${botUser.id}>`) || strOrEmpty(d.content).includes(`<@!${botUser.id}>`);
  /** What one session receives of an event, after intents; null when it receives nothing. */
  const ownShard = (s: Session, guildId: string | undefined) => (guildId === undefined ? s.shard[0] === 0 : shardOfGuild(guildId, s.shard[1]) === s.shard[0]);
  const forSession = (s: Session, t: string, d: Json): Json | null => {
    // A guild's events reach its shard only; those without a guild (DMs) reach shard 0.
    if (t !== 'READY' && t !== 'RESUMED' && !ownShard(s, typeof d.guild_id === 'string' ? d.guild_id : typeof d.id === 'string' && t.startsWith('GUILD_') ? d.id : undefined)) return null;
    if (t !== 'MESSAGE_CREATE' && t !== 'MESSAGE_UPDATE') return d;
    const inGuild = typeof d.guild_id === 'string';
    if (!(s.intents & (inGuild ? INTENT.GuildMessages : INTENT.DirectMessages))) return null;
    const author = isObj(d.author) ? d.author.id : undefined;
    if (!(s.intents & INTENT.MessageContent) && inGuild && author !== botUser.id && !mentionsBot(d)) {
      return { ...d, content: '', embeds: [], attachments: [], components: [], poll: undefined };
    }
    return d;
  };
  const sendToSession = (s: Session, t: string, d: Json) => {
    const seen = forSession(s, t, d);
    if (!seen) return;
    s.seq++;
    const entry = { s: s.seq, t, d: seen };
    s.log.push(entry);
    if (s.log.length > 1000) s.log.shift();
    if (s.socket) wsSend(s.socket, { op: 0, ...entry });
  };
  const gatewayChanged = () => {
    lastGatewayChange = Date.now();
    notify();
  };

  const onGatewayConnection = (ws: WebSocket) => {
    stats.connections++;
    let session: Session | null = null;
    wsSend(ws, { op: 10, d: { heartbeat_interval: heartbeatIntervalMs, _trace: ['["fake-gateway",{"micros":0}]'] }, s: null, t: null });
    ws.on('message', (raw) => {
      let msg: Json;
      try {
        const parsed: unknown = JSON.parse(String(raw));
        if (!isObj(parsed)) throw new Error('not an object');
        msg = parsed;
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      const d = isObj(msg.d) ? msg.d : {};
      switch (msg.op) {
        case 1:
          wsSend(ws, { op: 11, d: null, s: null, t: null });
          return;
        case 2: {
          if (session) return ws.close(4005, 'Already authenticated.');
          if (auth.revoked || (d.token !== token && d.token !== `Bot ${token}`)) return ws.close(4004, 'Authentication failed.');
          const intents = Number(d.intents);
          if (!Number.isInteger(intents) || intents < 0 || intents >= 1 << 26) return ws.close(4013, 'Invalid intent(s).');
          if (intents & PRIVILEGED_INTENTS & ~privilegedIntents) return ws.close(4014, 'Disallowed intent(s).');
          const shard = identifyShard(d.shard);
          if (!shard) return ws.close(4010, 'Invalid shard.');
          stats.identifies++;
          identifiedShards.push(shard);
          session = { id: randomBytes(16).toString('hex'), seq: 0, intents, log: [], socket: ws, ended: false, shard };
          sessions.set(session.id, session);
          sendToSession(session, 'READY', {
            v: 10, user: { ...apiUser(botUser), verified: true, mfa_enabled: false, email: null }, user_settings: {}, relationships: [], private_channels: [],
            presences: [], guild_join_requests: [], geo_ordered_rtc_regions: ['local'], session_type: 'normal', auth_session_id_hash: 'fake',
            session_id: session.id, resume_gateway_url: `ws://127.0.0.1:${port}/gateway`, shard,
            application: { id: applicationId, flags: 0 }, guilds: guilds.filter((g) => shardOfGuild(g.id, shard[1]) === shard[0]).map((g) => ({ id: g.id, unavailable: true })),
            _trace: ['["fake-gateway",{"micros":0}]'],
          });
          for (const g of guilds) sendToSession(session, 'GUILD_CREATE', guildCreate(g));
          gatewayChanged();
          return;
        }
        case 6: {
          const existing = sessions.get(String(d.session_id));
          if (auth.revoked || (d.token !== token && d.token !== `Bot ${token}`)) return ws.close(4004, 'Authentication failed.');
          if (!existing || existing.ended) {
            wsSend(ws, { op: 9, d: false, s: null, t: null });
            return;
          }
          const from = Number(d.seq);
          if (existing.socket && existing.socket !== ws) existing.socket.terminate();
          existing.socket = ws;
          session = existing;
          stats.resumes++;
          for (const entry of existing.log) if (entry.s > from) wsSend(ws, { op: 0, ...entry });
          sendToSession(existing, 'RESUMED', { _trace: ['["fake-gateway",{"micros":0}]'] });
          gatewayChanged();
          return;
        }
        default:
          return; // presence updates, member requests, voice: ignored
      }
    });
    ws.on('close', (code) => {
      if (session && session.socket === ws) {
        session.socket = null;
        if (code === 1000 || code === 1001) session.ended = true;
      }
      gatewayChanged();
    });
    ws.on('error', () => undefined);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  function revokeToken() {
    auth.revoked = true;
    auth.revokeAfter = undefined;
    for (const sess of sessions.values()) {
      sess.ended = true;
      sess.socket?.close(4004, 'Authentication failed.');
    }
    gatewayChanged();
  }

  const dispatch = (t: string, d: Json) => {
    if (t === 'INTERACTION_CREATE' && typeof d.id === 'string') {
      const i = interactions.get(d.id);
      if (i) i.createdAt = Date.now();
    }
    for (const s of sessions.values()) if (!s.ended) sendToSession(s, t, d);
  };

  // ---- builders
  const memberOf = (guild: FakeGuild, user: FakeUser) => guild.members.find((m) => m.user.id === user.id) ?? { user, roles: [], nick: null, joined_at: joinedAt };
  const botPermissionsIn = (guild: FakeGuild) => memberPermissions(guild, guild.members.find((m) => m.user.id === botUser.id));
  const registeredCommand = (name: string, guildId: string) =>
    [...(commands.guild[guildId] ?? []), ...commands.global].find((c) => c.name === name && (c.type ?? 1) === 1);

  const interactionBase = (type: number, name: string, opts: InteractionOptions): { i: Interaction; d: Json } => {
    const channelId = opts.channelId ?? firstText.id;
    const channel = findChannel(channelId);
    const guild = findGuild(opts.guildId ?? channel?.guild_id ?? firstGuild.id) ?? firstGuild;
    const user = opts.user ?? testUser;
    const member = memberOf(guild, user);
    const i: Interaction = {
      id: snowflake(), token: `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`, type, name, channelId, guildId: guild.id, user,
      createdAt: Date.now(), acknowledged: false, original: null, message: null, followUps: [],
    };
    interactions.set(i.id, i);
    const d: Json = {
      id: i.id, application_id: applicationId, type, token: i.token, version: 1,
      guild_id: guild.id, guild: { id: guild.id, locale: guild.preferred_locale, features: [] },
      channel_id: channelId, channel: channel ? apiChannel(channel) : { id: channelId, type: 0, guild_id: guild.id },
      member: { ...apiMember(member, true), permissions: opts.permissions ?? memberPermissions(guild, member) },
      locale: opts.locale ?? 'en-US', guild_locale: guild.preferred_locale, app_permissions: botPermissionsIn(guild),
      entitlements: [], authorizing_integration_owners: { '0': guild.id }, context: 0, attachment_size_limit: 10_485_760,
    };
    return { i, d };
  };

  const commandOptions = (name: string, guildId: string, options: Record<string, OptionValue> | Json[], focused?: string) => {
    if (Array.isArray(options)) return { options, resolved: undefined };
    const registered = registeredCommand(name, guildId);
    const defs = Array.isArray(registered?.options) ? (registered.options as Json[]) : [];
    const resolved: { users: Json; members: Json; channels: Json; roles: Json } = { users: {}, members: {}, channels: {}, roles: {} };
    const guild = findGuild(guildId) ?? firstGuild;
    const out = Object.entries(options).map(([key, value]) => {
      const def = defs.find((o) => o.name === key);
      let type = typeof def?.type === 'number' ? def.type : typeof value === 'boolean' ? 5 : typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : 3;
      const id = String(value);
      if (type === 6 || type === 9) {
        const member = guild.members.find((m) => m.user.id === id);
        if (member) {
          resolved.users[id] = apiUser(member.user);
          resolved.members[id] = { ...apiMember(member, false), permissions: memberPermissions(guild, member) };
        }
      }
      if (type === 7) {
        const channel = findChannel(id);
        if (channel) resolved.channels[id] = { ...apiChannel(channel), permissions: memberPermissions(guild, undefined) };
      }
      if (type === 8) {
        const role = guild.roles.find((r) => r.id === id);
        if (role) resolved.roles[id] = apiRole(role);
      }
      if (key === focused) type = typeof def?.type === 'number' ? def.type : 3;
      return { name: key, type, value: key === focused ? String(value) : value, ...(key === focused ? { focused: true } : {}) };
    });
    const any = Object.values(resolved).some((v) => Object.keys(v).length > 0);
    return { options: out, resolved: any ? resolved : undefined };
  };

  const slashCommand = (name: string, options: Record<string, OptionValue> | Json[] = {}, opts: InteractionOptions = {}): FakeEvent => {
    const { i, d } = interactionBase(2, name, opts);
    const registered = registeredCommand(name, i.guildId);
    const built = commandOptions(name, i.guildId, options);
    d.data = {
      id: typeof registered?.id === 'string' ? registered.id : snowflake(), name, type: 1, options: built.options,
      ...(built.resolved ? { resolved: built.resolved } : {}), ...(typeof registered?.guild_id === 'string' ? { guild_id: registered.guild_id } : {}),
    };
    return { t: 'INTERACTION_CREATE', d, id: i.id, token: i.token };
  };
  const autocomplete = (name: string, options: Record<string, OptionValue>, opts: InteractionOptions & { focused: string }): FakeEvent => {
    const { i, d } = interactionBase(4, name, opts);
    const registered = registeredCommand(name, i.guildId);
    const built = commandOptions(name, i.guildId, options, opts.focused);
    d.data = { id: typeof registered?.id === 'string' ? registered.id : snowflake(), name, type: 1, options: built.options };
    return { t: 'INTERACTION_CREATE', d, id: i.id, token: i.token };
  };
  const button = (customId: string, opts: InteractionOptions & { message?: ApiMessage } = {}): FakeEvent => {
    const channelId = opts.channelId ?? opts.message?.channel_id;
    const { i, d } = interactionBase(3, customId, { ...opts, ...(channelId ? { channelId } : {}) });
    let message = opts.message;
    if (!message) {
      message = newMessage(i.channelId, botUser, {
        content: 'A message with a button',
        components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: customId, label: 'Press' }] }],
      }, []);
    }
    const known = messages.find((m) => m.id === message.id);
    i.message = known ?? message;
    d.data = { custom_id: customId, component_type: 2 };
    d.message = toApi(i.message);
    return { t: 'INTERACTION_CREATE', d, id: i.id, token: i.token };
  };
  const messageCreate = (content: string, opts: { mentionsBot?: boolean; author?: FakeUser; channelId?: string } = {}): FakeEvent => {
    const channelId = opts.channelId ?? firstText.id;
    const channel = findChannel(channelId);
    const guild = channel ? findGuild(channel.guild_id) : undefined;
    const author = opts.author ?? testUser;
    const text = opts.mentionsBot && !content.includes(`<@${botUser.id}>`) ? `<@${botUser.id}> ${content}` : content;
    const botMember = guild?.members.find((m) => m.user.id === botUser.id);
    const m = newMessage(channelId, author, { content: text }, [], {
      mentions: opts.mentionsBot ? [{ ...apiUser(botUser), ...(botMember ? { member: apiMember(botMember, false) } : {}) }] : [],
    });
    const authorMember = guild ? memberOf(guild, author) : undefined;
    const d: Json = { ...toApi(m), ...(authorMember ? { member: apiMember(authorMember, false) } : {}) };
    return { t: 'MESSAGE_CREATE', d, id: m.id };
  };

  // ---- teardown
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    server.closeAllConnections();
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const waitForGatewayReady = async (timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    const ready = () => {
      const live = [...sessions.values()].filter((s) => !s.ended);
      return live.length > 0 && live.every((s) => s.socket !== null && s.socket.readyState === s.socket.OPEN) ? true : undefined;
    };
    // "Quiet": connected, and no gateway change for 50 ms.
    for (;;) {
      await waitUntil(ready, Math.max(1, deadline - Date.now()), 'a connected gateway');
      const quietFor = Date.now() - lastGatewayChange;
      if (quietFor >= 50 && ready()) return;
      await new Promise((r) => setTimeout(r, 50 - Math.min(quietFor, 49)));
      if (Date.now() > deadline) throw new Error('fake discord: gateway never settled');
    }
  };

  return {
    api: `http://127.0.0.1:${port}/api`,
    token, applicationId, botUser, user: testUser, guildId: firstGuild.id, channelId: firstText.id, guilds,
    requests, rejections, callbacks, messages, posted, commands,
    get identifies() { return stats.identifies; },
    get identifiedShards() { return identifiedShards.map((x) => [...x] as [number, number]); },
    get resumes() { return stats.resumes; },
    get connections() { return stats.connections; },
    get tooManyRequests() { return stats.tooManyRequests; },
    get invalidRequests() { return stats.invalidRequests; },
    dispatch,
    deliver(event) {
      dispatch(event.t, event.d);
      return event;
    },
    dropGateway(code = 4000) {
      for (const s of sessions.values()) if (s.socket) s.socket.close(code, 'fake drop');
      gatewayChanged();
    },
    waitForGatewayReady,
    slashCommand, autocomplete, button, messageCreate,
    waitForCallback(interactionId, timeoutMs = 3000) {
      return waitUntil(() => callbacks.find((c) => c.interactionId === interactionId), timeoutMs, `a callback to interaction ${interactionId}`);
    },
    waitForRequest(matcher, timeoutMs = 3000) {
      return waitUntil(() => requests.find((r) => r.status !== 0 && routeMatches(matcher, r.method, r.path)), timeoutMs, `a request ${String(matcher)}`);
    },
    sent(channelId) {
      return messages.filter((m) => m.author.id === botUser.id && (channelId === undefined || m.channel_id === channelId));
    },
    failNext(matcher, failOptions) {
      faults.push({ matcher, options: failOptions, left: failOptions.times ?? 1 });
    },
    missingAccess(channelId) {
      noAccess.add(channelId);
    },
    crossposted,
    advanceClock(ms) {
      auth.clockOffset += ms;
    },
    revokeToken,
    restoreToken() {
      auth.revoked = false;
    },
    revokeAfter(n) {
      auth.revokeAfter = n;
    },
    restoreAccess(channelId) {
      noAccess.delete(channelId);
    },
    close,
    async shutdown(client, timeoutMs = 5000) {
      if (client) {
        await waitForGatewayReady(timeoutMs).catch(() => undefined);
        await client.destroy();
      }
      await close();
    },
  };
}
