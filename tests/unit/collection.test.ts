import { describe, it, expect, beforeEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import {
  getSavedArticle,
  queryCollection,
  removeArticles,
  restoreArticles,
  saveArticle,
  tagArticles,
  updateArticle,
} from '../../lib/worker/db/collection';
import { normaliseTag, normaliseTags, parseTags } from '../../lib/shared/tags';
import { excerptOf } from '../../lib/shared/collection/saved';
import { articleUrl } from '../../lib/shared/collection/article-url';
import { canonicalUrl } from '../../lib/worker/sync/parse/links';
import { facets, type CollectionSort } from '../../lib/shared/collection/filter';
import { parseTagInput } from '../../components/sidebar/SaveForm';
import { parseTags as formParseTags } from '../../components/format';
import { checkMessage } from '../../lib/worker/messaging-guard';
import { findPatternEntities } from '../../lib/worker/extract/patterns';
import { exportEverything } from '../../lib/worker/db/data';
import { parseImport } from '../../lib/worker/export/import';
import { toJson } from '../../lib/worker/export/json';
import { BARE_SAVE, CITRIX_FINDINGS, CITRIX_SAVE, ICC_FINDINGS, ICC_SAVE } from '../support/saved-sample';

let db: IncidentLensDb;
beforeEach(() => {
  db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});

async function fill() {
  await saveArticle(db, CITRIX_SAVE, 1_000, CITRIX_FINDINGS);
  await saveArticle(db, ICC_SAVE, 2_000, ICC_FINDINGS);
  await saveArticle(db, BARE_SAVE, 3_000);
}

describe('tags, normalised in one place', () => {
  it('trims, collapses inner whitespace, lower-cases and keeps each tag once in first-seen order', () => {
    expect(normaliseTag('  Threat   Intel ')).toBe('threat intel');
    expect(normaliseTags(['APT28', ' apt28', '', 'Espionage', '  '])).toEqual(['apt28', 'espionage']);
    expect(parseTags('APT28, espionage ,, Apt28')).toEqual(['apt28', 'espionage']);
  });

  it('is the same function in the forms and in the guard', () => {
    const typed = ' Cl0p ,  MOVEit  Transfer, cl0p';
    expect(parseTagInput(typed)).toEqual(['cl0p', 'moveit transfer']);
    expect(formParseTags(typed)).toEqual(parseTagInput(typed));
    const checked = checkMessage(
      'saveArticle',
      { url: 'https://example.com/a', title: 'A', tags: ['  MOVEit   Transfer', 'moveit transfer', 'Cl0p'] },
      { id: 'me', url: 'chrome-extension://me/popup.html' },
      { id: 'me', baseUrl: 'chrome-extension://me/' },
    );
    expect(checked.ok && checked.data.tags).toEqual(['moveit transfer', 'cl0p']);
  });
});

describe('the guard on saveArticle', () => {
  const self = { id: 'me', baseUrl: 'chrome-extension://me/' };
  const content = { id: 'me', url: 'https://therecord.media/icc-espionage', frameId: 0, tab: { id: 3 } };
  it('lets a content script save its own page with its text, within limits', () => {
    const ok = checkMessage('saveArticle', { ...ICC_SAVE, author: 'A. Martin', excerpt: 'x' }, content, self);
    expect(ok.ok && ok.data).toMatchObject({ url: ICC_SAVE.url, text: ICC_SAVE.text, author: 'A. Martin', tags: ['espionage'] });
    const other = checkMessage('saveArticle', { ...ICC_SAVE, url: 'https://example.com/x' }, content, self);
    expect(other).toEqual({ ok: false, error: '"saveArticle": a content script may only ask about its own page' });
    const huge = checkMessage('saveArticle', { ...ICC_SAVE, text: 'x'.repeat(400_001) }, content, self);
    expect(huge.ok).toBe(false);
    const tags = checkMessage('saveArticle', { ...ICC_SAVE, tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }, content, self);
    expect(tags.ok).toBe(false);
    const long = checkMessage('saveArticle', { ...ICC_SAVE, tags: ['x'.repeat(41)] }, content, self);
    expect(long.ok).toBe(false);
  });

  it('cuts a page’s long title or byline rather than refuse to save the page', () => {
    const title = 'Ransomware gang hits hospital '.repeat(25);
    const checked = checkMessage('saveArticle', { ...ICC_SAVE, title, author: `By ${'A. Martin, '.repeat(60)}` }, content, self);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.data.title).toBe(title.slice(0, 500).trimEnd());
    expect(checked.data.author).toHaveLength(500);
    // The same page read: its analysis is not refused either.
    const read = checkMessage('analyzeFirstStage', { url: content.url, text: ICC_SAVE.text!, title }, content, self);
    expect(read.ok && read.data.title).toBe(title.slice(0, 500).trimEnd());
  });
});

