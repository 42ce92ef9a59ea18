import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { namesLower, type EntityRow } from '../../lib/worker/db/schema';
import { ingestArticles, type AnalysedArticle } from '../../lib/worker/db/ingest';
import { removeArticle, removeArticles, saveArticle, updateArticle } from '../../lib/worker/db/collection';
import { SearchService } from '../../lib/worker/search/service';
import { oneEditAway, SearchIndex } from '../../lib/worker/search/engine';
import { entityIncidents, incidentDetail } from '../../lib/worker/search/details';
import type { CatalogueEntry } from '../../lib/shared/types';

const SEED: CatalogueEntry[] = [
  { key: 'actor:apt28', type: 'actor', name: 'APT28', aliases: ['Fancy Bear', 'Sofacy', 'Forest Blizzard'], sources: ['seed'] },
  { key: 'actor:lazarus-group', type: 'actor', name: 'Lazarus Group', aliases: ['Hidden Cobra'], sources: ['seed'] },
  { key: 'vulnerability:cve-2023-4966', type: 'vulnerability', name: 'CVE-2023-4966', aliases: ['Citrix Bleed'], sources: ['seed'] },
  { key: 'malware:lockbit', type: 'malware', subtype: 'ransomware', name: 'LockBit', aliases: ['LockBit 3.0'], sources: ['seed'] },
];

const technique = (): EntityRow => {
  const e: CatalogueEntry = {
    key: 'technique:t1566',
    type: 'technique',
    name: 'Phishing',
    aliases: ['T1566'],
    sources: ['attack'],
    meta: { mitreId: 'T1566' },
  };
  return { ...e, aliasesLower: namesLower(e) };
};

function article(n: number, title: string, extra: Partial<AnalysedArticle> = {}): AnalysedArticle {
  return {
    url: `https://news.example/${n}`,
    sourceId: 'feed:example',
    title,
    published: '2024-03-0' + ((n % 9) + 1),
    entities: [],
    incidents: [],
    ...extra,
  };
}

const ransom: AnalysedArticle = article(1, 'Hospital chain hit by LockBit ransomware', {
  summary: 'The Ardent clinics lost access to patient records.',
  entities: [
    { key: 'malware:lockbit', name: 'LockBit', type: 'malware', start: 22, end: 29 },
    { key: 'organization:ardent', name: 'Ardent Health', type: 'organization', start: 0, end: 8 },
  ],
  incidents: [
    {
      type: 'ransomware',
      victim: { key: 'organization:ardent', name: 'Ardent Health' },
      actor: { key: 'malware:lockbit', name: 'LockBit' },
      spans: [{ start: 0, end: 40 }],
      summary: 'Ransomware attack on Ardent Health',
    },
  ],
});

let db: IncidentLensDb;
const services: SearchService[] = [];
afterEach(() => {
  db?.close();
  services.length = 0;
});

function open(name = `s-${Math.random()}`): IncidentLensDb {
  db = new IncidentLensDb({ indexedDB: factory, IDBKeyRange, name });
  return db;
}
let factory = new IDBFactory();

function service(d = db): SearchService {
  const s = new SearchService({ db: d, seed: () => SEED, buildId: 'test', persistDelayMs: 10_000 });
  s.watch();
  services.push(s);
  return s;
}

const keys = async (s: SearchService, q: string) => {
  const a = await s.search(q);
  return Object.fromEntries(Object.entries(a.groups).map(([k, hits]) => [k, hits.map((h) => h.key)]));
};

describe('oneEditAway', () => {
  it('holds deletions, swaps, changes and insertions, not the word itself', () => {
    const near = oneEditAway('lock');
    for (const w of ['lck', 'olck', 'lack', 'blocks'.slice(0, 5), 'locks']) expect(near).toContain(w);
    expect(near).not.toContain('lock');
    expect(near).not.toContain('lo');
  });
});

