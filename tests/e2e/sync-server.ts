/**
 * The sync's end-to-end tests' network: a loopback HTTP server that answers the built-in sources' URLs
 * (fetched as `ORIGIN/host/path` under the extension's test base) from the shared fixtures, with ETags,
 * and lets a test make a source fail, hang or serve garbage, or hold an answer back.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_SOURCES } from '../../lib/worker/sync/sources';
import { ROOT } from '../../scripts/chromium';

const SHARED_FIXTURES = resolve(ROOT, '../shared/fixtures');

export type Behaviour = { file: string } | { status: number } | { garbage: string } | { hang: true };

export interface SyncServer {
  origin: string;
  /** Requests seen, by source id. */
  seen: Map<string, number>;
  /** Hold back the answer of a source until `release()` (the request has arrived when `arrived` resolves). */
  hold(id: string): { arrived: Promise<void>; release: () => void };
  close(): Promise<void>;
}

/** A built-in source's path under the test base; a key starting with `/` is a path of its own (a user's feed). */
function pathOf(id: string): string {
  if (id.startsWith('/')) return id;
  const u = new URL(BUILTIN_SOURCES.find((s) => s.id === id)!.url);
  return `/${u.host}${u.pathname}`;
}

export async function startSyncServer(routes: Record<string, Behaviour>): Promise<SyncServer> {
  const byPath = new Map(Object.entries(routes).map(([id, b]) => [pathOf(id), { id, b }]));
  const seen = new Map<string, number>();
  const holds = new Map<string, { arrived: () => void; released: Promise<void> }>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = byPath.get(path);
    if (!route) return void res.writeHead(404, 'Not Found').end('not found');
    seen.set(route.id, (seen.get(route.id) ?? 0) + 1);
    const answer = () => {
      const b = route.b;
      if ('status' in b) return void res.writeHead(b.status).end('error');
      if ('garbage' in b) return void res.writeHead(200, { 'content-type': 'application/xml' }).end(b.garbage);
      if ('hang' in b) return void hanging.add(res);
      const etag = `"${b.file.length}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
      const type = b.file.endsWith('.json') ? 'application/json' : 'application/xml';
      res.writeHead(200, { 'content-type': type, etag }).end(readFileSync(resolve(SHARED_FIXTURES, b.file)));
    };
    const hold = holds.get(route.id);
    if (hold) {
      hold.arrived();
      void hold.released.then(answer);
    } else answer();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    seen,
    hold(id) {
      let arrived!: () => void;
      let release!: () => void;
      const arrivedP = new Promise<void>((ok) => (arrived = ok));
      const released = new Promise<void>((ok) => (release = ok));
      holds.set(id, { arrived, released });
      return {
        arrived: arrivedP,
        release: () => {
          holds.delete(id);
          release();
        },
      };
    },
    close: () =>
      new Promise((ok) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
