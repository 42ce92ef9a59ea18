/**
 * A turn of the event loop for whatever was queued meanwhile (a page's message, a transaction's callbacks):
 * the analysis's slices (./analysis/slices.ts) and the ingest's items (./sync/ingest-chunks.ts) pause with it.
 * A posted message, not a timer: nested timers are clamped to 4 ms each, which hundreds of pauses would
 * add up to.
 */

/** Node's ports keep the process alive while referenced (browsers' have no such methods). */
type NodePort = MessagePort & { ref?: () => void; unref?: () => void };

/** One channel for every yield (a new MessageChannel an item cost more than its message), and who waits on it, in order. */
let channel: { port1: NodePort; port2: MessagePort } | undefined;
const waiting: (() => void)[] = [];

/**
 * Resolves in a later task (a message to ourselves), after what was queued meanwhile. Where there is no
 * MessageChannel, a resolved promise (no yield, same result).
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return Promise.resolve();
  if (!channel) {
    const { port1, port2 } = new MessageChannel();
    const c = { port1: port1 as NodePort, port2 };
    c.port1.onmessage = () => {
      waiting.shift()?.();
      // Idle, the port must not keep Node's process alive; waiting, it must (the message is the only task left).
      if (!waiting.length) c.port1.unref?.();
    };
    channel = c;
  }
  channel.port1.ref?.();
  const { port2 } = channel;
  return new Promise((ok) => {
    waiting.push(ok);
    port2.postMessage(null);
  });
}