describe('SearchIndex', () => {
  it('finds by word and prefix, replaces and removes documents', () => {
    const ix = new SearchIndex();
    ix.put('article', 'a', 'Citrix gateway exploited');
    ix.put('article', 'b', 'Fortinet patch');
    expect(ix.search('citr').results.article).toEqual(['a']);
    ix.put('article', 'a', 'Ivanti appliances exploited');
    expect(ix.search('citrix').results.article).toEqual([]);
    expect(ix.search('ivanti').results.article).toEqual(['a']);
    ix.remove('article', 'a');
    expect(ix.search('exploited').results.article).toEqual([]);
    expect(ix.size('article')).toBe(1);
  });

  it('corrects a word one edit away when nothing matches as typed', () => {
    const ix = new SearchIndex();
    ix.put('entity', 'actor:lazarus-group', 'Lazarus Group');
    const r = ix.search('lazrus');
    expect(r.results.entity).toEqual(['actor:lazarus-group']);
    expect(r.corrected).toBeTruthy();
    expect(ix.search('lzaarus').results.entity).toEqual(['actor:lazarus-group']);
    expect(ix.search('ransomware').results.entity).toEqual([]);
    // "zzxj", one edit from "zzqxj", folds to "sk", a prefix of Scattered Spider's words: not taken.
    ix.put('entity', 'actor:scattered-spider', 'Scattered Spider');
    expect(ix.search('zzqxj').results.entity).toEqual([]);
  });

  it('round-trips through export and import, and keeps updating after', async () => {
    const ix = new SearchIndex();
    ix.put('saved', 'u1', 'Volt Typhoon routers');
    ix.put('saved', 'u2', 'Salt Typhoon telecoms');
    const stored = await ix.exportKind('saved');
    const back = new SearchIndex();
    expect(await back.importKind('saved', JSON.parse(JSON.stringify(stored)))).toBe(true);
    expect(back.search('typhoon').results.saved.sort()).toEqual(['u1', 'u2']);
    back.remove('saved', 'u1');
    back.put('saved', 'u3', 'Flax Typhoon botnet');
    expect(back.search('typhoon').results.saved.sort()).toEqual(['u2', 'u3']);
    expect(await back.importKind('saved', { version: -1, keys: [], chunks: {} })).toBe(false);
    // Chunks read one by one, as the worker reads them from the database; a missing one fails the kind.
    const byRead = new SearchIndex();
    const head = { version: stored.version, keys: stored.keys, chunkKeys: Object.keys(stored.chunks) };
    expect(await byRead.importKind('saved', head, async (k) => stored.chunks[k])).toBe(true);
    expect(byRead.search('salt').results.saved).toEqual(['u2']);
    expect(await byRead.importKind('saved', head, async () => undefined)).toBe(false);
    expect(byRead.search('salt').results.saved).toEqual([]);
  });
});

