// The Discord adapter on discord.js: slash commands from the one command table (registered in bulk
// when ready), autocomplete, paging buttons, and questions that mention the bot in a channel (no
// privileged Message Content intent needed for those). Every handler is wrapped: a failure gets an
// ephemeral apology, and the process keeps running.
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  RESTEvents,
  Routes,
  Status,
  type APIMessage,
  type CloseEvent,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type RateLimitData,
} from 'discord.js';
import { strings } from '../../bot/i18n.ts';
import type { Post } from '../../bot/post.ts';
import { MAX_INPUT_CHARS } from '../../bot/router.ts';
import type { IncomingMessage } from '../../bot/types.ts';
import type { Lang } from '../../news/language.ts';
import type { AdapterHealth, ChatAdapter, ChatTarget, SendOptions } from '../chat-adapter.ts';
import type { AdapterDeps } from '../deps.ts';
import { createTokenState } from '../token-state.ts';
import { commandLabel, observeUpdate, type Observed } from '../observe.ts';
import { ActionStore } from './actions.ts';
import { documentChoices, speakerChoices, titleChoices, MAX_CHOICES, type Choice } from './autocomplete.ts';
import { argsFromOptions, discordCommands } from './commands.ts';
import { postMessages } from './delivery.ts';
import { classify, createScrubber, describeError, isMissingAccess, toSendError } from './errors.ts';
import { cleanText, editOptions, NO_MENTIONS, plainMessage, renderPost, replyOptions, restBody, type DiscordMessage } from './render.ts';

export interface DiscordAdapterOptions {
  /** An answer not ready after this long gets a deferred reply first (Discord allows 3 s). Default 1500 ms. */
  deferAfterMs?: number;
  /** How long stop() waits for the gateway to settle and for replies in progress. Default 3000 ms. */
  stopTimeoutMs?: number;
}

export interface DiscordAdapter extends ChatAdapter {
  readonly platform: 'discord';
  /** The discord.js client (for tests and the fake's safe teardown). */
  readonly client: Client;
  /** Channels that answered Missing Access / Missing Permissions (50001 / 50013). */
  readonly deniedChannels: ReadonlySet<string>;
  isAdmin(channelId: string, userId: string): Promise<boolean>;
  /** Resolves once every event received so far has been handled. */
  idle(): Promise<void>;
}

const TIMEOUT = Symbol('timeout');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export { nonceFor } from './delivery.ts';
/** The gateway's answer to an IDENTIFY with a bad token. */
const AUTHENTICATION_FAILED = 4004;

const EXPIRED: Record<Lang, string> = {
  en: 'This button has expired. Please run the command again.',
  ar: 'انتهت صلاحية هذا الزر. من فضلك أعد تشغيل الأمر.',
};

const ARABIC = /[\u0600-\u06FF]/;
const LATIN = /[A-Za-z]{2,}/;

