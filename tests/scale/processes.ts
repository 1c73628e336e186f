// Worker processes for the scale tests and the bench: spawn, wait for a line, kill.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../helpers/services.ts';

export interface Worker {
  child: ChildProcess;
  out: string[];
  /** Resolves with the first line that starts with `prefix`. */
  line(prefix: string, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

export function spawnWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests/scale/worker-child.ts')], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      out.push(line);
      for (const w of [...waiters]) if (line.startsWith(w.prefix)) w.resolve(line);
    }
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => void (err = (err + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    out,
    exited,
    line(prefix, timeoutMs = 60_000) {
      const found = out.find((l) => l.startsWith(prefix));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker ${child.pid}: no "${prefix}" line after ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
        waiters.push({ prefix, resolve: (l) => (clearTimeout(timer), resolve(l)) });
        void exited.then((code) => reject(new Error(`worker ${child.pid} exited (${code}) before "${prefix}"; stderr: ${err}`)));
      });
    },
  };
}
