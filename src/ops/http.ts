// The bot's one HTTP server: /healthz, /readyz, /metrics, and the Telegram webhook when both are
// on (one port to open, one server to stop). Off unless NEWSBOT_HTTP_PORT is set.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpMount, RequestHandler } from '../adapters/deps.ts';
import type { Logger } from '../bot/types.ts';
import type { Health } from './health.ts';
import type { Metrics } from './metrics.ts';

export interface OpsServerOptions {
  host: string;
  port: number;
  log: Logger;
  health: Health;
  /** Content loaded and the platforms started. */
  ready: () => boolean;
  /** Set while shutting down: /healthz and /readyz then answer 503. */
  stopping: () => boolean;
  metrics?: Metrics;
}

export interface OpsServer extends HttpMount {
  listen(): Promise<{ host: string; port: number }>;
  address(): { host: string; port: number } | undefined;
  /** Stops accepting connections, lets requests in progress finish (bounded), then closes. */
  close(timeoutMs?: number): Promise<void>;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The built-in paths: health, readiness, metrics. */
function routes(options: OpsServerOptions): Record<string, RequestHandler> {
  const { health } = options;
  return {
    '/healthz': async (_req, res) => {
      if (options.stopping()) return json(res, 503, { ok: false, problems: ['shutting down'] });
      const report = await health.report();
      const problems = Object.entries(report.checks).filter(([, c]) => !c.ok).map(([name, c]) => `${name}: ${c.detail}`);
      json(res, report.ok ? 200 : 503, { ok: report.ok, ...(problems.length ? { problems } : {}), checks: report.checks });
    },
    '/readyz': (_req, res) => {
      const ready = options.ready() && !options.stopping();
      json(res, ready ? 200 : 503, { ready, ...(options.stopping() ? { reason: 'shutting down' } : ready ? {} : { reason: 'starting: content or platforms not loaded yet' }) });
    },
    '/metrics': async (_req, res) => {
      if (!options.metrics) return json(res, 404, { error: 'metrics are off' });
      const text = await options.metrics.render();
      res.writeHead(200, { 'content-type': options.metrics.contentType, 'cache-control': 'no-store' });
      res.end(text);
    },
  };
}

export function createOpsServer(options: OpsServerOptions): OpsServer {
  const { log } = options;
  const mounted = new Map<string, RequestHandler>();

  const builtIn = routes(options);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const own = mounted.get(pathname);
    if (own) return own(req, res);
    const route = builtIn[pathname];
    if (!route) return json(res, 404, { error: 'not found', paths: ['/healthz', '/readyz', '/metrics'] });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    return route(req, res);
  };

  const server = http.createServer((req, res) => {
    Promise.resolve(handle(req, res)).catch((error: unknown) => {
      log.error({ err: error, path: req.url }, 'http: request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Health probes and scrapes are short: no connection may hold the shutdown.
  server.keepAliveTimeout = 5_000;

  const address = () => {
    const a = server.listening ? (server.address() as AddressInfo | null) : null;
    return a ? { host: a.address, port: a.port } : undefined;
  };

  return {
    mount(path, handler) {
      mounted.set(path, handler);
      return () => {
        if (mounted.get(path) === handler) mounted.delete(path);
      };
    },
    address,
    async listen() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const a = address() ?? { host: options.host, port: options.port };
      log.info(a, `http: health, readiness and metrics on http://${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`);
      return a;
    },
    async close(timeoutMs = 2_000) {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
      await closed;
      clearTimeout(timer);
    },
  };
}
