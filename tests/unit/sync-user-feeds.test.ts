import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { addUserFeed, removeUserFeed, setSourceEnabled, unclosedRoot } from '../../lib/worker/sync/user-feeds';
import { buildOpml, opmlChanges, opmlFeedsOf, parseOpml } from '../../lib/worker/sync/opml';
import { catalogueDirty } from '../../lib/worker/sync/catalogues';
import { syncOverview } from '../../lib/worker/sync/status';
import { feedOrigin, userFeedId } from '../../lib/worker/sync/sources';
import { fakeServer } from './sync-fixtures';
import { exportEverything } from '../../lib/worker/db/data';
import { parseImport } from '../../lib/worker/export/import';
import { toJson } from '../../lib/worker/export/json';

let db: IncidentLensDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});

describe("the user's feeds", () => {
  const net = () => {
    const s = fakeServer({ 'https://blog.example/feed.xml': 'feeds/schneier/schneier-atom-2019-08-21.xml' });
    s.answers.set(
      'https://blog.example/',
      () => new Response('<!doctype html><html><body>home</body></html>', { headers: { 'content-type': 'text/html' } }),
    );
    return s;
  };

  it('a feed is kept only after it was fetched and parsed, enabled and due at once', async () => {
    const { source, items } = await addUserFeed(db, 'https://blog.example/feed.xml#top', { fetch: net().fetch, now: 5 });
    expect(items).toBe(10);
    expect(source).toEqual({
      id: userFeedId('https://blog.example/feed.xml'),
      kind: 'feed',
      url: 'https://blog.example/feed.xml',
      title: 'Schneier on Security',
      enabled: true,
      addedAt: 5,
    });
    expect(await db.syncState.get(source.id)).toMatchObject({ nextAttemptAt: 0, failures: 0 });
    const view = (await syncOverview(db)).sources.find((s) => s.id === source.id);
    expect(view).toMatchObject({ builtin: false, origin: 'https://blog.example/*' });
  });

  it('refuses a web page, a missing feed, a non-web address and a feed already listed, saying why', async () => {
    const { fetch } = net();
    await expect(addUserFeed(db, 'https://blog.example/', { fetch })).rejects.toThrow(/web page, not a feed/);
    await expect(addUserFeed(db, 'https://blog.example/missing.xml', { fetch })).rejects.toThrow(/does not exist \(HTTP 404/);
    await expect(addUserFeed(db, 'javascript:alert(1)', { fetch })).rejects.toThrow(/starting with http/);
    await addUserFeed(db, 'https://blog.example/feed.xml', { fetch });
    await expect(addUserFeed(db, 'https://blog.example/feed.xml?utm_source=x', { fetch })).rejects.toThrow(/already in the list/);
    expect(await db.sources.count()).toBe(1);
  });

  it('says a feed cut short looks cut off, not that it holds no items', async () => {
    const s = net();
    const cut = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Cut</title><item><title>First in a long';
    s.answers.set('https://blog.example/cut.xml', () => new Response(cut, { headers: { 'content-type': 'application/rss+xml' } }));
    s.answers.set(
      'https://blog.example/empty.xml',
      () =>
        new Response(`${cut.slice(0, cut.indexOf('<item>'))}</channel></rss>\n`, { headers: { 'content-type': 'application/rss+xml' } }),
    );
    await expect(addUserFeed(db, 'https://blog.example/cut.xml', { fetch: s.fetch })).rejects.toThrow(
      /looks cut off: it ends before its closing <\/rss>, so it is not a complete feed/,
    );
    await expect(addUserFeed(db, 'https://blog.example/empty.xml', { fetch: s.fetch })).rejects.toThrow(/holds no items with links/);
    expect(await db.sources.count()).toBe(0);
    // The root is found past comments, a DOCTYPE and a namespace prefix; closed (or self-closed) roots are complete.
    expect(unclosedRoot('\uFEFF<!-- x --><!DOCTYPE rdf><rdf:RDF xmlns:rdf="r"><item>')).toBe('rdf:RDF');
    expect(unclosedRoot('<feed xmlns="http://www.w3.org/2005/Atom"></feed >\n')).toBeUndefined();
    expect(unclosedRoot('<rss/>')).toBeUndefined();
    expect(unclosedRoot('<rss versi')).toBe('rss');
    expect(unclosedRoot('{"items": [')).toBeUndefined();
  });

  it('keeps a feed’s name of any length to 200 characters, so that the export of everything imports back', async () => {
    const s = net();
    const long = `Threat intel ${'digest '.repeat(150)}`;
    s.answers.set(
      'https://blog.example/long.xml',
      () =>
        new Response(
          `<rss version="2.0"><channel><title>${long}</title><item><title>A</title><link>https://blog.example/a</link></item></channel></rss>`,
          { headers: { 'content-type': 'application/rss+xml' } },
        ),
    );
    const { source } = await addUserFeed(db, 'https://blog.example/long.xml', { fetch: s.fetch });
    expect(source.title).toBe(long.slice(0, 200).trimEnd());
    const parsed = parseImport(toJson(await exportEverything(db)));
    expect(parsed.ok && parsed.data.sources?.map((r) => r.title)).toEqual([source.title]);
  });

  it('removes only user feeds; built-ins are switched off instead', async () => {
    const { source } = await addUserFeed(db, 'https://blog.example/feed.xml', { fetch: net().fetch });
    expect(await removeUserFeed(db, 'feed:bleepingcomputer')).toBe(false);
    expect(await removeUserFeed(db, source.id)).toBe(true);
    expect(await db.sources.get(source.id)).toBeUndefined();
    expect(await setSourceEnabled(db, 'feed:bleepingcomputer', false)).toBe(true);
    expect((await db.sources.get('feed:bleepingcomputer'))?.enabled).toBe(false);
    expect(await catalogueDirty(db)).toBe(false);
    // A catalogue switched off must leave the merged catalogue: it is marked for a merge.
    await setSourceEnabled(db, 'misp:ransomware', false);
    expect(await catalogueDirty(db)).toBe(true);
  });
});

describe('a feed address as typed', () => {
  it('asks for its host over http(s) only: anything else is refused before the browser is asked', () => {
    expect(feedOrigin('  https://Example.org:8443/feed.xml?utm_source=x ')).toBe('https://example.org/*');
    expect(feedOrigin('http://127.0.0.1:8080/rss')).toBe('http://127.0.0.1/*');
    for (const bad of ['ftp://example.org/feed.xml', 'file:///tmp/feed.xml', 'javascript:alert(1)', 'example.org/feed', ''])
      expect(feedOrigin(bad), bad).toBeUndefined();
  });
});

describe('OPML', () => {
  it('reads nested outlines with xmlUrl (and only those), once each', () => {
    const feeds = parseOpml(`<?xml version="1.0"?>
      <opml version="1.0"><head><title>mine</title></head><body>
        <outline text="Security">
          <outline text="Krebs" type="rss" xmlUrl="https://krebsonsecurity.com/feed/"/>
          <outline title="Tom &amp; Jerry's &lt;blog&gt;" xmlUrl="https://tj.example/rss?utm_medium=x"/>
        </outline>
        <outline text="a page" htmlUrl="https://example.com/"/>
        <outline text="again" xmlUrl="https://krebsonsecurity.com/feed/"/>
        <outline text="bad" xmlUrl="javascript:alert(1)"/>
        <outline text="relative" xmlUrl="feed.xml"/>
        <outline text="empty" xmlUrl=""/>
      </body></opml>`);
    expect(feeds).toEqual({
      feeds: [
        { url: 'https://krebsonsecurity.com/feed/', title: 'Krebs' },
        { url: 'https://tj.example/rss', title: "Tom & Jerry's <blog>" },
      ],
      // Said to the user, not dropped silently: three entries name a feed no one can read.
      unusable: 3,
    });
  });

  it('writes what it reads back, escaped', () => {
    const feeds = [{ url: 'https://a.example/feed?x=1&y=2', title: 'A & "B" <c>' }];
    const text = buildOpml(feeds);
    expect(text).toContain('xmlUrl="https://a.example/feed?x=1&amp;y=2"');
    expect(parseOpml(text)).toEqual({ feeds, unusable: 0 });
  });

  it('keeps a disabled feed in a move: written marked, read back disabled', () => {
    const sources = [
      { kind: 'feed', url: 'https://on.example/feed', title: 'On', enabled: true },
      { kind: 'feed', url: 'https://off.example/feed', title: 'Off', enabled: false },
      { kind: 'kev', url: 'https://catalogue.example/kev.json', title: 'KEV', enabled: true },
    ];
    const text = buildOpml(opmlFeedsOf(sources));
    expect(text).toContain('xmlUrl="https://off.example/feed" disabled="true"/>');
    expect(parseOpml(text).feeds).toEqual([
      { url: 'https://on.example/feed', title: 'On' },
      { url: 'https://off.example/feed', title: 'Off', disabled: true },
    ]);
    // Imported where the built-in feeds are all on: the new feed is added, the one marked disabled is turned off.
    const here = [
      { id: 'feed:on', url: 'https://on.example/feed', enabled: true },
      { id: 'feed:off', url: 'https://off.example/feed', enabled: true },
    ];
    const moved = parseOpml(buildOpml([...opmlFeedsOf(sources), { url: 'https://new.example/rss', title: 'New', disabled: true }])).feeds;
    expect(opmlChanges(moved, here)).toEqual({
      fresh: [{ url: 'https://new.example/rss', title: 'New', disabled: true }],
      turnOff: ['feed:off'],
    });
    // Already off here, or on in the file: nothing to turn off.
    expect(opmlChanges(moved, [{ ...here[1], enabled: false }]).turnOff).toEqual([]);
    // Another reader's list: anything but "true" is an enabled feed.
    const other = parseOpml('<opml><body><outline xmlUrl="https://x.example/rss" disabled="no"/></body></opml>');
    expect(other.feeds).toEqual([{ url: 'https://x.example/rss', title: 'x.example' }]);
  });

  it('refuses what is not OPML and documents declaring entities', () => {
    expect(() => parseOpml('<rss><channel/></rss>')).toThrow(/not an OPML file/);
    expect(() => parseOpml('<!DOCTYPE x [<!ENTITY a "b">]><opml><body/></opml>')).toThrow(/^the file declares its own XML entities/);
    expect(() => parseOpml('<opml><body><outline></body>')).toThrow(/^the file is not well-formed XML|^this is not an OPML file/);
  });
});

describe('sync status', () => {
  it('a lock left by a stopped worker life does not show as a run going on', async () => {
    const { acquireLock } = await import('../../lib/worker/sync/lock');
    await acquireLock(Date.now, undefined, 'life-1');
    expect((await syncOverview(db, 'life-1')).running).toBe(true);
    expect((await syncOverview(db, 'life-2')).running).toBe(false);
  });
});
