/**
 * A small static file server for the bundled demo site and the end-to-end tests' pages.
 * It listens on the loopback interface only, where the content script's demo match patterns apply.
 *
 * Run alone: `npx tsx demo/server.ts [port]` serves demo/site/ at http://127.0.0.1:PORT/.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_SITE = fileURLToPath(new URL('./site/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

export interface DemoServer {
  server: Server;
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serve each URL prefix from a folder: `{ '/': 'demo/site', '/shared/': '../shared/fixtures/pages' }`.
 * The longest matching prefix wins; paths that climb out of their folder get 404.
 */
export async function startDemoServer(mounts: Record<string, string> = { '/': DEMO_SITE }, port = 0): Promise<DemoServer> {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)] as const)
    .sort((a, b) => b[0].length - a[0].length);

  const server = createServer(async (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return void res.writeHead(400).end('bad request');
    }
    const mount = table.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return void res.writeHead(404).end('not found');
    const [prefix, dir] = mount;
    let file = resolve(join(dir, path.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return void res.writeHead(404).end('not found');
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      // Saved pages kept gzipped (../shared/fixtures/pages/secnews) are served as the pages they are.
      const gzippedPage = file.endsWith('.html.gz');
      const type = gzippedPage ? TYPES['.html'] : TYPES[extname(file)];
      res.writeHead(200, {
        'content-type': type ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(gzippedPage ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('demo server has no port');
  return {
    server,
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const demo = await startDemoServer({ '/': DEMO_SITE }, Number(process.argv[2] ?? 0));
  console.log(`Demo article: ${demo.origin}/`);
}
