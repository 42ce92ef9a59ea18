import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { runSync } from '../../lib/worker/sync/run';
import { BUILTIN_SOURCES } from '../../lib/worker/sync/sources';
import { acquireLock } from '../../lib/worker/sync/lock';
import { fakeServer, FIXTURE_OF } from './sync-fixtures';
import { ReaderPool } from '../../lib/worker/sync/reader-pool';
import { articleFeed } from '../e2e/article-feed';

const url = (id: string) => BUILTIN_SOURCES.find((s) => s.id === id)!.url;
/** In the registry's order, which is the order a run reads them in. */
const FEEDS = ['feed:therecord', 'feed:bleepingcomputer', 'feed:krebsonsecurity', 'feed:cisa'];
const EXPECTED_ITEMS = 3 + 3 + 3 + 5;

let db: IncidentLensDb;
let clock: number;
beforeEach(() => {
  fakeBrowser.reset();
  db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  clock = Date.UTC(2026, 6, 6, 12);
});

function server() {
  return fakeServer(Object.fromEntries(Object.entries(FIXTURE_OF).map(([id, file]) => [url(id), file])));
}

describe('runSync', () => {
  it('reads every due source once, stores its items and its status; a second run reads nothing not yet due', async () => {
    const net = server();
    const deps = { db, fetch: net.fetch, now: () => clock, random: () => 0.5 };
    const first = await runSync(deps, { force: true, only: FEEDS });
    expect(first.ran).toBe(true);
    expect(first.outcomes.map((o) => [o.sourceId, o.outcome])).toEqual(FEEDS.map((id) => [id, 'ok']));
    expect(await db.articles.count()).toBe(EXPECTED_ITEMS);
    const cisa = await db.syncState.get('feed:cisa');
    expect(cisa).toMatchObject({ added: 3, totalAdded: 3, failures: 0, lastSuccessAt: clock, lastOutcome: 'ok' });
    expect(cisa?.etag).toBe('"21-feeds/oculus/cisa.xml"');
    expect(cisa?.nextAttemptAt).toBe(clock + 30 * 60_000);

    clock += 10 * 60_000;
    const early = await runSync(deps, { only: FEEDS });
    expect(early.outcomes).toEqual([]);
    expect(net.requests).toHaveLength(4);
  });

  it('asks again conditionally: a 304 changes nothing and counts no items', async () => {
    const net = server();
    const deps = { db, fetch: net.fetch, now: () => clock };
    await runSync(deps, { force: true, only: ['feed:cisa'] });
    clock += 31 * 60_000;
    const again = await runSync(deps, { only: ['feed:cisa'] });
    expect(net.requests[1].headers['if-none-match']).toBe('"21-feeds/oculus/cisa.xml"');
    expect(again.outcomes).toEqual([{ sourceId: 'feed:cisa', outcome: 'not-modified', added: 0 }]);
    expect(await db.syncState.get('feed:cisa')).toMatchObject({ added: 0, totalAdded: 3, lastOutcome: 'not-modified' });
  });

  it('a source that fails gets a plain error and backs off while the others sync', async () => {
    const net = server();
    net.answers.set(url('feed:krebsonsecurity'), () => new Response('oops', { status: 500, statusText: 'Internal Server Error' }));
    net.answers.set(url('feed:therecord'), () => new Response('\u0000garbage\u0001'));
    const deps = { db, fetch: net.fetch, now: () => clock, random: () => 1 };
    const run = await runSync(deps, { force: true, only: FEEDS });
    const by = Object.fromEntries(run.outcomes.map((o) => [o.sourceId, o]));
    expect(by['feed:bleepingcomputer'].outcome).toBe('ok');
    expect(by['feed:cisa'].outcome).toBe('ok');
    expect(by['feed:krebsonsecurity'].error).toBe('the server failed to answer (HTTP 500 Internal Server Error)');
    expect(by['feed:therecord'].error).toBe('this is not a feed (neither XML nor JSON)');
    const krebs = await db.syncState.get('feed:krebsonsecurity');
    expect(krebs).toMatchObject({ failures: 1, lastOutcome: 'error' });
    expect(krebs!.nextAttemptAt).toBe(clock + 5 * 60_000);
    expect(await db.articles.count()).toBe(3 + 3);

    // Still failing: the wait doubles. Then it recovers: failures reset, error gone.
    clock = krebs!.nextAttemptAt!;
    await runSync(deps, { only: ['feed:krebsonsecurity'] });
    expect((await db.syncState.get('feed:krebsonsecurity'))!.nextAttemptAt).toBe(clock + 10 * 60_000);
    net.answers.delete(url('feed:krebsonsecurity'));
    clock += 10 * 60_000;
    await runSync(deps, { only: ['feed:krebsonsecurity'] });
    const healed = await db.syncState.get('feed:krebsonsecurity');
    expect(healed).toMatchObject({ failures: 0, lastOutcome: 'ok', added: 3 });
    expect(healed?.error).toBeUndefined();
  });

  it('a run stopped half-way is carried on by the next, with no duplicates', async () => {
    const net = server();
    let stopAfter = 2;
    const deps = {
      db,
      fetch: net.fetch,
      now: () => clock,
      onSourceDone: () => {
        if (--stopAfter === 0) throw new Error('worker stopped');
      },
    };
    await expect(runSync(deps, { force: true, only: FEEDS })).rejects.toThrow('worker stopped');
    expect(await db.articles.count()).toBe(5 + 3);
    // The remaining sources are still due (the forced run marked them in the database).
    const rest = await runSync({ ...deps, onSourceDone: () => undefined }, { only: FEEDS });
    expect(rest.outcomes.map((o) => o.sourceId)).toEqual(['feed:krebsonsecurity', 'feed:cisa']);
    expect(await db.articles.count()).toBe(EXPECTED_ITEMS);
    // Re-reading everything (a status that was never written) adds nothing either.
    await db.syncState.clear();
    const again = await runSync({ ...deps, onSourceDone: () => undefined }, { force: true, only: FEEDS });
    expect(again.outcomes.every((o) => o.added === 0)).toBe(true);
    expect(await db.articles.count()).toBe(EXPECTED_ITEMS);
  });

  it('the lock keeps a second run out, and lapses if its holder died', async () => {
    const net = server();
    const held = await acquireLock(() => clock);
    expect(held).not.toBeNull();
    const blocked = await runSync({ db, fetch: net.fetch, now: () => clock }, { force: true, only: ['feed:cisa'] });
    expect(blocked.ran).toBe(false);
    // The holder never releases (its worker was stopped): three minutes later the lock has lapsed.
    clock += 3 * 60_000 + 1;
    const after = await runSync({ db, fetch: net.fetch, now: () => clock }, { force: true, only: ['feed:cisa'] });
    expect(after.ran).toBe(true);
    expect(after.outcomes[0].outcome).toBe('ok');
  });

  it('a source whose host is not granted waits without a request and without a failure', async () => {
    const net = server();
    const run = await runSync(
      { db, fetch: net.fetch, now: () => clock, hasPermission: async (o) => !o.includes('krebsonsecurity') },
      { force: true, only: FEEDS },
    );
    expect(net.requests.map((r) => r.url)).not.toContain(url('feed:krebsonsecurity'));
    expect(run.outcomes.find((o) => o.sourceId === 'feed:krebsonsecurity')).toMatchObject({
      outcome: 'no-permission',
      error: 'waiting for permission to read krebsonsecurity.com',
    });
    expect((await db.syncState.get('feed:krebsonsecurity'))?.failures).toBe(0);
  });

  it('fetches built-in sources under a loopback test origin only', async () => {
    const local = fakeServer({ 'http://127.0.0.1:9999/www.cisa.gov/cybersecurity-advisories/all.xml': 'feeds/oculus/cisa.xml' });
    const run = await runSync(
      { db, fetch: local.fetch, now: () => clock, baseOverride: 'http://127.0.0.1:9999' },
      { force: true, only: ['feed:cisa'] },
    );
    expect(run.outcomes[0].outcome).toBe('ok');
    const elsewhere = fakeServer({});
    await runSync(
      { db, fetch: elsewhere.fetch, now: () => clock, baseOverride: 'https://evil.example' },
      { force: true, only: ['feed:cisa'] },
    );
    expect(elsewhere.requests[0].url).toBe(url('feed:cisa'));
  });
});

