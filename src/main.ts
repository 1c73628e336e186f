import dotenv from 'dotenv';
import { startApp } from './app.ts';
import { ConfigError, loadConfig, secretValues } from './config.ts';
import { createLogger } from './logger.ts';
import { isMain } from './is-main.ts';

/** `npm start`: the platforms whose tokens are set, else the console bot. `--console` adds the console. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  dotenv.config({ quiet: true });
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.log.level, secretValues(config.secrets));
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection (kept running)'));

  let exiting = false;
  const exit = async (code: number) => {
    if (exiting) return;
    exiting = true;
    await app.stop();
    log.flush?.();
    process.exit(code);
  };
  const app = await startApp(config, log, { console: argv.includes('--console'), watch: true, onConsoleEnd: () => void exit(0) }).catch((error: unknown) => {
    log.fatal({ err: error }, 'start-up failed');
    // The reason in plain words too, whatever the log format: a bad names file, a locked database...
    process.stderr.write(`newsbot: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
  process.once('SIGINT', () => void exit(0));
  process.once('SIGTERM', () => void exit(0));
}

if (isMain(import.meta.url)) await main();