describe('an article naming a long URL (a phishing link with its query)', () => {
  const url = `https://login-microsoftonline-secure.example-phish.com/common/oauth2/authorize?client_id=${'a1b2c3d4'.repeat(120)}`;
  const text = `The phishing emails linked to ${url.replace('https', 'hxxps').replace(/\./g, '[.]')} and harvested credentials.`;
  const self = { id: 'me', baseUrl: 'chrome-extension://me/' };
  const content = { id: 'me', url: 'https://therecord.media/phish', frameId: 0, tab: { id: 3 } };

  it('is asked about, saved, exported and imported back with the indicator the engine found in it', async () => {
    const found = findPatternEntities(text).filter((e) => e.type === 'indicator');
    expect(found.map((e) => e.name)).toEqual([url]);
    const entities = found.map(({ key, type, name, subtype }) => ({ key, type, name, subtype }));
    // The page's cards and related incidents ask with every key it found.
    expect(checkMessage('entityFacts', { entities }, content, self).ok).toBe(true);
    expect(checkMessage('relatedIncidents', { entityKeys: entities.map((e) => e.key), url: content.url }, content, self).ok).toBe(true);

    await saveArticle(db, { url: content.url, title: 'Phishing kit', text }, 1_000, { entities: found, incidents: [] });
    const parsed = parseImport(toJson(await exportEverything(db)));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.data.articles[0].entities.map((e) => e.name)).toEqual([url]);
  });
});

