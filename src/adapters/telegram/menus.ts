// The command menus from the one command table: per language for everyone, and, in each operator's
// private chat (config admins.telegram), the operators' commands too.
import type { Telegraf } from 'telegraf';
import type { CommandSpec } from '../../bot/commands.ts';
import type { Logger } from '../../bot/types.ts';
import type { Lang } from '../../news/language.ts';
import { describeError, type ApiCaller } from './errors.ts';

export interface MenuOptions {
  tg: Telegraf['telegram'];
  api: ApiCaller;
  commands: CommandSpec[];
  defaultLang: Lang;
  operators: readonly string[];
  log: Logger;
  scrub: (text: string) => string;
}

type Scope = { type: 'chat'; chat_id: number };

export async function registerMenus(options: MenuOptions): Promise<void> {
  const { tg, api, log, scrub } = options;
  const visible = options.commands.filter((c) => !c.hidden && /^[a-z0-9_]{1,32}$/.test(c.name));
  const list = (lang: Lang, admin: boolean) =>
    visible.filter((c) => admin || !c.admin).map((c) => ({ command: c.name, description: (c.description[lang] || c.name).slice(0, 256) }));
  const call = (lang: Lang, code?: string, scope?: Scope) =>
    api.callWithRetry({ method: 'setMyCommands' }, () => tg.setMyCommands(list(lang, scope !== undefined), { ...(code ? { language_code: code } : {}), ...(scope ? { scope } : {}) }));
  await call(options.defaultLang);
  await call('ar', 'ar');
  await call('en', 'en');
  if (!visible.some((c) => c.admin)) return;
  for (const id of options.operators) {
    const scope: Scope = { type: 'chat', chat_id: Number(id) };
    // An operator who never opened a chat with the bot has no chat yet: their menu waits for the next start.
    await call(options.defaultLang, undefined, scope)
      .then(() => call('ar', 'ar', scope))
      .then(() => call('en', 'en', scope))
      .catch((error: unknown) => log.warn({ err: describeError(error, scrub), admin: id }, 'telegram: could not set an operator’s menu'));
  }
}
