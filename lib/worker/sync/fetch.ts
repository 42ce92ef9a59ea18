/**
 * One polite request for a source: conditional (ETag → If-None-Match, Last-Modified → If-Modified-Since),
 * bounded in time (an AbortController covers the headers and the whole body) and in size (the body is read
 * as a stream and reading stops at the cap), without cookies or referrer. Errors say in plain words what
 * went wrong; they become the source's last error.
 */

export type FetchErrorKind = 'http' | 'timeout' | 'too-large' | 'network';

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    /** HTTP status, for kind 'http'. */
    readonly status?: number,
    /** ms the server asked us to wait (Retry-After), when it did. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions extends Validators {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  accept?: string;
}

export type FetchResult =
  { notModified: true } | { notModified: false; body: Uint8Array; contentType: string | null; etag?: string; lastModified?: string };

export const DEFAULT_TIMEOUT_MS = 30_000;
export const FEED_MAX_BYTES = 5 * 1024 * 1024;

function mb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The host of a URL, or the text itself when it is no URL (parsed in a try: URL.canParse is only in Chrome 120 and later). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function httpMessage(status: number, statusText: string): string {
  const code = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 404 || status === 410) return `the server says this address does not exist (${code})`;
  if (status === 401 || status === 403) return `the server refused access (${code})`;
  if (status === 429) return `the server asks us to slow down (${code})`;
  if (status >= 500) return `the server failed to answer (${code})`;
  return `unexpected answer from the server (${code})`;
}

function retryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Read a body up to `max` bytes; cancel the stream and throw past it. */
async function readCapped(res: Response, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new FetchError('too-large', `the answer is too large (${mb(declared)}; the limit is ${mb(max)})`);
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError('too-large', `the answer is too large (over ${mb(max)}); stopped reading`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export async function fetchSource(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = {};
  if (opts.accept) headers.accept = opts.accept;
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    let res: Response;
    try {
      res = await doFetch(url, {
        headers,
        signal: abort.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'follow',
        cache: 'no-store',
      });
    } catch (e) {
      if (abort.signal.aborted) throw new FetchError('timeout', `no answer within ${Math.round(timeoutMs / 1000)} seconds`);
      const host = hostOf(url);
      throw new FetchError(
        'network',
        `could not reach ${host} (${(e as Error).message || 'network error'}; offline, or the site's permission not granted?)`,
      );
    }
    if (res.status === 304) return { notModified: true };
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError('http', httpMessage(res.status, res.statusText), res.status, retryAfter(res.headers.get('retry-after')));
    }
    let body: Uint8Array;
    try {
      body = await readCapped(res, opts.maxBytes ?? FEED_MAX_BYTES);
    } catch (e) {
      if (e instanceof FetchError) throw e;
      if (abort.signal.aborted) throw new FetchError('timeout', `the answer did not finish within ${Math.round(timeoutMs / 1000)} seconds`);
      throw new FetchError('network', `the connection broke while reading (${(e as Error).message})`);
    }
    const out: FetchResult = { notModified: false, body, contentType: res.headers.get('content-type') };
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    if (etag) out.etag = etag;
    if (lastModified) out.lastModified = lastModified;
    return out;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * When to try a failing source again: exponential back-off (base · 2^(failures−1), capped) with "equal
 * jitter" (half fixed, half random), so that sources failing together do not retry together. A server's
 * Retry-After is honoured when it asks for longer.
 */
export function backoffMs(
  failures: number,
  opts: { baseMs?: number; maxMs?: number; random?: () => number; retryAfterMs?: number } = {},
): number {
  const base = opts.baseMs ?? 5 * 60_000;
  const max = opts.maxMs ?? 24 * 60 * 60_000;
  const exp = Math.min(max, base * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  const jittered = exp / 2 + (opts.random ?? Math.random)() * (exp / 2);
  return Math.max(jittered, Math.min(opts.retryAfterMs ?? 0, max));
}