describe('saving', () => {
  it('keeps what the page was: text, author, excerpt, entities once per key, incidents, index fields', async () => {
    const row = await saveArticle(db, CITRIX_SAVE, 1_000, CITRIX_FINDINGS);
    expect(row).toMatchObject({
      url: 'https://www.bleepingcomputer.com/news/security/citrix-bleed-boeing/',
      author: 'Sergiu Gatlan',
      published: '2023-11-13',
      text: CITRIX_SAVE.text,
      tags: ['ransomware', 'citrix'],
      savedAt: 1_000,
      updatedAt: 1_000,
    });
    expect(row.excerpt).toBe(excerptOf(CITRIX_SAVE.text!));
    expect(row.entities[0]).toEqual({ key: 'organization:boeing', type: 'organization', name: 'Boeing', count: 2 });
    expect(row.entities).toHaveLength(13);
    expect(row.incidents.map((i) => i.type)).toEqual(['ransomware', 'data-breach']);
    expect(row.entityTypes).toEqual([
      'actor',
      'attack',
      'indicator',
      'location',
      'malware',
      'organization',
      'product',
      'technique',
      'vulnerability',
    ]);
    expect(row.incidentTypes).toEqual(['data-breach', 'ransomware']);
    expect(await getSavedArticle(db, CITRIX_SAVE.url)).toEqual(row);
  });

  it('saving again updates the one row: the page part is refreshed, tags and note kept unless given', async () => {
    await saveArticle(db, CITRIX_SAVE, 1_000, CITRIX_FINDINGS);
    // Again without text (a popup on a page the content script did not read): text and entities stay.
    const again = await saveArticle(db, { url: `${CITRIX_SAVE.url}-`.slice(0, -1), title: 'New title' }, 5_000);
    expect(again).toMatchObject({
      title: 'New title',
      savedAt: 1_000,
      updatedAt: 5_000,
      tags: ['ransomware', 'citrix'],
      note: CITRIX_SAVE.note,
    });
    expect(again.text).toBe(CITRIX_SAVE.text);
    expect(again.entities).toHaveLength(13);
    // Again with new text and the form's tags: both replace.
    const third = await saveArticle(db, { ...ICC_SAVE, url: CITRIX_SAVE.url, tags: ['Boeing'], note: '' }, 6_000, ICC_FINDINGS);
    expect(third).toMatchObject({ tags: ['boeing'], note: '', text: ICC_SAVE.text, incidentTypes: ['espionage'], savedAt: 1_000 });
    expect(await db.collection.count()).toBe(1);
  });

  it('is one article whether reached with tracking parameters or a fragment', async () => {
    expect(articleUrl('https://therecord.media/a?utm_source=x&id=7&fbclid=abc#top')).toBe('https://therecord.media/a?id=7');
    expect(articleUrl('https://example.com/p?page=2')).toBe('https://example.com/p?page=2');
    // One list with the sync's links: a feed item's address and the saved article's are the same address.
    for (const tracked of ['https://news.example/a?icid=home&id=2&msclkid=x', 'https://news.example/a?taid=1&id=2&gbraid=y#c'])
      expect(articleUrl(tracked)).toBe(canonicalUrl(tracked));
    expect(canonicalUrl('https://news.example/a?icid=home&id=2&msclkid=x')).toBe('https://news.example/a?id=2');
    await saveArticle(db, { ...ICC_SAVE, url: `${ICC_SAVE.url}?utm_medium=email&utm_campaign=daily` }, 1_000, ICC_FINDINGS);
    const again = await saveArticle(db, { url: `${ICC_SAVE.url}?fbclid=1#comments`, title: ICC_SAVE.title }, 2_000);
    expect(again).toMatchObject({ url: ICC_SAVE.url, savedAt: 1_000, updatedAt: 2_000 });
    expect(await db.collection.count()).toBe(1);
    expect(await getSavedArticle(db, `${ICC_SAVE.url}?utm_source=newsletter`)).toMatchObject({ url: ICC_SAVE.url });
  });

  it("answers while a sync's transaction holds the sync's tables: a save never waits for the sync", async () => {
    await db.open();
    // A chunk of the ingest or a catalogue import: a readwrite transaction over every table of the sync, the
    // kept counts' row included, kept busy until released.
    const sync = db.backendDB().transaction(['sources', 'articles', 'incidents', 'entities', 'kev', 'clusters', 'ingestMeta'], 'readwrite');
    let busy = true;
    const work = () => {
      const r = sync.objectStore('ingestMeta').get('counts');
      r.onsuccess = () => void (busy && work());
    };
    work();
    const synced = new Promise((ok) => (sync.oncomplete = ok));
    const first = await Promise.race([
      saveArticle(db, ICC_SAVE, 1_000, ICC_FINDINGS).then(() => 'saved'),
      new Promise((ok) => setTimeout(() => ok('waited for the sync'), 2_000)),
    ]);
    busy = false;
    await synced;
    expect(first).toBe('saved');
    expect(await db.collection.count()).toBe(1);
  });

  it('excerpts cut at a word', () => {
    expect(excerptOf('word '.repeat(100), 22)).toBe('word word word word…');
    expect(excerptOf('short  text\n')).toBe('short text');
  });
});

