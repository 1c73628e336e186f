import type { Lang } from '../news/language.ts';
import { stripControls } from '../news/normalize.ts';
import { availableCommands, type CommandSpec } from './commands.ts';
import { clip, resolveDocument, summaryPost } from './handlers/news.ts';
import { plainQuestion } from './handlers/quotes.ts';
import { searchPost } from './handlers/search.ts';
import { parseSearchQuestion } from '../news/search/query.ts';
import { strings } from './i18n.ts';
import { paragraph, type Post } from './post.ts';
import type { BotServices, IncomingMessage } from './types.ts';

/** Longer input is cut: no command or question needs more, and a 100 kB message must not cost more. */
export const MAX_INPUT_CHARS = 2000;

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/;
const ARABIC = /[\u0600-\u06FF]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

/** Replies follow the user's language: what they wrote first, their client's locale second. */
export function pickLanguage(text: string, locale: string | undefined, fallback: Lang): Lang {
  if (ARABIC.test(text)) return 'ar';
  if (LATIN_WORD.test(text)) return 'en';
  if (locale?.toLowerCase().startsWith('ar')) return 'ar';
  if (locale?.toLowerCase().startsWith('en')) return 'en';
  return fallback;
}

export interface ParsedCommand {
  name: string;
  args: string;
  /** The @username the command was addressed to, if any. */
  target?: string;
}

export function parseCommand(text: string): ParsedCommand | undefined {
  const m = COMMAND.exec(text.trim());
  if (!m?.[1]) return undefined;
  return { name: m[1].toLowerCase(), args: (m[3] ?? '').trim(), ...(m[2] ? { target: m[2] } : {}) };
}

export interface Router {
  commands(): CommandSpec[];
  /** The reply to a message, or null when the bot should stay silent (a group chat not addressed to it). */
  handle(message: IncomingMessage): Promise<Post | null>;
  /** Runs a named command with given args (Discord slash commands, buttons). */
  run(name: string, args: string, message: IncomingMessage): Promise<Post>;
}

export function createRouter(services: BotServices): Router {
  const fallback = services.settings.defaultLang;

  async function run(name: string, args: string, message: IncomingMessage): Promise<Post> {
    const spec = availableCommands(services).find((c) => c.name === name);
    // Hidden commands come from buttons and carry keys, not words: their args say nothing of the user's language.
    const lang = pickLanguage(spec?.hidden ? '' : args, message.locale, fallback);
    if (!spec) return { lang, blocks: [paragraph(strings[lang].unknownCommand(clip(name, 32)))] };
    if (spec.admin && !services.admin?.isOperator(message.platform, message.userId)) {
      services.log.warn({ command: name, platform: message.platform, userId: message.userId }, 'operator command refused: the user is not in config admins');
      return { lang, blocks: [paragraph(strings[lang].adminOnly)] };
    }
    try {
      return await spec.run({ args, lang, message, services });
    } catch (error) {
      services.log.error({ err: error, command: name }, 'command failed');
      return { lang, blocks: [paragraph(strings[lang].error)] };
    }
  }

  async function plainText(text: string, message: IncomingMessage): Promise<Post> {
    const lang = pickLanguage(text, message.locale, fallback);
    const t = strings[lang];
    const answer = plainQuestion(services, text, lang);
    if (answer) return answer;
    if (services.library().briefs.length === 0) return { lang, blocks: [paragraph(t.noDocuments)] };
    const searchWords = parseSearchQuestion(text);
    if (searchWords) return searchPost(services, searchWords, lang);
    const brief = resolveDocument(services, text);
    if (brief) return summaryPost(services, brief, lang);
    return { lang, blocks: [paragraph(t.didNotUnderstand)] };
  }

  return {
    commands: () => availableCommands(services),
    run,
    async handle(message) {
      const text = stripControls(message.text).slice(0, MAX_INPUT_CHARS).trim();
      const direct = message.addressed ?? message.chatType !== 'group';
      const command = parseCommand(text);
      if (command) {
        const mine = !command.target || !services.settings.botUsername || command.target.toLowerCase() === services.settings.botUsername.toLowerCase();
        if (!mine) return null;
        // In a group, an unknown bare command is probably meant for another bot.
        if (!direct && !command.target && !availableCommands(services).some((c) => c.name === command.name)) return null;
        return run(command.name, command.args, message);
      }
      if (!direct) return null;
      const body = services.settings.botUsername ? text.replace(new RegExp(`@${services.settings.botUsername}\\b`, 'gi'), '').trim() : text;
      if (!body) return run('help', '', message);
      try {
        return await plainText(body, message);
      } catch (error) {
        services.log.error({ err: error }, 'plain message failed');
        const lang = pickLanguage(body, message.locale, fallback);
        return { lang, blocks: [paragraph(strings[lang].error)] };
      }
    },
  };
}