export function createDiscordAdapter(deps: AdapterDeps, options: DiscordAdapterOptions = {}): DiscordAdapter {
  const { router, services, log } = deps;
  const secrets = deps.config.secrets.discord;
  if (!secrets?.token) throw new Error('Discord: DISCORD_BOT_TOKEN is not set');
  const { token, guildId, apiUrl, shards } = secrets;
  const deferAfterMs = options.deferAfterMs ?? 1500;
  const stopTimeoutMs = options.stopTimeoutMs ?? 3000;
  const scrub = createScrubber([token]);
  const actions = new ActionStore();
  const deniedChannels = new Set<string>();
  const inflight = new Set<Promise<void>>();
  const tokenState = createTokenState(log, 'discord', 'DISCORD_BOT_TOKEN');

  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
    // Several processes share the gateway: each opens its shards (DISCORD_SHARDS of DISCORD_SHARD_COUNT).
    ...(shards ? { shards: shards.ids, shardCount: shards.count } : {}),
  });

  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let receiving: Promise<void> | undefined;

  const errorInfo = (error: unknown) => describeError(error, scrub);

  /** Runs a handler off the event loop's emit, never letting it reject. */
  const track = (what: Observed, work: () => Promise<void>) => {
    if (stopping || receiving) return;
    const p = observeUpdate(log, deps.observer, what, work)
      .catch((error: unknown) => log.error({ err: errorInfo(error), what: what.kind, id: what.id }, 'discord handler failed'))
      .finally(() => inflight.delete(p));
    inflight.add(p);
  };

  const recordDenied = (channelId: string, error: unknown) => {
    const c = classify(error);
    if (!isMissingAccess(c)) return false;
    if (!deniedChannels.has(channelId)) log.warn({ channelId, code: c.code, status: c.status }, 'discord: missing access to channel (recorded)');
    deniedChannels.add(channelId);
    return true;
  };

  /** Posts messages to a channel or thread through REST; returns the message ids. */
  const postToChannel = async (channelId: string, messages: DiscordMessage[], extra: (i: number) => Record<string, unknown>): Promise<string[]> => {
    const ids: string[] = [];
    for (const [i, m] of messages.entries()) {
      const sent = (await client.rest.post(Routes.channelMessages(channelId), { body: { ...restBody(m), ...extra(i) } })) as APIMessage;
      ids.push(sent.id);
    }
    deniedChannels.delete(channelId);
    return ids;
  };

  const where = (channel: { id: string; isThread(): boolean; parentId?: string | null } | null, channelId: string): Pick<IncomingMessage, 'chatId' | 'threadId'> =>
    channel?.isThread() && channel.parentId ? { chatId: channel.parentId, threadId: channel.id } : { chatId: channelId };

  const incomingFrom = (i: Interaction, text: string, locale?: string): IncomingMessage => ({
    platform: 'discord',
    ...where(i.channel, i.channelId ?? ''),
    userId: i.user.id,
    text,
    locale: locale ?? i.locale,
    chatType: i.inGuild() ? 'group' : 'private',
    addressed: true,
  });

  const langOf = (i: Interaction): Lang => (i.locale?.toLowerCase().startsWith('ar') ? 'ar' : services.settings.defaultLang);

  /** An ephemeral apology, however far the interaction got. */
  const apologize = async (i: Interaction, state: { acked: 'no' | 'reply' | 'update' | 'done' }, lang: Lang) => {
    if (i.isAutocomplete()) {
      if (!i.responded) await i.respond([]);
      return;
    }
    if (!i.isRepliable()) return;
    const apology = { ...replyOptions(plainMessage(strings[lang].error)), flags: MessageFlags.Ephemeral as const };
    if (state.acked === 'no' && !i.replied && !i.deferred) {
      await i.reply(apology);
      return;
    }
    await i.followUp(apology);
    // A deferred reply would otherwise show "thinking…" for 15 minutes.
    if (state.acked === 'reply') await i.deleteReply().catch(() => undefined);
  };

  /**
   * Answers an interaction with a post that may take a while: deferred when not ready within
   * `deferAfterMs`, then the first message as the reply (or update), the rest as follow-ups.
   */
  const answer = async (i: ChatInputCommandInteraction | ButtonInteraction, work: Promise<Post | null>, mode: 'reply' | 'update', state: { acked: 'no' | 'reply' | 'update' | 'done' }) => {
    work.catch(() => undefined); // awaited below; never unhandled while we defer
    let post = await within(work, deferAfterMs);
    if (post === TIMEOUT) {
      if (mode === 'reply') await (i as ChatInputCommandInteraction).deferReply();
      else await (i as ButtonInteraction).deferUpdate();
      state.acked = mode;
      post = await work;
    }
    if (!post) {
      if (state.acked === 'no' && mode === 'update') await (i as ButtonInteraction).deferUpdate();
      state.acked = 'done';
      return;
    }
    const [first, ...rest] = renderPost(post, { actions });
    if (!first) return;
    if (state.acked !== 'no') await i.editReply(editOptions(first));
    else if (mode === 'reply') await i.reply(replyOptions(first));
    else await (i as ButtonInteraction).update(editOptions(first));
    state.acked = 'done';
    for (const m of rest) await i.followUp(replyOptions(m));
  };

  const onCommand = async (i: ChatInputCommandInteraction, state: { acked: 'no' | 'reply' | 'update' | 'done' }) => {
    const spec = router.commands().find((c) => c.name === i.commandName);
    const args = cleanText(argsFromOptions(spec, (name) => i.options.get(name)?.value)).slice(0, MAX_INPUT_CHARS).trim();
    const message = incomingFrom(i, `/${i.commandName}${args ? ` ${args}` : ''}`);
    log.debug({ command: i.commandName, channelId: i.channelId }, 'discord slash command');
    await answer(i, router.run(i.commandName, args, message), 'reply', state);
  };

  const onAutocomplete = async (i: AutocompleteInteraction) => {
    const focused = i.options.getFocused(true);
    const spec = router.commands().find((c) => c.name === i.commandName)?.options.find((o) => o.name === focused.name);
    const value = String(focused.value ?? '');
    let choices: Choice[] = [];
    if (spec?.autocomplete === 'documents') choices = documentChoices(services, value);
    else if (spec?.autocomplete === 'speakers') choices = speakerChoices(services, value);
    else if (spec?.autocomplete === 'titles') choices = titleChoices(services, value);
    await i.respond(choices.slice(0, MAX_CHOICES));
  };

  const onButton = async (i: ButtonInteraction, state: { acked: 'no' | 'reply' | 'update' | 'done' }) => {
    // The language of the message being paged is the language of its button labels.
    const label = 'label' in i.component && typeof i.component.label === 'string' ? i.component.label : '';
    const locale = ARABIC.test(label) ? 'ar' : LATIN.test(label) ? 'en' : i.locale;
    const action = actions.actionFor(i.customId);
    if (action === undefined) {
      await i.reply({ ...replyOptions(plainMessage(EXPIRED[locale === 'ar' ? 'ar' : 'en'])), flags: MessageFlags.Ephemeral });
      state.acked = 'done';
      return;
    }
    await answer(i, router.handle(incomingFrom(i, action, locale)), 'update', state);
  };

  const onInteraction = async (i: Interaction) => {
    const state: { acked: 'no' | 'reply' | 'update' | 'done' } = { acked: 'no' };
    try {
      if (i.isChatInputCommand()) await onCommand(i, state);
      else if (i.isAutocomplete()) await onAutocomplete(i);
      else if (i.isButton()) await onButton(i, state);
    } catch (error) {
      log.error({ err: errorInfo(error), interaction: i.isCommand() || i.isAutocomplete() ? i.commandName : i.type }, 'discord interaction failed');
      await apologize(i, state, langOf(i)).catch((e: unknown) => log.warn({ err: errorInfo(e) }, 'discord: could not send the apology'));
    }
  };

  const onMessage = async (m: Message) => {
    const me = client.user;
    if (!me || m.system || m.author.bot || m.author.id === me.id || !m.mentions.users.has(me.id)) return;
    const text = m.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ').replace(/\s+/g, (s) => (s.includes('\n') ? '\n' : ' ')).trim();
    const incoming: IncomingMessage = {
      platform: 'discord',
      ...where(m.channel, m.channelId),
      userId: m.author.id,
      text,
      chatType: m.inGuild() ? 'group' : 'private',
      addressed: true,
    };
    const post = await router.handle(incoming);
    if (!post) return;
    try {
      await postToChannel(m.channelId, renderPost(post, { actions }), (i) => (i === 0 ? { message_reference: { message_id: m.id, fail_if_not_exists: false } } : {}));
    } catch (error) {
      if (!recordDenied(m.channelId, error)) throw error;
    }
  };

  const known = (name: string) => router.commands().some((c) => c.name === name);
  const observed = (i: Interaction): Observed => ({
    platform: 'discord',
    id: i.id,
    ...(i.isChatInputCommand() ? { kind: 'command', command: known(i.commandName) ? i.commandName : 'unknown' }
      : i.isAutocomplete() ? { kind: 'autocomplete', command: 'autocomplete' }
        : i.isButton() ? { kind: 'button', command: commandLabel(actions.actionFor(i.customId) ?? '', known) }
          : { kind: 'interaction', command: 'unknown' }),
  });
  client.on(Events.InteractionCreate, (i) => track(observed(i), () => onInteraction(i)));
  client.on(Events.MessageCreate, (m) => {
    // Only mentions of the bot are handled (and counted); the rest of a channel's talk is not ours.
    if (!client.user || m.author.bot || !m.mentions.users.has(client.user.id)) return;
    track({ platform: 'discord', kind: 'mention', id: m.id, command: commandLabel(m.content.replace(/<@!?\d+>/g, '').trim(), known) }, () => onMessage(m));
  });
  client.on(Events.Error, (error) => log.error({ err: errorInfo(error) }, 'discord client error'));
  client.on(Events.ShardError, (error, shardId) => log.warn({ err: errorInfo(error), shardId }, 'discord gateway error (discord.js reconnects)'));
  client.on(Events.Warn, (message) => log.warn({ message: scrub(message) }, 'discord warning'));
  client.on(Events.ShardDisconnect, (event: CloseEvent) => {
    if (event.code === AUTHENTICATION_FAILED) tokenState.refuse(`gateway closed ${AUTHENTICATION_FAILED} Authentication failed`);
  });
  client.rest.on(RESTEvents.RateLimited, (info: RateLimitData) => {
    deps.observer?.rateLimited?.('discord', info.retryAfter);
    log.warn({ route: info.route, method: info.method, retryAfterMs: info.retryAfter, timeToResetMs: info.timeToReset, global: info.global, scope: info.scope }, 'discord rate limited: discord.js waits and retries');
  });

  const registerCommands = async () => {
    const appId = client.application?.id ?? client.user?.id;
    if (!appId) throw new Error('Discord: no application id after READY');
    const body = discordCommands(router.commands());
    const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
    try {
      await client.rest.put(route, { body });
      log.info({ commands: body.map((c) => c.name), scope: guildId ? 'guild' : 'global' }, 'discord slash commands registered');
    } catch (error) {
      log.error({ err: errorInfo(error), scope: guildId ? 'guild' : 'global' }, 'discord: registering slash commands failed');
    }
  };

  const start = async () => {
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    try {
      await client.login(token);
    } catch (error) {
      const message = scrub(error instanceof Error ? error.message : String(error));
      if ((error as { code?: string }).code === 'TokenInvalid' || classify(error).kind === 'unauthorized') tokenState.refuse(message);
      throw new Error(`Discord login failed: ${message}; check DISCORD_BOT_TOKEN${apiUrl ? ' and DISCORD_API_URL' : ''}`);
    }
    await ready;
    log.info({ user: client.user?.username, guilds: client.guilds.cache.size }, 'discord ready');
    await registerCommands();
  };

  /** True when every shard is connected: a destroy() then cannot land in discord.js's reconnect back-off. */
  const gatewaySettled = () => client.ws.shards.every((s) => s.status === Status.Ready || s.status === Status.Disconnected);

  /** New events are ignored from now on; replies in progress finish (bounded). REST sends keep working. */
  const stopReceiving = () => {
    receiving ??= (async () => {
      const deadline = Date.now() + stopTimeoutMs;
      if (starting) await within(starting.catch(() => undefined), Math.max(1, deadline - Date.now()));
      if (inflight.size) await within(Promise.allSettled([...inflight]), Math.max(1, deadline - Date.now()));
    })();
    return receiving;
  };

  const stop = async () => {
    const deadline = Date.now() + stopTimeoutMs;
    await stopReceiving();
    // The teardown trap: a destroy() during the 500 ms reconnect back-off is ignored and the shard
    // then reconnects forever. Wait until the gateway is connected, then destroy.
    while (!gatewaySettled() && Date.now() < deadline) await sleep(25);
    if (!gatewaySettled()) log.warn({}, 'discord: gateway not settled at stop; destroying anyway');
    const destroyed = await within(client.destroy().then(() => true), 3000);
    if (destroyed === TIMEOUT) log.warn({}, 'discord: client.destroy() did not finish in 3 s');
    log.info({}, 'discord adapter stopped');
  };

  return {
    platform: 'discord',
    client,
    deniedChannels,
    start() {
      if (stopping) return Promise.reject(new Error('Discord adapter already stopped'));
      starting ??= start();
      return starting;
    },
    stop() {
      stopping ??= stop();
      return stopping;
    },
    stopReceiving,
    async send(target: ChatTarget, post: Post, sendOptions: SendOptions = {}) {
      const channelId = target.threadId ?? target.chatId;
      const { idempotencyKey: key, triedAt, crosspost } = sendOptions;
      try {
        const ids = await postMessages({ rest: client.rest, log, botId: () => client.user?.id, channelId, messages: renderPost(post, { actions }), key, triedAt, crosspost });
        deniedChannels.delete(channelId);
        return ids;
      } catch (error) {
        recordDenied(channelId, error);
        const failure = toSendError(error, scrub);
        if (failure.kind === 'unauthorized') tokenState.refuse(failure.message);
        throw failure;
      }
    },
    health(): AdapterHealth {
      if (tokenState.refused) return { ok: false, detail: tokenState.refused };
      if (client.ws.status !== Status.Ready) return { ok: false, detail: `gateway not ready (${Status[client.ws.status] ?? client.ws.status})` };
      return { ok: true, detail: `${client.user?.username ?? '?'} in ${client.guilds.cache.size} server(s)` };
    },
    async isAdmin(channelId: string, userId: string) {
      try {
        const channel = await client.channels.fetch(channelId);
        if (!channel) return false;
        if (channel.isDMBased()) return true;
        const member = await channel.guild.members.fetch(userId);
        return channel.permissionsFor(member).has(PermissionFlagsBits.ManageChannels);
      } catch (error) {
        recordDenied(channelId, error);
        log.warn({ err: errorInfo(error), channelId }, 'discord: permission check failed');
        return false;
      }
    },
    async idle() {
      while (inflight.size) await Promise.allSettled([...inflight]);
    },
  };
}
