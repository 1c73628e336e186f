/** HTTP GET for feeds and article pages: timeout, body cap, redirect cap, per-host and global limits. */

export interface FetchLimits {
  /** The whole request, headers and body, in ms. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Sent as Accept. */
  accept?: string;
}

export interface FetchResponse {
  status: number;
  /** The address after redirects. */
  url: string;
  contentType: string;
  etag?: string;
  lastModified?: string;
  body: Uint8Array;
}

export type FetchErrorKind = 'timeout' | 'too-large' | 'redirects' | 'network' | 'http';

/** A failed fetch, with a message fit for a log line and /sources (never the query string's secrets). */
export class FetchError extends Error {
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export const USER_AGENT = 'newsbot/0.1 (+https://github.com/newsbot; feed reader)';

/** Counts requests in flight, in all and per host; callers queue for a slot. */
export class HostLimiter {
  private total = 0;
  private readonly perHost = new Map<string, number>();
  private readonly waiting: { host: string; go: () => void }[] = [];

  constructor(
    private readonly maxTotal: number,
    private readonly maxPerHost: number,
  ) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await this.acquire(host);
    try {
      return await task();
    } finally {
      this.release(host);
    }
  }

  private free(host: string): boolean {
    return this.total < this.maxTotal && (this.perHost.get(host) ?? 0) < this.maxPerHost;
  }

  private acquire(host: string): Promise<void> {
    if (this.free(host)) {
      this.take(host);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ host, go: resolve }));
  }

  private take(host: string): void {
    this.total++;
    this.perHost.set(host, (this.perHost.get(host) ?? 0) + 1);
  }

  private release(host: string): void {
    this.total--;
    const n = (this.perHost.get(host) ?? 1) - 1;
    if (n > 0) this.perHost.set(host, n);
    else this.perHost.delete(host);
    const next = this.waiting.findIndex((w) => this.free(w.host));
    if (next >= 0) {
      const [w] = this.waiting.splice(next, 1);
      if (w) {
        this.take(w.host);
        w.go();
      }
    }
  }
}

/** The address as it may be shown: no credentials, no query string (tokens hide there). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '(bad URL)';
  }
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError('too-large', `${safeUrl(url)}: the response is ${declared} bytes, over the ${maxBytes}-byte limit`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError('too-large', `${safeUrl(url)}: the response is over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function headersFor(request: FetchRequest, url: string): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: request.accept ?? '*/*' };
  // Validators belong to the address they came from, not to a redirect target.
  if (url === request.url && request.etag) headers['if-none-match'] = request.etag;
  if (url === request.url && request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

async function follow(request: FetchRequest, limits: FetchLimits, signal: AbortSignal): Promise<{ response: Response; url: string }> {
  let url = request.url;
  const visited = new Set<string>();
  for (let hop = 0; ; hop++) {
    const response = await fetch(url, { headers: headersFor(request, url), redirect: 'manual', signal });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) return { response, url };
    await response.body?.cancel().catch(() => undefined);
    visited.add(url);
    url = new URL(location, url).href;
    if (hop + 1 > limits.maxRedirects || visited.has(url)) {
      throw new FetchError('redirects', `${safeUrl(request.url)}: too many redirects (a loop, or more than ${limits.maxRedirects})`);
    }
  }
}

/** One GET. Throws FetchError for timeouts, caps, redirect loops and network errors; returns any HTTP status. */
export async function httpGet(request: FetchRequest, limits: FetchLimits, stop?: AbortSignal): Promise<FetchResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const signal = stop ? AbortSignal.any([controller.signal, stop]) : controller.signal;
  try {
    const { response, url } = await follow(request, limits, signal);
    const body = response.status === 304 ? new Uint8Array() : await readCapped(response, limits.maxBytes, request.url);
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    return {
      status: response.status,
      url,
      contentType: response.headers.get('content-type') ?? '',
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
      body,
    };
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (stop?.aborted) throw new FetchError('network', `${safeUrl(request.url)}: stopped`);
    if (controller.signal.aborted) throw new FetchError('timeout', `${safeUrl(request.url)}: no complete answer within ${Math.round(limits.timeoutMs / 1000)} s`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new FetchError('network', `${safeUrl(request.url)}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
