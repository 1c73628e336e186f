import type http from 'node:http';
import type { Router } from '../bot/router.ts';
import type { BotServices, Logger } from '../bot/types.ts';
import type { Config } from '../config.ts';
import type { UpdateObserver } from './observe.ts';
import type { HandleOnce } from './once.ts';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

/** The bot's one HTTP server (health, metrics), when it runs: the Telegram webhook mounts on it. */
export interface HttpMount {
  /** Serves `path` with the handler until the returned function is called. */
  mount(path: string, handler: RequestHandler): () => void;
}

/** What every platform adapter is created with. */
export interface AdapterDeps {
  router: Router;
  services: BotServices;
  config: Config;
  log: Logger;
  /** Counts and times handled updates (metrics); absent in tests that do not look. */
  observer?: UpdateObserver;
  http?: HttpMount;
  /**
   * Several processes behind a load balancer: a Telegram update_id re-sent to another process is
   * handled once, and again only when its handling failed (Redis); one process's memory without it.
   */
  once?: HandleOnce;
}