describe('the run’s readers', () => {
  /** Readers that read on this thread (a pool of none), counting how often they were opened and closed. */
  function countedReaders() {
    const log = { opened: 0, closed: 0 };
    const readers = async () => {
      log.opened++;
      return { pool: new ReaderPool([]), close: async () => void log.closed++ };
    };
    return { log, readers };
  }

  it('are not opened for feeds of one chunk each (titles and summaries)', async () => {
    const net = server();
    const { log, readers } = countedReaders();
    const run = await runSync({ db, fetch: net.fetch, now: () => clock, readers }, { force: true, only: FEEDS });
    expect(run.outcomes.map((o) => o.outcome)).toEqual(FEEDS.map(() => 'ok'));
    expect(await db.articles.count()).toBe(EXPECTED_ITEMS);
    expect(log).toEqual({ opened: 0, closed: 0 });
    expect(run.readers).toBeUndefined();
  });

  it('are opened once, when a feed of several chunks is read, and closed after the run', async () => {
    const net = server();
    const { items, rss } = articleFeed(12, clock);
    net.answers.set(url('feed:therecord'), () => new Response(rss));
    const { log, readers } = countedReaders();
    const run = await runSync({ db, fetch: net.fetch, now: () => clock, readers }, { force: true, only: FEEDS });
    expect(run.outcomes.map((o) => o.outcome)).toEqual(FEEDS.map(() => 'ok'));
    expect(log).toEqual({ opened: 1, closed: 1 });
    expect(run.readers).toMatchObject({ itemsInThread: items.length, itemsOffThread: 0 });
  });
});

describe('run lock across worker lives', () => {
  it('a lock left by a stopped worker is taken over by the next life at once; the same life is kept out', async () => {
    const first = await acquireLock(Date.now, undefined, 'life-1');
    expect(first).not.toBeNull();
    expect(await acquireLock(Date.now, undefined, 'life-1')).toBeNull();
    const next = await acquireLock(Date.now, undefined, 'life-2');
    expect(next).not.toBeNull();
    // The old holder cannot keep going once its lock was taken over.
    await expect(first!.refresh()).rejects.toThrow(/taken over/);
    await first!.release();
    expect(await acquireLock(Date.now, undefined, 'life-2')).toBeNull();
  });
});

describe('errors in plain words', () => {
  it('a full disk says so, and that nothing was written', async () => {
    const { plainError } = await import('../../lib/worker/sync/run');
    const quota = Object.assign(new Error('QuotaExceededError: the quota has been exceeded'), { name: 'QuotaExceededError' });
    expect(plainError(quota)).toMatch(/storage for Incident Lens is full: nothing of this source was written/);
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    expect(plainError(wrapped)).toMatch(/is full/);
    expect(plainError(new TypeError('x is undefined'))).toBe('could not be read (x is undefined)');
  });
});
