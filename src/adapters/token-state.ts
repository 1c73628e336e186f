// A platform that refuses the bot's token (revoked, mistyped) refuses every chat: one clear error
// naming the variable to fix, the adapter reported unhealthy, and nothing else changed (the outbox
// keeps every message and subscription for the restart with a working token).
import type { Logger } from '../bot/types.ts';

export interface TokenState {
  /** Records the refusal; logs once per adapter. `description` must hold no token. */
  refuse(description: string): void;
  /** Why the token was refused, or undefined while it works. */
  readonly refused: string | undefined;
}

export function createTokenState(log: Logger, platform: 'telegram' | 'discord', variable: string): TokenState {
  let refused: string | undefined;
  return {
    refuse(description) {
      if (refused !== undefined) return;
      refused = `${variable} was refused by ${platform} (${description}): set it to the bot's current token and restart`;
      log.error({ platform, variable }, `${platform}: the bot token was refused (${description}). Set ${variable} to the bot's current token and restart newsbot; until then nothing is sent on ${platform}, and every subscription and waiting message is kept.`);
    },
    get refused() {
      return refused;
    },
  };
}