describe('SearchService', () => {
  it('finds a saved article by a tag of emoji only (the word index reads letters and digits)', async () => {
    open();
    const s = service();
    await saveArticle(db, { url: 'https://blog.example/hot', title: 'Notes on router botnets', tags: ['🔥', 'todo'] });
    await saveArticle(db, { url: 'https://blog.example/cold', title: 'Notes on printers', tags: ['🧊 later'] });
    expect((await keys(s, '🔥')).saved).toEqual(['https://blog.example/hot']);
    expect((await keys(s, ' 🧊 ')).saved).toEqual(['https://blog.example/cold']);
    expect((await keys(s, '🦀')).saved).toEqual([]);
    // A query with words is the index's: the words find what they find.
    expect((await keys(s, 'printers')).saved).toEqual(['https://blog.example/cold']);
  });

  it('answers a query that is one indicator, plain or defanged, with what mentions it, not with what shares its digits', async () => {
    open();
    const s = service();
    const ip = { key: 'indicator:ipv4:203.0.113.7', name: '203.0.113.7', type: 'indicator', subtype: 'ipv4', start: 40, end: 51 } as const;
    const host = {
      key: 'indicator:domain:evil.example.com',
      name: 'evil.example.com',
      type: 'indicator',
      subtype: 'domain',
      start: 60,
      end: 76,
    } as const;
    await ingestArticles(db, [
      { ...ransom, entities: [...ransom.entities, ip, host] },
      article(2, 'Patch 203 fixes 7 flaws in routers', { published: '2024-03-05' }),
    ]);
    await saveArticle(db, { url: 'https://blog.example/drop', title: 'Loader notes', note: '' }, Date.now(), {
      entities: [
        {
          key: 'indicator:url:http://evil.example.com/drop.php',
          name: 'http://evil.example.com/drop.php',
          type: 'indicator',
          subtype: 'url',
        },
      ],
      incidents: [],
    });

    const ipAnswer = await s.search('203.0.113[.]7');
    expect(ipAnswer.indicator).toBe('203.0.113.7');
    expect(await keys(s, '203.0.113[.]7')).toMatchObject({
      incident: ['https://news.example/1#0'],
      article: ['https://news.example/1'],
      saved: [],
    });
    expect((await keys(s, ' "203.0.113.7". ')).incident).toEqual(['https://news.example/1#0']);
    // A URL is looked up by itself and by its host: the saved note holds the URL, the article names the host.
    expect(await keys(s, 'hxxp://evil[.]example[.]com/drop.php')).toMatchObject({
      incident: ['https://news.example/1#0'],
      saved: ['https://blog.example/drop'],
    });
    const none = await s.search('198.51.100.1');
    expect(none.indicator).toBe('198.51.100.1');
    expect(Object.values(none.groups).flat()).toEqual([]);
    // Words are still the index's.
    expect((await keys(s, 'patch 203')).article).toEqual(['https://news.example/2']);
    expect((await s.search('patch 203')).indicator).toBeUndefined();
  });

  it('indexes the seed, synced entities, articles, incidents and the collection, and follows writes', async () => {
    open();
    const s = service();
    await ingestArticles(db, [ransom, article(2, 'Citrix Bleed exploited against banks')]);
    await db.entities.put(technique());
    await saveArticle(db, { url: 'https://blog.example/post', title: 'Notes on router botnets', note: 'check the watchlist' });
    await s.apply();

    expect((await keys(s, 'fancy bear')).entity).toEqual(['actor:apt28']);
    expect((await keys(s, 'sofac')).entity).toEqual(['actor:apt28']);
    expect((await keys(s, 'CVE-2023-4966')).entity).toEqual(['vulnerability:cve-2023-4966']);
    expect((await keys(s, 'phishing')).entity).toEqual(['technique:t1566']);
    expect((await keys(s, 'T1566')).entity).toEqual(['technique:t1566']);
    expect((await keys(s, 'ardent')).incident).toEqual(['https://news.example/1#0']);
    expect((await keys(s, 'hospit')).article).toEqual(['https://news.example/1']);
    expect((await keys(s, 'patient records')).article).toEqual(['https://news.example/1']);
    expect((await keys(s, 'watchlist')).saved).toEqual(['https://blog.example/post']);
    const typo = await s.search('ransomwrae');
    expect(typo.corrected).toBeTruthy();
    expect(typo.groups.article.map((h) => h.key)).toEqual(['https://news.example/1']);

    const hit = (await s.search('citrix bleed')).groups.entity[0];
    expect(hit).toMatchObject({ kind: 'entity', title: 'CVE-2023-4966', type: 'vulnerability' });
    expect(hit.detail).toContain('Citrix Bleed');

    // Update and delete.
    await saveArticle(db, { url: 'https://blog.example/post', title: 'Notes on router botnets', note: 'read again in May' });
    await db.articles.update('https://news.example/2', { title: 'Ivanti gateways exploited' });
    await s.apply();
    expect((await keys(s, 'watchlist')).saved).toEqual([]);
    expect((await keys(s, 'again')).saved).toEqual(['https://blog.example/post']);
    expect((await keys(s, 'ivanti')).article).toEqual(['https://news.example/2']);
    await removeArticle(db, 'https://blog.example/post');
    await db.entities.delete('technique:t1566');
    await s.apply();
    expect((await keys(s, 'router')).saved).toEqual([]);
    expect((await keys(s, 'phishing')).entity).toEqual([]);
  });

  it("follows another context's writes of the collection: edits, deletes and a cleared table", async () => {
    const name = `s-${Math.random()}`;
    const worker = open(name);
    const s = service(worker);
    const stop = s.follow();
    // The collection page: its own database object over the same database, whose writes no hook of the worker sees.
    const page = new IncidentLensDb({ indexedDB: factory, IDBKeyRange, name });
    try {
      await saveArticle(page, { url: 'https://blog.example/a', title: 'Notes on router botnets', note: 'first draft' });
      await saveArticle(page, { url: 'https://blog.example/b', title: 'Printer firmware backdoor', note: '' });
      await s.apply();
      expect((await keys(s, 'router')).saved).toEqual(['https://blog.example/a']);

      await updateArticle(page, 'https://blog.example/a', { note: 'zanzibarite' });
      await s.apply();
      expect((await keys(s, 'zanzibarite')).saved).toEqual(['https://blog.example/a']);
      expect((await keys(s, 'draft')).saved).toEqual([]);

      await removeArticles(page, ['https://blog.example/a']);
      await s.apply();
      expect((await keys(s, 'zanzibarite')).saved).toEqual([]);
      expect((await keys(s, 'printer')).saved).toEqual(['https://blog.example/b']);

      // A range (here the whole table) rather than keys: what the index holds in it is checked against the table.
      await page.collection.clear();
      await s.apply();
      expect((await keys(s, 'printer')).saved).toEqual([]);
    } finally {
      stop();
      page.close();
    }
  });

  it("follows the sync's ingest, whose requests go past Dexie: an index ready before it finds what it wrote", async () => {
    open();
    const s = service();
    const stop = s.follow();
    try {
      // Ready, and what opening the database wrote (its sources) taken in: nothing is left to re-read.
      await s.ready();
      await new Promise((r) => setTimeout(r, 0));
      await s.apply();
      await ingestArticles(db, [ransom, article(2, 'Citrix Bleed exploited against banks')]);
      // Dexie tells its listeners once the transaction has committed.
      await new Promise((r) => setTimeout(r, 0));
      await s.apply();
      expect((await keys(s, 'hospit')).article).toEqual(['https://news.example/1']);
      expect((await keys(s, 'citrix')).article).toEqual(['https://news.example/2']);
      expect((await keys(s, 'ardent')).incident).toEqual(['https://news.example/1#0']);

      // Read again without its incident: the incident row the ingest deletes leaves the index too.
      await ingestArticles(db, [{ ...ransom, incidents: [] }]);
      await new Promise((r) => setTimeout(r, 0));
      await s.apply();
      expect((await keys(s, 'ardent')).incident).toEqual([]);
    } finally {
      stop();
    }
  });

  it('re-reads only what its own worker wrote: the broadcast of its own bulk write is skipped', async () => {
    open();
    const s = service();
    const stop = s.follow();
    const row = (n: number, title: string) => ({
      url: `https://blog.example/${n}`,
      title,
      site: 'blog.example',
      tags: [],
      note: '',
      savedAt: 1,
      updatedAt: 1,
      entities: [],
      incidents: [],
      entityKeys: [],
      entityTypes: [],
      incidentTypes: [],
    });
    try {
      await db.collection.bulkPut(Array.from({ length: 10 }, (_, n) => row(n, 'Older post')));
      await s.apply();
      const puts = vi.spyOn(SearchIndex.prototype, 'put');
      // 50 rows or more: Dexie broadcasts the whole table as changed, not the keys.
      await db.collection.bulkPut(Array.from({ length: 60 }, (_, n) => row(100 + n, 'Satellite modem wiper')));
      await new Promise((r) => setTimeout(r, 0));
      await s.apply();
      expect((await keys(s, 'satellite')).saved).toHaveLength(6);
      expect(puts).toHaveBeenCalledTimes(60);
      puts.mockRestore();
    } finally {
      stop();
    }
  });

  it('does not index a write that was rolled back', async () => {
    open();
    const s = service();
    await s.ready();
    await db
      .transaction('rw', db.collection, async () => {
        await db.collection.put({
          url: 'https://x.example/',
          title: 'Phantom row',
          site: 'x.example',
          tags: [],
          note: '',
          savedAt: 1,
          updatedAt: 1,
          entities: [],
          incidents: [],
          entityKeys: [],
          entityTypes: [],
          incidentTypes: [],
        });
        throw new Error('abort');
      })
      .catch(() => undefined);
    await s.apply();
    expect((await keys(s, 'phantom')).saved).toEqual([]);
  });

  it('stores the index and loads it in the next worker; rebuilds when rows were written unseen', async () => {
    factory = new IDBFactory();
    const name = 'persist';
    open(name);
    const first = service();
    await ingestArticles(db, [ransom]);
    await saveArticle(db, { url: 'https://blog.example/a', title: 'Sandworm wipers in Ukraine', note: '' });
    await first.apply();
    await first.persist();
    expect((await first.search('sandworm')).progress.from).toBe('built');
    db.close();

    open(name);
    const second = service();
    const early = await second.search('sandworm'); // answered at once, from what is loaded so far
    expect(early.progress.state).toBe('loading');
    await second.ready();
    const answer = await second.search('sandworm');
    expect(answer.progress.from).toBe('stored');
    expect(answer.groups.saved.map((h) => h.key)).toEqual(['https://blog.example/a']);
    expect((await keys(second, 'lockbit')).incident).toEqual(['https://news.example/1#0']);
    // Still incremental after loading.
    await saveArticle(db, { url: 'https://blog.example/b', title: 'Kimsuky phishing lures', note: '' });
    await second.apply();
    expect((await keys(second, 'kimsuky')).saved).toEqual(['https://blog.example/b']);
    await second.persist();
    db.close();

    // The collection written (a save, an edited note) by a database connection nobody watches, as the
    // collection page does while the worker sleeps: the stored index is loaded and the collection re-read.
    const other = new IncidentLensDb({ indexedDB: factory, IDBKeyRange, name });
    await saveArticle(other, { url: 'https://blog.example/c', title: 'Scattered Spider help desks', note: '' });
    await updateArticle(other, 'https://blog.example/b', { note: 'zanzibarite' }, Date.now() + 1000);
    other.close();
    open(name);
    const third = service();
    await third.ready();
    await third.apply();
    const loaded = await third.search('scattered');
    expect(loaded.progress.from).toBe('stored');
    expect(loaded.groups.saved.map((h) => h.key)).toEqual(['https://blog.example/c']);
    expect((await keys(third, 'zanzibarite')).saved).toEqual(['https://blog.example/b']);
    await third.persist();
    db.close();

    // Articles written unseen: the counts differ, the stored index is rebuilt.
    const sync = new IncidentLensDb({ indexedDB: factory, IDBKeyRange, name });
    await ingestArticles(sync, [article(7, 'Volt Typhoon routers')]);
    sync.close();
    open(name);
    const fourth = service();
    await fourth.ready();
    const rebuilt = await fourth.search('volt typhoon');
    expect(rebuilt.progress.from).toBe('built');
    expect(rebuilt.groups.article.map((h) => h.key)).toEqual(['https://news.example/7']);
    expect((await keys(fourth, 'zanzibarite')).saved).toEqual(['https://blog.example/b']);
  });

  it("tells a stored index from a stale one by the kept counts, counting none of the sync's tables", async () => {
    factory = new IDBFactory();
    open('kept');
    const first = service();
    await ingestArticles(db, [ransom]);
    await saveArticle(db, { url: 'https://blog.example/k', title: 'Kimsuky lures', note: '' });
    await first.apply();
    await first.persist();
    db.close();
    open('kept');
    // Every table of a Dexie instance shares one prototype: any table's count() is seen.
    const count = vi.spyOn(Object.getPrototypeOf(db.articles) as { count(): Promise<number> }, 'count');
    const second = service();
    await second.ready();
    expect(second.progress().from).toBe('stored');
    // Only the user's collection (small, its count not kept) is counted.
    expect(count.mock.contexts.map((t) => (t as { name: string }).name).filter((n) => n !== 'collection')).toEqual([]);
    count.mockRestore();
  });

  it('rebuilds when a stored chunk is missing or damaged', async () => {
    factory = new IDBFactory();
    open('damaged');
    const first = service();
    await saveArticle(db, { url: 'https://blog.example/z', title: 'Turla satellites', note: '' });
    await first.apply();
    await first.persist();
    const chunks = (await db.blobs.toCollection().primaryKeys()).filter((k) => String(k).startsWith('search:saved#'));
    expect(chunks.length).toBeGreaterThan(0);
    await db.blobs.put({ key: String(chunks[0]), data: new Uint8Array([1, 2, 3]), updatedAt: 0 });
    db.close();
    open('damaged');
    const second = service();
    await second.ready();
    expect(second.progress().from).toBe('built');
    expect((await keys(second, 'turla')).saved).toEqual(['https://blog.example/z']);
  });

  it('rebuilds on request, with progress counting every row', async () => {
    open();
    const s = service();
    await ingestArticles(db, [ransom, article(2, 'Second story')]);
    await s.apply();
    await s.rebuild();
    const p = s.progress();
    expect(p).toMatchObject({ state: 'ready', from: 'built' });
    expect(p.total).toBe(SEED.length + 2 + 1); // seed, two articles, one incident
  });
});

