/**
 * The sync's run lock, in extension storage with an expiry: a worker stopped in the middle of a run leaves
 * a lock that lapses by itself, so the next run is never blocked for good, and two runs (an alarm and
 * "sync now") never interleave. Not an in-memory flag: the worker can be stopped and started between
 * the two. The holder refreshes it between sources.
 */
import { storage } from 'wxt/utils/storage';

export interface LockRecord {
  owner: string;
  /** The worker life that holds it (see acquireLock's `instance`). */
  instance?: string;
  expiresAt: number;
  startedAt: number;
}

const KEY = 'local:syncLock' as const;
const LOCK_TTL_MS = 3 * 60_000;

export interface RunLock {
  readonly owner: string;
  refresh(): Promise<void>;
  release(): Promise<void>;
}

/**
 * The lock if it is free, lapsed, or held by another life of the worker, else null. `instance` names this
 * worker's life (an id made when the worker starts): a browser runs one background worker per extension at
 * a time, so a lock held by another life was left by a worker that was stopped, and is taken over at once
 * rather than after its expiry.
 */
export async function acquireLock(now = Date.now, ttlMs = LOCK_TTL_MS, instance?: string): Promise<RunLock | null> {
  const held = await storage.getItem<LockRecord>(KEY);
  const orphaned = held !== null && instance !== undefined && held.instance !== undefined && held.instance !== instance;
  if (held && held.expiresAt > now() && !orphaned) return null;
  const owner = crypto.randomUUID();
  const startedAt = now();
  const record = (expiresAt: number): LockRecord =>
    instance ? { owner, instance, startedAt, expiresAt } : { owner, startedAt, expiresAt };
  await storage.setItem<LockRecord>(KEY, record(startedAt + ttlMs));
  // Read back: of two takers racing, the last writer holds it and the other stands down.
  const mine = await storage.getItem<LockRecord>(KEY);
  if (mine?.owner !== owner) return null;
  return {
    owner,
    async refresh() {
      const cur = await storage.getItem<LockRecord>(KEY);
      if (cur && cur.owner !== owner) throw new Error('the sync lock was taken over');
      await storage.setItem<LockRecord>(KEY, record(now() + ttlMs));
    },
    async release() {
      const cur = await storage.getItem<LockRecord>(KEY);
      if (cur?.owner === owner) await storage.removeItem(KEY);
    },
  };
}

/** The lock as stored (for the status: "a sync is running since ..."), null when free or lapsed. */
export async function currentLock(now = Date.now()): Promise<LockRecord | null> {
  const held = await storage.getItem<LockRecord>(KEY);
  return held && held.expiresAt > now ? held : null;
}
