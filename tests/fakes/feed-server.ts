import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** How the fake answers one path. Mutable: a test changes `body` to publish a new item. */
export interface Route {
  status?: number;
  body?: string | Uint8Array;
  contentType?: string;
  /** Sent as ETag; a request with a matching If-None-Match gets 304. */
  etag?: string;
  /** Sent as Last-Modified; a matching If-Modified-Since gets 304. */
  lastModified?: string;
  /** Answer after this many ms. */
  delayMs?: number;
  /** Send the headers, then never finish the body. */
  hang?: boolean;
  /** Location header (with a 3xx status). */
  location?: string;
  /** Keep sending this many bytes (an enormous body), ignoring `body`. */
  streamBytes?: number;
  gzip?: boolean;
}

export interface RequestLog {
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  userAgent?: string;
}

export interface FeedServer {
  url: string;
  routes: Map<string, Route>;
  requests: RequestLog[];
  /** Requests seen for a path. */
  count(path: string): number;
  close(): Promise<void>;
}

function answer(route: Route, req: http.IncomingMessage, res: http.ServerResponse): void {
  const headers: Record<string, string> = { 'content-type': route.contentType ?? 'application/rss+xml; charset=utf-8' };
  if (route.etag) headers.etag = route.etag;
  if (route.lastModified) headers['last-modified'] = route.lastModified;
  if (route.location) headers.location = route.location;
  const notModified = (route.etag && req.headers['if-none-match'] === route.etag) || (route.lastModified && req.headers['if-modified-since'] === route.lastModified);
  if (notModified) {
    res.writeHead(304, headers).end();
    return;
  }
  if (route.hang) {
    res.writeHead(200, headers);
    res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
    return;
  }
  if (route.streamBytes) {
    res.writeHead(200, headers);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < (route.streamBytes ?? 0)) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = Infinity));
    pump();
    return;
  }
  let body = typeof route.body === 'string' ? Buffer.from(route.body, 'utf8') : Buffer.from(route.body ?? '');
  if (route.gzip) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  res.writeHead(route.status ?? 200, headers).end(body);
}

/** A feed and web server on 127.0.0.1 (port 0) whose answers the test sets per path. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: RequestLog[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({
      path,
      ...(req.headers['if-none-match'] ? { ifNoneMatch: String(req.headers['if-none-match']) } : {}),
      ...(req.headers['if-modified-since'] ? { ifModifiedSince: String(req.headers['if-modified-since']) } : {}),
      ...(req.headers['user-agent'] ? { userAgent: String(req.headers['user-agent']) } : {}),
    });
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.delayMs) setTimeout(() => answer(route, req, res), route.delayMs);
    else answer(route, req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    requests,
    count: (path) => requests.filter((r) => r.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