describe('search details', () => {
  it('opens an incident with its articles and an entity with its incidents', async () => {
    open();
    const again = article(3, 'Ardent Health confirms ransomware attack', {
      published: '2024-03-09',
      entities: ransom.entities,
      incidents: ransom.incidents,
    });
    await ingestArticles(db, [ransom, again]);
    const detail = await incidentDetail(db, 'https://news.example/1#0');
    expect(detail?.victim).toBe('Ardent Health');
    expect(detail?.articles.map((a) => a.url)).toEqual(['https://news.example/1', 'https://news.example/3']);
    const list = await entityIncidents(db, 'malware:lockbit');
    expect(list.map((i) => i.id)).toEqual(['https://news.example/3#0', 'https://news.example/1#0']);
    expect(list[0].articleTitle).toBe('Ardent Health confirms ransomware attack');
    expect(await incidentDetail(db, 'nope')).toBeNull();
  });

  it('opens a ransomware family with its gang’s incidents too, each once', async () => {
    open();
    const gang = article(4, 'LockBit gang claims attack on Acme', {
      published: '2024-03-12',
      entities: [
        { key: 'actor:lockbit', name: 'LockBit', type: 'actor', start: 0, end: 7 },
        { key: 'malware:lockbit', name: 'LockBit', type: 'malware', start: 40, end: 47 },
        { key: 'organization:acme', name: 'Acme', type: 'organization', start: 30, end: 34 },
      ],
      incidents: [
        {
          type: 'ransomware',
          victim: { key: 'organization:acme', name: 'Acme' },
          actor: { key: 'actor:lockbit', name: 'LockBit' },
          spans: [{ start: 0, end: 50 }],
          summary: 'Ransomware attack on Acme',
        },
      ],
    });
    await ingestArticles(db, [ransom, gang]);
    const ids = ['https://news.example/4#0', 'https://news.example/1#0'];
    expect((await entityIncidents(db, 'malware:lockbit')).map((i) => i.id)).toEqual(ids);
    expect((await entityIncidents(db, 'actor:lockbit')).map((i) => i.id)).toEqual(ids);
  });
});

describe('corrections in a query of several words', () => {
  it('take the word one edit away that makes the whole query find something', () => {
    const ix = new SearchIndex();
    ix.put('article', 'a', 'Phishing campaign targets banks');
    ix.put('article', 'b', 'Phishnet botnet returns');
    const r = ix.search('phishng campaign');
    expect(r.results.article).toEqual(['a']);
    // The encoder folds vowels: "phisheng" and "phishing" are one word to the index.
    expect(r.corrected).toMatch(/^phish[ei]ng campaign$/);
  });
});
