/**
 * A sync run's sources in turn (lib/worker/sync/in-turn.ts): the next source is read while the one before
 * it is written, but writes only after it, and a run that fails half-way writes nothing after the failure.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { inTurn } from '../../lib/worker/sync/in-turn';
import { nextTask } from '../../lib/worker/next-task';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItems } from '../../lib/worker/sync/ingest-items';
import { NOW, BOEING_1, ICBC } from '../support/feed-items';

/** A source that reads (two steps), then writes (two steps), logging each. */
function source(log: string[], gates: Map<string, () => void>) {
  return async (name: string, turn: { after: Promise<unknown>; read: () => void }) => {
    log.push(`read ${name}`);
    await nextTask();
    log.push(`read done ${name}`);
    turn.read();
    await turn.after;
    log.push(`write ${name}`);
    await new Promise<void>((ok) => gates.set(name, ok));
    log.push(`wrote ${name}`);
    return name.toUpperCase();
  };
}

async function settleAll(): Promise<void> {
  for (let i = 0; i < 20; i++) await nextTask();
}

describe('inTurn', () => {
  it('reads the next source while the one before is written, writes it only after, and settles in order', async () => {
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const settled: string[] = [];
    const run = inTurn(['a', 'b', 'c'], source(log, gates), (s, r) => void settled.push(`${s}=${r}`));
    await settleAll();
    // a is being written; b was read meanwhile, and c once b's reading was done: both wait for their turn to write.
    expect(log).toEqual(['read a', 'read done a', 'write a', 'read b', 'read done b', 'read c', 'read done c']);
    gates.get('a')!();
    await settleAll();
    expect(log.slice(7)).toEqual(['wrote a', 'write b']);
    expect(settled).toEqual(['a=A']);
    gates.get('b')!();
    await settleAll();
    gates.get('c')!();
    await run;
    expect(log.filter((l) => l.startsWith('write'))).toEqual(['write a', 'write b', 'write c']);
    expect(log.indexOf('write c')).toBeGreaterThan(log.indexOf('wrote b'));
    expect(settled).toEqual(['a=A', 'b=B', 'c=C']);
  });

  it('starts the next source only once the one before has been read', async () => {
    const log: string[] = [];
    let readA: () => void = () => undefined;
    const run = inTurn(
      ['a', 'b'],
      async (name, turn) => {
        log.push(`start ${name}`);
        if (name === 'a') await new Promise<void>((ok) => (readA = ok));
        turn.read();
        await turn.after;
        return name;
      },
      () => undefined,
    );
    await settleAll();
    expect(log).toEqual(['start a']);
    readA();
    await run;
    expect(log).toEqual(['start a', 'start b']);
  });

  it('a source that fails fails the run only once the ones before it are written and settled', async () => {
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const write = source(log, gates);
    const settled: string[] = [];
    let failed = false;
    const run = inTurn(
      ['a', 'b'],
      async (name, turn) => {
        if (name === 'a') return write(name, turn);
        throw new Error('no matcher');
      },
      (s) => void settled.push(s),
    );
    run.catch(() => (failed = true));
    await settleAll();
    expect(failed).toBe(false);
    gates.get('a')!();
    await expect(run).rejects.toThrow('no matcher');
    expect(settled).toEqual(['a']);
    expect(log).toContain('wrote a');
  });

  it('a failed settle fails the run, and the sources after it write nothing', async () => {
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const run = inTurn(['a', 'b', 'c'], source(log, gates), (s) => {
      if (s === 'a') throw new Error('worker stopped');
    });
    run.catch(() => undefined);
    await settleAll();
    gates.get('a')!();
    await expect(run).rejects.toThrow('worker stopped');
    await settleAll();
    expect(log.filter((l) => l.startsWith('write'))).toEqual(['write a']);
  });
});

describe('ingestFeedItems in turn', () => {
  let matcher: CompiledMatcher;
  beforeAll(() => {
    matcher = compileMatcher(seedCatalogue());
  });

  it('reads the items at once but writes them only once `after` settles, and nothing if it fails', async () => {
    const db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    let release: () => void = () => undefined;
    let read = false;
    const after = new Promise<void>((ok) => (release = ok));
    const ingest = ingestFeedItems(db, [BOEING_1, ICBC], { matcher, now: NOW, after, onRead: () => (read = true) });
    // (Timers, not message-channel tasks: the ingest first asks IndexedDB which items it has already stored.)
    for (let i = 0; i < 500 && !read; i++) await new Promise((ok) => setTimeout(ok, 1));
    expect(read).toBe(true);
    expect(await db.articles.count()).toBe(0);
    release();
    expect((await ingest).added).toBe(2);
    expect(await db.articles.count()).toBe(2);

    const other = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const failed = Promise.reject(new Error('worker stopped'));
    failed.catch(() => undefined);
    await expect(ingestFeedItems(other, [BOEING_1, ICBC], { matcher, now: NOW, after: failed })).rejects.toThrow('worker stopped');
    expect(await other.articles.count()).toBe(0);
  });
});
