import type { Lang } from '../news/language.ts';
import type { Library } from '../news/library.ts';
import type { SpeakerRegistry } from '../news/quotes/index.ts';
import type { SourceStatus } from '../news/store.ts';
import type { SearchIndex } from '../news/search/index.ts';
import type { StoryIndex } from '../news/stories/index.ts';
import type { Post } from './post.ts';

/** One incoming chat message, the same shape from every platform. */
export interface IncomingMessage {
  platform: string;
  chatId: string;
  userId?: string;
  text: string;
  /** The user's client language (Telegram language_code, Discord locale), a hint for replies. */
  locale?: string;
  chatType?: 'private' | 'group' | 'channel';
  /** True when the message is meant for the bot: a private chat, a mention, or a reply to the bot. */
  addressed?: boolean;
  /** Forum topic or thread the message came from. */
  threadId?: string;
}

export interface Settings {
  summarySentences: number;
  pageSize: number;
  timeZone: string;
  defaultLang: Lang;
  /** Bot username, so "/cmd@otherbot" in a group is left to the other bot. */
  botUsername?: string;
}

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

/** What handlers may use; each is a getter so a content reload swaps it underneath. */
export interface BotServices {
  library(): Library;
  /** Who said what across the library; built on first use after each load. */
  speakers(): SpeakerRegistry;
  settings: Settings;
  log: Logger;
  /** The full-text index, kept up to date as documents arrive; without it one is built per library. */
  search?(): SearchIndex;
  /** One story across sources; without it every document is a story of its own. */
  stories?(): StoryIndex;
  /** Present when briefings (subscriptions, digests) are wired in. */
  briefings?: BriefingCommands;
  /** What adapters report about chats themselves (rights, new ids); present with briefings. */
  chats?: ChatEvents;
  /** The content folder and the feeds, for /sources. */
  sources?(): SourceStatus[];
  /** The operators' commands (/stats, /reload, /broadcast, /pause, /resume), when wired in. */
  admin?: AdminOps;
}

/** Platform events about a chat, reported by the adapters. */
export interface ChatEvents {
  /** The bot may (again) post in the chat, or may not (removed, no right to post): its briefings resume or pause. */
  chatAccess(platform: string, chatId: string, access: { canPost: boolean; reason: string }): Promise<void>;
  /** The chat has a new id from now on (a Telegram group upgraded to a supergroup). */
  chatMoved(platform: string, from: string, to: string): Promise<void>;
}

export interface AdminStats {
  documents: number;
  /** Content files skipped at the last load. */
  skipped: number;
  sources: { name: string; state: string; detail?: string }[];
  subscriptions: { active: number; inactive: number };
  /** Outbox rows per status. */
  outbox: Record<string, number>;
  sendingPaused: boolean;
  /** The latest errors, newest first, one line each. */
  errors: string[];
}

/** What the operators' commands do, implemented by the wiring (src/ops/admin.ts). */
export interface AdminOps {
  /** Whether this user is one of the bot's operators (config `admins`). */
  isOperator(platform: string, userId: string | undefined): boolean;
  stats(): Promise<AdminStats>;
  /** Reloads the content; resolves with the new counts. */
  reload(): Promise<{ documents: number; skipped: number }>;
  /** How many chats a broadcast reaches (active subscriptions). */
  audience(): Promise<number>;
  /** Queues the post to every subscribed chat through the outbox; resolves with the number of chats. */
  broadcast(post: Post): Promise<number>;
  /** Pauses (or resumes) every send; kept in the database, so a restart keeps it. */
  pauseSending(): Promise<void>;
  resumeSending(): Promise<void>;
}

export interface BriefingCommands {
  subscribe(msg: IncomingMessage, args: string, lang: Lang): Promise<Post>;
  unsubscribe(msg: IncomingMessage, args: string, lang: Lang): Promise<Post>;
  list(msg: IncomingMessage, lang: Lang): Promise<Post>;
  digestNow(msg: IncomingMessage, args: string, lang: Lang): Promise<Post>;
  /** Instant alerts: `/alert [topics]`, `/alert off`. */
  alert(msg: IncomingMessage, args: string, lang: Lang): Promise<Post>;
}

export interface CommandRequest {
  /** Everything after the command name, as typed (Discord: option values in declared order). */
  args: string;
  lang: Lang;
  message: IncomingMessage;
  services: BotServices;
}