describe('filters', () => {
  it('by tag, entity, entity type, incident type, site, date range and words, each through its index', async () => {
    await fill();
    const titles = async (f: Parameters<typeof queryCollection>[1]) => (await queryCollection(db, f)).map((r) => r.title);
    expect(await titles({})).toEqual(['Vendor advisory, read later', ICC_SAVE.title, CITRIX_SAVE.title]);
    expect(await titles({ tag: 'Espionage' })).toEqual([ICC_SAVE.title]);
    expect(await titles({ entityKey: 'actor:apt28' })).toEqual([CITRIX_SAVE.title]);
    expect(await titles({ entityType: 'location' })).toEqual([ICC_SAVE.title, CITRIX_SAVE.title]);
    expect(await titles({ incidentType: 'espionage' })).toEqual([ICC_SAVE.title]);
    expect(await titles({ site: 'example.org' })).toEqual([BARE_SAVE.title]);
    expect(await titles({ from: '2023-11-01', to: '2023-11-30' })).toEqual([CITRIX_SAVE.title]);
    expect(await titles({ from: '2023-10-20', to: '2023-10-20' })).toEqual([ICC_SAVE.title]);
    // Words anywhere in title, text, note or entity names, any case; all must be there.
    expect(await titles({ text: 'HAGUE espionage' })).toEqual([ICC_SAVE.title]);
    expect(await titles({ text: 'stolen boeing' })).toEqual([CITRIX_SAVE.title]);
    expect(await titles({ text: 'hyperlink' })).toEqual([CITRIX_SAVE.title]);
    expect(await titles({ text: 'stolen hague' })).toEqual([]);
    expect(await titles({ entityType: 'location', text: 'boeing' })).toEqual([CITRIX_SAVE.title]);
  });

  it('offers the tags, sites and entities the collection has, entities by how many articles name them', async () => {
    await fill();
    await saveArticle(db, { ...ICC_SAVE, url: 'https://therecord.media/icc-2' }, 4_000, ICC_FINDINGS);
    const f = facets(await db.collection.toArray());
    expect(f.entities.slice(0, 2).map((e) => [e.name, e.articles])).toEqual([
      ['International Criminal Court', 2],
      ['The Hague', 2],
    ]);
    expect(f.tags).toEqual(['citrix', 'espionage', 'ransomware', 'todo']);
    expect(f.sites).toEqual(['bleepingcomputer.com', 'example.org', 'therecord.media']);
    expect(f.entities).toHaveLength(15);
    expect(f.entities.find((e) => e.key === 'actor:apt28')).toEqual({ key: 'actor:apt28', name: 'APT28', type: 'actor', articles: 1 });
  });

  it('sorts by save date, article date or title', async () => {
    await fill();
    const titles = async (sort: CollectionSort) => (await queryCollection(db, { sort })).map((r) => r.title[0]);
    expect(await titles('saved-asc')).toEqual(['L', 'W', 'V']);
    expect(await titles('title')).toEqual(['L', 'V', 'W']);
    // The bare page has no date: it is filed under its save day (1970 here), the oldest.
    expect(await titles('published-desc')).toEqual(['L', 'W', 'V']);
  });
});

describe('editing', () => {
  it('edits tags and note in place, tags several at once, removes and undoes', async () => {
    await fill();
    const edited = await updateArticle(db, ICC_SAVE.url, { tags: ['ICC', 'espionage'], note: ' read again ' }, 9_000);
    expect(edited).toMatchObject({ tags: ['icc', 'espionage'], note: 'read again', updatedAt: 9_000 });
    expect(await updateArticle(db, 'https://nowhere.example/x', { note: 'x' })).toBeNull();

    expect(await tagArticles(db, [ICC_SAVE.url, BARE_SAVE.url], ['Later'], ['todo'], 9_500)).toBe(2);
    expect((await getSavedArticle(db, BARE_SAVE.url))!.tags).toEqual(['later']);
    expect(await tagArticles(db, [ICC_SAVE.url], ['later'])).toBe(0); // already there: unchanged

    const before = await db.collection.toArray();
    const removed = await removeArticles(db, [ICC_SAVE.url, BARE_SAVE.url, 'https://nowhere.example/x']);
    expect(removed.map((r) => r.url).sort()).toEqual([BARE_SAVE.url, ICC_SAVE.url].sort());
    expect(await db.collection.count()).toBe(1);
    expect(await restoreArticles(db, removed)).toBe(2);
    expect(await db.collection.toArray()).toEqual(before);
  });

  it('a full disk leaves the collection as it was, with a clear message', async () => {
    await fill();
    const before = await db.collection.toArray();
    const quota = () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    db.collection.hook('updating', quota);
    db.collection.hook('creating', quota);
    await expect(
      tagArticles(
        db,
        before.map((r) => r.url),
        ['x'],
      ),
    ).rejects.toThrow(/storage .* is full, so nothing was changed/);
    await expect(saveArticle(db, { url: 'https://example.com/new', title: 'New' })).rejects.toThrow(/is full/);
    db.collection.hook('updating').unsubscribe(quota);
    db.collection.hook('creating').unsubscribe(quota);
    expect(await db.collection.toArray()).toEqual(before);
  });
});
