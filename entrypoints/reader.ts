/**
 * The sync's reader (lib/worker/sync/reader-serve.ts), a dedicated Worker of the extension's own origin:
 * Firefox's background page starts it and talks to it directly; in Chrome the offscreen document starts it
 * and hands it a port the service worker talks to it on (the service worker itself has no Worker).
 */
import { serveReader, type ReaderEndpoint } from '@/lib/worker/sync/reader-serve';

export default defineUnlistedScript(() => {
  const scope = self as unknown as ReaderEndpoint;
  serveReader(scope);
  scope.addEventListener('message', (e: MessageEvent<{ kind?: string }>) => {
    if (e.data?.kind === 'port' && e.ports[0]) serveReader(e.ports[0]);
  });
});
