/** Database failures told the way a person can act on them. */

/** True for the browser's "storage is full" failure, however Dexie wraps it. */
function isQuotaError(e: unknown): boolean {
  for (let err: unknown = e, depth = 0; err && depth < 5; depth++) {
    const name = (err as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    err = (err as { inner?: unknown }).inner;
  }
  return false;
}

const QUOTA_MESSAGE =
  "The browser's storage for this extension is full, so nothing was changed: your saved articles are as they were. Free some disk space (or remove articles you no longer need) and try again.";

/** Run a write; a full disk becomes one clear message (the transaction has rolled back by then). */
export async function writing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isQuotaError(e)) throw new Error(QUOTA_MESSAGE, { cause: e });
    throw e;
  }
}
