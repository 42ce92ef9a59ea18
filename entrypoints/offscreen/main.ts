/**
 * Chrome's offscreen document for the sync (reason WORKERS): a Chrome service worker cannot start a
 * Worker, this document can. The service worker opens it for a sync run and closes it after
 * (lib/worker/sync/reader-hosts.ts); it sends one MessagePort per reader, and each port goes to a new
 * reader Worker (/reader.js), so that chunks and their results go straight between the service worker and
 * the readers, structured-cloned, through no one here. A second set of ports (a new run after a worker
 * that was stopped left this document open) replaces the readers.
 */
let readers: Worker[] = [];

navigator.serviceWorker.addEventListener('message', (e: MessageEvent<{ kind?: string }>) => {
  if (e.data?.kind !== 'readers') return;
  for (const w of readers) w.terminate();
  readers = e.ports.map((port) => {
    const w = new Worker('/reader.js');
    w.postMessage({ kind: 'port' }, [port]);
    return w;
  });
});
navigator.serviceWorker.startMessages();
