import type { Router } from '../bot/router.ts';
import type { BotServices, Logger } from '../bot/types.ts';
import type { Config } from '../config.ts';

/** What every platform adapter is created with. */
export interface AdapterDeps {
  router: Router;
  services: BotServices;
  config: Config;
  log: Logger;
}
