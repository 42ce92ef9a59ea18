/**
 * Chrome's offscreen document for the sync (reason WORKERS): a Chrome service worker cannot start a
 * Worker, this document can. The service worker opens it for a sync run and closes it after
 * (lib/worker/sync/reader-hosts.ts); it sends one MessagePort per reader, and each port goes to a new
 * reader Worker (/reader.js), so that chunks and their results go straight between the service worker and
 * the readers, structured-cloned, through no one here. Each set of ports gets readers of its own: two
 * users at once (a sync run and an `ingestFeedItems` request) keep theirs, and readers left by a worker
 * that was stopped sit idle until the document closes.
 */
navigator.serviceWorker.addEventListener('message', (e: MessageEvent<{ kind?: string }>) => {
  if (e.data?.kind !== 'readers') return;
  for (const port of e.ports) new Worker('/reader.js').postMessage({ kind: 'port' }, [port]);
});
navigator.serviceWorker.startMessages();
