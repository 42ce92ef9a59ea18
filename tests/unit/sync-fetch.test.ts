import { describe, expect, it } from 'vitest';
import { backoffMs, FetchError, fetchSource } from '../../lib/worker/sync/fetch';

type Call = { url: string; headers: Record<string, string> };

function fakeFetch(answer: (call: Call, signal: AbortSignal) => Promise<Response> | Response) {
  const calls: Call[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), headers: { ...(init?.headers as Record<string, string>) } };
    calls.push(call);
    return answer(call, init!.signal!);
  }) as typeof fetch;
  return { f, calls };
}

describe('fetchSource', () => {
  it('sends the validators it was given and reads a 304 as "not modified"', async () => {
    const { f, calls } = fakeFetch((c) =>
      c.headers['if-none-match'] === '"v1"' ? new Response(null, { status: 304 }) : new Response('x'),
    );
    const res = await fetchSource('https://a.example/feed', { fetch: f, etag: '"v1"', lastModified: 'Wed, 01 May 2024 10:00:00 GMT' });
    expect(res).toEqual({ notModified: true });
    expect(calls[0].headers['if-modified-since']).toBe('Wed, 01 May 2024 10:00:00 GMT');
  });

  it('returns the body with the new validators', async () => {
    const { f, calls } = fakeFetch(
      () =>
        new Response('<rss/>', {
          headers: { etag: '"v2"', 'last-modified': 'Thu, 02 May 2024 10:00:00 GMT', 'content-type': 'application/rss+xml' },
        }),
    );
    const res = await fetchSource('https://a.example/feed', { fetch: f });
    expect(calls[0].headers['if-none-match']).toBeUndefined();
    expect(res.notModified).toBe(false);
    if (res.notModified) return;
    expect(new TextDecoder().decode(res.body)).toBe('<rss/>');
    expect(res.etag).toBe('"v2"');
    expect(res.lastModified).toBe('Thu, 02 May 2024 10:00:00 GMT');
    expect(res.contentType).toBe('application/rss+xml');
  });

  it('gives up after the timeout with a plain message', async () => {
    const { f } = fakeFetch(
      (_c, signal) => new Promise((_ok, fail) => signal.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError')))),
    );
    const err = await fetchSource('https://slow.example/feed', { fetch: f, timeoutMs: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).kind).toBe('timeout');
    expect((err as Error).message).toMatch(/no answer within/);
  });

  it('stops reading a body past the byte cap (the stream is cancelled, not read to the end)', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(64 * 1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { f } = fakeFetch(() => new Response(endless));
    const err = await fetchSource('https://big.example/feed', { fetch: f, maxBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect((err as FetchError).kind).toBe('too-large');
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(40);
  });

  it('refuses a declared oversize body before reading it', async () => {
    const { f } = fakeFetch(() => new Response('x', { headers: { 'content-length': String(50 * 1024 * 1024) } }));
    await expect(fetchSource('https://big.example/feed', { fetch: f, maxBytes: 1024 })).rejects.toThrow(/too large \(50 MB/);
  });

  it('says what an HTTP error means, and passes Retry-After on', async () => {
    const { f } = fakeFetch(
      () => new Response('no', { status: 503, statusText: 'Service Unavailable', headers: { 'retry-after': '120' } }),
    );
    const err = (await fetchSource('https://down.example/feed', { fetch: f }).catch((e: unknown) => e)) as FetchError;
    expect(err.message).toBe('the server failed to answer (HTTP 503 Service Unavailable)');
    expect(err.status).toBe(503);
    expect(err.retryAfterMs).toBe(120_000);
    const { f: f404 } = fakeFetch(() => new Response('', { status: 404 }));
    await expect(fetchSource('https://a.example/gone', { fetch: f404 })).rejects.toThrow(/does not exist \(HTTP 404/);
  });

  it('names the host when the network fails', async () => {
    const { f } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchSource('https://offline.example/feed', { fetch: f })).rejects.toThrow(/could not reach offline\.example/);
  });
});

describe('backoffMs', () => {
  it('doubles per failure, between half and all of the step, capped', () => {
    const lo = (n: number) => backoffMs(n, { baseMs: 1000, maxMs: 60_000, random: () => 0 });
    const hi = (n: number) => backoffMs(n, { baseMs: 1000, maxMs: 60_000, random: () => 1 });
    expect([1, 2, 3, 4].map(hi)).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map(lo)).toEqual([500, 1000, 2000, 4000]);
    expect(hi(30)).toBe(60_000);
    expect(hi(1000)).toBe(60_000);
  });

  it('waits at least what the server asked for', () => {
    expect(backoffMs(1, { baseMs: 1000, random: () => 0, retryAfterMs: 90_000 })).toBe(90_000);
  });
});
