import dotenv from 'dotenv';
import { startApp } from './app.ts';
import { ConfigError, loadConfig, secretValues } from './config.ts';
import { createLogger } from './logger.ts';
import { isMain } from './is-main.ts';
import { roleFrom, RoleError, type Role } from './roles.ts';

/** A stop that takes longer than this is cut short (systemd and Docker kill after 10 s by default). */
const STOP_DEADLINE_MS = 9_000;

/** `npm start [-- --role all|web|worker|scheduler]`: the platforms whose tokens are set, else the console bot. `--console` adds the console. */
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
  let role: Role;
  try {
    role = roleFrom(argv);
  } catch (error) {
    if (error instanceof RoleError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.log.level, secretValues(config.secrets));
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection (kept running)'));

  let exiting = false;
  const exit = async (code: number, why: string) => {
    if (exiting) return;
    exiting = true;
    log.info({ reason: why }, 'stopping: no more updates; replies and sends in flight finish');
    const started = performance.now();
    const deadline = setTimeout(() => {
      log.error({ ms: STOP_DEADLINE_MS }, 'stopping took too long: exiting now (messages left `sending` are retried at the next start)');
      log.flush?.();
      process.exit(1);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    await app.stop();
    clearTimeout(deadline);
    log.info({ ms: Math.round(performance.now() - started) }, 'stopped');
    log.flush?.();
    process.exit(code);
  };
  // A service has no console input: the end of stdin only stops the bot when the console is all it is.
  const serving = config.httpPort !== undefined || Boolean(config.secrets.telegram || config.secrets.discord);
  const app = await startApp(config, log, {
    console: argv.includes('--console'),
    watch: true,
    role,
    onConsoleEnd: () => (serving ? log.info({}, 'console input ended; still serving') : void exit(0, 'console input ended')),
  }).catch((error: unknown) => {
    log.fatal({ err: error }, 'start-up failed');
    // The reason in plain words too, whatever the log format: a bad names file, a locked database...
    process.stderr.write(`newsbot: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (exiting) {
      // The second signal: the operator does not want to wait.
      log.warn({ signal }, 'second signal: exiting at once');
      log.flush?.();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    void exit(0, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

if (isMain(import.meta.url)) await main();
