import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { renderPlain } from '../../bot/render-plain.ts';
import type { Router } from '../../bot/router.ts';
import type { Post } from '../../bot/post.ts';
import type { Logger } from '../../bot/types.ts';
import type { ChatAdapter, ChatTarget } from '../chat-adapter.ts';
import { commandLabel, observeUpdate, type UpdateObserver } from '../observe.ts';

export interface ConsoleAdapterOptions {
  router: Router;
  input?: Readable;
  output?: Writable;
  /** Called once the input ends (Ctrl-D, or the end of a piped script). */
  onEnd?: () => void;
  locale?: string;
  /** Each line handled is logged (debug) and counted, as on the other platforms. */
  log?: Logger;
  observer?: UpdateObserver;
}

/** Buttons cannot be pressed in a terminal, so each one shows the command it stands for. */
export function renderConsole(post: Post): string {
  const buttons = post.buttons?.flat() ?? [];
  const text = renderPlain({ ...post, buttons: [] });
  if (!buttons.length) return text;
  return `${text}\n\n${buttons.map((b) => `[${b.label}: ${b.action}]`).join('  ')}`;
}

/** The embedded default platform: one line in, one rendered reply out. */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ChatAdapter {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  let rl: readline.Interface | undefined;
  let queue = Promise.resolve();
  let lineNumber = 0;
  let started = false;
  const known = (name: string) => options.router.commands().some((c) => c.name === name);
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);

  const write = (text: string) => output.write(`${text}\n\n`);

  return {
    platform: 'console',
    async start() {
      started = true;
      rl = readline.createInterface({ input, terminal: false, crlfDelay: Infinity });
      if (interactive) output.write('newsbot console. Type /help, a question, or Ctrl-D to quit.\n> ');
      rl.on('line', (line) => {
        // Replies are printed in input order, even when one takes longer than the next.
        const id = ++lineNumber;
        queue = queue.then(async () => {
          if (!line.trim()) return;
          const handle = () => options.router.handle({ platform: 'console', chatId: 'console', userId: 'console', text: line, chatType: 'private', addressed: true, ...(options.locale ? { locale: options.locale } : {}) });
          const post = options.log ? await observeUpdate(options.log, options.observer, { platform: 'console', kind: 'line', id, command: commandLabel(line, known) }, handle) : await handle();
          if (post) write(renderConsole(post));
          if (interactive) output.write('> ');
        });
      });
      rl.on('close', () => {
        void queue.then(() => options.onEnd?.());
      });
    },
    async stop() {
      rl?.close();
      await queue;
    },
    // The console answers as soon as it runs; its input may end (a service has none) without harm.
    health: () => (started ? { ok: true, detail: 'answering' } : { ok: false, detail: 'not started' }),
    async send(target: ChatTarget, post: Post) {
      write(`── to ${target.chatId} ──\n${renderConsole(post)}`);
      return [];
    },
  };
}
