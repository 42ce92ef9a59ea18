/**
 * Sources taken in turn, the next one read while the one before it is still being written: a sync run's
 * feeds (./run.ts). Each source is started once the one before it has been read (fetched, parsed, its
 * items read by the engine), so that its reading overlaps the other's last writes, which the reading
 * within one feed cannot hide (a feed of titles and summaries is one chunk: read, then written, with
 * nothing beside either). The writes stay where they were: a source writes nothing before every source
 * before it is written and settled, so the database goes through the same states as with one source
 * after the other, and a worker stopped between two sources leaves the same rows.
 *
 *   inTurn(sources, start, settle): start(source, turn) begins a source: it must await `turn.after` before
 *   its first write (and fail without writing if that fails), and call `turn.read()` once only writes are
 *   left (a source that never calls it counts as read when it settles). settle(source, result) runs in the
 *   sources' order, once the source and every one before it are done. A failed settle (or start) fails the
 *   call, and the sources after it write nothing.
 */

export interface Turn {
  /** Settles once every source before this one is written and settled: await it before writing. */
  after: Promise<unknown>;
  /** This source's reading is done (only writes are left): the next source may start. */
  read: () => void;
}

export async function inTurn<S, T>(
  sources: readonly S[],
  start: (source: S, turn: Turn) => Promise<T>,
  settle: (source: S, result: T) => Promise<void> | void,
): Promise<void> {
  /** Every source started so far, written and settled. */
  let done: Promise<unknown> = Promise.resolve();
  for (const source of sources) {
    let read!: () => void;
    const reading = new Promise<void>((ok) => (read = ok));
    const after = done;
    const result = start(source, { after, read });
    // Observed through `done`, which waits for the sources before it first: they settle (or fail) before
    // this one's result is looked at, so settle keeps their order and a failure here never overtakes them.
    result.catch(() => undefined);
    done = after.then(() => result).then((r) => settle(source, r));
    // Awaited by the next source or below: until then a failure must not count as unhandled.
    done.catch(() => undefined);
    await Promise.race([reading, done]);
  }
  await done;
}
