// The one command table as Discord slash commands. Discord's locale list has no Arabic, so the
// descriptions are the English ones and no localizations are sent.
import { ApplicationCommandOptionType, ApplicationCommandType, type APIApplicationCommandBasicOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CommandSpec, OptionSpec } from '../../bot/commands.ts';

/** Discord's rule for chat-input command and option names (lower case where the script has case). */
export const COMMAND_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const DESCRIPTION_MAX = 100;

export function isValidCommandName(name: string): boolean {
  return COMMAND_NAME.test(name) && name === name.toLowerCase();
}

function description(text: string): string {
  const t = text.trim() || '-';
  return t.length <= DESCRIPTION_MAX ? t : `${t.slice(0, DESCRIPTION_MAX - 1)}…`;
}

function option(spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = {
    name: spec.name,
    description: description(spec.description.en),
    required: spec.required ?? false,
    ...(spec.autocomplete ? { autocomplete: true } : {}),
  };
  return spec.type === 'integer'
    ? { ...base, type: ApplicationCommandOptionType.Integer }
    : { ...base, type: ApplicationCommandOptionType.String };
}

/** Slash commands for the table: hidden commands left out; required options first, as Discord demands. */
export function discordCommands(specs: readonly CommandSpec[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return specs
    .filter((c) => !c.hidden)
    .map((c) => {
      const options = [...c.options.filter((o) => o.required), ...c.options.filter((o) => !o.required)].map(option);
      return {
        type: ApplicationCommandType.ChatInput,
        name: c.name,
        description: description(c.description.en),
        ...(options.length ? { options } : {}),
        // Operators' commands: shown to server administrators only (they can grant them to others);
        // the router still refuses anyone not in config admins.
        ...(c.admin ? { default_member_permissions: '0' } : {}),
      };
    });
}

/** The router's args from option values: in the table's declared order, missing ones skipped. */
export function argsFromOptions(spec: CommandSpec | undefined, get: (name: string) => string | number | boolean | undefined): string {
  if (!spec) return '';
  return spec.options
    .map((o) => get(o.name))
    .filter((v): v is string | number | boolean => v !== undefined && v !== null && String(v).trim() !== '')
    .map((v) => String(v).trim())
    .join(' ');
}
